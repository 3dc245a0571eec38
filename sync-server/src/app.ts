/**
 * The Fastify application, in registration order: error handling, CORS of the device API,
 * rate limiting, then the routes. Everything it needs comes in the context; nothing global.
 */
import Fastify, { type FastifyError, type FastifyInstance } from 'fastify';
import rateLimit from '@fastify/rate-limit';
import type { AppContext } from './app-context';
import { registerAdminRpc } from './routes/admin-rpc';
import { consolePlugin } from './console/console-plugin';
import { registerAttachmentRoutes } from './routes/attachments';
import { registerDeviceCors } from './routes/cors';
import { registerDeviceRoutes } from './routes/devices';
import { registerHealth } from './routes/health';
import { registerMediaRoutes } from './routes/media';
import { redactUrl, sendFailure } from './routes/reply';
import { clip } from './sync/document-safety';
import { registerSnapshotRoutes } from './routes/snapshot';
import { registerStreamRoute } from './routes/stream';
import { registerSyncRoutes } from './routes/sync';

/**
 * How long a client may take, in milliseconds. `requestMs` bounds receiving a whole request
 * (headers and body: a trickled body is cut off); `idleMs` a socket with no traffic either way
 * (event streams send a heartbeat every STREAM_HEARTBEAT_SECONDS, so they live); `keepAliveMs`
 * an idle keep-alive connection between requests. Node checks `requestMs` every `checkEveryMs`.
 */
export interface ServerTimeouts {
  readonly requestMs: number;
  readonly headersMs: number;
  readonly idleMs: number;
  readonly keepAliveMs: number;
  readonly checkEveryMs: number;
}

/** 180 s for a request: a 5 MB photo over a 256 kbit/s township link still arrives. */
const DEFAULT_TIMEOUTS: ServerTimeouts = {
  requestMs: 180_000,
  headersMs: 20_000,
  idleMs: 60_000,
  keepAliveMs: 10_000,
  checkEveryMs: 5_000,
};

export interface AppOptions {
  readonly logLevel?: 'silent' | 'error' | 'warn' | 'info' | 'debug';
  readonly timeouts?: Partial<ServerTimeouts>;
  /**
   * Addresses of the load balancers in front of this node (config TRUST_PROXY): requests from
   * them take the client's address from X-Forwarded-For, so per-address limits count residents'
   * stations, not the balancer. Empty: the socket's address (no balancer).
   */
  readonly trustProxy?: readonly string[];
}

export async function buildApp(
  ctx: AppContext,
  options: AppOptions = {},
): Promise<FastifyInstance> {
  const timeouts = { ...DEFAULT_TIMEOUTS, ...options.timeouts };
  const app = Fastify({
    logger: {
      level: options.logLevel ?? 'warn',
      // A token or stream ticket in a URL never reaches a log.
      serializers: {
        req: (request: { method: string; url: string }) => ({
          method: request.method,
          url: redactUrl(request.url),
        }),
      },
    },
    // Errors of the router itself (a path parameter over maxParamLength, a malformed URL):
    // the same error body as every other, never the whole refused path echoed.
    frameworkErrors: (error, _request, reply) =>
      sendFailure(reply, { code: 'bad_request', message: clip(error.message), status: 400 }),
    requestTimeout: timeouts.requestMs,
    connectionTimeout: timeouts.idleMs,
    keepAliveTimeout: timeouts.keepAliveMs,
    http: {
      headersTimeout: timeouts.headersMs,
      connectionsCheckingInterval: timeouts.checkEveryMs,
    },
    // SSE connections would otherwise hold a shutdown open.
    forceCloseConnections: true,
    bodyLimit: 64 * 1024,
    ...(options.trustProxy && options.trustProxy.length > 0
      ? { trustProxy: [...options.trustProxy] }
      : {}),
  });

  app.setErrorHandler((error: FastifyError, request, reply) => {
    switch (error.code) {
      case 'FST_ERR_CTP_BODY_TOO_LARGE':
        return sendFailure(reply, {
          code: 'payload_too_large',
          message: 'request body is over the limit of this endpoint',
        });
      case 'FST_ERR_CTP_INVALID_JSON_BODY':
      case 'FST_ERR_CTP_EMPTY_JSON_BODY':
        return sendFailure(reply, {
          code: 'invalid_json',
          message: 'request body is not valid JSON',
        });
      case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
        return sendFailure(reply, {
          code: 'unsupported_media_type',
          message: 'unsupported content type',
        });
    }
    const status = error.statusCode ?? 500;
    if (status === 429)
      return sendFailure(reply, {
        code: 'rate_limited',
        message: 'too many requests, try again later',
      });
    if (status >= 400 && status < 500)
      return sendFailure(reply, { code: 'bad_request', message: clip(error.message), status });
    // Bugs and outages: log the details, tell the client nothing about internals.
    request.log.error({ err: error }, 'request failed');
    return sendFailure(reply, { code: 'internal', message: 'internal server error' });
  });
  app.setNotFoundHandler((request, reply) =>
    sendFailure(reply, {
      code: 'not_found',
      message: `no route ${request.method} ${clip(request.url.split('?')[0] ?? '')}`,
    }),
  );

  registerDeviceCors(app);
  await app.register(rateLimit, {
    global: false,
    errorResponseBuilder: (_request, context) => ({
      statusCode: 429,
      message: `rate limit: ${context.max} requests per ${context.after}`,
    }),
  });

  registerHealth(app, ctx);
  registerDeviceRoutes(app, ctx);
  registerSyncRoutes(app, ctx);
  registerSnapshotRoutes(app, ctx);
  registerStreamRoute(app, ctx);
  registerAttachmentRoutes(app, ctx);
  registerMediaRoutes(app, ctx);
  registerAdminRpc(app, ctx);
  await app.register(consolePlugin, { ctx });
  return app;
}
