/**
 * For unit tests: the kiosk's real database (schemas, encryption, plugins) on RxDB's in-memory
 * storage, with only the collections a test needs (RxDB's free tier allows 13 open collections
 * per process). Close it in afterEach.
 */
import { getRxStorageMemory } from 'rxdb/plugins/storage-memory';
import { createLocalDatabase, type DatabaseOf, type LocalCollectionName } from '@pls/shared/db';

let counter = 0;

const TEST_KEY = 'kiosk-unit-test-key-not-secret-0123';

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
