/**
 * Staff console benchmarks on PGlite, server in this process, timed through HTTP on loopback:
 * - the inbox with N cases (50,000 full): first page and a filter change, p95 of the whole
 *   request (session check, scope, page and counts per status), against the page's own rows
 *   read straight from the database in the same run (the floor of the same work);
 * - 20 concurrent logins (Argon2id on worker threads) from clients in another process
 *   (console-login-clients.ts): a health request's p99 while they run, against the health
 *   p99 with nothing else running; and logins per second against raw Argon2id verifications
 *   per second at the same concurrency.
 */
import { hash, verify } from '@node-rs/argon2';
import { spawn } from 'node:child_process';
import { dirname, join } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { addStation } from '../../sync-server/src/services/stations';
import { addUser } from '../../sync-server/src/services/users';
import { postgresReachable, startTestServer } from '../../sync-server/src/testing/test-server';
import {
  percentile,
  result,
  type BenchContext,
  type BenchResult,
  type RunOptions,
} from '../framework';

const STATION = { id: 'station-bench-console', name: '控制台基准站（示例）', regionCode: '152502' };
const CATEGORIES = ['wage_arrears', 'work_injury', 'marriage_family', 'grassland_land', 'other'];
const STATUSES = ['received', 'under_review', 'needs_materials', 'approved', 'rejected'];
const PASSWORD = 'bench password 0123';
const CLIENTS = join(dirname(fileURLToPath(import.meta.url)), 'console-login-clients.ts');

async function timed(work: () => Promise<unknown>): Promise<number> {
  const t0 = performance.now();
  await work();
  return performance.now() - t0;
}

export async function run(options: RunOptions = {}): Promise<BenchResult[]> {
  const ctx: BenchContext = {
    quick: options.quick ?? false,
    log: options.log ?? (() => undefined),
    note: options.note ?? (() => undefined),
  };
  const out: BenchResult[] = [];
  out.push(...(await runOn('pglite', ctx)));
  if (await postgresReachable()) out.push(...(await runOn('postgres', ctx)));
  else ctx.note('console: PostgreSQL unreachable, measured on PGlite only');
  return out;
}

