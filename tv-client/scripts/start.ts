/**
 * `npm start` for the TV client (called by scripts/start.mjs with --mode=electron|browser):
 * builds the renderer (`vite build` → tv-client/dist/renderer; skip with --no-build) and serves
 * it on http://127.0.0.1:5720/ with runtime-config.json naming the sync server
 * (SYNC_SERVER_URL, default http://127.0.0.1:8787). A household code for the first run:
 * `npm run admin -- enroll-code --kind tv --household <id>`. The Electron main
 * (tv-client/electron/main.ts) is type-checked only here: this machine has no Electron binary,
 * so electron mode also serves to the browser and says so.
 */
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serveTvRenderer } from './static-server';

const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const mode = process.argv.find((a) => a.startsWith('--mode='))?.slice(7) ?? 'browser';
const serverUrl = (process.env['SYNC_SERVER_URL'] ?? 'http://127.0.0.1:8787').replace(/\/+$/, '');
const port = Number(process.env['TV_PORT'] ?? 5720);

if (!process.argv.includes('--no-build')) {
  const vite = join(repoRoot, 'node_modules', '.bin', 'vite');
  const built = spawnSync(vite, ['build', '--config', 'tv-client/vite.config.ts'], {
    cwd: repoRoot,
    stdio: 'inherit',
  });
  if (built.status !== 0) {
    console.error('tv: the renderer did not build');
    process.exit(1);
  }
}
if (mode === 'electron')
  console.log('tv: Electron main is not wired to a binary here; serving to the browser');
const served = await serveTvRenderer({
  dir: join(repoRoot, 'tv-client', 'dist', 'renderer'),
  port,
  syncServerUrl: serverUrl,
});
console.log(
  `tv: serving ${served.url} (sync server ${serverUrl}); enroll with a household code from \`npm run admin -- enroll-code --kind tv --household <id>\``,
);
const stop = () => void served.close().then(() => process.exit(0));
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
