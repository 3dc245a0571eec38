/**
 * A real sync server for end-to-end suites: its own process (`node --import tsx
 * sync-server/src/cli/server.ts`) on a free loopback port, PGlite in a temporary DATA_DIR (or
 * a PostgreSQL database you pass), sample stations seeded. Enrolls devices, runs admin
 * commands (through the server's loopback admin RPC, exactly what `npm run admin` does while a
 * server runs), and can be killed and restarted on the same data for fault scenarios.
 *
 *   const server = await startSyncServer();
 *   const kiosk = await server.enroll({ kind: 'kiosk', stationId: SAMPLE_STATION_ID });
 *   await server.admin('case-status', code, 'under_review');
 *   await server.stop();
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseEnrollResponse, type EnrollResponse } from '@pls/shared/protocol';

const REPOSITORY_ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** A station the server seeds with `--seed-sample` (Xilinhot, region 152502). */
export const SAMPLE_STATION_ID = 'station-xilinhot-baiyinxile';

export interface SyncServerOptions {
  /** A PostgreSQL database to use instead of PGlite (it must exist; it is not dropped). */
  readonly databaseUrl?: string;
  /** Seed the sample stations and the content pack (default true). */
  readonly seedSample?: boolean;
  /** Extra environment for the server process. */
  readonly env?: Readonly<Record<string, string>>;
}

export interface AdminResult {
  readonly exitCode: number;
  readonly output: string[];
}

export type EnrollTarget =
  | { readonly kind: 'kiosk'; readonly stationId: string; readonly name?: string }
  | {
      readonly kind: 'tv';
      readonly householdId: string;
      readonly regionCode?: string;
      readonly name?: string;
    };

export interface StartedSyncServer {
  /** http://127.0.0.1:<port>; stays the same across restart(). */
  readonly url: string;
  readonly dataDir: string;
  /** Everything the server printed so far (for failure messages). */
  output(): string;
  /** An admin command, as `npm run admin -- …` would run it. */
  admin(...argv: string[]): Promise<AdminResult>;
  /** Issues a one-time code and enrolls a device with it; returns its token and scope. */
  enroll(target: EnrollTarget): Promise<EnrollResponse>;
  /** Ends the process abruptly (default SIGKILL), leaving its data as it was. */
  kill(signal?: NodeJS.Signals): Promise<void>;
  /** Starts the server again on the same port and data (after kill()). */
  restart(): Promise<void>;
  /** Stops the server and removes the temporary data directory. */
  stop(): Promise<void>;
}

interface Running {
  readonly process: ChildProcess;
  readonly url: string;
  readonly exited: Promise<void>;
}

function launch(
  env: Record<string, string>,
  args: string[],
  log: (text: string) => void,
): Promise<Running> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', join(REPOSITORY_ROOT, 'sync-server/src/cli/server.ts'), ...args],
    {
      cwd: REPOSITORY_ROOT,
      env: { ...process.env, LOG_LEVEL: 'warn', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  let seen = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`sync server did not start within 90 s:\n${seen}`));
    }, 90_000);
    const onOutput = (chunk: Buffer) => {
      const text = chunk.toString();
      seen += text;
      log(text);
      const match = /sync server ready at (http:\/\/\S+)/.exec(seen);
      if (match) {
        clearTimeout(timer);
        resolve({ process: child, url: match[1]!, exited });
      }
    };
    child.stdout!.on('data', onOutput);
    child.stderr!.on('data', onOutput);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`sync server exited (${code}) before it was ready:\n${seen}`));
    });
  });
}

export async function startSyncServer(options: SyncServerOptions = {}): Promise<StartedSyncServer> {
  const dataDir = mkdtempSync(join(tmpdir(), 'pls-e2e-server-'));
  const adminToken = randomBytes(24).toString('base64url');
  let log = '';
  const env: Record<string, string> = {
    DATA_DIR: dataDir,
    DATABASE_URL: options.databaseUrl ?? '',
    PLS_ADMIN_TOKEN: adminToken,
    // Suites enroll many devices in a minute; the production limit stays 20.
    ENROLL_RATE_LIMIT: '10000',
    PORT: '0',
    ...options.env,
  };
  const args = options.seedSample === false ? [] : ['--seed-sample'];
  let running: Running | undefined = await launch(env, args, (text) => (log += text));
  const url = running.url;
  env['PORT'] = new URL(url).port;

  const admin = async (...argv: string[]): Promise<AdminResult> => {
    const response = await fetch(`${url}/api/admin/rpc`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-admin-token': adminToken },
      body: JSON.stringify({ argv }),
    });
    const body = (await response.json()) as AdminResult | { error: { message: string } };
    if ('error' in body) throw new Error(`admin ${argv.join(' ')}: ${body.error.message}`);
    return body;
  };

  return {
    url,
    dataDir,
    output: () => log,
    admin,
    async enroll(target) {
      const args =
        target.kind === 'kiosk'
          ? ['enroll-code', '--kind', 'kiosk', '--station', target.stationId]
          : [
              'enroll-code',
              '--kind',
              'tv',
              '--household',
              target.householdId,
              ...(target.regionCode ? ['--region', target.regionCode] : []),
            ];
      const issued = await admin(...args);
      if (issued.exitCode !== 0) throw new Error(issued.output.join('\n'));
      const code = issued.output.at(-1)!;
      const response = await fetch(`${url}/api/devices/enroll`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          code,
          kind: target.kind,
          name: target.name ?? `e2e ${target.kind}`,
        }),
      });
      const parsed = parseEnrollResponse(await response.json());
      if (response.status !== 201 || !parsed.ok)
        throw new Error(`enroll answered HTTP ${response.status}`);
      return parsed.value;
    },
    async kill(signal = 'SIGKILL') {
      if (!running) return;
      running.process.kill(signal);
      await running.exited;
      running = undefined;
    },
    async restart() {
      if (running) throw new Error('the server is running: kill() it first');
      running = await launch(env, [], (text) => (log += text));
    },
    async stop() {
      if (running) {
        running.process.kill('SIGTERM');
        await running.exited;
        running = undefined;
      }
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
