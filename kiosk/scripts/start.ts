/**
 * `npm start` for the kiosk (called by scripts/start.mjs with --mode=electron|browser):
 * 1. builds the renderer (`vite build` → kiosk/dist/renderer; skip with --no-build);
 * 2. writes kiosk/dist/renderer/runtime-config.json: where the sync server is
 *    (SYNC_SERVER_URL, default http://127.0.0.1:8787) and, when that server runs on this
 *    machine, a one-time enrollment code it issued (`enroll-code`, valid one hour), so a kiosk
 *    that is not enrolled yet enrolls itself on first start: a demo needs no typing;
 * 3. starts the device agent on http://127.0.0.1:5710/ (browser mode) or Electron, with the
 *    simulated reader unless a usable reader is attached;
 * 4. once the kiosk has enrolled, sets a demo staff PIN for it (KIOSK_DEMO_STAFF_PIN, default
 *    246813) and prints it. Real stations get their PIN from the console instead.
 * The local server is reached through its loopback admin RPC, the address and per-run token
 * of which it writes to DATA_DIR/server.lock (what `npm run admin` does while a server runs).
 */
import { spawn, spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { resolveDataRoot } from '@pls/shared/host';
import { isReaderAttached } from '../host/idcard';

const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const rendererDir = join(repoRoot, 'kiosk', 'dist', 'renderer');
const mode = process.argv.find((a) => a.startsWith('--mode='))?.slice(7) ?? 'browser';
const build = !process.argv.includes('--no-build');
const forwarded = process.argv
  .slice(2)
  .filter((a) => !a.startsWith('--mode=') && a !== '--no-build');
const serverUrl = (process.env['SYNC_SERVER_URL'] ?? 'http://127.0.0.1:8787').replace(/\/+$/, '');
const station = process.env['KIOSK_STATION'] ?? 'station-xilinhot-baiyinxile';
const demoPin = process.env['KIOSK_DEMO_STAFF_PIN'] ?? '246813';
// The machine's one data root, resolved as the sync server and the device agent resolve it.
const serverDataDir = resolveDataRoot(process.env, repoRoot);

interface AdminRpc {
  (...argv: string[]): Promise<{ exitCode: number; output: string[] }>;
}

function log(message: string): void {
  console.log(`kiosk: ${message}`);
}

function buildRenderer(): boolean {
  const vite = join(repoRoot, 'node_modules', '.bin', 'vite');
  const result = spawnSync(vite, ['build', '--config', 'kiosk/vite.config.ts'], {
    cwd: repoRoot,
    stdio: 'inherit',
  });
  return result.status === 0;
}

async function serverAnswers(timeoutMs: number): Promise<boolean> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    try {
      const response = await fetch(`${serverUrl}/api/health`);
      if (response.ok) return true;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 1000));
  }
  return false;
}

/** The admin RPC of the sync server running on this machine, if that is the configured one. */
function localAdmin(): AdminRpc | undefined {
  let lock: { url?: unknown; adminToken?: unknown };
  try {
    lock = JSON.parse(readFileSync(join(serverDataDir, 'server.lock'), 'utf8')) as typeof lock;
  } catch {
    return undefined;
  }
  if (typeof lock.url !== 'string' || typeof lock.adminToken !== 'string') return undefined;
  if (lock.url.replace(/\/+$/, '') !== serverUrl) return undefined;
  const { url, adminToken } = lock as { url: string; adminToken: string };
  return async (...argv) => {
    const response = await fetch(`${url}/api/admin/rpc`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-admin-token': adminToken },
      body: JSON.stringify({ argv }),
    });
    const body = (await response.json()) as
      { exitCode: number; output: string[] } | { error: { message: string } };
    if ('error' in body) return { exitCode: 1, output: [body.error.message] };
    return body;
  };
}

