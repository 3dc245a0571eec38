/** Documents from the center are checked against their schema before they are stored. */
import type { CollectionName } from '../domain/collections';
import { err, ok, type Result } from '../domain/result';
import { describeValidationError, validateDocument } from '../domain/validate';
import type { WireDocument } from '../protocol/index';
import type { HttpFailure } from './sync-http';

export function checkServerDocuments(
  collection: CollectionName,
  documents: readonly WireDocument[],
): Result<void, HttpFailure & { kind: 'protocol' }> {
  for (const doc of documents) {
    const checked = validateDocument(collection, doc);
    if (!checked.ok) {
      return err({
        kind: 'protocol',
        message: `${collection}/${String(doc['id'])} from the server is invalid: ${describeValidationError(checked.error)}`,
      });
    }
  }
  return ok();
}