async function runOn(kind: 'pglite' | 'postgres', ctx: BenchContext): Promise<BenchResult[]> {
  const cases = ctx.quick ? 5_000 : 50_000;
  const samples = ctx.quick ? 15 : 40;
  const server = await startTestServer(kind);
  try {
    const db = server.db;
    await addStation(db, STATION);
    ctx.log(`inserting ${cases} cases`);
    // Sample cases in one statement each: the inbox reads cases joined with their documents.
    await db.query(
      `insert into documents (collection, id, seq, body, owner_device_id)
       select 'applications', 'bench-' || n, n,
         json_build_object('id', 'bench-' || n, 'language', case when n % 3 = 0 then 'mn-Mong' else 'zh-Hans' end,
           'caseCategory', ($2::text[])[1 + n % 5], 'submittedAt', (now() - (n || ' minutes')::interval)),
         'bench-kiosk'
         from generate_series(1, $1::int) as n`,
      [cases, CATEGORIES],
    );
    // The inbox's filter columns (category, language, filed_at) as the receipt fills them.
    await db.query(
      `insert into cases (case_kind, case_id, tracking_code, device_id, station_id, status,
                          category, language, filed_at, center_reference, received_at, updated_at)
       select 'applications', 'bench-' || n, 'B' || lpad(n::text, 10, '0'), 'bench-kiosk', $2,
         ($3::text[])[1 + n % 5], ($4::text[])[1 + n % 5],
         case when n % 3 = 0 then 'mn-Mong' else 'zh-Hans' end,
         to_char(now() - (n || ' minutes')::interval, 'YYYY-MM-DD"T"HH24:MI:SS"Z"'),
         'BENCH-' || n, now() - (n || ' minutes')::interval, now()
         from generate_series(1, $1::int) as n`,
      [cases, STATION.id, STATUSES, CATEGORIES],
    );
    await db.query('analyze cases');
    await db.query('analyze documents');
    await addUser(db, {
      name: 'bench-staff',
      role: 'station_staff',
      password: PASSWORD,
      stationId: STATION.id,
    });

    const base = `${server.url}/console/api`;
    const session = await fetch(`${base}/session`);
    const cookie = session.headers.get('set-cookie')!.split(';')[0]!;
    const { csrfToken } = (await session.json()) as { csrfToken: string };
    const login = await fetch(`${base}/login`, {
      method: 'POST',
      headers: { cookie, 'content-type': 'application/json', 'x-csrf-token': csrfToken },
      body: JSON.stringify({ name: 'bench-staff', password: PASSWORD }),
    });
    if (login.status !== 200) throw new Error(`bench login: HTTP ${login.status}`);
    const signedIn = login.headers.get('set-cookie')!.split(';')[0]!;
    const get = async (path: string) => {
      const r = await fetch(`${base}${path}`, { headers: { cookie: signedIn } });
      if (r.status !== 200) throw new Error(`${path}: HTTP ${r.status}`);
      await r.arrayBuffer();
    };

    const first: number[] = [];
    const filtered: number[] = [];
    const floor: number[] = [];
    const filterFloor: number[] = [];
    // The floors: the page's rows straight from the database, on the same columns and indexes
    // (cases.category etc., migration 120), without session, scope joins, counts or JSON.
    const rows = (where: string, params: unknown[]) =>
      db.query(
        `select c.case_id, c.tracking_code, c.status, c.received_at, c.category, c.language
           from cases c where ${where} order by c.received_at desc, c.case_id limit 50`,
        params,
      );
    for (let i = 0; i < samples; i++) {
      const category = CATEGORIES[i % 5]!;
      const status = STATUSES[(i + 1) % 5]!;
      first.push(await timed(() => get('/cases')));
      floor.push(await timed(() => rows('c.station_id = $1', [STATION.id])));
      filtered.push(await timed(() => get(`/cases?category=${category}&status=${status}`)));
      filterFloor.push(
        await timed(() =>
          rows('c.station_id = $1 and c.category = $2 and c.status = $3', [
            STATION.id,
            category,
            status,
          ]),
        ),
      );
    }
    const out = [
      result(
        `console inbox first page p95 (${cases} cases, ${kind})`,
        percentile(first, 95),
        'ms',
        percentile(floor, 95),
      ),
      result(
        `console inbox filter change p95 (${cases} cases, ${kind})`,
        percentile(filtered, 95),
        'ms',
        percentile(filterFloor, 95),
      ),
    ];
    ctx.note(
      'console inbox: target ≤ 200 ms server time (issue 13); reference = the page rows read straight from the database, same columns and indexes',
    );

    // Health p99 idle, then during 20 concurrent logins.
    const health = async (durationMs: number) => {
      const times: number[] = [];
      const end = performance.now() + durationMs;
      while (performance.now() < end)
        times.push(
          await timed(() => fetch(`${server.url}/api/health`).then((r) => r.arrayBuffer())),
        );
      return times;
    };
    const idle = await health(ctx.quick ? 500 : 2000);
    const logins = ctx.quick ? 20 : 60;
    const concurrency = 20;
    // The login clients run in their own process: only the server shares this event loop
    // with the probe, so the probe measures what logins cost the server.
    const clients = spawn(
      process.execPath,
      ['--import', 'tsx', CLIENTS, base, String(logins), String(concurrency)],
      { stdio: ['ignore', 'pipe', 'inherit'] },
    );
    const lines = createInterface({ input: clients.stdout });
    const next = () =>
      new Promise<string>((resolve, reject) => {
        lines.once('line', resolve);
        clients.once('exit', (code) => reject(new Error(`login clients exited (${code})`)));
      });
    if ((await next()) !== 'ready') throw new Error('login clients did not start');
    let finished = false;
    const summary = next().then((line) => {
      finished = true;
      return JSON.parse(line) as { done: number; ms: number };
    });
    const busy: number[] = [];
    // Whether the loop itself stalls (hashing on it would show here), apart from queueing.
    const loopDelay = monitorEventLoopDelay({ resolution: 5 });
    loopDelay.enable();
    while (!finished)
      busy.push(await timed(() => fetch(`${server.url}/api/health`).then((r) => r.arrayBuffer())));
    const { done, ms } = await summary;
    const loginRate = done / (ms / 1000);
    loopDelay.disable();
    const idleLoop = monitorEventLoopDelay({ resolution: 5 });
    idleLoop.enable();
    await new Promise((resolve) => setTimeout(resolve, ctx.quick ? 500 : 2000));
    idleLoop.disable();
    const stored = await hash(PASSWORD);
    let verified = 0;
    const v0 = performance.now();
    await Promise.all(
      Array.from({ length: concurrency }, async () => {
        while (verified < logins) {
          verified++;
          await verify(stored, PASSWORD);
        }
      }),
    );
    const verifyRate = verified / ((performance.now() - v0) / 1000);
    out.push(
      result(
        `health p99 during ${concurrency} concurrent logins (${kind})`,
        percentile(busy, 99),
        'ms',
        percentile(idle, 99),
      ),
      result(
        `event loop delay p99 during ${concurrency} concurrent logins (${kind})`,
        loopDelay.percentile(99) / 1e6,
        'ms',
        idleLoop.percentile(99) / 1e6,
      ),
      result(
        `console logins per second (${concurrency} concurrent, ${kind})`,
        loginRate,
        'logins/s',
        verifyRate,
      ),
    );
    ctx.note(
      'login: target health p99 ≤ 50 ms during 20 concurrent logins; login rate reference = bare Argon2id verifications/s',
    );
    return out;
  } finally {
    await server.close();
  }
}
