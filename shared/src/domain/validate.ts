/**
 * Validation of documents against the collection schemas, with the same schema objects RxDB
 * uses on the device. The server runs this on every pushed row; devices run it before saving
 * anything typed by a person, so a bad value is caught where it can still be corrected.
 */
import { Ajv2020, type ErrorObject, type ValidateFunction } from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import {
  COLLECTIONS,
  isCollectionName,
  type CollectionName,
  type DocumentTypes,
} from './collections';
import { err, ok, type Result } from './result';
import {
  CONSOLE_FORM_SCHEMAS,
  type ConsoleFormName,
  type ConsoleForms,
} from './schemas/console-forms';

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
  /** JSON pointer to the offending value ('' for the document itself). */
  readonly path: string;
  readonly message: string;
}

export type DocumentValidationError =
  | { readonly kind: 'unknownCollection'; readonly collection: string }
  | {
      readonly kind: 'invalid';
      readonly collection: CollectionName;
      readonly issues: readonly ValidationIssue[];
    };

function createAjv(): Ajv2020 {
  const ajv = new Ajv2020({ allErrors: true, strict: true, strictRequired: false });
  addFormats(ajv, ['date', 'date-time', 'uri']);
  ajv.addVocabulary(RXDB_KEYWORDS);
  return ajv;
}

let validators: Map<CollectionName, ValidateFunction> | undefined;

function validatorFor(collection: CollectionName): ValidateFunction {
  if (!validators) {
    const ajv = createAjv();
    validators = new Map();
    for (const [name, definition] of Object.entries(COLLECTIONS)) {
      validators.set(name as CollectionName, ajv.compile(definition.schema));
    }
  }
  return validators.get(collection)!;
}

function toIssue(error: ErrorObject): ValidationIssue {
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

/**
 * Checks one document. RxDB's `_deleted` flag travels with replicated documents and is
 * allowed; every other underscore field is refused.
 */
export function validateDocument<C extends CollectionName>(
  collection: C,
  document: unknown,
): Result<DocumentTypes[C], DocumentValidationError>;
export function validateDocument(
  collection: string,
  document: unknown,
): Result<unknown, DocumentValidationError>;
export function validateDocument(
  collection: string,
  document: unknown,
): Result<unknown, DocumentValidationError> {
  if (!isCollectionName(collection)) return err({ kind: 'unknownCollection', collection });
  let body = document;
  if (body !== null && typeof body === 'object' && !Array.isArray(body) && '_deleted' in body) {
    const { _deleted: deleted, ...rest } = body as Record<string, unknown>;
    if (typeof deleted !== 'boolean') {
      return err({
        kind: 'invalid',
        collection,
        issues: [{ path: '/_deleted', message: 'must be boolean' }],
      });
    }
    body = rest;
  }
  const validate = validatorFor(collection);
  if (validate(body)) return ok(body);
  return err({ kind: 'invalid', collection, issues: (validate.errors ?? []).map(toIssue) });
}

export function describeValidationError(error: DocumentValidationError): string {
  if (error.kind === 'unknownCollection') return `unknown collection "${error.collection}"`;
  return error.issues.map((issue) => `${issue.path || '/'} ${issue.message}`).join('; ');
}

let formValidators: Map<ConsoleFormName, ValidateFunction> | undefined;

/**
 * Checks a console form (browser before sending, server on the body) with one schema. The
 * issues name the field (`/password`), so the form marks it and says why in the user's language.
 */
export function validateForm<F extends ConsoleFormName>(
  form: F,
  value: unknown,
): Result<ConsoleForms[F], readonly ValidationIssue[]> {
  if (!formValidators) {
    const ajv = createAjv();
    formValidators = new Map();
    for (const [name, schema] of Object.entries(CONSOLE_FORM_SCHEMAS))
      formValidators.set(name as ConsoleFormName, ajv.compile(schema));
  }
  const validate = formValidators.get(form)!;
  if (validate(value)) return ok(value as ConsoleForms[F]);
  // if/then adds a summary error at the root besides the real one: keep the field issues.
  const issues = (validate.errors ?? []).filter((e) => e.keyword !== 'if').map(toIssue);
  return err(issues);
}
