/**
 * `npm run server [-- --seed-sample]`: the sync server. Prints one line with its URL when
 * ready. With PGlite it holds DATA_DIR/server.lock while it runs (one process per data dir).
 */
import { randomBytes } from 'node:crypto';
import { loadConfig } from '../config';
import { acquireLock } from '../db/data-dir-lock';
import { openDatabase } from '../db/open-database';
import { startServer } from '../server-runtime';
import { seedSample } from '../services/seed';
import { DEFAULT_STREAM_CAPS } from '../sync/stream-caps';

async function main(): Promise<number> {
  const config = loadConfig();
  if (typeof config === 'string') {
    console.error(`sync server: ${config}`);
    return 2;
  }
  const seed = process.argv.includes('--seed-sample');
  const unknown = process.argv.slice(2).filter((a) => a !== '--seed-sample');
  if (unknown.length > 0) {
    console.error(`sync server: unknown argument ${unknown.join(' ')} (only --seed-sample)`);
    return 2;
  }

  let lock: ReturnType<typeof acquireLock> | undefined;
  if (config.database.kind === 'pglite') {
    lock = acquireLock(config.dataDir);
    if (!lock.ok) {
      console.error(
        `sync server: ${config.dataDir} is in use by process ${lock.error.pid}${lock.error.url ? ` (${lock.error.url})` : ''}; PGlite allows one process per data directory`,
      );
      return 1;
    }
  }
  const release = () => (lock?.ok ? lock.value.release() : undefined);
  try {
    const db = await openDatabase(config.database);
    if (seed) for (const line of await seedSample(db, config.contentDir)) console.log(line);
    // A harness (e2e/support/server.ts) may fix the admin token; otherwise a new one per run.
    const adminToken = process.env['PLS_ADMIN_TOKEN'] || randomBytes(24).toString('base64url');
    const server = await startServer({
      database: db,
      host: config.host,
      port: config.port,
      heartbeatSeconds: config.heartbeatSeconds,
      adminToken,
      contentDir: config.contentDir,
      logLevel: config.logLevel,
      enrollRateLimit: config.enrollRateLimit,
      trustProxy: config.trustProxy,
      streamCaps: { ...DEFAULT_STREAM_CAPS, perAddress: config.streamsPerAddress },
    });
    if (lock?.ok) lock.value.update({ pid: process.pid, url: server.url, adminToken });
    const where =
      config.database.kind === 'pglite'
        ? `PGlite in ${config.dataDir}`
        : 'PostgreSQL (DATABASE_URL)';
    console.log(`sync server ready at ${server.url} (${where})`);

    let stopping = false;
    const stop = async (signal: string) => {
      if (stopping) return;
      stopping = true;
      console.log(`sync server: ${signal}, stopping`);
      try {
        await server.stop();
        await db.close();
      } finally {
        release();
        process.exit(0);
      }
    };
    process.on('SIGINT', () => void stop('SIGINT'));
    process.on('SIGTERM', () => void stop('SIGTERM'));
    return -1; // keep running
  } catch (error) {
    release();
    throw error;
  }
}

main().then(
  (code) => {
    if (code >= 0) process.exit(code);
  },
  (error: unknown) => {
    console.error('sync server failed to start:', error);
    process.exit(1);
  },
);
