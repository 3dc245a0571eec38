/**
 * The one JSON Schema set-up of the project: one Ajv (draft 2020-12, strict, all errors) shared
 * by the document schemas (validate.ts), the content source files and the kiosk bridge, and one
 * way to turn its errors into issues. Schemas compile once (Ajv caches by schema object).
 */
import { Ajv2020, type AnySchema, type ErrorObject } from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { err, ok, type Result } from './result';

/** RxDB keywords that JSON Schema does not know; they carry no validation meaning. */
const RXDB_KEYWORDS = [
  'version',
  'primaryKey',
  'indexes',
  'encrypted',
  'keyCompression',
  'attachments',
  'internalIndexes',
  'final',
  'ref',
];

export interface ValidationIssue {
  /** JSON pointer to the offending value ('' for the value itself). */
  readonly path: string;
  readonly message: string;
}

let shared: Ajv2020 | undefined;

/** The shared Ajv instance (made on first use: compiling is the expensive part). */
export function schemaAjv(): Ajv2020 {
  if (!shared) {
    shared = new Ajv2020({ allErrors: true, strict: true, strictRequired: false });
    addFormats(shared, ['date', 'date-time', 'uri']);
    shared.addVocabulary(RXDB_KEYWORDS);
  }
  return shared;
}

/** One Ajv error as an issue: the offending property named in the path. */
export function toValidationIssue(error: ErrorObject): ValidationIssue {
  const where = error.instancePath;
  switch (error.keyword) {
    case 'required':
      return {
        path: `${where}/${String(error.params['missingProperty'])}`,
        message: 'is required',
      };
    case 'additionalProperties':
      return {
        path: `${where}/${String(error.params['additionalProperty'])}`,
        message: 'is not allowed',
      };
    case 'enum':
      return {
        path: where,
        message: `must be one of ${(error.params['allowedValues'] as unknown[]).join(', ')}`,
      };
    default:
      return { path: where, message: error.message ?? error.keyword };
  }
}

export type SchemaCheck<T> = (value: unknown) => Result<T, readonly ValidationIssue[]>;

/**
 * A checker for `schema`. `T` is what the schema describes: the one place a checked value gets
 * its type, so a schema and its type are kept together (and tested together) by the caller.
 */
export function compileSchema<T>(schema: AnySchema): SchemaCheck<T> {
  const validate = schemaAjv().compile(schema);
  return (value) =>
    validate(value) ? ok(value as T) : err((validate.errors ?? []).map(toValidationIssue));
}

/** The raw Ajv errors too, for callers that word them their own way (content sources). */
export function compileSchemaRaw(
  schema: AnySchema,
): (value: unknown) => Result<unknown, readonly ErrorObject[]> {
  const validate = schemaAjv().compile(schema);
  return (value) => (validate(value) ? ok(value) : err(validate.errors ?? []));
}
