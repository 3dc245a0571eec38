import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import type { Database, Queryable } from './database';

/**
 * PostgreSQL's shared buffer pool inside PGlite's WebAssembly memory. PostgreSQL's default
 * (128 MB) is sized for a dedicated server; an embedded station or demo server holds a few
 * hundred MB of data at most, and every page of the pool that is touched stays resident.
 * 32 MB measured: idle RSS of the server 245 MB instead of 368 MB (bench `cluster`), no change
 * in the sync figures. `PGLITE_SHARED_BUFFERS` overrides it (PostgreSQL units: 64MB, 1GB).
 */
export const DEFAULT_PGLITE_SHARED_BUFFERS = '32MB';

export interface PgliteOptions {
  readonly sharedBuffers?: string;
}

const SHARED_BUFFERS_PATTERN = /^\d{1,6}(kB|MB|GB)$/;

/**
 * Creating a new data directory runs initdb, a second WebAssembly program whose memory
 * (~430 MB) stays in the process after it finished: a fresh PGlite server sat at 830–870 MB
 * for good. So a new directory is initialised in a short-lived child process and this process
 * opens it ready-made. (`memory://` has no directory to hand over and is initialised here;
 * it is for tests.)
 */
async function initialiseInChildProcess(dataDir: string): Promise<void> {
  const script = `
    const { PGlite } = await import(${JSON.stringify(import.meta.resolve('@electric-sql/pglite'))});
    const pg = await PGlite.create(process.argv[1]);
    await pg.close();`;
  await new Promise<void>((resolve, reject) => {
    const child = spawn(process.execPath, ['--input-type=module', '-e', script, dataDir], {
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => {
      if (stderr.length < 4000) stderr += chunk.toString('utf8');
    });
    child.on('error', reject);
    child.on('exit', (code) =>
      code === 0
        ? resolve()
        : reject(new Error(`PGlite initdb for ${dataDir} exited with ${code}: ${stderr.trim()}`)),
    );
  });
}

/**
 * PGlite: PostgreSQL compiled to WASM, in this process. One process per data directory
 * (see data-dir-lock.ts); `memory://` for tests.
 */
export async function openPglite(dataDir: string, options: PgliteOptions = {}): Promise<Database> {
  const sharedBuffers = options.sharedBuffers ?? DEFAULT_PGLITE_SHARED_BUFFERS;
  if (!SHARED_BUFFERS_PATTERN.test(sharedBuffers)) {
    throw new Error(`PGlite shared_buffers "${sharedBuffers}" is not a size like 32MB`);
  }
  if (dataDir !== 'memory://' && !existsSync(join(dataDir, 'PG_VERSION'))) {
    await initialiseInChildProcess(dataDir);
  }
  const pg = await PGlite.create(dataDir, {
    startParams: [...PGlite.defaultStartParams, '-c', `shared_buffers=${sharedBuffers}`],
  });
  const asQueryable = (q: Pick<PGlite, 'query' | 'exec'>): Queryable => ({
    async query<T>(sql: string, params?: readonly unknown[]) {
      const result = await q.query<T>(sql, params ? [...params] : undefined);
      return { rows: result.rows };
    },
    async exec(sql: string) {
      await q.exec(sql);
    },
  });
  return {
    kind: 'pglite',
    ...asQueryable(pg),
    transaction: (work) => pg.transaction((tx) => work(asQueryable(tx))),
    async listen(channel, onPayload) {
      const unlisten = await pg.listen(channel, onPayload);
      return () => unlisten();
    },
    close: () => pg.close(),
  };
}
