/**
 * Replication of all of a device's collections with the center, over RxDB's
 * replicateRxCollection (docs/decisions/0002-sync-protocol.md):
 * - device-written collections push only (a purged document never leaves: the push modifier
 *   drops it), center-written ones pull only, fed by one SSE stream for all of them;
 * - every request passes one retry gate: exponential backoff with jitter, capped; "sync now"
 *   and the browser's `online` event open it;
 * - one status observable, one outbox observable.
 */
import {
  BehaviorSubject,
  Subject,
  combineLatest,
  debounceTime,
  distinctUntilChanged,
  filter,
  firstValueFrom,
  from,
  map,
  merge,
  startWith,
  switchMap,
  type Observable,
  type Subscription,
} from 'rxjs';
import { getAssumedMasterState, type RxCollection, type RxReplicationPullStreamItem } from 'rxdb';
import { replicateRxCollection, type RxReplicationState } from 'rxdb/plugins/replication';
import type { LocalDatabase } from '../db/create-local-database';
import { LOCAL_KEYS, readLocalValue, writeLocalValue } from '../db/local-store';
import { COLLECTIONS, COLLECTION_NAMES, type CollectionName } from '../domain/collections';
import { err, type Result } from '../domain/result';
import { validateDocument, describeValidationError } from '../domain/validate';
import {
  parseStreamEvent,
  type PushRow,
  type SyncCheckpoint,
  type WireDocument,
} from '../protocol/index';
import { uploadPendingAttachments } from './attachments-upload';
import { DEFAULT_BACKOFF, type BackoffPolicy } from './backoff';
import { documentFingerprint } from './fingerprint';
import { createSyncHttp, type HttpFailure } from './sync-http';
import { computeOutbox, type OutboxItem } from './outbox';
import { pruneStaleRejections, readRejections, recordRejections } from './rejections';
import { RetryGate, SYSTEM_CLOCK, type Clock } from './retry-gate';
import { defaultStreamConnector, type StreamConnection, type StreamConnector } from './sse';
import { computeStatus, sameStatus, type SyncStatus } from './status';

export interface OnlineSource {
  isOnline(): boolean;
  /** Calls back on every change; returns the unsubscribe. */
  subscribe(listener: (online: boolean) => void): () => void;
}

/** navigator.onLine and the window's online/offline events; always online where there are none (Node). */
export const BROWSER_ONLINE_SOURCE: OnlineSource = {
  isOnline: () => (globalThis as { navigator?: { onLine?: boolean } }).navigator?.onLine !== false,
  subscribe(listener) {
    const target = globalThis as {
      addEventListener?: (t: string, l: () => void) => void;
      removeEventListener?: (t: string, l: () => void) => void;
    };
    if (!target.addEventListener || !target.removeEventListener) return () => undefined;
    const on = () => listener(true);
    const off = () => listener(false);
    target.addEventListener('online', on);
    target.addEventListener('offline', off);
    return () => {
      target.removeEventListener?.('online', on);
      target.removeEventListener?.('offline', off);
    };
  },
};

export interface StartReplicationOptions {
  readonly db: LocalDatabase;
  readonly serverUrl: string;
  readonly token: string;
  /** The enrolled device's id: part of the replication identity (a re-enrolled device starts fresh). */
  readonly deviceId: string;
  readonly fetch?: typeof fetch;
  readonly streamConnector?: StreamConnector;
  readonly backoff?: BackoffPolicy;
  readonly pullBatchSize?: number;
  readonly pushBatchSize?: number;
  /** Pull everything once in a while even when the stream is quiet (a missed event heals). */
  readonly resyncIntervalMs?: number;
  /** Check pulled documents against their schema before storing them (on by default). */
  readonly validatePulled?: boolean;
  readonly online?: OnlineSource;
  readonly clock?: Clock;
  readonly random?: () => number;
  /**
   * Keep the event stream open (default true). Off: no stream, no periodic resync; after the
   * first round, pulls happen only on `syncNow()`, each a conditional request (If-None-Match)
   * that costs the server a 304 when nothing changed (a TV box while nobody watches).
   */
  readonly streaming?: boolean;
}

