/**
 * Server configuration from the environment: PORT (default 8787), HOST (default 127.0.0.1),
 * DATA_DIR (default <repository>/data; PGlite files under DATA_DIR/pglite), DATABASE_URL
 * (a real PostgreSQL instead of PGlite), PGLITE_SHARED_BUFFERS (e.g. 64MB), LOG_LEVEL,
 * ENROLL_RATE_LIMIT (per address and minute, default 20), TRUST_PROXY (load balancers' addresses),
 * STREAMS_PER_ADDRESS (default 64).
 */
import { readFileSync } from 'node:fs';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { STREAM_HEARTBEAT_SECONDS } from '@pls/shared/protocol';
import type { DatabaseTarget } from './db/open-database';
import { DEFAULT_STREAM_CAPS } from './sync/stream-caps';

export const REPOSITORY_ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

export const SERVER_VERSION: string = (
  JSON.parse(readFileSync(join(REPOSITORY_ROOT, 'sync-server', 'package.json'), 'utf8')) as {
    version: string;
  }
).version;

export interface ServerConfig {
  readonly host: string;
  readonly port: number;
  readonly dataDir: string;
  readonly database: DatabaseTarget;
  readonly heartbeatSeconds: number;
  readonly contentDir: string;
  readonly logLevel: 'silent' | 'error' | 'warn' | 'info' | 'debug';
  readonly enrollRateLimit: number;
  /**
   * STREAMS_PER_ADDRESS: event streams one client address may hold (default 64). Raise it where
   * many devices share an address: TV boxes behind a carrier's NAT, a station's kiosks.
   */
  readonly streamsPerAddress: number;
  /** TRUST_PROXY: comma-separated addresses or CIDRs of the load balancers in front. */
  readonly trustProxy: readonly string[];
}

const LOG_LEVELS = ['silent', 'error', 'warn', 'info', 'debug'] as const;

export function loadConfig(env: NodeJS.ProcessEnv = process.env): ServerConfig | string {
  const port = env['PORT'] === undefined || env['PORT'] === '' ? 8787 : Number(env['PORT']);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    return `PORT must be 0-65535, not "${env['PORT']}"`;
  // npm runs workspace scripts in the workspace folder; INIT_CWD is where the user typed the command.
  const base = env['INIT_CWD'] ?? process.cwd();
  const dataDirSetting = env['DATA_DIR'];
  const dataDir = dataDirSetting
    ? isAbsolute(dataDirSetting)
      ? dataDirSetting
      : resolve(base, dataDirSetting)
    : join(REPOSITORY_ROOT, 'data');
  const url = env['DATABASE_URL'];
  const logLevel = env['LOG_LEVEL'] ?? 'warn';
  if (!(LOG_LEVELS as readonly string[]).includes(logLevel))
    return `LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}`;
  const enrollRateLimit = env['ENROLL_RATE_LIMIT'] ? Number(env['ENROLL_RATE_LIMIT']) : 20;
  if (!Number.isInteger(enrollRateLimit) || enrollRateLimit < 1) {
    return 'ENROLL_RATE_LIMIT must be a positive integer';
  }
  const trustProxy = (env['TRUST_PROXY'] ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
  const badProxy = trustProxy.find((s) => !/^[0-9a-fA-F.:]+(\/\d{1,3})?$/.test(s));
  if (badProxy !== undefined) {
    return `TRUST_PROXY must list addresses or CIDRs (127.0.0.1,10.0.0.0/8), not "${badProxy}"`;
  }
  const streamsPerAddress = env['STREAMS_PER_ADDRESS']
    ? Number(env['STREAMS_PER_ADDRESS'])
    : DEFAULT_STREAM_CAPS.perAddress;
  if (!Number.isInteger(streamsPerAddress) || streamsPerAddress < 1) {
    return 'STREAMS_PER_ADDRESS must be a positive integer';
  }
  const sharedBuffers = env['PGLITE_SHARED_BUFFERS'] || undefined;
  if (sharedBuffers !== undefined && !/^\d{1,6}(kB|MB|GB)$/.test(sharedBuffers)) {
    return `PGLITE_SHARED_BUFFERS must be a size like 64MB, not "${sharedBuffers}"`;
  }
  return {
    host: env['HOST'] || '127.0.0.1',
    port,
    dataDir,
    database: url
      ? { kind: 'postgres', url }
      : { kind: 'pglite', dataDir, ...(sharedBuffers ? { sharedBuffers } : {}) },
    heartbeatSeconds: STREAM_HEARTBEAT_SECONDS,
    contentDir: join(REPOSITORY_ROOT, 'assets', 'content'),
    logLevel: logLevel as ServerConfig['logLevel'],
    enrollRateLimit,
    trustProxy,
    streamsPerAddress,
  };
}
