/**
 * The staff console: its API under /console/api and its web app under /console/. Sessions,
 * cookies and CSRF live inside this plugin's scope only, so the device API is untouched.
 *
 * - Sessions: @fastify/session on the database (session-store.ts; ADR 0005).
 * - Cookie: HttpOnly, SameSite=Strict, Path=/console, Secure when the request came over HTTPS.
 * - CSRF: @fastify/csrf-protection (synchronizer token kept in the session) read from the
 *   `x-csrf-token` header on every request that is not GET/HEAD. A form on another site
 *   cannot set that header, and SameSite=Strict alone does not cover same-site subdomains.
 */
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import fastifyCookie from '@fastify/cookie';
import fastifyCsrf from '@fastify/csrf-protection';
import fastifySession from '@fastify/session';
import fastifyStatic from '@fastify/static';
import type { FastifyError, FastifyInstance } from 'fastify';
import type { AppContext } from '../app-context';
import { REPOSITORY_ROOT } from '../config';
import type { Queryable } from '../db/database';
import { registerAuditRoutes } from './audit-routes';
import { registerAuthRoutes } from './auth-routes';
import { registerCaseRoutes } from './case-routes';
import { registerFleetRoutes } from './fleet-routes';
import { loadConsoleUser } from './console-auth';
import { sendConsoleError } from './console-reply';
import { DatabaseSessionStore, SESSION_MAX_AGE_MS } from './session-store';
import { registerUserRoutes } from './user-routes';

// From the repository root (config.ts), so the production bundle finds it as tsx does.
const CONSOLE_DIST = join(REPOSITORY_ROOT, 'sync-server', 'console', 'dist');
export const SESSION_COOKIE = 'pls_console';

/** One signing secret for every server process on this database, kept across restarts. */
async function sessionSecret(db: Queryable): Promise<string> {
  await db.query(
    `insert into console_secrets (name, value) values ('session', $1) on conflict (name) do nothing`,
    [randomBytes(32).toString('hex')],
  );
  const { rows } = await db.query<{ value: string }>(
    "select value from console_secrets where name = 'session'",
  );
  return rows[0]!.value;
}

async function consoleApi(api: FastifyInstance, { ctx }: { ctx: AppContext }): Promise<void> {
  await api.register(fastifyCookie);
  await api.register(fastifySession, {
    secret: await sessionSecret(ctx.db),
    cookieName: SESSION_COOKIE,
    store: new DatabaseSessionStore(ctx.db, ctx.now),
    saveUninitialized: false,
    cookie: {
      path: '/console',
      httpOnly: true,
      sameSite: 'strict',
      secure: false,
      maxAge: SESSION_MAX_AGE_MS,
    },
  });
  await api.register(fastifyCsrf, {
    sessionPlugin: '@fastify/session',
    getToken: (request) => {
      const value = request.headers['x-csrf-token'];
      return typeof value === 'string' ? value : undefined;
    },
  });
  api.addHook('onRequest', async (request) => {
    // 'auto' would turn SameSite into Lax over HTTP; set Secure ourselves instead.
    if (request.protocol === 'https') request.session.options({ secure: true });
  });
  api.addHook('onRequest', (request, reply, done) => {
    if (request.method === 'GET' || request.method === 'HEAD') return done();
    api.csrfProtection(request, reply, done);
  });
  api.addHook('preHandler', async (request) => loadConsoleUser(ctx.db, request));
  api.setErrorHandler((error: FastifyError, request, reply) => {
    if (error.code?.startsWith('FST_CSRF'))
      return sendConsoleError(reply, 'csrf_invalid', 'missing or wrong CSRF token');
    if (error.statusCode === 429)
      return sendConsoleError(reply, 'rate_limited', 'too many attempts, wait and try again');
    if (
      error.code === 'FST_ERR_CTP_INVALID_JSON_BODY' ||
      error.code === 'FST_ERR_CTP_EMPTY_JSON_BODY'
    )
      return sendConsoleError(reply, 'bad_request', 'request body is not valid JSON');
    const status = error.statusCode ?? 500;
    if (status >= 400 && status < 500) return sendConsoleError(reply, 'bad_request', error.message);
    request.log.error({ err: error }, 'console request failed');
    return sendConsoleError(reply, 'internal', 'internal server error');
  });
  api.addHook('onSend', async (_request, reply) => {
    reply.header('x-content-type-options', 'nosniff');
    reply.header('referrer-policy', 'no-referrer');
  });
  registerAuthRoutes(api, ctx);
  registerUserRoutes(api, ctx);
  registerAuditRoutes(api, ctx);
  registerCaseRoutes(api, ctx);
  registerFleetRoutes(api, ctx);
  api.setNotFoundHandler((request, reply) =>
    sendConsoleError(reply, 'not_found', `no route ${request.method} ${request.url.split('?')[0]}`),
  );
}

/** The built web app (`npm run console:build`); absent in a fresh checkout, then a plain 404. */
async function consoleApp(web: FastifyInstance): Promise<void> {
  if (!existsSync(CONSOLE_DIST)) return;
  await web.register(fastifyStatic, {
    root: CONSOLE_DIST,
    prefix: '/console/',
    index: 'index.html',
    wildcard: false,
  });
  web.addHook('onSend', async (_request, reply) => {
    reply.header('x-frame-options', 'DENY');
    reply.header(
      'content-security-policy',
      // 'unsafe-eval': ajv compiles the shared form schemas with new Function in the browser
      // (same schemas as the server); precompiled standalone validators would remove it.
      "default-src 'self'; script-src 'self' 'unsafe-eval'; img-src 'self' data: blob:; style-src 'self' 'unsafe-inline'; frame-ancestors 'none'",
    );
  });
  web.get('/console', (_request, reply) => reply.redirect('/console/'));
  // Client-side routes (/console/cases/…) all load the one page.
  web.get('/console/*', (request, reply) =>
    request.url.startsWith('/console/api/')
      ? sendConsoleError(reply, 'not_found', 'no such route')
      : reply.sendFile('index.html'),
  );
}

export async function consolePlugin(app: FastifyInstance, options: { ctx: AppContext }) {
  await app.register(consoleApi, { ctx: options.ctx, prefix: '/console/api' });
  await app.register(consoleApp);
}
