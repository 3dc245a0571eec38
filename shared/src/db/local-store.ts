/**
 * A small key/value store on RxDB local documents: device state that is not a collection
 * (tracking-code sequence, enrollment, sync bookkeeping). Local documents are not encrypted:
 * nothing personal goes here. Values are parsed on the way out, like any stored input.
 */
import type { LocalDatabase } from './create-local-database';

export const LOCAL_KEYS = {
  trackingSequence: 'tracking-sequence',
  enrollment: 'enrollment',
  syncState: 'sync-state',
  syncRejections: 'sync-rejections',
} as const;
export type LocalKey = (typeof LOCAL_KEYS)[keyof typeof LOCAL_KEYS];

export type LocalValue = Record<string, unknown>;

export async function readLocalValue<T>(
  db: LocalDatabase,
  key: LocalKey,
  parse: (value: LocalValue) => T | undefined,
): Promise<T | undefined> {
  const doc = await db.getLocal<LocalValue>(key);
  if (!doc) return undefined;
  return parse(doc.toJSON().data);
}

export async function writeLocalValue(
  db: LocalDatabase,
  key: LocalKey,
  value: LocalValue,
): Promise<void> {
  await db.upsertLocal<LocalValue>(key, value);
}

export async function removeLocalValue(db: LocalDatabase, key: LocalKey): Promise<void> {
  const doc = await db.getLocal(key);
  if (doc) await doc.remove();
}

/**
 * Runs `task` after every earlier task queued for the same database, so read-modify-write
 * cycles on one key never interleave.
 */
const queues = new WeakMap<LocalDatabase, Promise<unknown>>();
export function serialized<T>(db: LocalDatabase, task: () => Promise<T>): Promise<T> {
  const previous = queues.get(db) ?? Promise.resolve();
  const next = previous.then(task, task);
  queues.set(
    db,
    next.catch(() => undefined),
  );
  return next;
}
