/**
 * PouchDB as a peer reference for the initial pull: the same documents replicated by PouchDB
 * from express-pouchdb (both on the pure-JS memory adapter). The packages live in bench/peers,
 * outside the workspace, so that `npm ci` and CI never carry them; a full bench run installs
 * them from the npm registry the first time (about 20 s), a quick run only uses them if present.
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const run = promisify(execFile);
const here = dirname(fileURLToPath(import.meta.url));

export type PeerOutcome =
  | { readonly kind: 'measured'; readonly docsPerSecond: number }
  | { readonly kind: 'unavailable'; readonly reason: string };

function installed(): boolean {
  return existsSync(join(here, 'node_modules', 'express-pouchdb', 'package.json'));
}

async function install(log: (message: string) => void): Promise<string | undefined> {
  log('installing the PouchDB peer into bench/peers (npm ci)…');
  try {
    const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
    await run(npm, ['ci', '--no-audit', '--no-fund', '--prefix', here], { timeout: 180_000 });
    return undefined;
  } catch (error) {
    return `npm ci in bench/peers failed: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`;
  }
}

/** Times PouchDB pulling `documents` (each with an `id`) into a fresh client, in docs/s. */
export async function pouchInitialPull(
  documents: readonly { readonly id: string }[],
  options: { readonly mayInstall: boolean; readonly log: (message: string) => void },
): Promise<PeerOutcome> {
  if (!installed()) {
    if (!options.mayInstall) {
      return {
        kind: 'unavailable',
        reason:
          'PouchDB peer not installed in bench/peers; a full run (without --quick) installs it',
      };
    }
    const failure = await install(options.log);
    if (failure !== undefined) return { kind: 'unavailable', reason: failure };
  }
  const dir = mkdtempSync(join(tmpdir(), 'pls-pouch-'));
  try {
    const file = join(dir, 'documents.json');
    writeFileSync(file, JSON.stringify(documents));
    const { stdout } = await run(process.execPath, [join(here, 'pouchdb-initial-pull.mjs'), file], {
      timeout: 600_000,
      maxBuffer: 1 << 20,
    });
    const last = stdout.trim().split('\n').at(-1) ?? '';
    const measured = JSON.parse(last) as { docs: number; seconds: number };
    if (measured.docs !== documents.length) {
      return { kind: 'unavailable', reason: `the peer pulled ${measured.docs} documents` };
    }
    return { kind: 'measured', docsPerSecond: measured.docs / measured.seconds };
  } catch (error) {
    return {
      kind: 'unavailable',
      reason: `PouchDB peer failed: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
