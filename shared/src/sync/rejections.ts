/**
 * Documents the center refused (schema, size, ownership, PII rules), kept in the local store
 * with the reason. A refused row is taken out of the push so the rest of the outbox still
 * flows; the document stays on the device, shown in the outbox as refused, until staff fix it
 * (a changed document is pushed again) or the center's rules change.
 */
import type { RxCollection } from 'rxdb';
import type { CollectionName } from '../domain/collections';
import { REJECTION_KINDS, type RejectionKind } from '../protocol/index';
import type { LocalDatabase } from '../db/create-local-database';
import { LOCAL_KEYS, readLocalValue, serialized, writeLocalValue } from '../db/local-store';
import { documentFingerprint } from './fingerprint';

export interface Rejection {
  readonly collection: CollectionName;
  readonly id: string;
  readonly kind: RejectionKind;
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
      (REJECTION_KINDS as readonly string[]).includes(r.kind) &&
      typeof r.message === 'string' &&
      typeof r.at === 'string' &&
      typeof r.fingerprint === 'string',
  );
}

export async function readRejections(db: LocalDatabase): Promise<Rejection[]> {
  return (await readLocalValue(db, LOCAL_KEYS.syncRejections, parseRejections)) ?? [];
}

export function recordRejections(
  db: LocalDatabase,
  collection: CollectionName,
  refused: ReadonlyArray<{ doc: unknown; id: string; kind: RejectionKind; message: string }>,
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
  const collections = db.collections as unknown as Partial<Record<string, RxCollection<unknown>>>;
  return pruneRejections(db, async (r) => {
    const doc = await collections[r.collection]?.findOne(r.id).exec();
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
