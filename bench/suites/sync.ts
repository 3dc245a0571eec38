/**
 * Sync benchmarks, on PGlite and on PostgreSQL, with the server in its own process (as in
 * production) and the clients in this one. Every figure has a reference measured in the same
 * run, on the same database (bench/README.md says why each):
 * - initial pull of N content documents into a fresh RxDB client, against reading and
 *   JSON-serialising the same rows straight from the database;
 * - pushes of applications from many simulated devices at once (rate and p95 latency of one
 *   request), against inserting the same batches directly with as many concurrent writers;
 * - propagation from a push on one device to the stream of another (p50/p95), against the
 *   push's own round trip in the same samples (the document cannot be sent on before it is
 *   stored);
 * - idle content polls answered per second, against a bare node:http server in its own process
 *   answering an empty 304 to the same clients (no framework, no auth, no database).
 */
import { spawn } from 'node:child_process';
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
import { pouchInitialPull } from '../peers/pouchdb-peer';
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
  pollSeconds: 1,
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

/**
 * Inserting the pushed rows directly, the way the server stores them (one transaction per batch,
 * the feed's sequence taken under a row lock), with no HTTP, no checks and no receipts: one
 * concurrent writer per device, each inserting its own batches in order, as the pushes do.
 * Returns the rate and the latency of each batch's transaction.
 */
async function insertReference(
  db: Database,
  perDevice: readonly (readonly Record<string, unknown>[])[],
  batch: number,
): Promise<{ rate: number; latencies: number[] }> {
  await db.exec(
    `create table bench_ref (like documents including all); create table bench_ref_seq (last_seq bigint not null); insert into bench_ref_seq values (0);`,
  );
  try {
    const latencies: number[] = [];
    const t0 = performance.now();
    await Promise.all(
      perDevice.map(async (docs) => {
        for (let i = 0; i < docs.length; i += batch) {
          const slice = docs.slice(i, i + batch);
          const started = performance.now();
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
          latencies.push(performance.now() - started);
        }
      }),
    );
    const total = perDevice.reduce((sum, docs) => sum + docs.length, 0);
    return { rate: total / ((performance.now() - t0) / 1000), latencies };
  } finally {
    await db.exec('drop table bench_ref; drop table bench_ref_seq;');
  }
}

/**
 * Reference for the idle polls: a bare node:http server in its own process (as the sync server
 * is) answering every request with an empty 304 — no framework, no auth, no database. What one
 * Node process on this machine can answer these clients at most.
 */
async function startBareServer(): Promise<{ url: string; stop(): Promise<void> }> {
  const script = `require('node:http').createServer((q, s) => { s.writeHead(304); s.end(); })
    .listen(0, '127.0.0.1', function () { console.log('ready ' + this.address().port); });`;
  const child = spawn(process.execPath, ['-e', script], { stdio: ['ignore', 'pipe', 'inherit'] });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const port = await new Promise<string>((resolve, reject) => {
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /ready (\d+)/.exec(output);
      if (match) resolve(match[1]!);
    });
    child.once('exit', (code) => reject(new Error(`bare server exited (${code}): ${output}`)));
  });
  return {
    url: `http://127.0.0.1:${port}/`,
    async stop() {
      child.kill();
      await exited;
    },
  };
}

/**
 * Requests per second that `pollers` keep-alive clients get answered for `url` in `seconds`
 * (node:http, a lighter client than fetch, so that the server is what is measured). Every
 * answer must have the status `expect`.
 */
async function answeredPerSecond(
  url: string,
  headers: Record<string, string>,
  expect: number,
  pollers: number,
  seconds: number,
): Promise<number> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: pollers });
  const poll = () =>
    new Promise<number>((resolve, reject) => {
      const request = http.get(url, { agent, headers }, (response) => {
        response.resume();
        response.on('end', () => resolve(response.statusCode ?? 0));
      });
      request.on('error', reject);
    });
  const answer = async () => {
    const status = await poll();
    if (status !== expect) throw new Error(`${url} answered ${status}, not ${expect}`);
  };
  let answered = 0;
  try {
    // Untimed first: every socket open and both processes' code paths compiled.
    await Promise.all(
      Array.from({ length: pollers }, async () => {
        for (let i = 0; i < 20; i++) await answer();
      }),
    );
    const t = performance.now();
    const until = t + seconds * 1000;
    await Promise.all(
      Array.from({ length: pollers }, async () => {
        while (performance.now() < until) {
          await answer();
          answered++;
        }
      }),
    );
    return answered / ((performance.now() - t) / 1000);
  } finally {
    agent.destroy();
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
    const url = (database.target as { url: string }).url;
    // The server's own pool size (its default), so that the insert reference can use as many
    // connections as the server does.
    target = { kind: 'postgres', url };
    env = { DATABASE_URL: url };
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
    const inserted = await insertReference(db, pushDocs, sizes.batch);
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
      results.push(
        result(`sync.push.${kind}`, pushed / pushSeconds, 'docs/s', inserted.rate),
        result(
          `sync.push.p95.${kind}`,
          percentile(latencies, 95),
          'ms',
          percentile(inserted.latencies, 95),
        ),
      );
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
      const roundTrips: number[] = [];
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
        roundTrips.push(performance.now() - t0);
        if (response.status !== 200) throw new Error(`question push answered ${response.status}`);
        samples.push((await arrived) - t0);
      }
      connection.close();
      results.push(
        result(
          `sync.propagation.p50.${kind}`,
          percentile(samples, 50),
          'ms',
          percentile(roundTrips, 50),
        ),
        result(
          `sync.propagation.p95.${kind}`,
          percentile(samples, 95),
          'ms',
          percentile(roundTrips, 95),
        ),
      );

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
      // The bare server first, then the polls, each for the same time with the same clients.
      const bare = await startBareServer();
      let floor: number;
      try {
        floor = await answeredPerSecond(bare.url, {}, 304, sizes.pollers, sizes.pollSeconds);
      } finally {
        await bare.stop();
      }
      const polls = await answeredPerSecond(
        url,
        { authorization: `Bearer ${reader.token}`, 'if-none-match': etag },
        304,
        sizes.pollers,
        sizes.pollSeconds,
      );
      results.push(result(`sync.idlePolls.${kind}`, polls, 'req/s', floor));
    } finally {
      await server.stop();
    }
  } finally {
    await cleanup();
  }
  return results;
}

