/** The audit log for admins, newest first, filtered by actor, action, subject and dates. */
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../app-context';
import { listAudit, type AuditFilter } from '../services/audit';
import { requireUser } from './console-auth';
import { sendConsoleError } from './console-reply';

const DATE = /^\d{4}-\d{2}-\d{2}(T[\d:.]+Z)?$/;

export function registerAuditRoutes(app: FastifyInstance, ctx: AppContext): void {
  app.get('/audit', { preHandler: requireUser('admin') }, async (request, reply) => {
    const q = request.query as Record<string, string | undefined>;
    const text = (v: string | undefined) =>
      v && v.trim() !== '' ? v.trim().slice(0, 80) : undefined;
    for (const key of ['from', 'to'] as const)
      if (q[key] && !DATE.test(q[key]))
        return sendConsoleError(reply, 'bad_request', `${key} is a date`);
    if (q['beforeId'] && !/^\d+$/.test(q['beforeId']))
      return sendConsoleError(reply, 'bad_request', 'beforeId is a number');
    const filter: AuditFilter = {
      ...(text(q['actor']) ? { actor: text(q['actor'])! } : {}),
      ...(text(q['action']) ? { action: text(q['action'])! } : {}),
      ...(text(q['subject']) ? { subject: text(q['subject'])! } : {}),
      ...(q['from'] ? { from: q['from'] } : {}),
      ...(q['to'] ? { to: q['to'] } : {}),
      ...(q['beforeId'] ? { beforeId: Number(q['beforeId']) } : {}),
      limit: 100,
    };
    return { entries: await listAudit(ctx.db, filter) };
  });
}
