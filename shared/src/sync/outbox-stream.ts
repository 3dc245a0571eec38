/**
 * The outbox stream: the outbox (outbox.ts) computed again whenever a device-written
 * collection, a receipt, a photo, a refusal or a push changes it. "Pushed" is read from each
 * replication's own record of what the server holds (its assumed master state).
 */
import { debounceTime, from, merge, startWith, switchMap, type Observable } from 'rxjs';
import { getAssumedMasterState } from 'rxdb';
import type { RxReplicationState } from 'rxdb/plugins/replication';
import { anyCollection } from '../db/collection-access';
import type { LocalDatabase } from '../db/create-local-database';
import { COLLECTIONS, COLLECTION_NAMES, type CollectionName } from '../domain/collections';
import type { SyncCheckpoint } from '../protocol/index';
import { documentFingerprint } from './fingerprint';
import { computeOutbox, type OutboxItem, type PushedCheck } from './outbox';

const OUTBOX_DEBOUNCE_MS = 100;

type Replications = ReadonlyMap<CollectionName, RxReplicationState<unknown, SyncCheckpoint>>;

/** Which of these documents the server holds in exactly this state. */
function pushedCheck(replications: Replications): PushedCheck {
  return async (collection, docs) => {
    const internal = replications.get(collection)?.internalReplicationState;
    if (!internal || docs.length === 0) return new Set();
    const assumed = await getAssumedMasterState(
      internal,
      docs.map((d) => String(d['id'])),
    );
    const pushed = new Set<string>();
    for (const doc of docs) {
      const id = String(doc['id']);
      const master = assumed[id];
      if (master && documentFingerprint(master.docData) === documentFingerprint(doc))
        pushed.add(id);
    }
    return pushed;
  };
}

export function outboxStream(options: {
  readonly db: LocalDatabase;
  readonly replications: Replications;
  readonly rejectedCount$: Observable<number>;
  readonly now: () => number;
}): Observable<OutboxItem[]> {
  const { db, replications } = options;
  const triggers: Observable<unknown>[] = [options.rejectedCount$];
  for (const name of [...COLLECTION_NAMES, 'attachment_files'] as const) {
    const watched =
      name === 'attachment_files' ||
      name === 'case_updates' ||
      COLLECTIONS[name].writer === 'device';
    const collection = watched ? anyCollection(db, name) : undefined;
    if (collection) triggers.push(collection.$);
  }
  for (const replication of replications.values())
    if (replication.push) triggers.push(replication.sent$);
  const isPushed = pushedCheck(replications);
  return merge(...triggers).pipe(
    startWith(null),
    debounceTime(OUTBOX_DEBOUNCE_MS),
    switchMap(() => from(computeOutbox(db, isPushed, new Date(options.now())))),
  );
}
