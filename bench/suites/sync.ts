/**
 * Sync benchmarks, on PGlite and on PostgreSQL, with the server in its own process (as in
 * production) and the clients in this one:
 * - initial pull of N content documents into a fresh RxDB client, against reading and
 *   JSON-serialising the same rows straight from the database;
 * - pushes of applications from many simulated devices at once, against inserting the same
 *   rows directly;
 * - propagation from a push on one device to the stream of another (p50/p95);
 * - idle content polls answered per second.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import http from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { getRxStorageMemory } from 'rxdb/plugins/storage-memory';
import { createLocalDatabase } from '@pls/shared/db';
import type { EnrollResponse } from '@pls/shared/protocol';
import { fetchStreamConnector, startReplication, type StreamConnection } from '@pls/shared/sync';
import { sampleApplication, sampleContent, sampleQuestion } from '@pls/shared/testing';
import { openDatabase, type DatabaseTarget } from '../../sync-server/src/db/open-database';
import type { Database } from '../../sync-server/src/db/database';
import { enrollDevice, issueEnrollmentCode } from '../../sync-server/src/services/devices';
import { publishDocuments } from '../../sync-server/src/services/publish';
import { addStation } from '../../sync-server/src/services/stations';
import { startChildServer } from '../../sync-server/src/testing/child-server';
import { createTestDatabase, postgresReachable } from '../../sync-server/src/testing/test-server';
import {
  percentile,
  result,
  type BenchContext,
  type BenchResult,
  type BenchSuite,
} from '../framework';

interface Sizes {
  readonly content: number;
  readonly devices: number;
  readonly perDevice: number;
  readonly batch: number;
  readonly propagation: number;
  readonly pollSeconds: number;
  readonly pollers: number;
}

const FULL: Sizes = {
  content: 20_000,
  devices: 200,
  perDevice: 50,
  batch: 50,
  propagation: 60,
  pollSeconds: 8,
  pollers: 50,
};
const QUICK: Sizes = {
  content: 2_000,
  devices: 50,
  perDevice: 20,
  batch: 50,
  propagation: 15,
  pollSeconds: 2,
  pollers: 20,
};

const STATION = { id: 'station-bench', name: '基准测试站', regionCode: '152502' };
const HOUSEHOLD = 'household-bench';

/** A content item of realistic size (~2.5 KB): a bilingual FAQ answer. */
function benchContent(i: number) {
  const zh =
    '根据《中华人民共和国法律援助法》，农民工请求支付劳动报酬的，不受经济困难条件的限制。'.repeat(
      8,
    );
  const mn = 'ᠬᠠᠤᠯᠢ ᠶᠢᠨ ᠲᠤᠰᠠᠯᠠᠮᠵᠢ ᠶᠢᠨ ᠲᠤᠬᠠᠢ ᠬᠠᠤᠯᠢ '.repeat(12);
  return sampleContent({
    id: `bench-${String(i).padStart(6, '0')}`,
    regionCode: i % 2 === 0 ? '15' : '1525',
    audiences: ['kiosk', 'tv'],
    title: { zh: `第${i}条：拖欠工资怎么办？`, mn: 'ᠴᠠᠯᠢᠩ ᠬᠥᠯᠥᠰᠦ', mnStatus: 'draft' },
    body: { zh, mn, mnStatus: 'draft' },
    order: i,
  });
}

async function enroll(
  db: Database,
  kind: 'kiosk' | 'tv',
  where: string,
  name: string,
): Promise<EnrollResponse> {
  const code = await issueEnrollmentCode(
    db,
    kind === 'kiosk'
      ? { kind, stationId: where }
      : { kind, householdId: where, regionCode: '1525' },
  );
  if (!code.ok) throw new Error(code.error.message);
  const enrolled = await enrollDevice(db, { code: code.value.code, kind, name });
  if (!enrolled.ok) throw new Error(enrolled.error.message);
  return enrolled.value;
}

