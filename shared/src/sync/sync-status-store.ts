/**
 * The status store: every input of the one sync status (failures per channel, online, refused
 * documents, replication activity, the retry time) and the status computed from them
 * (`computeStatus`, pure). Records when the device was last fully in sync.
 */
import {
  BehaviorSubject,
  Subject,
  combineLatest,
  distinctUntilChanged,
  map,
  merge,
  startWith,
  type Observable,
  type Subscription,
} from 'rxjs';
import type { RxReplicationState } from 'rxdb/plugins/replication';
import type { LocalDatabase } from '../db/create-local-database';
import type { SyncCheckpoint } from '../protocol/index';
import { LOCAL_KEYS, readLocalValue, writeLocalValue } from '../db/local-store';
import type { RetryGate, Clock } from './retry-gate';
import type { HttpFailure } from './sync-http';
import { computeStatus, sameStatus, type SyncStatus } from './status';

export interface SyncStatusStore {
  readonly status$: Observable<SyncStatus>;
  readonly status: SyncStatus;
  readonly rejectedCount$: Observable<number>;
  readonly rejectedCount: number;
  /** The failure of the last attempt on a channel (collection+direction, stream); null clears it. */
  setFailure(channel: string, failure: HttpFailure | null): void;
  setOnline(online: boolean): void;
  setRejectedCount(count: number): void;
  /** Follows the replications' activity: all idle, no failure, first round done = in sync. */
  follow(replications: ReadonlyArray<RxReplicationState<unknown, SyncCheckpoint>>): void;
  stop(): void;
}

export interface SyncStatusStoreOptions {
  readonly db: LocalDatabase;
  readonly gate: RetryGate;
  readonly clock: Clock;
  readonly online: boolean;
  readonly rejectedCount: number;
}

export async function createSyncStatusStore(
  options: SyncStatusStoreOptions,
): Promise<SyncStatusStore> {
  const { db, gate, clock } = options;
  const failures = new Map<string, HttpFailure>();
  const changed = new Subject<void>();
  const online = new BehaviorSubject<boolean>(options.online);
  const rejectedCount = new BehaviorSubject<number>(options.rejectedCount);
  const lastSyncedAt = new BehaviorSubject<string | null>(
    (await readLocalValue(db, LOCAL_KEYS.syncState, (v) =>
      typeof v['lastSyncedAt'] === 'string' ? v['lastSyncedAt'] : undefined,
    )) ?? null,
  );
  const initialDone = new BehaviorSubject<boolean>(false);
  const status = new BehaviorSubject<SyncStatus>({
    kind: 'syncing',
    lastSyncedAt: lastSyncedAt.getValue(),
  });
  let active = true;
  let stopped = false;
  const subscriptions: Subscription[] = [];

  const recompute = () => {
    const next = computeStatus({
      online: online.getValue(),
      failures,
      active,
      initialDone: initialDone.getValue(),
      rejectedCount: rejectedCount.getValue(),
      lastSyncedAt: lastSyncedAt.getValue(),
      retryAt: gate.nextAttemptAt,
    });
    if (!sameStatus(next, status.getValue())) status.next(next);
  };
  const synced = () => {
    const at = new Date(clock.now()).toISOString();
    lastSyncedAt.next(at);
    return at;
  };
  subscriptions.push(
    merge(changed, online, rejectedCount, initialDone, gate.nextAttemptAt$).subscribe(() =>
      recompute(),
    ),
  );

  return {
    status$: status.asObservable(),
    get status() {
      return status.getValue();
    },
    rejectedCount$: rejectedCount.asObservable(),
    get rejectedCount() {
      return rejectedCount.getValue();
    },
    setFailure(channel, failure) {
      if (failure) failures.set(channel, failure);
      else if (!failures.delete(channel)) return;
      changed.next();
    },
    setOnline: (isOnline) => online.next(isOnline),
    setRejectedCount: (count) => rejectedCount.next(count),
    follow(replications) {
      const active$ = combineLatest(replications.map((r) => r.active$.pipe(startWith(true)))).pipe(
        map((flags) => flags.some(Boolean)),
        distinctUntilChanged(),
      );
      subscriptions.push(
        active$.subscribe((isActive) => {
          active = isActive;
          if (!isActive && failures.size === 0 && initialDone.getValue()) {
            const at = synced();
            void writeLocalValue(db, LOCAL_KEYS.syncState, { lastSyncedAt: at }).catch(
              () => undefined,
            );
          }
          recompute();
        }),
      );
      void Promise.all(replications.map((r) => r.awaitInitialReplication())).then(() => {
        if (stopped) return;
        initialDone.next(true);
        if (!active && failures.size === 0) {
          synced();
          recompute();
        }
      });
    },
    stop() {
      stopped = true;
      for (const s of subscriptions) s.unsubscribe();
      status.complete();
    },
  };
}
