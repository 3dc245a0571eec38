/** Accounts (admin only): list, add, disable/enable, reset a password. Same services as the CLI. */
import type { FastifyInstance } from 'fastify';
import { validateForm } from '@pls/shared/domain';
import type { AppContext } from '../app-context';
import { listStations } from '../services/stations';
import { addUser, listUsers, resetPassword, setUserDisabled } from '../services/users';
import { actorOf, requireUser } from './console-auth';
import { sendConsoleError, sendServiceError } from './console-reply';

export function registerUserRoutes(app: FastifyInstance, ctx: AppContext): void {
  const admin = { preHandler: requireUser('admin') };

  app.get('/users', admin, async () => ({ users: await listUsers(ctx.db) }));
  app.get('/stations', { preHandler: requireUser() }, async () => ({
    stations: await listStations(ctx.db),
  }));

  app.post('/users', admin, async (request, reply) => {
    const form = validateForm('addUser', request.body);
    if (!form.ok) return sendConsoleError(reply, 'invalid_form', 'check the form', form.error);
    const { name, role, password, stationId, regionCode } = form.value;
    const added = await addUser(
      ctx.db,
      {
        name,
        role,
        password,
        ...(stationId ? { stationId } : {}),
        ...(regionCode ? { regionCode } : {}),
      },
      actorOf(request),
    );
    if (!added.ok) return sendServiceError(reply, added.error);
    return reply.code(201).send({ id: added.value.id, name: added.value.name });
  });

  app.post('/users/:id/disabled', admin, async (request, reply) => {
    const form = validateForm('setDisabled', request.body);
    if (!form.ok) return sendConsoleError(reply, 'invalid_form', 'check the form', form.error);
    const { id } = request.params as { id: string };
    const changed = await setUserDisabled(ctx.db, id, form.value.disabled, actorOf(request));
    if (!changed.ok) return sendServiceError(reply, changed.error);
    return { user: changed.value };
  });

  app.post('/users/:id/password', admin, async (request, reply) => {
    const form = validateForm('resetPassword', request.body);
    if (!form.ok) return sendConsoleError(reply, 'invalid_form', 'check the form', form.error);
    const { id } = request.params as { id: string };
    const changed = await resetPassword(ctx.db, id, form.value.password, actorOf(request));
    if (!changed.ok) return sendServiceError(reply, changed.error);
    return { user: changed.value };
  });
}