/** Reading and JSON-serialising the content rows straight from the database: the physical limit of a pull. */
async function readReference(db: Database, n: number): Promise<number> {
  let best = Infinity;
  for (let round = 0; round < 2; round++) {
    const t0 = performance.now();
    const { rows } = await db.query<{ body: unknown }>(
      "select body from documents where collection = 'content' order by seq",
    );
    const text = JSON.stringify(rows.map((r) => r.body));
    if (rows.length !== n || text.length === 0) throw new Error('reference read incomplete');
    best = Math.min(best, performance.now() - t0);
  }
  return n / (best / 1000);
}

/** Inserting the pushed rows directly, batch by batch, the way the server stores them (no HTTP, no checks, no receipts). */
async function insertReference(
  db: Database,
  docs: readonly Record<string, unknown>[],
  batch: number,
): Promise<number> {
  await db.exec(
    `create table bench_ref (like documents including all); create table bench_ref_seq (last_seq bigint not null); insert into bench_ref_seq values (0);`,
  );
  try {
    const t0 = performance.now();
    for (let i = 0; i < docs.length; i += batch) {
      const slice = docs.slice(i, i + batch);
      await db.transaction(async (tx) => {
        const { rows } = await tx.query<{ last_seq: number }>(
          'update bench_ref_seq set last_seq = last_seq + $1 returning last_seq',
          [slice.length],
        );
        const first = rows[0]!.last_seq - slice.length + 1;
        await tx.query(
          `insert into bench_ref (collection, id, seq, body, owner_device_id)
           select 'applications', r.id, r.seq, r.body, r.owner from jsonb_to_recordset($1::jsonb) as r(id text, seq bigint, body jsonb, owner text)`,
          [
            JSON.stringify(
              slice.map((doc, k) => ({
                id: doc['id'],
                seq: first + k,
                body: doc,
                owner: doc['deviceId'],
              })),
            ),
          ],
        );
      });
    }
    return docs.length / ((performance.now() - t0) / 1000);
  } finally {
    await db.exec('drop table bench_ref; drop table bench_ref_seq;');
  }
}

