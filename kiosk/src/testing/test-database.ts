/**
 * For unit tests: the kiosk's real database (schemas, encryption, plugins) on RxDB's in-memory
 * storage, with only the collections a test needs (RxDB's free tier allows 13 open collections
 * per process). Close it in afterEach.
 */
import { getRxStorageMemory } from 'rxdb/plugins/storage-memory';
import { createLocalDatabase, type DatabaseOf, type LocalCollectionName } from '@pls/shared/db';
import { fullableStorage, type DiskControl } from './full-disk';

let counter = 0;

export const TEST_KEY = 'kiosk-unit-test-key-not-secret-0123';

export function openTestDatabase<const C extends LocalCollectionName>(
  collections: readonly C[],
): Promise<DatabaseOf<C>> {
  counter += 1;
  return createLocalDatabase({
    name: `kiosk-test-${process.pid}-${counter}`,
    storage: getRxStorageMemory(),
    encryptionKey: TEST_KEY,
    collections,
  });
}

/** `openTestDatabase` on a disk a test can fill (testing/full-disk.ts). */
export async function openTestDatabaseOnDisk<const C extends LocalCollectionName>(
  collections: readonly C[],
): Promise<{ db: DatabaseOf<C>; disk: DiskControl }> {
  counter += 1;
  const { storage, disk } = fullableStorage(getRxStorageMemory());
  const db = await createLocalDatabase({
    name: `kiosk-test-${process.pid}-${counter}`,
    storage,
    encryptionKey: TEST_KEY,
    collections,
  });
  return { db, disk };
}
