/**
 * What the device says about itself in the heartbeat header: outbox depth and last sync from
 * the replication, free storage from the browser (asked at most every ten minutes: estimate()
 * walks the origin's storage), app and content versions from the host.
 */
import type { Observable, Subscription } from 'rxjs';
import { formatHeartbeat } from '../protocol/heartbeat';
import type { OutboxItem } from './outbox';
import type { SyncStatus } from './status';

const STORAGE_EVERY_MS = 10 * 60_000;

/** Set by the renderer build (shared/tools/vite-config.ts); absent in Node and tests. */
declare const __APP_VERSION__: string | undefined;

/** The version the renderer was built as, when it was built by the project's Vite config. */
export function builtAppVersion(): string | undefined {
  return typeof __APP_VERSION__ === 'string' ? __APP_VERSION__ : undefined;
}

interface StorageEstimator {
  estimate(): Promise<{ quota?: number; usage?: number }>;
}

export interface HeartbeatSource {
  /** The header value for the next request. */
  header(): string;
  follow(outbox$: Observable<readonly OutboxItem[]>, status$: Observable<SyncStatus>): void;
  stop(): void;
}

export function startHeartbeat(input: {
  readonly appVersion?: string;
  readonly contentVersion?: () => string | undefined;
  readonly storage?: StorageEstimator | undefined;
  readonly now?: () => number;
}): HeartbeatSource {
  const storage =
    input.storage ??
    (typeof navigator !== 'undefined' && 'storage' in navigator
      ? (navigator.storage as StorageEstimator)
      : undefined);
  const now = input.now ?? Date.now;
  const appVersion = input.appVersion ?? builtAppVersion();
  let outboxDepth: number | undefined;
  let lastSyncedAt: string | undefined;
  let freeBytes: number | undefined;
  let askedAt = -Infinity;
  const subscriptions: Subscription[] = [];

  const refreshStorage = () => {
    if (!storage || now() - askedAt < STORAGE_EVERY_MS) return;
    askedAt = now();
    storage
      .estimate()
      .then(({ quota, usage }) => {
        if (typeof quota === 'number' && typeof usage === 'number')
          freeBytes = Math.max(0, quota - usage);
      })
      .catch(() => undefined);
  };

  return {
    header() {
      refreshStorage();
      return formatHeartbeat({
        ...(outboxDepth !== undefined ? { outboxDepth } : {}),
        ...(freeBytes !== undefined ? { freeBytes } : {}),
        ...(appVersion ? { appVersion } : {}),
        ...(input.contentVersion?.() ? { contentVersion: input.contentVersion()! } : {}),
        ...(lastSyncedAt ? { lastSyncedAt } : {}),
      });
    },
    follow(outbox$, status$) {
      subscriptions.push(
        outbox$.subscribe(
          (items) =>
            (outboxDepth = items.filter(
              (i) => i.state === 'pending' || i.state === 'rejected',
            ).length),
        ),
        status$.subscribe((s) => {
          if (s.lastSyncedAt) lastSyncedAt = new Date(s.lastSyncedAt).toISOString();
        }),
      );
    },
    stop() {
      for (const s of subscriptions) s.unsubscribe();
    },
  };
}
