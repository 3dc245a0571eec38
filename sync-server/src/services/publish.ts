/**
 * Publishing center content: articles, FAQ, programs (content) and stations, lawyers,
 * hotlines (directory). Every document is checked against its schema; one bad document
 * refuses the whole publication.
 */
import { isRecord, ok, type Result } from '@pls/shared/domain';
import type { Database } from '../db/database';
import { failure, type ServiceError } from '../errors';
import { prepareCenterDocuments } from '../sync/documents';
import { audit } from './devices';
import { writeCenter } from './center-writes';

export type PublishableCollection = 'content' | 'directory';

export async function publishDocuments(
  db: Database,
  collection: PublishableCollection,
  docs: readonly unknown[],
  actor = 'admin',
): Promise<Result<{ count: number; lastSeq: number | null }, ServiceError>> {
  if (!docs.every(isRecord)) {
    return failure('bad_request', `${collection}: every item must be a JSON object`);
  }
  const prepared = prepareCenterDocuments(collection, docs as Record<string, unknown>[]);
  if (!prepared.ok) {
    const shown = prepared.errors.slice(0, 5).map((e) => `${e.id}: ${e.message}`);
    const more = prepared.errors.length > 5 ? ` (and ${prepared.errors.length - 5} more)` : '';
    return failure(
      'bad_request',
      `${prepared.errors.length} invalid ${collection} document(s): ${shown.join(' | ')}${more}`,
    );
  }
  const lastSeq = await db.transaction(async (tx) => {
    const last = await writeCenter(tx, collection, prepared.docs);
    await audit(tx, actor, `publish-${collection}`, null, { count: prepared.docs.length });
    return last;
  });
  return ok({ count: prepared.docs.length, lastSeq });
}
