import { describe, expect, it } from 'vitest';
import { SAMPLE_BUILDERS } from '../testing/sample-documents';
import { COLLECTIONS, COLLECTION_NAMES } from './collections';
import { describeValidationError, validateDocument } from './validate';

describe('collection schemas', () => {
  for (const name of COLLECTION_NAMES) {
    describe(name, () => {
      it('accepts a realistic document', () => {
        const doc = SAMPLE_BUILDERS[name]();
        const result = validateDocument(name, doc);
        expect(result.ok ? 'valid' : describeValidationError(result.error)).toBe('valid');
      });

      it('accepts the replication flag _deleted and refuses other underscore fields', () => {
        expect(validateDocument(name, { ...SAMPLE_BUILDERS[name](), _deleted: false }).ok).toBe(
          true,
        );
        expect(validateDocument(name, { ...SAMPLE_BUILDERS[name](), _rev: '1-abc' }).ok).toBe(
          false,
        );
        expect(validateDocument(name, { ...SAMPLE_BUILDERS[name](), _deleted: 'no' }).ok).toBe(
          false,
        );
      });

      it('refuses a document missing each required field, naming the field', () => {
        for (const field of COLLECTIONS[name].schema.required) {
          const doc: Record<string, unknown> = { ...SAMPLE_BUILDERS[name]() };
          delete doc[field];
          const result = validateDocument(name, doc);
          expect(result.ok, `without ${field}`).toBe(false);
          if (!result.ok && result.error.kind === 'invalid') {
            expect(result.error.issues).toContainEqual({
              path: `/${field}`,
              message: 'is required',
            });
          }
        }
      });

      it('refuses a wrong type in every top-level field', () => {
        const sample = SAMPLE_BUILDERS[name]() as Record<string, unknown>;
        for (const [field, value] of Object.entries(sample)) {
          const wrong = typeof value === 'string' ? 12345 : 'not the right type';
          const result = validateDocument(name, { ...sample, [field]: wrong });
          expect(result.ok, `${field} = ${JSON.stringify(wrong)}`).toBe(false);
        }
      });

      it('refuses unknown fields', () => {
        const result = validateDocument(name, { ...SAMPLE_BUILDERS[name](), surprise: 1 });
        expect(result.ok).toBe(false);
        expect(!result.ok && describeValidationError(result.error)).toContain(
          '/surprise is not allowed',
        );
      });

      it('has a primary key with a maxLength and bounded indexes, as RxDB requires', () => {
        const schema = COLLECTIONS[name].schema;
        const props = schema.properties as Record<string, { maxLength?: number; type?: string }>;
        expect(props[schema.primaryKey]?.maxLength).toBeGreaterThan(0);
        for (const index of schema.indexes ?? []) {
          expect(schema.required, `index ${index} must be required`).toContain(index);
          expect(props[index]?.maxLength, `index ${index}`).toBeGreaterThan(0);
        }
      });
    });
  }

  it('refuses an unknown collection', () => {
    expect(validateDocument('users', {})).toEqual({
      ok: false,
      error: { kind: 'unknownCollection', collection: 'users' },
    });
  });

  it('checks nested values: an applicant with a malformed ID number or phone', () => {
    const app = SAMPLE_BUILDERS.applications();
    const badId = validateDocument('applications', {
      ...app,
      applicant: { ...app.applicant!, idNumber: '12345' },
    });
    expect(!badId.ok && describeValidationError(badId.error)).toContain('/applicant/idNumber');
    const badPhone = validateDocument('applications', {
      ...app,
      applicant: { ...app.applicant!, phone: '999' },
    });
    expect(!badPhone.ok && describeValidationError(badPhone.error)).toContain('/applicant/phone');
    const noBasis = validateDocument('applications', { ...app, hardshipBases: [] });
    expect(noBasis.ok).toBe(false);
    const badCode = validateDocument('applications', { ...app, trackingCode: 'OOOOOOOOOOO' });
    expect(badCode.ok).toBe(false);
    const badDate = validateDocument('applications', { ...app, createdAt: 'yesterday' });
    expect(badDate.ok).toBe(false);
  });

  it('encrypts exactly the personal-information fields of each collection', () => {
    for (const name of COLLECTION_NAMES) {
      expect([...(COLLECTIONS[name].schema.encrypted ?? [])]).toEqual([
        ...COLLECTIONS[name].piiFields,
      ]);
    }
  });
});
