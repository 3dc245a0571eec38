/**
 * Three nodes on one PostgreSQL behind HAProxy (sync-server/deploy/README.md): kiosks enroll,
 * stream and push through the balancer; content published at the center reaches every kiosk
 * whichever node holds its stream; a node is killed mid-traffic and its kiosks carry on through
 * the others, losing nothing and filing nothing twice. PostgreSQL only (PGlite is one process).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EnrollResponse } from '@pls/shared/protocol';
import { sampleApplication, sampleContent } from '@pls/shared/testing';
import type { Database } from '../db/database';
import { openDatabase } from '../db/open-database';
import { issueEnrollmentCode } from '../services/devices';
import { publishDocuments } from '../services/publish';
import { addStation } from '../services/stations';
import { openTestDevice, type TestDevice } from '../testing/devices';
import {
  TEST_STATIONS,
  createTestDatabase,
  databaseKinds,
  type TestDatabase,
} from '../testing/test-server';
import { startCluster, type Cluster } from './cluster';

const withPostgres = (await databaseKinds()).includes('postgres');
// RxDB's free tier holds 13 collections per process: four kiosks of three collections each.
const KIOSKS = 4;
const ROUNDS = 8;
const PER_ROUND = 2;
const station = TEST_STATIONS.xilinhot;

describe.runIf(withPostgres)('three nodes behind HAProxy', () => {
  let database: TestDatabase;
  let db: Database;
  let cluster: Cluster;
  const devices: TestDevice[] = [];

  beforeAll(async () => {
    database = await createTestDatabase('postgres');
    db = await openDatabase(database.target);
    await addStation(db, station);
    cluster = await startCluster({
      databaseUrl: (database.target as { url: string }).url,
      nodes: 3,
      env: { LOG_LEVEL: 'error' },
    });
  }, 120_000);
  afterAll(async () => {
    for (const device of devices) await device.close();
    await cluster?.stop();
    await db?.close();
    await database?.drop();
  });

  async function enroll(n: number): Promise<EnrollResponse> {
    const issued = await issueEnrollmentCode(db, { kind: 'kiosk', stationId: station.id });
    if (!issued.ok) throw new Error(issued.error.message);
    const response = await fetch(`${cluster.url}/api/devices/enroll`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ code: issued.value.code, kind: 'kiosk', name: `cluster kiosk ${n}` }),
    });
    expect(response.status).toBe(201);
    return (await response.json()) as EnrollResponse;
  }

  it('fans changes out across nodes and survives a node killed mid-traffic', async () => {
    for (let n = 0; n < KIOSKS; n++) {
      const device = await openTestDevice(cluster.url, await enroll(n), [
        'applications',
        'case_updates',
        'content',
      ]);
      devices.push(device);
      await device.connect();
    }
    for (const device of devices) {
      await expect.poll(() => device.sync!.status.kind, { timeout: 20_000 }).toBe('upToDate');
    }

    // Published at the center (no node involved): every node's LISTEN hears it and sends it
    // down the streams it holds; leastconn spreads four streams over the three nodes.
    const published = await publishDocuments(db, 'content', [
      sampleContent({ id: 'faq-cluster-fanout', regionCode: '15' }),
    ]);
    expect(published.ok).toBe(true);
    for (const device of devices) {
      await expect
        .poll(
          async () => (await device.db.content!.findOne('faq-cluster-fanout').exec()) !== null,
          {
            timeout: 10_000,
          },
        )
        .toBe(true);
    }

    // The node about to die holds some of the kiosks' streams (so the crash is felt).
    const health = await fetch(`${cluster.nodes[1]!.url}/api/health`);
    const { openStreams } = (await health.json()) as { openStreams: number };
    expect(openStreams).toBeGreaterThanOrEqual(1);

    // Traffic: every kiosk files applications round by round; node-2 dies halfway.
    const filed = new Map<string, string>(); // application id → device id
    for (let round = 0; round < ROUNDS; round++) {
      if (round === ROUNDS / 2) await cluster.crash(1);
      await Promise.all(
        devices.map(async (device) => {
          for (let k = 0; k < PER_ROUND; k++) {
            const app = sampleApplication({
              deviceId: device.enrollment.deviceId,
              stationId: station.id,
            });
            filed.set(app.id, device.enrollment.deviceId);
            await device.db.applications!.insert(app);
          }
        }),
      );
      await new Promise((resolve) => setTimeout(resolve, 150));
    }

    // Every application reaches the center once, and its receipt comes back to its kiosk.
    const total = KIOSKS * ROUNDS * PER_ROUND;
    const ids = [...filed.keys()];
    expect(ids).toHaveLength(total);
    await expect
      .poll(
        async () =>
          (
            await db.query<{ n: number }>(
              "select count(*)::int as n from documents where collection = 'applications' and id = any($1)",
              [ids],
            )
          ).rows[0]!.n,
        { timeout: 60_000, interval: 500 },
      )
      .toBe(total);
    const stored = await db.query<{ id: string; owner: string; copies: number }>(
      "select id, owner_device_id as owner, count(*)::int as copies from documents where collection = 'applications' and id = any($1) group by id, owner_device_id",
      [ids],
    );
    expect(stored.rows).toHaveLength(total);
    for (const row of stored.rows) {
      expect(row.copies).toBe(1);
      expect(row.owner).toBe(filed.get(row.id));
    }
    const receipts = await db.query<{ case_id: string; n: number }>(
      "select body->>'caseId' as case_id, count(*)::int as n from documents where collection = 'case_updates' and body->>'kind' = 'received' and body->>'caseId' = any($1) group by 1",
      [ids],
    );
    expect(receipts.rows).toHaveLength(total);
    expect(receipts.rows.every((r) => r.n === 1)).toBe(true);
    for (const device of devices) {
      const mine = [...filed].filter(([, owner]) => owner === device.enrollment.deviceId);
      await expect
        .poll(
          async () =>
            (await device.db.case_updates!.find({ selector: { kind: 'received' } }).exec()).filter(
              (u) => filed.get(u.caseId) === device.enrollment.deviceId,
            ).length,
          { timeout: 30_000, interval: 250 },
        )
        .toBe(mine.length);
    }
  }, 180_000);
});
