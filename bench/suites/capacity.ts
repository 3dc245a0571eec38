/**
 * Capacity of one server node (sync-server/deploy/README.md, docs/decisions/0007-capacity.md):
 * - resident memory right after start, per database, for the production bundle and for the
 *   tsx development entry, against a bare Node HTTP server in its own process (the least any
 *   Node server takes on this machine);
 * - memory per idle event stream with N streams open at once on one PostgreSQL-backed node,
 *   against a bare Node HTTP server holding N idle Server-Sent-Events responses (what Node itself
 *   needs per open connection).
 * Loopback only; every loop is bounded by N and a deadline.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync, mkdtempSync, rmSync } from 'node:fs';
import http from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase } from '../../sync-server/src/db/open-database';
import { REPOSITORY_ROOT } from '../../sync-server/src/config';
import { enrollDevice, issueEnrollmentCode } from '../../sync-server/src/services/devices';
import { addStation } from '../../sync-server/src/services/stations';
import { startChildServer, type ChildServer } from '../../sync-server/src/testing/child-server';
import { createTestDatabase, postgresReachable } from '../../sync-server/src/testing/test-server';
import { result, type BenchResult, type RunOptions } from '../framework';

const STATION = { id: 'station-capacity', name: '容量测试站', regionCode: '152502' };

function rssMiB(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1]);
  if (!Number.isFinite(kb)) throw new Error(`no VmRSS for ${pid}`);
  return kb / 1024;
}

const settle = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A bare node:http server in its own process; `sse` keeps every response open as a stream. */
async function startBare(): Promise<{ url: string; pid: number; stop(): Promise<void> }> {
  const script = `require('node:http').createServer((q, s) => {
      if (q.url === '/sse') { s.writeHead(200, {'content-type': 'text/event-stream'}); s.write(': open\\n\\n'); return; }
      s.writeHead(200); s.end('{}');
    }).listen(0, '127.0.0.1', function () { console.log('ready ' + this.address().port); });`;
  const child: ChildProcess = spawn(process.execPath, ['-e', script], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const port = await new Promise<string>((resolve, reject) => {
    let output = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /ready (\d+)/.exec(output);
      if (match) resolve(match[1]!);
    });
    child.once('exit', (code) => reject(new Error(`bare server exited (${code})`)));
  });
  return {
    url: `http://127.0.0.1:${port}`,
    pid: child.pid!,
    async stop() {
      child.kill();
      await exited;
    },
  };
}

/** Opens `tokens.length` event streams (one per device) and resolves when all said hello. */
async function openStreams(
  url: string,
  tokens: readonly (string | null)[],
  deadlineMs: number,
): Promise<{ close(): void }> {
  const agent = new http.Agent({ keepAlive: false, maxSockets: Infinity });
  const requests: http.ClientRequest[] = [];
  const deadline = Date.now() + deadlineMs;
  // A few hundred at a time: opening ten thousand at once only measures the accept queue.
  const WAVE = 200;
  for (let i = 0; i < tokens.length; i += WAVE) {
    if (Date.now() > deadline) throw new Error(`streams not open within ${deadlineMs} ms`);
    await Promise.all(
      tokens.slice(i, i + WAVE).map(
        (token) =>
          new Promise<void>((resolve, reject) => {
            const request = http.get(
              token ? `${url}/api/sync/stream` : `${url}/sse`,
              { agent, headers: token ? { authorization: `Bearer ${token}` } : {} },
              (response) => {
                if (response.statusCode !== 200) {
                  reject(new Error(`stream answered ${response.statusCode}`));
                  return;
                }
                response.once('data', () => resolve());
              },
            );
            request.on('error', reject);
            requests.push(request);
          }),
      ),
    );
  }
  return {
    close() {
      for (const request of requests) request.destroy();
      agent.destroy();
    },
  };
}

async function serverRss(server: ChildServer): Promise<number> {
  await settle(1500);
  return rssMiB(server.process.pid!);
}