/** Targets to aim for (not asserted, never the reference), set for the full sizes. */
const TARGETS: ReadonlyArray<{
  readonly prefix: string;
  readonly what: string;
  readonly met: (r: BenchResult) => boolean;
}> = [
  {
    prefix: 'sync.initialPull.',
    what: 'pull within 3× the database read (ratio ≥ 0.33)',
    met: (r) => (r.ratio ?? 0) >= 0.33,
  },
  {
    prefix: 'sync.push.postgres',
    what: '≥ 1,000 pushed docs/s on PostgreSQL',
    met: (r) => r.value >= 1000,
  },
  {
    prefix: 'sync.propagation.p95.',
    what: 'propagation p95 ≤ 300 ms',
    met: (r) => r.value <= 300,
  },
  {
    prefix: 'sync.idlePolls.',
    what: '≥ 5,000 idle polls/s per process',
    met: (r) => r.value >= 5000,
  },
];

function targetNote(results: readonly BenchResult[]): string {
  const verdicts = TARGETS.map(({ prefix, what, met }) => {
    const rows = results.filter((r) => r.name.startsWith(prefix));
    if (rows.length === 0) return `${what}: not measured`;
    return `${what}: ${rows.map((r) => `${r.name.slice(prefix.length) || 'postgres'} ${met(r) ? 'met' : 'MISSED'}`).join(', ')}`;
  });
  return `targets (not asserted, set for the full sizes): ${verdicts.join('; ')}.`;
}

/**
 * PouchDB replication of the same content documents, as a peer reference for our initial pull
 * (bench/peers): one row per database, our docs/s against PouchDB's, so ratio > 1 is faster.
 */
async function pouchPeer(
  sizes: Sizes,
  results: readonly BenchResult[],
  ctx: BenchContext,
): Promise<BenchResult[]> {
  const documents = Array.from({ length: sizes.content }, (_, i) => benchContent(i));
  const peer = await pouchInitialPull(documents, { mayInstall: !ctx.quick, log: ctx.log });
  if (peer.kind === 'unavailable') {
    ctx.note(`PouchDB peer reference not measured: ${peer.reason}.`);
    return [];
  }
  ctx.log(`PouchDB peer: ${Math.round(peer.docsPerSecond)} docs/s`);
  return results
    .filter((row) => /^sync\.initialPull\.(pglite|postgres)$/.test(row.name))
    .map((row) => result(`${row.name}.vsPouchDB`, row.value, 'docs/s', peer.docsPerSecond));
}

export const syncSuite: BenchSuite = {
  name: 'sync',
  description: 'initial pull, concurrent pushes, propagation, idle polls (PGlite and PostgreSQL)',
  async run(ctx) {
    const sizes = ctx.quick ? QUICK : FULL;
    const results: BenchResult[] = [];
    const postgres = await postgresReachable();
    if (!postgres) ctx.note('PostgreSQL at 127.0.0.1:5432 unreachable: PostgreSQL rows missing.');
    const kinds: Array<'pglite' | 'postgres'> = [];
    // Quick runs one database to stay under a minute: opening PGlite (WASM start and the
    // migrations, twice: here and in the server) alone takes several seconds.
    if (!ctx.quick || !postgres) kinds.push('pglite');
    else ctx.note('quick run: PostgreSQL only; the full run adds the PGlite rows.');
    if (postgres) kinds.push('postgres');
    for (const kind of kinds) results.push(...(await runTarget(kind, sizes, ctx)));
    ctx.note(targetNote(results));
    results.push(...(await pouchPeer(sizes, results, ctx)));
    return results;
  },
};
