/**
 * The server process killed (SIGKILL) in the middle of a device's pushes, then started again on
 * the same data: the center ends with exactly one copy of every document and one receipt per
 * case. Against PGlite (files under a temporary DATA_DIR) and PostgreSQL.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { EnrollResponse } from '@pls/shared/protocol';
import { sampleApplication } from '@pls/shared/testing';
import { openDatabase } from './db/open-database';
import { issueEnrollmentCode } from './services/devices';
import { addStation } from './services/stations';
import { startChildServer, type ChildServer } from './testing/child-server';
import { openTestDevice } from './testing/devices';
import {
  createTestDatabase,
  databaseKinds,
  TEST_STATIONS,
  type TestDatabase,
} from './testing/test-server';

const kinds = await databaseKinds();

describe.each(kinds)('server killed mid-push on %s', (kind) => {
  const cleanups: Array<() => Promise<void>> = [];
  afterAll(async () => {
    for (const cleanup of cleanups.reverse()) await cleanup().catch(() => undefined);
  });

  it('converges after restart with one copy of each document and one receipt per case', async () => {
    let env: Record<string, string>;
    let database: TestDatabase | undefined;
    if (kind === 'pglite') {
      const dataDir = mkdtempSync(join(tmpdir(), 'pls-kill-'));
      cleanups.push(async () => rmSync(dataDir, { recursive: true, force: true }));
      env = { DATA_DIR: dataDir };
    } else {
      database = await createTestDatabase('postgres');
      cleanups.push(() => database!.drop());
      env = { DATABASE_URL: (database.target as { url: string }).url };
    }
    // Set up the center before the server runs (PGlite: one process per data directory).
    const setup = await openDatabase(
      database ? database.target : { kind: 'pglite', dataDir: env['DATA_DIR']! },
    );
    await addStation(setup, TEST_STATIONS.xilinhot);
    const code = await issueEnrollmentCode(setup, {
      kind: 'kiosk',
      stationId: TEST_STATIONS.xilinhot.id,
    });
    await setup.close();
    if (!code.ok) throw new Error(code.error.message);

    let server: ChildServer = await startChildServer(env);
    cleanups.push(() => server.stop('SIGKILL'));
    const port = new URL(server.url).port;
    const enrolled = await fetch(`${server.url}/api/devices/enroll`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ code: code.value.code, kind: 'kiosk', name: 'kiosk under test' }),
    });
    const enrollment = (await enrolled.json()) as EnrollResponse;

    const device = await openTestDevice(server.url, enrollment, ['applications', 'case_updates']);
    cleanups.push(() => device.close());
    const apps = Array.from({ length: 60 }, () =>
      sampleApplication({ deviceId: enrollment.deviceId, stationId: enrollment.stationId! }),
    );
    await device.db.applications!.bulkInsert(apps);

    let pushes = 0;
    let restarted: Promise<void> | undefined;
    const killOnThirdPush: typeof fetch = (input, init) => {
      const sent = fetch(input, init);
      if (String(input).includes('/push') && ++pushes === 3) {
        // Kill while the third push is on its way in or being committed.
        restarted = (async () => {
          await new Promise((r) => setTimeout(r, 5));
          await server.stop('SIGKILL');
          await new Promise((r) => setTimeout(r, 300));
          server = await startChildServer({ ...env, PORT: port });
        })();
      }
      return sent;
    };
    await device.connect({ fetch: killOnThirdPush, pushBatchSize: 10 });
    await expect.poll(() => restarted !== undefined, { timeout: 20_000 }).toBe(true);
    await restarted;
    await expect
      .poll(async () => (await device.db.case_updates!.find().exec()).length, {
        timeout: 30_000,
        interval: 100,
      })
      .toBe(apps.length);

    const check = await openDatabaseAfter(server, database, env);
    try {
      const { rows } = await check.query<{ id: string; copies: number; description: string }>(
        `select id, count(*) over (partition by id)::int as copies, body->>'description' as description
           from documents where collection = 'applications'`,
      );
      expect(rows.map((r) => r.id).sort()).toEqual(apps.map((a) => a.id).sort());
      expect(rows.every((r) => r.copies === 1)).toBe(true);
      const receipts = await check.query<{ case_id: string; n: number }>(
        "select body->>'caseId' as case_id, count(*)::int as n from documents where collection = 'case_updates' group by 1",
      );
      expect(receipts.rows).toHaveLength(apps.length);
      expect(receipts.rows.every((r) => r.n === 1)).toBe(true);
    } finally {
      await check.close();
    }
  }, 120_000);
});

/** Reads the center's state: PostgreSQL directly; PGlite only after its server stopped. */
async function openDatabaseAfter(
  server: ChildServer,
  database: TestDatabase | undefined,
  env: Record<string, string>,
) {
  if (database) return openDatabase(database.target);
  await server.stop();
  return openDatabase({ kind: 'pglite', dataDir: env['DATA_DIR']! });
}
