import { getRxStorageMemory } from 'rxdb/plugins/storage-memory';
import { describe, expect, it } from 'vitest';
import { sampleApplication, sampleFeedback } from '../testing/sample-documents';
import { createLocalDatabase } from './create-local-database';

// Dev-mode is a process-wide RxDB plugin: this file runs in its own worker, apart from the others.
describe('dev-mode', () => {
  it('validates writes against the schema when asked for', async () => {
    const db = await createLocalDatabase({
      name: 'devmode',
      storage: getRxStorageMemory(),
      encryptionKey: 'test-key-not-a-real-secret-0123',
      devMode: true,
      // Every collection: dev-mode also checks each schema against RxDB's rules (reserved
      // field names, index bounds), so a schema RxDB would refuse fails here.
    });
    try {
      await db.feedback!.insert(sampleFeedback({ id: 'ok-1' }));
      await db.applications!.insert(sampleApplication());
      await expect(
        db.feedback!.insert({ ...sampleFeedback({ id: 'bad-1' }), rating: 9 }),
      ).rejects.toThrow();
      expect(await db.feedback!.count().exec()).toBe(1);
    } finally {
      await db.close();
    }
  });
});
