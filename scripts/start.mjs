#!/usr/bin/env node
// `npm start`: the main job. Sets the machine up, then starts the sync server on its embedded
// database (PGlite under data/, seeded with the sample content) and the kiosk and TV clients:
// in Electron where its binary is installed, otherwise served to the browser. Prints one line
// per app with its URL, and says plainly what is not there yet.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const tsx = join(root, 'node_modules', '.bin', 'tsx');

const setup = spawnSync(process.execPath, [join(root, 'scripts', 'setup.mjs')], {
  cwd: root,
  stdio: 'inherit',
});
if (setup.status !== 0) process.exit(setup.status ?? 1);

/** Path of the Electron binary if it was really installed (the npm package alone has none). */
function electronBinary() {
  try {
    const dir = dirname(require.resolve('electron/package.json', { paths: [root] }));
    const pathFile = join(dir, 'path.txt');
    if (!existsSync(pathFile)) return undefined;
    const { readFileSync } = require('node:fs');
    const binary = join(dir, 'dist', readFileSync(pathFile, 'utf8').trim());
    return existsSync(binary) ? binary : undefined;
  } catch {
    return undefined;
  }
}

// The staff console is a built web app the server serves; build it when it is missing.
if (!existsSync(join(root, 'sync-server', 'console', 'dist', 'index.html'))) {
  const built = spawnSync('npm', ['run', 'console:build', '-w', 'sync-server'], {
    cwd: root,
    stdio: 'inherit',
  });
  if (built.status !== 0)
    console.log('staff console: build failed (npm run console:build -w sync-server)');
}

const electron = electronBinary();
const mode = electron ? 'electron' : 'browser';
const serverPort = process.env.PORT ?? '8787';
const serverUrl = `http://127.0.0.1:${serverPort}`;

/**
 * Each app: the file that proves it exists, how to start it in each mode, and its URL.
 * Starters receive the server URL through the environment.
 */
const APPS = [
  {
    name: 'sync server + staff console',
    entry: 'sync-server/src/cli/server.ts',
    command: () => [tsx, ['sync-server/src/cli/server.ts', '--seed-sample']],
    url: () =>
      // DEMO_ADMIN in sync-server/src/services/seed.ts (a sample account, seeded on first start).
      existsSync(join(root, 'sync-server', 'console', 'dist', 'index.html'))
        ? `${serverUrl}\n  staff console: ${serverUrl}/console/  (demo admin login: demo-admin / demo-admin-2026)`
        : `${serverUrl}  (staff console: build failed, see above)`,
  },
  {
    name: 'kiosk',
    entry: 'kiosk/scripts/start.ts',
    command: () => [tsx, ['kiosk/scripts/start.ts', `--mode=${mode}`]],
    url: () => (mode === 'electron' ? 'Electron window' : 'http://127.0.0.1:5710/'),
  },
  {
    name: 'TV client',
    entry: 'tv-client/scripts/start.ts',
    command: () => [tsx, ['tv-client/scripts/start.ts', `--mode=${mode}`]],
    // tv-client/scripts/start.ts serves on TV_PORT (default 5720): say the port it really uses.
    url: () =>
      mode === 'electron'
        ? 'Electron window'
        : `http://127.0.0.1:${process.env.TV_PORT ?? '5720'}/`,
  },
];

console.log(
  mode === 'electron'
    ? `Electron found at ${electron}: the kiosk and TV client open as Electron windows.`
    : 'Electron is not installed on this machine: serving the kiosk and TV client to the browser instead (Chromium kiosk mode on a station PC).',
);

const children = [];
for (const app of APPS) {
  if (!existsSync(join(root, app.entry))) {
    console.log(`- ${app.name}: not built yet (${app.entry} does not exist)`);
    continue;
  }
  const [cmd, args] = app.command();
  const child = spawn(cmd, args, {
    cwd: root,
    stdio: ['ignore', 'inherit', 'inherit'],
    env: { ...process.env, SYNC_SERVER_URL: serverUrl, APP_MODE: mode },
  });
  children.push(child);
  child.on('exit', (code, signal) => {
    if (signal !== 'SIGTERM') console.log(`${app.name} exited (${signal ?? code})`);
  });
  console.log(`- ${app.name}: ${app.url()}`);
}

if (children.length === 0) {
  console.log('Nothing to start yet.');
  process.exit(0);
}

function stop() {
  for (const child of children) child.kill('SIGTERM');
  setTimeout(() => process.exit(0), 2000).unref();
}
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
