/**
 * `npm start` for the kiosk (called by scripts/start.mjs with --mode=electron|browser).
 * Browser mode: starts the device agent on http://127.0.0.1:5710/, which serves the renderer
 * (or a page saying it is not built yet) and the bridge; with the simulated reader unless a
 * usable reader is attached. Electron mode: launches Electron on the kiosk main process.
 */
import { spawn } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isReaderAttached } from '../electron/services/idcard';

const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const mode = process.argv.find((a) => a.startsWith('--mode='))?.slice(7) ?? 'browser';
const forwarded = process.argv.slice(2).filter((a) => !a.startsWith('--mode='));

async function main(): Promise<void> {
  const hasReader = await isReaderAttached().catch(() => false);
  const simulate = forwarded.includes('--simulate-reader') || !hasReader;
  const readerArgs =
    simulate && !forwarded.includes('--simulate-reader') ? ['--simulate-reader'] : [];
  console.log(
    `kiosk: ${hasReader ? 'ID card reader found' : 'no ID card reader found: using the simulated reader (--simulate-reader)'}`,
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
}

void main();
