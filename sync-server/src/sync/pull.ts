/**
 * Pull: the device's documents of one collection after its checkpoint, in seq order, filtered
 * by its scope. The checkpoint of an answer moves past rows the device may not see, so the
 * next idle poll is answered from memory. One SQL statement reads the rows and the feed's
 * last seq in the same snapshot: every row up to that seq is already visible.
 */
import { createHash } from 'node:crypto';
import { ok, type CollectionName, type Result } from '@pls/shared/domain';
import { PULL_LIMIT_DEFAULT, PULL_LIMIT_MAX, type SyncCheckpoint } from '@pls/shared/protocol';
import type { Queryable } from '../db/database';
import { failure, type ServiceError } from '../errors';
import { unsafeUnitIn } from './document-safety';
import { scopeCondition, type DeviceIdentity } from './scope';

export interface PullQuery {
  readonly seq: number;
  readonly id: string;
  readonly limit: number;
}

export function parsePullQuery(
  query: Readonly<Record<string, unknown>>,
): Result<PullQuery, ServiceError> {
  const bad = (message: string) => failure('bad_request', message);
  const seqText = query['seq'] ?? '0';
  const id = query['id'] ?? '';
  const limitText = query['limit'] ?? String(PULL_LIMIT_DEFAULT);
  if (typeof seqText !== 'string' || !/^\d{1,15}$/.test(seqText))
    return bad('seq must be a non-negative integer');
  if (typeof id !== 'string' || id.length > 64 || unsafeUnitIn(id))
    return bad('id must be a string of at most 64 characters');
  if (typeof limitText !== 'string' || !/^\d{1,5}$/.test(limitText))
    return bad('limit must be an integer');
  const limit = Number(limitText);
  if (limit < 1 || limit > PULL_LIMIT_MAX)
    return bad(`limit must be between 1 and ${PULL_LIMIT_MAX}`);
  return ok({ seq: Number(seqText), id, limit });
}

export interface PullAnswer {
  /** The JSON response body, built from the stored JSON text without re-parsing it. */
  readonly body: string;
  readonly etag: string;
  readonly count: number;
  /** The feed's last seq as seen by the query (0 when answered from memory). */
  readonly feedSeq: number;
}

/**
 * The ETag names the device's scope: two devices' answers from one checkpoint differ, so a
 * device sending another's ETag must not get 304. A short hash, so the header says nothing of
 * the device.
 */
function etagOf(
  device: DeviceIdentity,
  collection: CollectionName,
  query: PullQuery,
  checkpoint: SyncCheckpoint,
  count: number,
): string {
  const scope = createHash('sha256').update(device.id).digest('base64url').slice(0, 12);
  return `"${collection}.${scope}.${query.seq}.${checkpoint.seq}.${count}"`;
}

/** The answer when the feed has nothing after `query.seq`: no database needed. */
export function emptyPull(
  device: DeviceIdentity,
  collection: CollectionName,
  query: PullQuery,
): PullAnswer {
  const checkpoint = { seq: query.seq, id: query.id };
  return {
    body: `{"documents":[],"checkpoint":${JSON.stringify(checkpoint)}}`,
    etag: etagOf(device, collection, query, checkpoint, 0),
    count: 0,
    feedSeq: 0,
  };
}

export async function pullDocuments(
  db: Queryable,
  device: DeviceIdentity,
  collection: CollectionName,
  query: PullQuery,
): Promise<PullAnswer> {
  const params: unknown[] = [collection, query.seq, query.limit];
  const scope = scopeCondition(device, collection, params);
  // The bodies come back joined into one text: per-row overhead, not bytes, is what a pull of
  // thousands of documents pays for (PGlite most of all).
  const { rows } = await db.query<{
    last_seq: number;
    bodies: string;
    count: number;
    max_seq: number | null;
    last_id: string | null;
  }>(
    `select c.last_seq,
            coalesce(string_agg(d.body::text, ',' order by d.seq), '') as bodies,
            count(d.seq)::int as count,
            max(d.seq) as max_seq,
            (array_agg(d.id order by d.seq desc))[1] as last_id
       from collection_seq c
       left join lateral (
         select d.seq, d.id, d.body from documents d
          where d.collection = c.collection and d.seq > $2 and ${scope}
          order by d.seq limit $3
       ) d on true
      where c.collection = $1
      group by c.last_seq`,
    params,
  );
  const row = rows[0];
  if (!row) throw new Error(`no seq counter for ${collection}`);
  let checkpoint: SyncCheckpoint;
  if (row.count === query.limit && row.max_seq !== null && row.last_id !== null) {
    checkpoint = { seq: row.max_seq, id: row.last_id };
  } else {
    // Everything visible up to the feed's last seq was in this answer: the device may skip to it.
    checkpoint = { seq: Math.max(row.last_seq, query.seq), id: row.last_id ?? query.id };
  }
  return {
    body: `{"documents":[${row.bodies}],"checkpoint":${JSON.stringify(checkpoint)}}`,
    etag: etagOf(device, collection, query, checkpoint, row.count),
    count: row.count,
    feedSeq: row.last_seq,
  };
}
