import { getRxStorageMemory } from 'rxdb/plugins/storage-memory';
import { afterEach, describe, expect, it } from 'vitest';
import { createLocalDatabase, type LocalDatabase } from '../db/create-local-database';
import { filter, firstValueFrom } from 'rxjs';
import { sampleContent, sampleFeedback } from '../testing/sample-documents';
import { DEFAULT_BACKOFF } from './backoff';
import { readRejections } from './rejections';
import { startReplication, type SyncHandle } from './replication';
import type { SyncStatus } from './status';
import { SteppingClock, createFakeCenter, recordingStreamConnector } from './testing/fake-center';

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
    await expect.poll(() => contentPulls().length).toBeGreaterThan(before);
    await sync.awaitInSync();
    const round = contentPulls().slice(before);
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

/** A string the center's database cannot store: a NUL, or half of a surrogate pair. */
const unstorable = (value: unknown): boolean =>
  typeof value === 'string'
    ? value.includes('\u0000') ||
      /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/.test(value)
    : typeof value === 'object' && value !== null && Object.values(value).some(unstorable);

describe('poison documents', () => {
  it('a document the server fails on does not stop the others; the outbox shows it refused', async () => {
    const center = createFakeCenter({ judgeRow: (doc) => (unstorable(doc) ? 'crash' : undefined) });
    const db = await openDevice();
    const now = new Date().toISOString();
    const good = Array.from({ length: 9 }, () =>
      sampleFeedback({ createdAt: now, updatedAt: now }),
    );
    const nul = sampleFeedback({ createdAt: now, updatedAt: now, comment: 'a\u0000b' });
    // What `.slice(0, n)` of a text with an emoji can leave behind.
    const half = sampleFeedback({ createdAt: now, updatedAt: now, comment: '好😀'.slice(0, 2) });
    await db.feedback!.bulkInsert([...good.slice(0, 4), nul, ...good.slice(4), half]);
    const sync = await start(db, {
      fetch: center.fetch,
      streamConnector: recordingStreamConnector().connector,
      backoff: { baseMs: 1, capMs: 5 },
    });
    await expect
      .poll(() => center.stored.get('feedback')?.size ?? 0, { timeout: 20_000 })
      .toBe(good.length);
    const outbox = await firstValueFrom(sync.outbox$.pipe(filter((items) => items.length === 2)));
    expect(outbox.map((o) => [o.id, o.state, o.rejection?.kind]).sort()).toEqual(
      [
        [nul.id, 'rejected', 'server_error'],
        [half.id, 'rejected', 'server_error'],
      ].sort(),
    );
    expect((await readRejections(db)).map((r) => r.id).sort()).toEqual([nul.id, half.id].sort());
    // Every good document reached the center once, none of the poison ones.
    expect([...center.stored.get('feedback')!.keys()].sort()).toEqual(good.map((g) => g.id).sort());
  }, 30_000);
});

describe('a center answering 503 for ten minutes', () => {
  it('backs off up to its cap, loses nothing, says so, and catches up after', async () => {
    const start0 = Date.now();
    const clock = new SteppingClock(start0);
    const outageEnd = start0 + 10 * 60_000;
    const requestTimes: number[] = [];
    const center = createFakeCenter({
      outage: () => {
        requestTimes.push(clock.now());
        return clock.now() < outageEnd ? 503 : undefined;
      },
    });
    const db = await openDevice();
    const created = new Date(start0).toISOString();
    const docs = Array.from({ length: 5 }, () =>
      sampleFeedback({ createdAt: created, updatedAt: created }),
    );
    await db.feedback!.bulkInsert(docs);
    const sync = await start(db, {
      fetch: center.fetch,
      streaming: false,
      clock,
      random: () => 1,
      backoff: DEFAULT_BACKOFF,
    });
    const statuses: SyncStatus[] = [];
    const watching = sync.status$.subscribe((s) => statuses.push(s));
    cleanup.push(async () => watching.unsubscribe());
    // Simulated time passes whenever the client waits for its retry gate.
    const driver = setInterval(() => clock.step(), 2);
    cleanup.push(async () => clearInterval(driver));

    await expect
      .poll(() => center.stored.get('feedback')?.size ?? 0, { timeout: 50_000, interval: 20 })
      .toBe(docs.length);
    expect(clock.now()).toBeGreaterThanOrEqual(outageEnd);

    // Pushes and pulls share one gate: requests let through together count as one attempt.
    const attempts = [...new Set(requestTimes)];
    const gaps = attempts.slice(1).map((t, i) => t - attempts[i]!);
    expect(Math.max(...gaps)).toBe(DEFAULT_BACKOFF.capMs);
    expect(gaps.every((g) => g <= DEFAULT_BACKOFF.capMs)).toBe(true);
    // Grows 1 s, 2 s, 4 s… then stays at the cap.
    expect(gaps.slice(0, 5)).toEqual([1_000, 2_000, 4_000, 8_000, 16_000]);

    const during = statuses.filter((s) => s.kind === 'error');
    expect(during.length).toBeGreaterThan(0);
    for (const s of during) expect(s).toMatchObject({ reason: 'server', rejectedCount: 0 });
    // Between attempts it says when the next one is (null only while one is on its way).
    const retryTimes = during.flatMap((s) => (s.kind === 'error' && s.retryAt ? [s.retryAt] : []));
    expect(retryTimes.length).toBeGreaterThanOrEqual(gaps.length - 1);
    expect(Date.parse(retryTimes.at(-1)!)).toBeGreaterThanOrEqual(
      outageEnd - DEFAULT_BACKOFF.capMs,
    );
    await expect.poll(() => sync.status.kind, { timeout: 10_000 }).toBe('upToDate');
    const outbox = await firstValueFrom(sync.outbox$.pipe(filter((items) => items.length === 0)));
    expect(outbox).toEqual([]);
    expect([...center.stored.get('feedback')!.keys()].sort()).toEqual(docs.map((d) => d.id).sort());
  }, 60_000);
});
