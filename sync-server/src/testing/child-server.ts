/**
 * A sync server in its own process (`tsx src/cli/server.ts`, or the production bundle
 * `dist/server.mjs` with plain node), for tests that kill it, restart it, or run several against
 * one PostgreSQL. Resolves once the server printed its ready line.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { REPOSITORY_ROOT } from '../config';

export interface ChildServer {
  readonly url: string;
  readonly process: ChildProcess;
  readonly output: () => string;
  /** SIGTERM and wait; `kill('SIGKILL')` for a crash. */
  stop(signal?: NodeJS.Signals): Promise<void>;
}

export function startChildServer(
  env: Record<string, string>,
  args: string[] = [],
  options: { readonly bundle?: string } = {},
): Promise<ChildServer> {
  // Node itself with tsx as a loader (not the tsx CLI, which runs the server in a grandchild
  // that a SIGKILL of the CLI would leave running).
  const entry = options.bundle
    ? [options.bundle]
    : ['--import', 'tsx', join(REPOSITORY_ROOT, 'sync-server', 'src', 'cli', 'server.ts')];
  const child = spawn(process.execPath, [...entry, ...args], {
    cwd: REPOSITORY_ROOT,
    env: { ...process.env, PORT: '0', LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`server did not start in 60 s:\n${output}`));
    }, 60_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /sync server ready at (http:\/\/\S+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve({
          url: match[1]!,
          process: child,
          output: () => output,
          async stop(signal = 'SIGTERM') {
            if (child.exitCode === null && child.signalCode === null) child.kill(signal);
            await exited;
          },
        });
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`server exited (${code}) before it was ready:\n${output}`));
    });
  });
}
