/**
 * Two server processes on one PostgreSQL: a push accepted by one reaches a device streaming
 * from the other within a second (LISTEN/NOTIFY). PostgreSQL only: PGlite is one process.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EnrollResponse } from '@pls/shared/protocol';
import { sampleQuestion } from '@pls/shared/testing';
import { startChildServer, type ChildServer } from './testing/child-server';
import { openTestDevice, type TestDevice } from './testing/devices';
import { databaseKinds, startTestServer, type TestServer } from './testing/test-server';

const withPostgres = (await databaseKinds()).includes('postgres');

describe.runIf(withPostgres)('two server processes on one PostgreSQL', () => {
  let serverA: TestServer;
  let serverB: ChildServer;
  let asker: TestDevice;
  let watcher: TestDevice;

  beforeAll(async () => {
    serverA = await startTestServer('postgres');
    serverB = await startChildServer({
      DATABASE_URL: (serverA.database.target as { url: string }).url,
    });
  });
  afterAll(async () => {
    await asker?.close();
    await watcher?.close();
    await serverB?.stop();
    await serverA?.close();
  });

  it('a push through one reaches a device streaming from the other within 1 s', async () => {
    const household = 'household-multi';
    const tvA: EnrollResponse = await serverA.enroll('tv', household, 'asks via A');
    const tvB: EnrollResponse = await serverA.enroll('tv', household, 'watches via B');
    asker = await openTestDevice(serverA.url, tvA, ['questions', 'case_updates']);
    watcher = await openTestDevice(serverB.url, tvB, ['questions', 'case_updates']);
    await asker.connect();
    const watching = await watcher.connect();
    await watching.awaitInSync();
    await expect.poll(() => watching.status.kind, { timeout: 10_000 }).toBe('upToDate');

    // The question pushed through A gets its receipt (a case_updates of the household)…
    const question = sampleQuestion({ deviceId: tvA.deviceId, householdId: household });
    const arrived = new Promise<number>((resolve) => {
      const sub = watcher.db.case_updates!.insert$.subscribe((event) => {
        if (event.documentData.caseId === question.id) {
          sub.unsubscribe();
          resolve(Date.now());
        }
      });
    });
    const pushed = new Promise<number>((resolve) => {
      const sub = asker.sync!.replications.get('questions')!.sent$.subscribe(() => {
        sub.unsubscribe();
        resolve(Date.now());
      });
    });
    await asker.db.questions!.insert(question);
    // …and the device streaming from B holds it within a second of A accepting the push.
    const [sentAt, arrivedAt] = await Promise.all([pushed, arrived]);
    expect(arrivedAt - sentAt).toBeLessThan(1000);
  });
});
