/**
 * Test support: a real server (in this process, listening on a free loopback port) on PGlite
 * in memory or on a fresh PostgreSQL database that is dropped afterwards. PostgreSQL tests
 * skip when 127.0.0.1:5432 is unreachable, but fail when REQUIRE_POSTGRES=1 (CI).
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import type { DeviceKind } from '@pls/shared/domain';
import type { EnrollResponse } from '@pls/shared/protocol';
import { openDatabase, type DatabaseTarget } from '../db/open-database';
import type { Database } from '../db/database';
import { startServer, type RunningServer, type ServerOptions } from '../server-runtime';
import { issueEnrollmentCode } from '../services/devices';
import { addStation } from '../services/stations';

const POSTGRES_ADMIN_URL =
  process.env['TEST_POSTGRES_URL'] ?? 'postgres://postgres@127.0.0.1:5432/postgres';

let reachable: Promise<boolean> | undefined;
export function postgresReachable(): Promise<boolean> {
  reachable ??= (async () => {
    const client = new pg.Client({
      connectionString: POSTGRES_ADMIN_URL,
      connectionTimeoutMillis: 2000,
    });
    try {
      await client.connect();
      await client.query('select 1');
      return true;
    } catch {
      return false;
    } finally {
      await client.end().catch(() => undefined);
    }
  })();
  return reachable;
}

/** Targets to run a suite against; PostgreSQL only when reachable (or required). */
export async function databaseKinds(): Promise<Array<'pglite' | 'postgres'>> {
  if (await postgresReachable()) return ['pglite', 'postgres'];
  if (process.env['REQUIRE_POSTGRES'] === '1') {
    throw new Error(`REQUIRE_POSTGRES=1 but PostgreSQL at ${POSTGRES_ADMIN_URL} is unreachable`);
  }
  // Said out loud: a green run without PostgreSQL must not pass for a full one.
  console.warn(
    `PostgreSQL at ${POSTGRES_ADMIN_URL} is unreachable: running this suite on PGlite only ` +
      '(REQUIRE_POSTGRES=1 makes this an error, as in CI).',
  );
  return ['pglite'];
}

export interface TestDatabase {
  readonly target: DatabaseTarget;
  /** Drops the database (PostgreSQL); nothing for PGlite in memory. */
  drop(): Promise<void>;
}

export async function createTestDatabase(kind: 'pglite' | 'postgres'): Promise<TestDatabase> {
  if (kind === 'pglite')
    return { target: { kind: 'pglite', dataDir: 'memory://' }, drop: async () => undefined };
  const name = `pls_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: POSTGRES_ADMIN_URL });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(POSTGRES_ADMIN_URL);
  url.pathname = `/${name}`;
  return {
    target: { kind: 'postgres', url: url.toString(), poolSize: 5 },
    async drop() {
      const client = new pg.Client({ connectionString: POSTGRES_ADMIN_URL });
      await client.connect();
      await client.query(`drop database if exists ${name} with (force)`);
      await client.end();
    },
  };
}

export const TEST_STATIONS = {
  xilinhot: { id: 'station-xilinhot-baiyinxile', name: '白音锡勒（测试）', regionCode: '152502' },
  hohhot: { id: 'station-hohhot-xincheng', name: '新城区（测试）', regionCode: '150102' },
} as const;

export interface TestServer extends RunningServer {
  readonly database: TestDatabase;
  enroll(kind: 'kiosk', stationId: string, name?: string): Promise<EnrollResponse>;
  enroll(kind: 'tv', householdId: string, name?: string): Promise<EnrollResponse>;
  /** Stops the server and drops its database. */
  close(): Promise<void>;
}

export async function startTestServer(
  kind: 'pglite' | 'postgres',
  options: Omit<ServerOptions, 'database'> & { database?: TestDatabase; db?: Database } = {},
): Promise<TestServer> {
  const database = options.database ?? (await createTestDatabase(kind));
  const db = options.db ?? (await openDatabase(database.target));
  for (const station of Object.values(TEST_STATIONS)) await addStation(db, station);
  const server = await startServer({
    ...options,
    database: db,
    logLevel: options.logLevel ?? 'silent',
  });
  const enroll = async (
    deviceKind: DeviceKind,
    where: string,
    name = `${deviceKind} ${where}`,
  ): Promise<EnrollResponse> => {
    const issued = await issueEnrollmentCode(
      db,
      deviceKind === 'kiosk'
        ? { kind: 'kiosk', stationId: where }
        : { kind: 'tv', householdId: where, regionCode: '1525' },
      // Issued on the server's clock (a test may set it), as the admin CLI does.
      { now: server.ctx.now() },
    );
    if (!issued.ok) throw new Error(issued.error.message);
    const response = await fetch(`${server.url}/api/devices/enroll`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ code: issued.value.code, kind: deviceKind, name }),
    });
    if (response.status !== 201)
      throw new Error(`enroll: HTTP ${response.status} ${await response.text()}`);
    return (await response.json()) as EnrollResponse;
  };
  return {
    ...server,
    database,
    enroll: enroll as TestServer['enroll'],
    async close() {
      await server.stop();
      await db.close();
      await database.drop();
    },
  };
}
