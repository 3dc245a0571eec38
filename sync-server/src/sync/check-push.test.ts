import { describe, expect, it } from 'vitest';
import { sampleApplication, sampleFeedback, sampleQuestion } from '@pls/shared/testing';
import { PUSH_ROWS_MAX } from '@pls/shared/protocol';
import { checkPush, ownershipProblem, statusOfRejection } from './check-push';
import type { DeviceIdentity } from './scope';

const kiosk: DeviceIdentity = {
  id: 'kiosk-2345',
  kind: 'kiosk',
  name: 'k',
  stationId: 'station-xilinhot-baiyinxile',
  householdId: null,
  regionCode: '152502',
  deviceTag: '2345',
};
const tv: DeviceIdentity = {
  ...kiosk,
  id: 'tv-6789',
  kind: 'tv',
  stationId: null,
  householdId: 'household-0001',
  regionCode: '1525',
};
const row = (doc: object, assumed?: object) => ({
  newDocumentState: { ...doc, _deleted: false },
  ...(assumed ? { assumedMasterState: assumed } : {}),
});
const app = (overrides = {}) =>
  sampleApplication({ deviceId: kiosk.id, stationId: kiosk.stationId!, ...overrides });

describe('checkPush', () => {
  it('accepts valid rows of the pushing device', () => {
    const result = checkPush(kiosk, 'applications', { rows: [row(app()), row(app())] });
    expect(result.ok && result.value.length).toBe(2);
  });

  it('refuses the envelope when it is not {rows: [...]} or too long', () => {
    expect(checkPush(kiosk, 'applications', [])).toEqual({
      ok: false,
      error: { code: 'bad_request', message: 'body must be {rows: [...]}' },
    });
    const many = { rows: Array.from({ length: PUSH_ROWS_MAX + 1 }, () => row(app())) };
    expect(checkPush(kiosk, 'applications', many)).toMatchObject({
      ok: false,
      error: { code: 'bad_request', message: expect.stringContaining('at most') },
    });
  });

  it('names each refused row with its kind', () => {
    const { applicant: _a, ...noApplicant } = app();
    const duplicate = app();
    const result = checkPush(kiosk, 'applications', {
      rows: [
        row(app({ deviceId: 'kiosk-other' })),
        row({ ...app(), piiPurgedAt: '2026-11-23T00:00:00.000Z' }),
        row(noApplicant),
        row({ ...app(), description: 1 }),
        { newDocumentState: app() }, // no _deleted flag
        row({ ...app(), padding: 'x'.repeat(40_000) }),
        row(duplicate),
        row(duplicate),
        'not a row',
      ],
    });
    expect(result.ok).toBe(false);
    const kinds = !result.ok ? (result.error.rejected ?? []).map((r) => [r.index, r.kind]) : [];
    expect(kinds).toEqual([
      [0, 'not_owner'],
      [1, 'pii_purged'],
      [2, 'pii_missing'],
      [3, 'invalid'],
      [4, 'invalid'],
      [5, 'too_large'],
      [7, 'duplicate_id'],
      [8, 'invalid'],
    ]);
  });

  it('does not schema-check the assumed state (it is only compared), but bounds its size', () => {
    expect(
      checkPush(kiosk, 'applications', {
        rows: [row(app(), { id: 'x', _deleted: false, old: true })],
      }).ok,
    ).toBe(true);
    const huge = checkPush(kiosk, 'applications', {
      rows: [row(app(), { id: 'x', _deleted: false, pad: 'x'.repeat(40_000) })],
    });
    expect(!huge.ok && huge.error.rejected?.[0]!.message).toContain('assumedMasterState');
  });

  it('maps refusals to a status: ownership 403, size alone 413, else 422', () => {
    expect(
      statusOfRejection([
        { index: 0, id: 'a', kind: 'invalid', message: '' },
        { index: 1, id: 'b', kind: 'not_owner', message: '' },
      ]),
    ).toBe(403);
    expect(statusOfRejection([{ index: 0, id: 'a', kind: 'too_large', message: '' }])).toBe(413);
    expect(
      statusOfRejection([
        { index: 0, id: 'a', kind: 'too_large', message: '' },
        { index: 1, id: 'b', kind: 'invalid', message: '' },
      ]),
    ).toBe(422);
  });
});

describe('ownershipProblem', () => {
  it('binds kiosk documents to the kiosk and its station, TV documents to the box and its household', () => {
    expect(ownershipProblem(kiosk, 'applications', app())).toBeNull();
    expect(
      ownershipProblem(kiosk, 'applications', app({ stationId: 'station-hohhot-xincheng' })),
    ).toContain('stationId');
    expect(
      ownershipProblem(
        kiosk,
        'feedback',
        sampleFeedback({ deviceId: kiosk.id, stationId: kiosk.stationId!, source: 'tv' }),
      ),
    ).toContain('source');
    const question = sampleQuestion({ deviceId: tv.id, householdId: 'household-0001' });
    expect(ownershipProblem(tv, 'questions', question)).toBeNull();
    expect(
      ownershipProblem(tv, 'questions', { ...question, householdId: 'household-0002' }),
    ).toContain('householdId');
    expect(ownershipProblem(tv, 'applications', sampleApplication({ deviceId: tv.id }))).toContain(
      'TV box',
    );
    expect(
      ownershipProblem(kiosk, 'questions', { ...question, deviceId: kiosk.id, source: 'kiosk' }),
    ).toContain('householdId');
  });
});
