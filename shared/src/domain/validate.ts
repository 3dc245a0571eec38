/**
 * Validation of documents against the collection schemas, with the same schema objects RxDB
 * uses on the device. The server runs this on every pushed row; devices run it before saving
 * anything typed by a person, so a bad value is caught where it can still be corrected.
 */
import {
  COLLECTIONS,
  isCollectionName,
  type CollectionName,
  type DocumentTypes,
} from './collections';
import { isRecord } from './is-record';
import { compileSchema, type SchemaCheck, type ValidationIssue } from './json-schema';
import { err, type Result } from './result';

export type DocumentValidationError =
  | { readonly kind: 'unknownCollection'; readonly collection: string }
  | {
      readonly kind: 'invalid';
      readonly collection: CollectionName;
      readonly issues: readonly ValidationIssue[];
    };

let validators: Map<CollectionName, SchemaCheck<unknown>> | undefined;

function validatorFor(collection: CollectionName): SchemaCheck<unknown> {
  if (!validators) {
    validators = new Map();
    for (const [name, definition] of Object.entries(COLLECTIONS)) {
      validators.set(name as CollectionName, compileSchema(definition.schema));
    }
  }
  return validators.get(collection)!;
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
  if (isRecord(body) && '_deleted' in body) {
    const { _deleted: deleted, ...rest } = body;
    if (typeof deleted !== 'boolean') {
      return err({
        kind: 'invalid',
        collection,
        issues: [{ path: '/_deleted', message: 'must be boolean' }],
      });
    }
    body = rest;
  }
  const checked = validatorFor(collection)(body);
  return checked.ok ? checked : err({ kind: 'invalid', collection, issues: checked.error });
}

export function describeValidationError(error: DocumentValidationError): string {
  if (error.kind === 'unknownCollection') return `unknown collection "${error.collection}"`;
  return error.issues.map((issue) => `${issue.path || '/'} ${issue.message}`).join('; ');
}