export async function run(options: RunOptions = {}): Promise<BenchResult[]> {
  const ctx = {
    log: options.log ?? ((m: string) => console.log(m)),
    note: options.note ?? ((m: string) => console.log(`note: ${m}`)),
  };
  const results: BenchResult[] = [];
  const streams = options.quick ? 500 : 10_000;
  const { buildServer } = (await import(
    join(REPOSITORY_ROOT, 'sync-server', 'scripts', 'build-server.mjs')
  )) as { buildServer(): Promise<string> };
  const bundle = await buildServer();

  const bare = await startBare();
  await settle(1500);
  const bareRss = rssMiB(bare.pid);

  // Idle RSS right after start, PGlite (a fresh data directory, sample content seeded).
  for (const entry of ['bundle', 'tsx'] as const) {
    const dataDir = mkdtempSync(join(tmpdir(), 'pls-capacity-'));
    try {
      const server = await startChildServer(
        { DATA_DIR: dataDir },
        ['--seed-sample'],
        entry === 'bundle' ? { bundle } : {},
      );
      const rss = await serverRss(server);
      await server.stop();
      results.push(result(`capacity.idleRss.pglite.${entry}`, rss, 'MiB', bareRss));
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  }

  if (!(await postgresReachable())) {
    ctx.note('PostgreSQL unreachable, per-node PostgreSQL figures not measured');
    await bare.stop();
    return results;
  }
  const database = await createTestDatabase('postgres');
  const db = await openDatabase(database.target);
  try {
    await addStation(db, STATION);
    const url = (database.target as { url: string }).url;
    for (const entry of ['bundle', 'tsx'] as const) {
      const server = await startChildServer(
        { DATABASE_URL: url },
        [],
        entry === 'bundle' ? { bundle } : {},
      );
      const rss = await serverRss(server);
      await server.stop();
      results.push(result(`capacity.idleRss.postgres.${entry}`, rss, 'MiB', bareRss));
    }

    // Idle event streams on one node (bundle, PostgreSQL): one device each.
    ctx.log(`capacity: enrolling ${streams} kiosks`);
    const tokens: string[] = [];
    const enrollOne = async (i: number) => {
      const code = await issueEnrollmentCode(db, { kind: 'kiosk', stationId: STATION.id });
      if (!code.ok) throw new Error(code.error.message);
      const enrolled = await enrollDevice(db, {
        code: code.value.code,
        kind: 'kiosk',
        name: `capacity ${i}`,
      });
      if (!enrolled.ok) throw new Error(enrolled.error.message);
      tokens.push(enrolled.value.token);
    };
    for (let i = 0; i < streams; i += 20) {
      await Promise.all(
        Array.from({ length: Math.min(20, streams - i) }, (_, k) => enrollOne(i + k)),
      );
    }
    // All streams come from this one address: lift the per-address cap (a carrier-NAT setting).
    const server = await startChildServer(
      { DATABASE_URL: url, STREAMS_PER_ADDRESS: String(streams + 10) },
      [],
      { bundle },
    );
    try {
      const before = await serverRss(server);
      const open = await openStreams(server.url, tokens, 300_000);
      const after = await serverRss(server);
      open.close();

      const bareBefore = rssMiB(bare.pid);
      const bareOpen = await openStreams(
        bare.url,
        tokens.map(() => null),
        300_000,
      );
      await settle(1500);
      const bareAfter = rssMiB(bare.pid);
      bareOpen.close();
      const perStreamKiB = ((after - before) * 1024) / streams;
      const barePerStreamKiB = ((bareAfter - bareBefore) * 1024) / streams;
      results.push(
        result(
          `capacity.idleStreams.${streams}.memoryPerStream`,
          perStreamKiB,
          'KiB',
          barePerStreamKiB,
        ),
      );
      ctx.note(
        `${streams} idle streams on one node: RSS ${before.toFixed(0)} → ${after.toFixed(0)} MiB`,
      );
    } finally {
      await server.stop();
    }
  } finally {
    await db.close();
    await database.drop();
    await bare.stop();
  }
  ctx.note('targets (not asserted): idle RSS ≤ 300 MiB on PGlite, ≤ 150 MiB per PostgreSQL node');
  return results;
}
