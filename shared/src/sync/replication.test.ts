import { getRxStorageMemory } from 'rxdb/plugins/storage-memory';
import { afterEach, describe, expect, it } from 'vitest';
import { createLocalDatabase, type LocalDatabase } from '../db/create-local-database';
import { sampleContent } from '../testing/sample-documents';
import { startReplication, type SyncHandle } from './replication';
import { createFakeCenter, recordingStreamConnector } from './testing/fake-center';

const KEY = 'test-key-not-a-real-secret-0123';
let counter = 0;
const cleanup: Array<() => Promise<unknown>> = [];

afterEach(async () => {
  for (const step of cleanup.splice(0).reverse()) await step();
});

async function openDevice(): Promise<LocalDatabase> {
  const db = await createLocalDatabase({
    name: `pls-replication-test-${++counter}`,
    storage: getRxStorageMemory(),
    encryptionKey: KEY,
    collections: ['content', 'feedback'],
  });
  cleanup.push(() => db.close());
  return db;
}

async function start(
  db: LocalDatabase,
  options: Partial<Parameters<typeof startReplication>[0]>,
): Promise<SyncHandle> {
  const sync = await startReplication({
    db,
    serverUrl: 'http://center.test',
    token: 'token',
    deviceId: 'kiosk-test-01',
    backoff: { baseMs: 10, capMs: 20 },
    ...options,
  });
  cleanup.push(() => sync.stop());
  return sync;
}

describe('streaming option', () => {
  it('with streaming off opens no stream and pulls on syncNow with a conditional request', async () => {
    const center = createFakeCenter();
    const stream = recordingStreamConnector();
    const db = await openDevice();
    const sync = await start(db, {
      fetch: center.fetch,
      streamConnector: stream.connector,
      streaming: false,
    });
    expect(sync.streaming).toBe(false);
    await sync.awaitInSync();
    await sync.syncNow();
    const contentPulls = () =>
      center.requests.filter((r) => r.collection === 'content' && r.path.endsWith('/pull'));
    const before = contentPulls().length;
    expect(before).toBeGreaterThan(0);

    // Nothing new: the next round asks with the ETag it was given and gets a 304.
    const status = await sync.syncNow();
    expect(status.kind).toBe('upToDate');
    const round = contentPulls().slice(before);
    expect(round.length).toBeGreaterThan(0);
    expect(round.every((r) => r.ifNoneMatch !== null && r.status === 304)).toBe(true);

    // Something new: the conditional request is answered in full and the document arrives.
    const doc = { ...sampleContent(), _deleted: false };
    center.write('content', doc);
    await sync.syncNow();
    await sync.awaitInSync();
    expect(await db.content!.findOne(String(doc['id'])).exec()).not.toBeNull();
    expect(stream.opened).toBe(0);
  });

  it('setStreaming opens and closes the one stream', async () => {
    const center = createFakeCenter();
    const stream = recordingStreamConnector();
    const db = await openDevice();
    const sync = await start(db, { fetch: center.fetch, streamConnector: stream.connector });
    await expect.poll(() => stream.open).toBe(1);

    sync.setStreaming(false);
    expect(sync.streaming).toBe(false);
    expect(stream.open).toBe(0);

    const pullsBefore = center.requests.length;
    sync.setStreaming(true);
    await expect.poll(() => stream.open).toBe(1);
    expect(stream.opened).toBe(2);
    // Turning the stream back on catches up with a pull of every pulled collection.
    await expect.poll(() => center.requests.length).toBeGreaterThan(pullsBefore);
  });
});
