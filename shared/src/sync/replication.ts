/**
 * Replication of all of a device's collections with the center, over RxDB's
 * replicateRxCollection (docs/decisions/0002-sync-protocol.md), joined here from its parts:
 * - device-written collections push only (push-handler.ts; a purged document never leaves),
 *   center-written ones pull only (pull-handler.ts), fed by one SSE stream for all of them
 *   (event-stream.ts), which a TV box can switch off and poll instead;
 * - every request passes one retry gate (gated-request.ts): exponential backoff with jitter,
 *   capped; "sync now" and the browser's `online` event open it;
 * - one status (sync-status-store.ts), one outbox (outbox-stream.ts), photo uploads after
 *   pushes (upload-scheduler.ts).
 */
import { Subject, filter, firstValueFrom, type Observable } from 'rxjs';
import type { RxReplicationPullStreamItem } from 'rxdb';
import { replicateRxCollection, type RxReplicationState } from 'rxdb/plugins/replication';
import { anyCollection, hasCollection } from '../db/collection-access';
import type { LocalDatabase } from '../db/create-local-database';
import { COLLECTIONS, COLLECTION_NAMES, type CollectionName } from '../domain/collections';
import { ok } from '../domain/result';
import { isSnapshotCollection, type SyncCheckpoint } from '../protocol/index';
import { uploadPendingAttachments } from './attachments-upload';
import { DEFAULT_BACKOFF, type BackoffPolicy } from './backoff';
import { startEventStream } from './event-stream';
import { createGatedRequest } from './gated-request';
import { BROWSER_ONLINE_SOURCE, type OnlineSource } from './online-source';
import type { OutboxItem } from './outbox';
import { outboxStream } from './outbox-stream';
import { createPullHandler } from './pull-handler';
import { createPushHandler } from './push-handler';
import { pruneStaleRejections, readRejections, recordRejections } from './rejections';
import { RetryGate, SYSTEM_CLOCK, type Clock } from './retry-gate';
import { checkServerDocuments } from './server-documents';
import { defaultStreamConnector, type StreamConnector } from './sse';
import type { SyncStatus } from './status';
import { createSyncHttp } from './sync-http';
import { createSyncStatusStore } from './sync-status-store';
import { startUploadScheduler } from './upload-scheduler';
import { withSnapshot, type SnapshotOutcome } from './snapshot-pull';
import { startHeartbeat } from './heartbeat';

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
  /**
   * First sync and after a long absence: public collections come as one snapshot download
   * (snapshot-pull.ts; default true). `snapshotTaken` hears what happened, per collection.
   */
  readonly snapshots?: boolean;
  readonly snapshotTaken?: (collection: CollectionName, outcome: SnapshotOutcome) => void;
  /** Sent in the heartbeat header (protocol/heartbeat.ts) for the console's fleet page. */
  readonly appVersion?: string;
  readonly contentVersion?: () => string | undefined;
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

