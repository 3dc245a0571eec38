/**
 * The admin CLI's way into a running server. PGlite allows one process on its data directory,
 * so while the server runs, `npm run admin -- …` sends its arguments here instead of opening
 * the files. Loopback only, and only with the per-run token the server wrote (mode 0600) into
 * DATA_DIR/server.lock.
 */
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../app-context';
import { safeEqual } from '../auth/tokens';
import { runAdminCommand } from '../cli/admin-commands';
import { sendFailure } from './reply';

const LOOPBACK = new Set(['127.0.0.1', '::1', '::ffff:127.0.0.1']);

export function registerAdminRpc(app: FastifyInstance, ctx: AppContext): void {
  const adminToken = ctx.adminToken;
  if (!adminToken) return;
  app.post('/api/admin/rpc', async (request, reply) => {
    const given = request.headers['x-admin-token'];
    if (!LOOPBACK.has(request.ip) || typeof given !== 'string' || !safeEqual(given, adminToken)) {
      return sendFailure(reply, {
        code: 'forbidden',
        message: 'admin RPC is for the admin CLI on this machine',
      });
    }
    const argv = (request.body as { argv?: unknown } | undefined)?.argv;
    if (!Array.isArray(argv) || !argv.every((a) => typeof a === 'string')) {
      return sendFailure(reply, { code: 'bad_request', message: 'body must be {argv: string[]}' });
    }
    return runAdminCommand(argv, {
      db: ctx.db,
      contentDir: ctx.contentDir,
      now: ctx.now,
      noteCommitted: (collection, seq) => ctx.feed.noteCommitted(collection, seq),
    });
  });
}
