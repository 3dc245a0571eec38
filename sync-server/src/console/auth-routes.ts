/**
 * Sign in, sign out, who am I (with a CSRF token), change my password. Login is throttled per
 * account and per address; the session id is replaced at login, so a planted cookie is useless.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { validateForm } from '@pls/shared/domain';
import type { AppContext } from '../app-context';
import { authenticate, changePassword } from '../services/users';
import type { SessionInfo } from './api-types';
import { actorOf, requireUser } from './console-auth';
import { sendConsoleError, sendServiceError } from './console-reply';

/** Attempts per account and per address in LOGIN_WINDOW before 429 (OWASP: throttle both). */
export const LOGIN_LIMIT = { perAccount: 10, perAddress: 30, window: '15 minutes' } as const;

export function registerAuthRoutes(app: FastifyInstance, ctx: AppContext): void {
  app.get('/session', async (request, reply) => {
    const body: SessionInfo = {
      user: request.consoleUser ?? null,
      csrfToken: reply.generateCsrf(),
    };
    return reply.header('cache-control', 'no-store').send(body);
  });

  // Two counters on every attempt; createRateLimit because two `rateLimit()` hooks on one
  // route share a "ran" flag and the second would never count.
  const perAddress = app.createRateLimit({
    max: LOGIN_LIMIT.perAddress,
    timeWindow: LOGIN_LIMIT.window,
    keyGenerator: (request) => `login-address:${request.ip}`,
  });
  const perAccount = app.createRateLimit({
    max: LOGIN_LIMIT.perAccount,
    timeWindow: LOGIN_LIMIT.window,
    keyGenerator: (request) => {
      const name = (request.body as { name?: unknown } | undefined)?.name;
      return `login-account:${typeof name === 'string' ? name.trim().toLowerCase() : ''}`;
    },
  });
  const throttle = async (request: FastifyRequest, reply: FastifyReply) => {
    const [address, account] = await Promise.all([perAddress(request), perAccount(request)]);
    const exceeded = [address, account].filter((limit) => !limit.isAllowed && limit.isExceeded);
    if (exceeded.length > 0) {
      const wait = Math.max(...exceeded.map((limit) => (limit.isAllowed ? 0 : limit.ttlInSeconds)));
      reply.header('retry-after', String(wait));
      return sendConsoleError(reply, 'rate_limited', 'too many sign-in attempts');
    }
    return undefined;
  };

  app.post('/login', { preHandler: throttle }, async (request, reply) => {
    const form = validateForm('login', request.body);
    if (!form.ok) return sendConsoleError(reply, 'invalid_form', 'check the form', form.error);
    const user = await authenticate(ctx.db, form.value.name, form.value.password, request.ip);
    if (!user.ok) return sendServiceError(reply, user.error);
    // New id for the signed-in session (no fixation); the old row is deleted.
    await request.session.regenerate();
    request.session.userId = user.value.id;
    request.consoleUser = user.value;
    const body: SessionInfo = { user: user.value, csrfToken: reply.generateCsrf() };
    return reply.send(body);
  });

  app.post('/logout', async (request, reply) => {
    await request.session.destroy();
    return reply.code(204).send();
  });

  app.post('/password', { preHandler: requireUser() }, async (request, reply) => {
    const form = validateForm('changePassword', request.body);
    if (!form.ok) return sendConsoleError(reply, 'invalid_form', 'check the form', form.error);
    const changed = await changePassword(
      ctx.db,
      request.consoleUser!.id,
      form.value,
      actorOf(request),
    );
    if (!changed.ok) return sendServiceError(reply, changed.error);
    return reply.code(204).send();
  });
}
