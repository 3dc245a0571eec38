/**
 * Server configuration from the environment: PORT (default 8787), HOST (default 127.0.0.1),
 * DATA_DIR (default <repository>/data; PGlite files under DATA_DIR/pglite), DATABASE_URL
 * (a real PostgreSQL instead of PGlite), LOG_LEVEL, ENROLL_RATE_LIMIT (per address and minute,
 * default 20).
 */
import { readFileSync } from 'node:fs';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { STREAM_HEARTBEAT_SECONDS } from '@pls/shared/protocol';
import type { DatabaseTarget } from './db/open-database';

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
  return {
    host: env['HOST'] || '127.0.0.1',
    port,
    dataDir,
    database: url ? { kind: 'postgres', url } : { kind: 'pglite', dataDir },
    heartbeatSeconds: STREAM_HEARTBEAT_SECONDS,
    contentDir: join(REPOSITORY_ROOT, 'assets', 'content'),
    logLevel: logLevel as ServerConfig['logLevel'],
    enrollRateLimit,
  };
}