export async function startReplication(options: StartReplicationOptions): Promise<SyncHandle> {
  const { db } = options;
  const clock = options.clock ?? SYSTEM_CLOCK;
  const online = options.online ?? BROWSER_ONLINE_SOURCE;
  const heartbeat = startHeartbeat({
    ...(options.appVersion ? { appVersion: options.appVersion } : {}),
    ...(options.contentVersion ? { contentVersion: options.contentVersion } : {}),
  });
  const http = createSyncHttp({
    serverUrl: options.serverUrl,
    token: options.token,
    ...(options.fetch ? { fetch: options.fetch } : {}),
    heartbeat: heartbeat.header,
  });
  const gate = new RetryGate(options.backoff ?? DEFAULT_BACKOFF, clock, options.random);
  let stopped = false;
  const status = await createSyncStatusStore({
    db,
    gate,
    clock,
    online: online.isOnline(),
    rejectedCount: (await pruneStaleRejections(db)).length,
  });
  const attempt = createGatedRequest({
    gate,
    clock,
    setFailure: status.setFailure,
    stopped: () => stopped,
  });
  const check = (name: CollectionName, docs: Parameters<typeof checkServerDocuments>[1]) =>
    options.validatePulled === false ? ok() : checkServerDocuments(name, docs);

  const streams = new Map<
    CollectionName,
    Subject<RxReplicationPullStreamItem<unknown, SyncCheckpoint>>
  >();
  const replications = new Map<CollectionName, RxReplicationState<unknown, SyncCheckpoint>>();
  for (const name of COLLECTION_NAMES) {
    const collection = anyCollection(db, name);
    if (!collection) continue;
    const common = {
      collection,
      replicationIdentifier: `pls-${options.deviceId}-${name}@${options.serverUrl}`,
      live: true,
      retryTime: RETRY_TIME_MS,
      waitForLeadership: false,
    };
    if (COLLECTIONS[name].writer === 'device') {
      const handler = createPushHandler({
        collection: name,
        push: (rows) => attempt(`push:${name}`, () => http.push(name, rows)),
        refuse: async (refused) => {
          await recordRejections(db, name, refused);
          status.setRejectedCount((await readRejections(db)).length);
        },
        // A document refused before and pushed now was fixed: its rejection is stale.
        accepted: async () => {
          if (status.rejectedCount > 0)
            status.setRejectedCount((await pruneStaleRejections(db)).length);
        },
        unnamedRefusal: (failure) => status.setFailure(`push:${name}`, failure),
      });
      const state = replicateRxCollection<unknown, SyncCheckpoint>({
        ...common,
        push: {
          batchSize: options.pushBatchSize ?? 50,
          // A purged document (personal data removed after the retention window) never leaves.
          modifier: (doc: Record<string, unknown>) =>
            doc['piiPurgedAt'] !== undefined ? null : doc,
          handler,
        },
      });
      replications.set(name, state as RxReplicationState<unknown, SyncCheckpoint>);
    } else {
      const stream = new Subject<RxReplicationPullStreamItem<unknown, SyncCheckpoint>>();
      streams.set(name, stream);
      const handler = createPullHandler({
        collection: name,
        pull: (checkpoint, limit, etag) =>
          attempt(`pull:${name}`, () => http.pull(name, checkpoint, limit, etag)),
        check: (docs) => check(name, docs),
        invalid: (failure) => {
          status.setFailure(`pull:${name}`, failure);
          gate.failed(clock.now());
        },
      });
      const pullHandler =
        options.snapshots !== false && isSnapshotCollection(name)
          ? withSnapshot(handler, {
              collection: name,
              serverUrl: options.serverUrl,
              token: options.token,
              ...(options.fetch ? { fetch: options.fetch } : {}),
              check: (docs) => check(name, docs),
              taken: (outcome) => options.snapshotTaken?.(name, outcome),
            })
          : handler;
      const state = replicateRxCollection<unknown, SyncCheckpoint>({
        ...common,
        pull: { batchSize: options.pullBatchSize ?? 1000, stream$: stream, handler: pullHandler },
      });
      replications.set(name, state as RxReplicationState<unknown, SyncCheckpoint>);
    }
  }
  const resyncAll = () => {
    for (const stream of streams.values()) stream.next('RESYNC');
  };

  const eventStream = startEventStream({
    url: http.streamUrl,
    token: options.token,
    connector: options.streamConnector ?? defaultStreamConnector(options.fetch),
    gate,
    clock,
    probe: () => http.probe(),
    setFailure: (failure) => status.setFailure('stream', failure),
    resync: resyncAll,
    changes: (event) => {
      const stream = streams.get(event.collection);
      if (!stream) return;
      const checked = check(event.collection, event.documents);
      if (!checked.ok) return status.setFailure('stream', checked.error);
      // Checked against the collection's schema just above.
      stream.next({ documents: [...event.documents], checkpoint: event.checkpoint });
    },
    enabled: options.streaming ?? true,
  });

  status.follow([...replications.values()]);
  const outbox$ = outboxStream({
    db,
    replications,
    rejectedCount$: status.rejectedCount$,
    now: () => clock.now(),
  });
  heartbeat.follow(outbox$, status.status$);
  const stopOnline = online.subscribe((isOnline) => {
    status.setOnline(isOnline);
    if (isOnline) {
      gate.release();
      if (eventStream.enabled) resyncAll();
    }
  });
  const resyncTimer = setInterval(() => {
    if (eventStream.enabled) resyncAll();
  }, options.resyncIntervalMs ?? DEFAULT_RESYNC_MS);

  const applications = replications.get('applications');
  const uploads = startUploadScheduler({
    upload: () =>
      uploadPendingAttachments(db, (applicationId, attachmentId, mimeType, bytes) =>
        attempt('attachments', () =>
          http.putAttachment(applicationId, attachmentId, mimeType, bytes),
        ),
      ),
    triggers:
      applications && hasCollection(db, 'attachment_files')
        ? [applications.sent$, db.attachment_files.insert$]
        : [],
  });
  const uploadSoon = () => void uploads.run().catch(() => undefined);

  return {
    status$: status.status$,
    get status() {
      return status.status;
    },
    outbox$,
    async syncNow() {
      const since = clock.now();
      gate.release();
      resyncAll();
      uploadSoon();
      return firstValueFrom(
        status.status$.pipe(
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
    uploadAttachments: () => uploads.run(),
    get streaming() {
      return eventStream.enabled;
    },
    setStreaming(on) {
      if (stopped || on === eventStream.enabled) return;
      eventStream.setEnabled(on);
      // Catch up on what the stream would have said while it was closed.
      if (on) resyncAll();
    },
    async stop() {
      if (stopped) return;
      stopped = true;
      clearInterval(resyncTimer);
      stopOnline();
      const streamStopped = eventStream.stop();
      gate.dispose();
      await Promise.all([...replications.values()].map((r) => r.cancel()));
      for (const stream of streams.values()) stream.complete();
      await streamStopped;
      await uploads.stop();
      heartbeat.stop();
      status.stop();
    },
    replications,
  };
}
