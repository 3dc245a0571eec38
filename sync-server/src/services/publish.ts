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
    const shown = prepared.error.slice(0, 5).map((e) => `${e.id}: ${e.message}`);
    const more = prepared.error.length > 5 ? ` (and ${prepared.error.length - 5} more)` : '';
    return failure(
      'bad_request',
      `${prepared.error.length} invalid ${collection} document(s): ${shown.join(' | ')}${more}`,
    );
  }
  const lastSeq = await db.transaction(async (tx) => {
    const last = await writeCenter(tx, collection, prepared.value);
    await audit(tx, actor, `publish-${collection}`, null, { count: prepared.value.length });
    return last;
  });
  return ok({ count: prepared.value.length, lastSeq });
}
