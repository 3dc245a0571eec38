/**
 * Starting the TV: the host's secrets, the local database with the TV collection set, this
 * box's enrollment, then replication driven by the sync schedule. Each failure is a value the
 * start screen shows in both languages.
 */
import { getRxStorageDexie } from 'rxdb/plugins/storage-dexie';
import { createLocalDatabase, type LocalDatabase } from '@pls/shared/db';
import {
  startReplication,
  SYSTEM_CLOCK,
  BROWSER_ONLINE_SOURCE,
  type SyncHandle,
} from '@pls/shared/sync';
import { createSyncScheduler, type SyncScheduler } from '../sync/sync-schedule';
import { MediaLibrary } from '../media/media-library';
import { openMediaStore } from '../media/media-store';
import { canPlayHere } from '../player/player-screen';
import { loadTvEnrollment, type TvEnrolled } from './tv-enrollment';
import type { TvHost } from './tv-host';

const TV_DATABASE_NAME = 'pls-tv';

export type TvStartFailure = { readonly kind: 'database' | 'store'; readonly detail: string };

export interface TvRuntime {
  readonly db: LocalDatabase;
  readonly host: TvHost;
  readonly enrolled: TvEnrolled;
  readonly sync: SyncHandle;
  readonly scheduler: SyncScheduler;
  /** Program files: downloaded copies, background downloads, where to play from. */
  readonly media: MediaLibrary;
}

export type TvStart =
  | { readonly kind: 'ready'; readonly runtime: TvRuntime }
  | { readonly kind: 'setup'; readonly db: LocalDatabase }
  | { readonly kind: 'failed'; readonly failure: TvStartFailure };

const detail = (error: unknown) => (error instanceof Error ? error.message : String(error));

export async function startTv(host: TvHost): Promise<TvStart> {
  const key = host.databaseKey();
  if (!key.ok) return { kind: 'failed', failure: { kind: 'store', detail: key.error } };
  let db: LocalDatabase;
  try {
    db = await createLocalDatabase({
      name: TV_DATABASE_NAME,
      storage: getRxStorageDexie(),
      encryptionKey: key.value,
      deviceKind: 'tv',
      multiInstance: false,
    });
  } catch (error) {
    return { kind: 'failed', failure: { kind: 'database', detail: detail(error) } };
  }
  const enrolled = await loadTvEnrollment(db, host);
  if (!enrolled.ok)
    return { kind: 'failed', failure: { kind: 'store', detail: enrolled.error.message } };
  if (enrolled.value === undefined) return { kind: 'setup', db };
  return { kind: 'ready', runtime: await runTv(db, host, enrolled.value) };
}

/**
 * Replication plus its schedule (docs/decisions/0004-tv-sync.md): the box starts without a
 * stream; the schedule opens it while someone presses keys and otherwise polls now and then,
 * each poll a conditional pull (304 when nothing changed).
 */
export async function runTv(
  db: LocalDatabase,
  host: TvHost,
  enrolled: TvEnrolled,
): Promise<TvRuntime> {
  const sync = await startReplication({
    db,
    serverUrl: enrolled.enrollment.serverUrl,
    token: enrolled.token,
    deviceId: enrolled.enrollment.deviceId,
    streaming: false,
  });
  const scheduler = createSyncScheduler({
    clock: SYSTEM_CLOCK,
    online: BROWSER_ONLINE_SOURCE.isOnline(),
    port: {
      setStreaming: (on) => sync.setStreaming(on),
      poll: async () => {
        await sync.syncNow();
      },
    },
  });
  const media = new MediaLibrary({
    store: await openMediaStore(),
    serverUrl: enrolled.enrollment.serverUrl,
    canPlay: canPlayHere,
    isOnline: () => BROWSER_ONLINE_SOURCE.isOnline(),
    now: () => Date.now(),
  });
  await media.load();
  BROWSER_ONLINE_SOURCE.subscribe((online) => {
    scheduler.online(online);
    if (online) void media.kick();
  });
  return { db, host, enrolled, sync, scheduler, media };
}