async function runTarget(
  kind: 'pglite' | 'postgres',
  sizes: Sizes,
  ctx: BenchContext,
): Promise<BenchResult[]> {
  const results: BenchResult[] = [];
  let target: DatabaseTarget;
  let env: Record<string, string>;
  let cleanup: () => Promise<void>;
  if (kind === 'pglite') {
    const dataDir = mkdtempSync(join(tmpdir(), 'pls-bench-'));
    target = { kind: 'pglite', dataDir };
    env = { DATA_DIR: dataDir, DATABASE_URL: '' };
    cleanup = async () => rmSync(dataDir, { recursive: true, force: true });
  } else {
    const database = await createTestDatabase('postgres');
    target = database.target;
    env = { DATABASE_URL: (database.target as { url: string }).url };
    cleanup = () => database.drop();
  }
  try {
    // --- set up the center in this process, and measure the references ---
    let t = performance.now();
    const db = await openDatabase(target);
    await addStation(db, STATION);
    for (let i = 0; i < sizes.content; i += 1000) {
      const published = await publishDocuments(
        db,
        'content',
        Array.from({ length: Math.min(1000, sizes.content - i) }, (_, k) => benchContent(i + k)),
        'bench',
      );
      if (!published.ok) throw new Error(published.error.message);
    }
    const reader = await enroll(db, 'kiosk', STATION.id, 'reader');
    const pushers: EnrollResponse[] = [];
    for (let i = 0; i < sizes.devices; i++)
      pushers.push(await enroll(db, 'kiosk', STATION.id, `pusher ${i}`));
    const asker = await enroll(db, 'tv', HOUSEHOLD, 'asker');
    const watcher = await enroll(db, 'tv', HOUSEHOLD, 'watcher');
    ctx.log(
      `${kind}: ${sizes.content} content documents and ${sizes.devices + 3} devices set up in ${((performance.now() - t) / 1000).toFixed(1)} s`,
    );
    const readRate = await readReference(db, sizes.content);
    const pushDocs = pushers.map((device) =>
      Array.from({ length: sizes.perDevice }, () => ({
        ...sampleApplication({ deviceId: device.deviceId, stationId: STATION.id }),
        _deleted: false,
      })),
    );
    const insertRate = await insertReference(db, pushDocs.flat(), sizes.batch);
    await db.close();

    const server = await startChildServer(env);
    try {
      // --- initial pull into a fresh client ---
      t = performance.now();
      const client = await createLocalDatabase({
        name: `bench-${kind}-${Date.now()}`,
        storage: getRxStorageMemory(),
        encryptionKey: 'bench-key-not-secret-000',
        collections: ['content'],
      });
      const sync = await startReplication({
        db: client,
        serverUrl: server.url,
        token: reader.token,
        deviceId: reader.deviceId,
      });
      await sync.awaitInSync();
      const pulled = await client.content!.count().exec();
      const pullSeconds = (performance.now() - t) / 1000;
      await sync.stop();
      await client.close();
      if (pulled !== sizes.content) throw new Error(`pulled ${pulled} of ${sizes.content}`);
      results.push(
        result(`sync.initialPull.${kind}`, sizes.content / pullSeconds, 'docs/s', readRate),
      );
      ctx.log(`${kind}: initial pull of ${pulled} documents in ${pullSeconds.toFixed(2)} s`);

      // --- concurrent pushes ---
      const latencies: number[] = [];
      t = performance.now();
      await Promise.all(
        pushers.map(async (device, d) => {
          const docs = pushDocs[d]!;
          for (let i = 0; i < docs.length; i += sizes.batch) {
            const t0 = performance.now();
            const response = await fetch(`${server.url}/api/sync/applications/push`, {
              method: 'POST',
              headers: {
                authorization: `Bearer ${device.token}`,
                'content-type': 'application/json',
              },
              body: JSON.stringify({
                rows: docs.slice(i, i + sizes.batch).map((doc) => ({ newDocumentState: doc })),
              }),
            });
            await response.arrayBuffer();
            if (response.status !== 200) throw new Error(`push answered ${response.status}`);
            latencies.push(performance.now() - t0);
          }
        }),
      );
      const pushSeconds = (performance.now() - t) / 1000;
      const pushed = sizes.devices * sizes.perDevice;
      results.push(result(`sync.push.${kind}`, pushed / pushSeconds, 'docs/s', insertRate));
      results.push(result(`sync.push.p95.${kind}`, percentile(latencies, 95), 'ms'));
      ctx.log(
        `${kind}: ${pushed} applications from ${sizes.devices} devices in ${pushSeconds.toFixed(2)} s`,
      );

      // --- propagation: a push on one TV box reaches the stream of the other ---
      const waiting = new Map<string, (at: number) => void>();
      let greeted: () => void = () => undefined;
      const hello = new Promise<void>((resolve) => (greeted = resolve));
      const connection: StreamConnection = fetchStreamConnector()(
        `${server.url}/api/sync/stream`,
        watcher.token,
        {
          onOpen: () => undefined,
          onMessage: (message) => {
            const at = performance.now();
            if (message.event === 'hello') greeted();
            if (message.event !== 'changes') return;
            const event = JSON.parse(message.data) as { documents: Array<{ caseId?: string }> };
            for (const doc of event.documents) if (doc.caseId) waiting.get(doc.caseId)?.(at);
          },
          onClosed: () => undefined,
        },
      );
      await hello;
      const samples: number[] = [];
      for (let i = 0; i < sizes.propagation; i++) {
        const question = {
          ...sampleQuestion({ deviceId: asker.deviceId, householdId: HOUSEHOLD }),
          _deleted: false,
        };
        const arrived = new Promise<number>((resolve) => waiting.set(question.id, resolve));
        const t0 = performance.now();
        const response = await fetch(`${server.url}/api/sync/questions/push`, {
          method: 'POST',
          headers: { authorization: `Bearer ${asker.token}`, 'content-type': 'application/json' },
          body: JSON.stringify({ rows: [{ newDocumentState: question }] }),
        });
        await response.arrayBuffer();
        samples.push((await arrived) - t0);
      }
      connection.close();
      results.push(result(`sync.propagation.p50.${kind}`, percentile(samples, 50), 'ms'));
      results.push(result(`sync.propagation.p95.${kind}`, percentile(samples, 95), 'ms'));

      // --- idle polls: nothing new for this device ---
      const head = await fetch(`${server.url}/api/sync/content/pull?seq=0&limit=2000`, {
        headers: { authorization: `Bearer ${reader.token}` },
      });
      let checkpoint = ((await head.json()) as { checkpoint: { seq: number; id: string } })
        .checkpoint;
      for (;;) {
        const next = await fetch(
          `${server.url}/api/sync/content/pull?seq=${checkpoint.seq}&id=${encodeURIComponent(checkpoint.id)}&limit=2000`,
          {
            headers: { authorization: `Bearer ${reader.token}` },
          },
        );
        const body = (await next.json()) as {
          documents: unknown[];
          checkpoint: { seq: number; id: string };
        };
        checkpoint = body.checkpoint;
        if (body.documents.length === 0) break;
      }
      const url = `${server.url}/api/sync/content/pull?seq=${checkpoint.seq}&id=${encodeURIComponent(checkpoint.id)}&limit=500`;
      const etag =
        (await fetch(url, { headers: { authorization: `Bearer ${reader.token}` } })).headers.get(
          'etag',
        ) ?? '';
      let answered = 0;
      const until = performance.now() + sizes.pollSeconds * 1000;
      // node:http with keep-alive: a lighter client than fetch, so the server is what is measured.
      const agent = new http.Agent({ keepAlive: true, maxSockets: sizes.pollers });
      const poll = () =>
        new Promise<number>((resolve, reject) => {
          const request = http.get(
            url,
            { agent, headers: { authorization: `Bearer ${reader.token}`, 'if-none-match': etag } },
            (response) => {
              response.resume();
              response.on('end', () => resolve(response.statusCode ?? 0));
            },
          );
          request.on('error', reject);
        });
      t = performance.now();
      await Promise.all(
        Array.from({ length: sizes.pollers }, async () => {
          while (performance.now() < until) {
            const status = await poll();
            if (status !== 304) throw new Error(`idle poll answered ${status}`);
            answered++;
          }
        }),
      );
      agent.destroy();
      results.push(
        result(`sync.idlePolls.${kind}`, answered / ((performance.now() - t) / 1000), 'req/s'),
      );
    } finally {
      await server.stop();
    }
  } finally {
    await cleanup();
  }
  return results;
}

