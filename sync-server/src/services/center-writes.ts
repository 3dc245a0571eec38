import type { CollectionName } from '@pls/shared/domain';
import type { WireDocument } from '@pls/shared/protocol';
import type { Queryable } from '../db/database';
import { lockFeeds, writeDocuments } from '../sync/documents';

/** Writes already-validated center documents of one collection; returns the last seq. */
export async function writeCenter(
  tx: Queryable,
  collection: CollectionName,
  docs: readonly WireDocument[],
): Promise<number | null> {
  await lockFeeds(tx, [collection]);
  return writeDocuments(tx, collection, docs);
}
