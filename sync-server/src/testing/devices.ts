/**
 * Simulated devices for replication tests: a real local database (RxDB, storage-memory, which
 * keeps its data across close in this process, so a device can be "power-cycled") and the real
 * replication client against a test server.
 */
import { getRxStorageMemory } from 'rxdb/plugins/storage-memory';
import { createLocalDatabase, type LocalCollectionName, type LocalDatabase } from '@pls/shared/db';
import type { EnrollResponse } from '@pls/shared/protocol';
import { startReplication, type StartReplicationOptions, type SyncHandle } from '@pls/shared/sync';

const TEST_ENCRYPTION_KEY = 'test-device-key-0123456789';

let counter = 0;
function uniqueName(prefix: string): string {
  return `${prefix}-${process.pid}-${++counter}`;
}

export interface TestDevice {
  readonly enrollment: EnrollResponse;
  readonly name: string;
  db: LocalDatabase;
  sync: SyncHandle | undefined;
  /** Starts replicating (again). */
  connect(overrides?: Partial<StartReplicationOptions>): Promise<SyncHandle>;
  /** Stops replicating, keeps the database open (offline). */
  disconnect(): Promise<void>;
  /** Closes everything and opens the database again, like a power cut and restart. */
  restart(): Promise<void>;
  close(): Promise<void>;
}

export async function openTestDevice(
  serverUrl: string,
  enrollment: EnrollResponse,
  collections: readonly LocalCollectionName[],
): Promise<TestDevice> {
  const name = uniqueName(enrollment.deviceId);
  const open = () =>
    createLocalDatabase({
      name,
      storage: getRxStorageMemory(),
      encryptionKey: TEST_ENCRYPTION_KEY,
      deviceKind: enrollment.scope.kind,
      collections,
    });
  const device: TestDevice = {
    enrollment,
    name,
    db: await open(),
    sync: undefined,
    async connect(overrides = {}) {
      await device.sync?.stop();
      device.sync = await startReplication({
        db: device.db,
        serverUrl,
        token: enrollment.token,
        deviceId: enrollment.deviceId,
        backoff: { baseMs: 50, capMs: 400 },
        ...overrides,
      });
      return device.sync;
    },
    async disconnect() {
      await device.sync?.stop();
      device.sync = undefined;
    },
    async restart() {
      await device.disconnect();
      await device.db.close();
      device.db = await open();
    },
    async close() {
      await device.disconnect();
      await device.db.close();
    },
  };
  return device;
}