async function kioskIds(admin: AdminRpc): Promise<Set<string>> {
  const listed = await admin('devices');
  return new Set(
    listed.output
      .slice(1)
      .map((line) => line.split('\t'))
      .filter((cells) => cells[1] === 'kiosk')
      .map((cells) => cells[0]!),
  );
}

/** Waits (up to 15 min) for a kiosk enrolled after `before`, then gives it the demo PIN. */
async function pinForNewKiosk(admin: AdminRpc, before: Set<string>): Promise<void> {
  const until = Date.now() + 15 * 60_000;
  while (Date.now() < until) {
    await new Promise((r) => setTimeout(r, 3000));
    const now = await kioskIds(admin).catch(() => new Set<string>());
    const added = [...now].find((id) => !before.has(id));
    if (added === undefined) continue;
    const set = await admin('set-staff-pin', '--device', added, '--pin', demoPin);
    log(
      set.exitCode === 0
        ? `enrolled as ${added}; staff PIN for this demo: ${demoPin} (set a real one in the console)`
        : `enrolled as ${added}; setting the demo staff PIN failed: ${set.output.join(' ')}`,
    );
    return;
  }
}

async function main(): Promise<void> {
  if (build) {
    log('building the renderer (kiosk/dist/renderer)…');
    if (!buildRenderer()) {
      console.error('kiosk: the renderer build failed');
      process.exit(1);
    }
  }

  let enrollCode: string | undefined;
  let admin: AdminRpc | undefined;
  let before = new Set<string>();
  if (await serverAnswers(90_000)) {
    admin = localAdmin();
    if (admin) {
      const issued = await admin(
        'enroll-code',
        '--kind',
        'kiosk',
        '--station',
        station,
        '--ttl-hours',
        '1',
      );
      if (issued.exitCode === 0) enrollCode = issued.output.at(-1);
      else log(`no enrollment code: ${issued.output.join(' ')}`);
      before = await kioskIds(admin);
    } else {
      log(
        `${serverUrl} is not a server started from ${serverDataDir}: enroll this kiosk with a code from its console`,
      );
    }
  } else {
    log(
      `the sync server at ${serverUrl} does not answer: the kiosk starts offline (setup screen until it can enroll)`,
    );
  }
  const config = {
    syncServerUrl: serverUrl,
    deviceName: `kiosk ${hostname()}`,
    ...(enrollCode ? { enrollCode } : {}),
  };
  // Read by the renderer at start; a code is used only by a kiosk that is not enrolled yet.
  writeFileSync(join(rendererDir, 'runtime-config.json'), `${JSON.stringify(config, null, 2)}\n`);

  const hasReader = await isReaderAttached().catch(() => false);
  const simulate = forwarded.includes('--simulate-reader') || !hasReader;
  const readerArgs =
    simulate && !forwarded.includes('--simulate-reader') ? ['--simulate-reader'] : [];
  log(
    hasReader
      ? 'ID card reader found'
      : 'no ID card reader found: using the simulated reader (--simulate-reader)',
  );
  const [command, args] =
    mode === 'electron'
      ? [
          join(repoRoot, 'node_modules', '.bin', 'electron'),
          [join(repoRoot, 'kiosk'), ...readerArgs, ...forwarded],
        ]
      : [
          join(repoRoot, 'node_modules', '.bin', 'tsx'),
          [join(repoRoot, 'kiosk', 'agent', 'main.ts'), '--port=5710', ...readerArgs, ...forwarded],
        ];
  const child = spawn(command, args, { cwd: repoRoot, stdio: 'inherit' });
  const stop = () => child.kill('SIGTERM');
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  child.on('exit', (code) => process.exit(code ?? 0));
  if (admin && enrollCode) {
    log('open the kiosk page: it enrolls itself with the code from runtime-config.json');
    void pinForNewKiosk(admin, before).catch((error: unknown) =>
      log(`demo PIN not set: ${String(error)}`),
    );
  }
}

void main();
