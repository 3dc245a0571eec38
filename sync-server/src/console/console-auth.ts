/**
 * Who is asking: the session's user, loaded from the database on every request, so a disabled
 * account stops at its very next request (its session rows are deleted too).
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Database } from '../db/database';
import { getUser, type Actor } from '../services/users';
import type { ConsoleUser } from './api-types';
import { sendConsoleError } from './console-reply';

declare module 'fastify' {
  interface Session {
    userId?: string;
  }
  interface FastifyRequest {
    consoleUser?: ConsoleUser;
  }
}

export async function loadConsoleUser(db: Database, request: FastifyRequest): Promise<void> {
  const userId = request.session.userId;
  if (!userId) return;
  const user = await getUser(db, userId);
  if (!user || user.disabledAt) {
    await request.session.destroy();
    return;
  }
  request.consoleUser = user;
}

export function actorOf(request: FastifyRequest): Actor {
  return { name: request.consoleUser?.name ?? 'anonymous', address: request.ip };
}

/** preHandler: signed in, and (when roles are given) in one of them. */
export function requireUser(...roles: ConsoleUser['role'][]) {
  return async (request: FastifyRequest, reply: FastifyReply) => {
    const user = request.consoleUser;
    if (!user) return sendConsoleError(reply, 'unauthorized', 'sign in first');
    if (roles.length > 0 && !roles.includes(user.role))
      return sendConsoleError(reply, 'forbidden', `needs role ${roles.join(' or ')}`);
    return undefined;
  };
}
