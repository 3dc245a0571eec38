/**
 * Starting the kiosk renderer: the bridge to the host, the database key from the host's secret
 * store, the encrypted local database, this kiosk's enrollment (enrolling on first start when a
 * one-time code was provided), then sync and the retention job. Each failure is a value the
 * start screen can show; the resident-facing app starts only when everything is there.
 */
import { getRxStorageDexie } from 'rxdb/plugins/storage-dexie';
import { createLocalDatabase, type KioskDatabase } from '@pls/shared/db';
import {
  describeBridgeError,
  isHostUnavailable,
  type HostInfo,
  type KioskApi,
} from '@pls/shared/protocol';
import { startReplication } from '@pls/shared/sync';
import {
  createAttemptThrottle,
  LOOKUP_THROTTLE,
  STAFF_PIN_THROTTLE,
} from '../session/attempt-throttle';
import { createStaffCallLog } from '../session/staff-calls';
import { startRetentionJob } from '../retention/retention-job';
import type { KioskRuntime } from '../ui/runtime';
import { enrollKiosk, loadEnrollment, type Enrolled, type EnrollError } from './enrollment';
import type { RuntimeConfig } from './runtime-config';

const DATABASE_NAME = 'pls-kiosk';

export type StartFailure =
  | { readonly kind: 'bridge'; readonly detail: string }
  | { readonly kind: 'databaseKey'; readonly detail: string }
  | { readonly kind: 'database'; readonly detail: string }
  | { readonly kind: 'secretStore'; readonly detail: string };

export interface Opened {
  readonly kiosk: KioskApi;
  readonly host: HostInfo;
  readonly db: KioskDatabase;
}

export type StartOutcome =
  | { readonly kind: 'ready'; readonly runtime: KioskRuntime }
  /** Not enrolled (or enrolling failed): the setup screen takes a code from staff. */
  | {
      readonly kind: 'setup';
      readonly opened: Opened;
      readonly problem?: EnrollError;
    }
  | { readonly kind: 'failed'; readonly failure: StartFailure };

function detail(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export async function openKiosk(installBridge: () => KioskApi): Promise<Opened | StartFailure> {
  let kiosk: KioskApi;
  try {
    kiosk = installBridge();
  } catch (error) {
    return { kind: 'bridge', detail: detail(error) };
  }
  const host = await kiosk.host.getInfo();
  if (isHostUnavailable(host)) return { kind: 'bridge', detail: describeBridgeError(host) };
  const key = await kiosk.secrets.getDatabaseKey();
  if (!key.ok)
    return { kind: 'databaseKey', detail: `${key.error.kind}: ${describeBridgeError(key.error)}` };
  try {
    const db = await createLocalDatabase({
      name: DATABASE_NAME,
      storage: getRxStorageDexie(),
      encryptionKey: key.value.key,
      multiInstance: false,
    });
    return { kiosk, host, db };
  } catch (error) {
    return { kind: 'database', detail: detail(error) };
  }
}

/** Everything that runs once the kiosk is enrolled. */
export async function runKiosk(opened: Opened, enrolled: Enrolled): Promise<KioskRuntime> {
  const sync = await startReplication({
    db: opened.db,
    serverUrl: enrolled.enrollment.serverUrl,
    token: enrolled.token,
    deviceId: enrolled.enrollment.deviceId,
  });
  startRetentionJob({
    db: opened.db,
    deviceId: enrolled.enrollment.deviceId,
    onError: (error) => console.error('retention purge failed', error),
  });
  return {
    ...opened,
    enrollment: enrolled.enrollment,
    sync,
    staffCalls: createStaffCallLog(),
    lookupThrottle: createAttemptThrottle(LOOKUP_THROTTLE),
    pinThrottle: createAttemptThrottle(STAFF_PIN_THROTTLE),
  };
}

export async function startKiosk(
  installBridge: () => KioskApi,
  config: RuntimeConfig | undefined,
): Promise<StartOutcome> {
  const opened = await openKiosk(installBridge);
  if ('kind' in opened) return { kind: 'failed', failure: opened };
  const stored = await loadEnrollment(opened.db, opened.kiosk.secrets);
  if (!stored.ok)
    return { kind: 'failed', failure: { kind: 'secretStore', detail: stored.error.message } };
  let enrolled = stored.value;
  if (enrolled === undefined && config?.enrollCode !== undefined) {
    const result = await enrollKiosk(opened.db, opened.kiosk.secrets, {
      serverUrl: config.syncServerUrl,
      code: config.enrollCode,
      deviceName: config.deviceName,
    });
    if (!result.ok) return { kind: 'setup', opened, problem: result.error };
    enrolled = result.value;
  }
  if (enrolled === undefined) return { kind: 'setup', opened };
  return { kind: 'ready', runtime: await runKiosk(opened, enrolled) };
}
