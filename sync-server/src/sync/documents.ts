/**
 * Writing replicated documents: every accepted write gets the next seq of its collection, its
 * scope columns, and a NOTIFY that reaches every server process after commit. Both device
 * pushes and center writes (receipts, status changes, content) go through here.
 */
import {
  COLLECTIONS,
  validateDocument,
  describeValidationError,
  err,
  ok,
  type CollectionName,
  type Result,
} from '@pls/shared/domain';
import type { WireDocument } from '@pls/shared/protocol';
import { CHANNELS, type Queryable } from '../db/database';
import { scopeColumnsOf } from './scope';

/**
 * Locks the seq counters of `collections` until the transaction ends, always in name order
 * so two writers never wait on each other in a cycle. Holding the lock through commit is what
 * makes seqs visible in increasing order (a pull never skips a row committed late).
 */
export async function lockFeeds(
  tx: Queryable,
  collections: readonly CollectionName[],
): Promise<void> {
  const sorted = [...new Set(collections)].sort();
  await tx.query(
    'select collection from collection_seq where collection = any($1::text[]) order by collection for update',
    [sorted],
  );
}

export interface StoredDocument {
  readonly id: string;
  readonly seq: number;
  readonly body: WireDocument;
  readonly ownerDeviceId: string | null;
}

export async function loadDocuments(
  tx: Queryable,
  collection: CollectionName,
  ids: readonly string[],
): Promise<Map<string, StoredDocument>> {
  if (ids.length === 0) return new Map();
  const { rows } = await tx.query<{
    id: string;
    seq: number;
    body: WireDocument;
    owner_device_id: string | null;
  }>(
    'select id, seq, body, owner_device_id from documents where collection = $1 and id = any($2::text[])',
    [collection, [...ids]],
  );
  return new Map(
    rows.map((r) => [
      r.id,
      { id: r.id, seq: r.seq, body: r.body, ownerDeviceId: r.owner_device_id },
    ]),
  );
}

/**
 * Stores documents (insert or replace) in a feed already locked with `lockFeeds`, with new
 * seqs, and queues the NOTIFY. Returns the last seq written.
 */
export async function writeDocuments(
  tx: Queryable,
  collection: CollectionName,
  docs: readonly WireDocument[],
): Promise<number | null> {
  if (docs.length === 0) return null;
  const records = docs.map((doc, i) => {
    const scope = scopeColumnsOf(collection, doc);
    return {
      n: i + 1,
      id: doc['id'],
      body: doc,
      owner: scope.owner,
      household: scope.household,
      region: scope.region,
      audiences: scope.audiences,
    };
  });
  // One round trip: reserve the seqs, store the rows, queue the NOTIFY (sent at commit).
  const { rows } = await tx.query<{ last_seq: number }>(
    `with reserved as (
       update collection_seq set last_seq = last_seq + $3 where collection = $1 returning last_seq
     ), stored as (
       insert into documents (collection, id, seq, body, owner_device_id, household_id, region_code, audiences)
       select $1, r.id, reserved.last_seq - $3 + r.n, r.body, r.owner, r.household, r.region, r.audiences
         from json_to_recordset($2::json) as r(n int, id text, body json, owner text, household text, region text, audiences text[]),
              reserved
       on conflict (collection, id) do update set
         seq = excluded.seq, body = excluded.body, owner_device_id = excluded.owner_device_id,
         household_id = excluded.household_id, region_code = excluded.region_code,
         audiences = excluded.audiences, updated_at = now()
       returning seq
     )
     select reserved.last_seq, pg_notify($4, $1 || ':' || reserved.last_seq), (select count(*) from stored) as written
       from reserved`,
    [collection, JSON.stringify(records), docs.length, CHANNELS.changes],
  );
  const last = rows[0]?.last_seq;
  if (last === undefined) throw new Error(`no seq counter for ${collection}`);
  return last;
}

export type CenterWriteError = { readonly id: string; readonly message: string };

/**
 * Center-written documents (content, directory, device_config, case_updates) from the
 * server's own functions: validated like a push, then written. `_deleted` defaults to false.
 */
export function prepareCenterDocuments(
  collection: CollectionName,
  docs: readonly Record<string, unknown>[],
): Result<WireDocument[], CenterWriteError[]> {
  if (COLLECTIONS[collection].writer !== 'center')
    throw new Error(`${collection} is not written by the center`);
  const errors: CenterWriteError[] = [];
  const prepared: WireDocument[] = [];
  for (const doc of docs) {
    const withFlag = { ...doc, _deleted: doc['_deleted'] === true };
    const checked = validateDocument(collection, withFlag);
    if (!checked.ok) {
      errors.push({
        id: String(doc['id'] ?? '?'),
        message: describeValidationError(checked.error),
      });
      continue;
    }
    const bytes = Buffer.byteLength(JSON.stringify(withFlag));
    if (bytes > COLLECTIONS[collection].maxDocumentBytes) {
      errors.push({
        id: String(doc['id']),
        message: `${bytes} bytes, over the limit of ${COLLECTIONS[collection].maxDocumentBytes}`,
      });
      continue;
    }
    prepared.push(withFlag);
  }
  return errors.length > 0 ? err(errors) : ok(prepared);
}
