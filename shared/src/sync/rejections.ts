/**
 * Documents the center refused (schema, size, ownership, PII rules), kept in the local store
 * with the reason. A refused row is taken out of the push so the rest of the outbox still
 * flows; the document stays on the device, shown in the outbox as refused, until staff fix it
 * (a changed document is pushed again) or the center's rules change.
 */
import type { CollectionName } from '../domain/collections';
import { REJECTION_KINDS } from '../protocol/index';
import { anyCollection } from '../db/collection-access';
import type { LocalDatabase } from '../db/create-local-database';
import { LOCAL_KEYS, readLocalValue, serialized, writeLocalValue } from '../db/local-store';
import { documentFingerprint } from './fingerprint';

/**
 * Why a document was set aside: a refusal the center named (422, a protocol `RejectionKind`), or
 * 'server_error': the center failed on this document alone, again and again (a 5xx that
 * named no row), while the documents pushed with it went through (push-handler.ts).
 */
export const OUTBOX_REJECTION_KINDS = [...REJECTION_KINDS, 'server_error'] as const;
export type OutboxRejectionKind = (typeof OUTBOX_REJECTION_KINDS)[number];

export interface Rejection {
  readonly collection: CollectionName;
  readonly id: string;
  readonly kind: OutboxRejectionKind;
  readonly message: string;
  readonly at: string;
  /** Fingerprint of the refused state: a later edit makes the rejection stale. */
  readonly fingerprint: string;
}

function parseRejections(value: Record<string, unknown>): Rejection[] {
  const items = value['items'];
  if (!Array.isArray(items)) return [];
  return items.filter(
    (r): r is Rejection =>
      typeof r === 'object' &&
      r !== null &&
      typeof r.collection === 'string' &&
      typeof r.id === 'string' &&
      (OUTBOX_REJECTION_KINDS as readonly string[]).includes(r.kind) &&
      typeof r.message === 'string' &&
      typeof r.at === 'string' &&
      typeof r.fingerprint === 'string',
  );
}

export interface RefusedDocument {
  readonly doc: unknown;
  readonly id: string;
  readonly kind: OutboxRejectionKind;
  readonly message: string;
}

export async function readRejections(db: LocalDatabase): Promise<Rejection[]> {
  return (await readLocalValue(db, LOCAL_KEYS.syncRejections, parseRejections)) ?? [];
}

export function recordRejections(
  db: LocalDatabase,
  collection: CollectionName,
  refused: ReadonlyArray<RefusedDocument>,
  now: Date = new Date(),
): Promise<void> {
  return serialized(db, async () => {
    const current = await readRejections(db);
    const keep = current.filter(
      (r) => !(r.collection === collection && refused.some((x) => x.id === r.id)),
    );
    const added: Rejection[] = refused.map((r) => ({
      collection,
      id: r.id,
      kind: r.kind,
      message: r.message,
      at: now.toISOString(),
      fingerprint: documentFingerprint(r.doc),
    }));
    await writeLocalValue(db, LOCAL_KEYS.syncRejections, { items: [...keep, ...added] });
  });
}

/** Drops rejections whose document changed since (it will be pushed again) or is gone. */
export function pruneStaleRejections(db: LocalDatabase): Promise<Rejection[]> {
  return pruneRejections(db, async (r) => {
    const doc = await anyCollection(db, r.collection)?.findOne(r.id).exec();
    return doc !== null && doc !== undefined && documentFingerprint(doc.toJSON()) === r.fingerprint;
  });
}

export function pruneRejections(
  db: LocalDatabase,
  stillRefused: (r: Rejection) => Promise<boolean>,
): Promise<Rejection[]> {
  return serialized(db, async () => {
    const current = await readRejections(db);
    const keep: Rejection[] = [];
    for (const r of current) if (await stillRefused(r)) keep.push(r);
    if (keep.length !== current.length)
      await writeLocalValue(db, LOCAL_KEYS.syncRejections, { items: keep });
    return keep;
  });
}