export interface SyncHandle {
  readonly status$: Observable<SyncStatus>;
  readonly status: SyncStatus;
  readonly outbox$: Observable<OutboxItem[]>;
  /** Retry now, pull everything, push what waits; resolves with the status that follows. */
  syncNow(): Promise<SyncStatus>;
  /** Resolves when every replication is in sync (tests, shutdown). Hangs while the server is away. */
  awaitInSync(): Promise<void>;
  /** Upload photos of pushed applications now (also runs by itself after pushes). */
  uploadAttachments(): Promise<void>;
  /** Opens (true) or closes (false) the event stream; see `StartReplicationOptions.streaming`. */
  setStreaming(on: boolean): void;
  readonly streaming: boolean;
  stop(): Promise<void>;
  readonly replications: ReadonlyMap<CollectionName, RxReplicationState<unknown, SyncCheckpoint>>;
}

const RETRY_TIME_MS = 250;
const DEFAULT_RESYNC_MS = 5 * 60_000;

class ProtocolError extends Error {}

export async function startReplication(options: StartReplicationOptions): Promise<SyncHandle> {
  const { db } = options;
  const clock = options.clock ?? SYSTEM_CLOCK;
  const online = options.online ?? BROWSER_ONLINE_SOURCE;
  const http = createSyncHttp({
    serverUrl: options.serverUrl,
    token: options.token,
    ...(options.fetch ? { fetch: options.fetch } : {}),
  });
  const gate = new RetryGate(options.backoff ?? DEFAULT_BACKOFF, clock, options.random);
  const connector = options.streamConnector ?? defaultStreamConnector(options.fetch);
  const validatePulled = options.validatePulled ?? true;
  let stopped = false;
  let streaming = options.streaming ?? true;
  /** Wakes the stream loop while it waits for streaming to be turned on. */
  let wakeStream: (() => void) | undefined;

  // ---- status inputs ------------------------------------------------------------------
  const failures = new Map<string, HttpFailure>();
  const onlineState = new BehaviorSubject<boolean>(online.isOnline());
  const changed = new Subject<void>();
  const rejectedCount = new BehaviorSubject<number>((await pruneStaleRejections(db)).length);
  const lastSyncedAt = new BehaviorSubject<string | null>(
    (await readLocalValue(db, LOCAL_KEYS.syncState, (v) =>
      typeof v['lastSyncedAt'] === 'string' ? v['lastSyncedAt'] : undefined,
    )) ?? null,
  );
  const initialDone = new BehaviorSubject<boolean>(false);

  const setFailure = (channel: string, failure: HttpFailure | null) => {
    if (failure) failures.set(channel, failure);
    else if (!failures.delete(channel)) return;
    changed.next();
  };

  /** Every request: wait for the gate, run, account the outcome. */
  async function attempt<T>(
    channel: string,
    run: () => Promise<Result<T, HttpFailure>>,
  ): Promise<Result<T, HttpFailure>> {
    await gate.ready();
    if (stopped) return err({ kind: 'unreachable', message: 'replication stopped' });
    const startedAt = clock.now();
    const result = await run();
    if (result.ok) {
      gate.succeeded();
      setFailure(channel, null);
    } else if (result.error.kind !== 'rejected') {
      gate.failed(startedAt);
      setFailure(channel, result.error);
    }
    return result;
  }

  function checkDocuments(collection: CollectionName, documents: readonly WireDocument[]): void {
    if (!validatePulled) return;
    for (const doc of documents) {
      const checked = validateDocument(collection, doc);
      if (!checked.ok) {
        throw new ProtocolError(
          `${collection}/${String(doc['id'])} from the server is invalid: ${describeValidationError(checked.error)}`,
        );
      }
    }
  }

  // ---- replications ---------------------------------------------------------------------
  const collections = db.collections as unknown as Partial<
    Record<CollectionName, RxCollection<unknown>>
  >;
  const streams = new Map<
    CollectionName,
    Subject<RxReplicationPullStreamItem<unknown, SyncCheckpoint>>
  >();
  const replications = new Map<CollectionName, RxReplicationState<unknown, SyncCheckpoint>>();
  const etags = new Map<CollectionName, { seq: number; id: string; etag: string }>();

  for (const name of COLLECTION_NAMES) {
    const collection = collections[name];
    if (!collection) continue;
    const identifier = `pls-${options.deviceId}-${name}@${options.serverUrl}`;
    if (COLLECTIONS[name].writer === 'device') {
      replications.set(
        name,
        replicateRxCollection<unknown, SyncCheckpoint>({
          collection,
          replicationIdentifier: identifier,
          live: true,
          retryTime: RETRY_TIME_MS,
          waitForLeadership: false,
          push: {
            batchSize: options.pushBatchSize ?? 50,
            // A purged document (personal data removed after the retention window) never leaves.
            modifier: (doc: Record<string, unknown>) =>
              doc['piiPurgedAt'] !== undefined ? null : doc,
            handler: async (rows) => {
              let pending = rows.map((row) => ({ row: row as unknown as PushRow }));
              for (;;) {
                const result = await attempt(`push:${name}`, () =>
                  http.push(
                    name,
                    pending.map((p) => p.row),
                  ),
                );
                if (result.ok) {
                  // A document refused before and pushed now was fixed: its rejection is stale.
                  if (rejectedCount.getValue() > 0)
                    rejectedCount.next((await pruneStaleRejections(db)).length);
                  return result.value.conflicts as never[];
                }
                if (result.error.kind !== 'rejected')
                  throw new Error(`push ${name}: ${result.error.message}`);
                const refusedIndexes = new Set(result.error.rejected.map((r) => r.index));
                const refused = result.error.rejected.flatMap((r) => {
                  const row = pending[r.index]?.row;
                  return row
                    ? [
                        {
                          doc: row.newDocumentState,
                          id: String(row.newDocumentState['id']),
                          kind: r.kind,
                          message: r.message,
                        },
                      ]
                    : [];
                });
                if (refused.length === 0) {
                  setFailure(`push:${name}`, {
                    kind: 'protocol',
                    message: 'refusal names no row of the push',
                  });
                  throw new ProtocolError('refusal names no row of the push');
                }
                await recordRejections(db, name, refused);
                rejectedCount.next((await readRejections(db)).length);
                // Take the refused rows out; the others go again at once.
                pending = pending.filter((_, i) => !refusedIndexes.has(i));
                if (pending.length === 0) return [];
              }
            },
          },
        }) as RxReplicationState<unknown, SyncCheckpoint>,
      );
    } else {
      const stream = new Subject<RxReplicationPullStreamItem<unknown, SyncCheckpoint>>();
      streams.set(name, stream);
      replications.set(
        name,
        replicateRxCollection<unknown, SyncCheckpoint>({
          collection,
          replicationIdentifier: identifier,
          live: true,
          retryTime: RETRY_TIME_MS,
          waitForLeadership: false,
          pull: {
            batchSize: options.pullBatchSize ?? 1000,
            stream$: stream.asObservable(),
            handler: async (checkpoint, batchSize) => {
              // No checkpoint yet is the feed's start, as the server reads it.
              const asked = checkpoint ?? { seq: 0, id: '' };
              const known = etags.get(name);
              const etag =
                known && known.seq === asked.seq && known.id === asked.id ? known.etag : undefined;
              const result = await attempt(`pull:${name}`, () =>
                http.pull(name, checkpoint, batchSize, etag),
              );
              if (!result.ok) throw new Error(`pull ${name}: ${result.error.message}`);
              if (result.value === 'notModified') return { documents: [], checkpoint };
              const { response, etag: nextEtag } = result.value;
              try {
                checkDocuments(name, response.documents);
              } catch (error) {
                setFailure(`pull:${name}`, { kind: 'protocol', message: (error as Error).message });
                gate.failed(clock.now());
                throw error;
              }
              const next = response.checkpoint ?? checkpoint;
              // The ETag names the answer to this request (the server's tag includes the
              // position asked from): the same question next time may get a 304.
              if (nextEtag && response.documents.length === 0)
                etags.set(name, { seq: asked.seq, id: asked.id, etag: nextEtag });
              return { documents: response.documents as never[], checkpoint: next };
            },
          },
        }) as RxReplicationState<unknown, SyncCheckpoint>,
      );
    }
  }

  const subscriptions: Subscription[] = [];
  const resyncAll = () => {
    for (const stream of streams.values()) stream.next('RESYNC');
  };

  // ---- the stream ---------------------------------------------------------------------------
  let connection: StreamConnection | undefined;
  /** Ends the current connection and wakes the loop (our own close() reports nothing). */
  let hangUp: (() => void) | undefined;
  let watchdog: unknown;
  const streamLoop = (async () => {
    while (!stopped) {
      if (!streaming) {
        await new Promise<void>((resolve) => (wakeStream = resolve));
        wakeStream = undefined;
        continue;
      }
      await gate.ready();
      if (stopped || !streaming) continue;
      const startedAt = clock.now();
      let greeted = false;
      const closed = new Promise<{ status?: number }>((resolve) => {
        hangUp = () => {
          connection?.close();
          resolve({});
        };
        const resetWatchdog = (seconds: number) => {
          if (watchdog !== undefined) clock.clearTimeout(watchdog);
          // No heartbeat for 2.5 intervals: the link is dead even if TCP has not noticed.
          watchdog = clock.setTimeout(() => hangUp?.(), seconds * 2500);
        };
        connection = connector(http.streamUrl, options.token, {
          onOpen: () => resetWatchdog(60),
          onMessage: (message) => {
            const parsed = parseStreamEvent(message.event, message.data);
            if (!parsed.ok) {
              setFailure('stream', { kind: 'protocol', message: parsed.error.message });
              return;
            }
            const event = parsed.value;
            switch (event.type) {
              case 'hello':
                greeted = true;
                gate.succeeded();
                setFailure('stream', null);
                resetWatchdog(event.heartbeatSeconds);
                break;
              case 'resync':
                resyncAll();
                break;
              case 'heartbeat':
                resetWatchdog(30);
                break;
              case 'changes': {
                const stream = streams.get(event.collection);
                if (!stream) break;
                try {
                  checkDocuments(event.collection, event.documents);
                } catch (error) {
                  setFailure('stream', { kind: 'protocol', message: (error as Error).message });
                  break;
                }
                stream.next({
                  documents: event.documents as never[],
                  checkpoint: event.checkpoint,
                });
                break;
              }
              case 'closing':
                if (event.reason === 'revoked')
                  setFailure('stream', {
                    kind: 'revoked',
                    message: 'the center revoked this device',
                  });
                hangUp?.();
                break;
            }
          },
          onClosed: (info) => resolve(info),
        });
      });
      const info = await closed;
      if (watchdog !== undefined) clock.clearTimeout(watchdog);
      connection = undefined;
      hangUp = undefined;
      if (stopped) break;
      if (!streaming) continue;
      // Why did it end? Ask with an ordinary request, which gives a classified answer.
      const probe = await http.probe();
      if (!probe.ok) {
        setFailure('stream', probe.error);
        gate.failed(startedAt);
      } else if (!greeted) {
        setFailure('stream', {
          kind: 'server',
          status: info.status ?? 0,
          message: `stream refused (HTTP ${info.status ?? '?'})`,
        });
        gate.failed(startedAt);
      } else {
        // The server is there and the stream simply ended (restart, proxy): reconnect soon.
        gate.failed(startedAt);
      }
    }
  })();

  // ---- status ---------------------------------------------------------------------------------
  const active$ = combineLatest(
    [...replications.values()].map((r) => r.active$.pipe(startWith(true))),
  ).pipe(
    map((flags) => flags.some(Boolean)),
    distinctUntilChanged(),
  );
  const status = new BehaviorSubject<SyncStatus>({
    kind: 'syncing',
    lastSyncedAt: lastSyncedAt.getValue(),
  });
  let active = true;
  const recompute = () => {
    const next = computeStatus({
      online: onlineState.getValue(),
      failures,
      active,
      initialDone: initialDone.getValue(),
      rejectedCount: rejectedCount.getValue(),
      lastSyncedAt: lastSyncedAt.getValue(),
      retryAt: gate.nextAttemptAt,
    });
    if (!sameStatus(next, status.getValue())) status.next(next);
  };
  subscriptions.push(
    active$.subscribe((isActive) => {
      active = isActive;
      if (!isActive && failures.size === 0 && initialDone.getValue()) {
        const at = new Date(clock.now()).toISOString();
        lastSyncedAt.next(at);
        void writeLocalValue(db, LOCAL_KEYS.syncState, { lastSyncedAt: at }).catch(() => undefined);
      }
      recompute();
    }),
    merge(changed, onlineState, rejectedCount, initialDone, gate.nextAttemptAt$).subscribe(() =>
      recompute(),
    ),
  );
  const stopOnline = online.subscribe((isOnline) => {
    onlineState.next(isOnline);
    if (isOnline) {
      gate.release();
      if (streaming) resyncAll();
    }
  });
  void Promise.all([...replications.values()].map((r) => r.awaitInitialReplication())).then(() => {
    if (stopped) return;
    initialDone.next(true);
    if (!active && failures.size === 0) {
      const at = new Date(clock.now()).toISOString();
      lastSyncedAt.next(at);
      recompute();
    }
  });

  const resyncTimer = setInterval(() => {
    if (streaming) resyncAll();
  }, options.resyncIntervalMs ?? DEFAULT_RESYNC_MS);

  // ---- attachments ----------------------------------------------------------------------------
  let uploading: Promise<void> | undefined;
  let uploadAgain = false;
  const uploadAttachments = (): Promise<void> => {
    if (uploading) {
      uploadAgain = true;
      return uploading;
    }
    uploading = (async () => {
      do {
        uploadAgain = false;
        await uploadPendingAttachments(db, (applicationId, attachmentId, mimeType, bytes) =>
          attempt('attachments', () =>
            http.putAttachment(applicationId, attachmentId, mimeType, bytes),
          ),
        );
      } while (uploadAgain && !stopped);
    })().finally(() => {
      uploading = undefined;
    });
    return uploading;
  };
  const applications = replications.get('applications');
  if (applications && db.attachment_files) {
    subscriptions.push(
      merge(applications.sent$, db.attachment_files.insert$)
        .pipe(debounceTime(200))
        .subscribe(() => void uploadAttachments().catch(() => undefined)),
    );
  }

  // ---- outbox --------------------------------------------------------------------------------
  const isPushed = async (
    collection: CollectionName,
    docs: readonly Record<string, unknown>[],
  ): Promise<ReadonlySet<string>> => {
    const replication = replications.get(collection);
    const internal = replication?.internalReplicationState;
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
  const outboxTriggers: Observable<unknown>[] = [rejectedCount];
  for (const name of [...COLLECTION_NAMES, 'attachment_files'] as const) {
    const collection = (
      db.collections as unknown as Partial<Record<string, RxCollection<unknown>>>
    )[name];
    if (
      collection &&
      (name === 'attachment_files' ||
        name === 'case_updates' ||
        COLLECTIONS[name as CollectionName].writer === 'device')
    ) {
      outboxTriggers.push(collection.$);
    }
  }
  for (const replication of replications.values())
    if (replication.push) outboxTriggers.push(replication.sent$);
  const outbox$ = merge(...outboxTriggers).pipe(
    startWith(null),
    debounceTime(100),
    switchMap(() => from(computeOutbox(db, isPushed, new Date(clock.now())))),
  );

  const handle: SyncHandle = {
    status$: status.asObservable(),
    get status() {
      return status.getValue();
    },
    outbox$,
    async syncNow() {
      const since = clock.now();
      gate.release();
      resyncAll();
      void uploadAttachments().catch(() => undefined);
      return firstValueFrom(
        status.pipe(
          filter(
            (s) =>
              s.kind === 'offline' ||
              s.kind === 'error' ||
              (s.kind === 'upToDate' && Date.parse(s.lastSyncedAt) >= since),
          ),
        ),
      );
    },
    async awaitInSync() {
      await Promise.all([...replications.values()].map((r) => r.awaitInSync()));
    },
    uploadAttachments,
    get streaming() {
      return streaming;
    },
    setStreaming(on) {
      if (stopped || on === streaming) return;
      streaming = on;
      if (on) {
        wakeStream?.();
        // Catch up on what the stream would have said while it was closed.
        resyncAll();
      } else {
        hangUp?.();
        setFailure('stream', null);
      }
    },
    async stop() {
      if (stopped) return;
      stopped = true;
      clearInterval(resyncTimer);
      stopOnline();
      hangUp?.();
      wakeStream?.();
      gate.dispose();
      for (const s of subscriptions) s.unsubscribe();
      await Promise.all([...replications.values()].map((r) => r.cancel()));
      for (const stream of streams.values()) stream.complete();
      await streamLoop.catch(() => undefined);
      await uploading?.catch(() => undefined);
      status.complete();
    },
    replications,
  };
  return handle;
}