/** PouchDB replication as a peer reference, where pouchdb and express-pouchdb are installed. */
async function pouchPeer(ctx: BenchContext): Promise<BenchResult[]> {
  try {
    await import(/* @vite-ignore */ ['pouchdb', 'core'].join('-'));
    await import(/* @vite-ignore */ ['express', 'pouchdb'].join('-'));
  } catch {
    ctx.note(
      'PouchDB peer reference not measured: pouchdb-core and express-pouchdb are not installed in this workspace (see bench/README.md).',
    );
    return [];
  }
  ctx.note('PouchDB packages are present, but the peer measurement is not implemented yet.');
  return [];
}

export const syncSuite: BenchSuite = {
  name: 'sync',
  description: 'initial pull, concurrent pushes, propagation, idle polls (PGlite and PostgreSQL)',
  async run(ctx) {
    const sizes = ctx.quick ? QUICK : FULL;
    const results: BenchResult[] = [];
    const kinds: Array<'pglite' | 'postgres'> = ['pglite'];
    if (await postgresReachable()) kinds.push('postgres');
    else ctx.note('PostgreSQL at 127.0.0.1:5432 unreachable: PostgreSQL rows missing.');
    for (const kind of kinds) results.push(...(await runTarget(kind, sizes, ctx)));
    results.push(...(await pouchPeer(ctx)));
    return results;
  },
};
