/**
 * Starting and stopping one server process: database (migrated), change feed, device auth,
 * the Fastify app listening. Used by the server CLI, the tests, the benchmark and the e2e
 * helper alike.
 */
import type { FastifyInstance } from 'fastify';
import type { AppContext } from './app-context';
import { buildApp, type AppOptions } from './app';
import { DeviceAuth } from './auth/device-auth';
import { SERVER_VERSION } from './config';
import type { Database } from './db/database';
import { openDatabase, type DatabaseTarget } from './db/open-database';
import { ChangeFeed } from './sync/change-feed';
import { DEFAULT_STREAM_CAPS, StreamCaps, type StreamCapsOptions } from './sync/stream-caps';
import { STREAM_HEARTBEAT_SECONDS } from '@pls/shared/protocol';

export interface ServerOptions {
  readonly database: DatabaseTarget | Database;
  readonly host?: string;
  /** 0 picks a free port. */
  readonly port?: number;
  readonly heartbeatSeconds?: number;
  readonly adminToken?: string;
  readonly contentDir?: string;
  readonly logLevel?: AppOptions['logLevel'];
  readonly now?: () => Date;
  readonly enrollRateLimit?: number;
  readonly streamCaps?: StreamCapsOptions;
  readonly timeouts?: AppOptions['timeouts'];
  readonly trustProxy?: AppOptions['trustProxy'];
  /** Build the app without listening (tests through app.inject). */
  readonly listen?: boolean;
}

export interface RunningServer {
  readonly app: FastifyInstance;
  readonly ctx: AppContext;
  readonly db: Database;
  /** http://host:port, once listening. */
  readonly url: string;
  stop(): Promise<void>;
}

function isDatabase(value: DatabaseTarget | Database): value is Database {
  return typeof (value as Database).transaction === 'function';
}

export async function startServer(options: ServerOptions): Promise<RunningServer> {
  const ownsDatabase = !isDatabase(options.database);
  const db = isDatabase(options.database) ? options.database : await openDatabase(options.database);
  const heartbeatSeconds = options.heartbeatSeconds ?? STREAM_HEARTBEAT_SECONDS;
  const feed = await ChangeFeed.start(db, heartbeatSeconds);
  const auth = new DeviceAuth(db, feed);
  const ctx: AppContext = {
    db,
    feed,
    auth,
    version: SERVER_VERSION,
    startedAt: Date.now(),
    heartbeatSeconds,
    ...(options.adminToken ? { adminToken: options.adminToken } : {}),
    contentDir: options.contentDir ?? '',
    now: options.now ?? (() => new Date()),
    enrollRateLimit: options.enrollRateLimit ?? 20,
    streams: new StreamCaps(options.streamCaps ?? DEFAULT_STREAM_CAPS),
  };
  const app = await buildApp(ctx, {
    logLevel: options.logLevel ?? 'warn',
    ...(options.timeouts ? { timeouts: options.timeouts } : {}),
    ...(options.trustProxy ? { trustProxy: options.trustProxy } : {}),
  });
  let url = '';
  if (options.listen !== false) {
    const address = await app.listen({
      host: options.host ?? '127.0.0.1',
      port: options.port ?? 0,
    });
    url = address.replace('[::1]', '127.0.0.1');
  } else {
    await app.ready();
  }
  let stopped = false;
  return {
    app,
    ctx,
    db,
    url,
    async stop() {
      if (stopped) return;
      stopped = true;
      await feed.stop();
      await app.close();
      await auth.stop();
      if (ownsDatabase) await db.close();
    },
  };
}
