/**
 * Authentication before the body is read: an `onRequest` hook for the device routes that take
 * a body (push, attachment upload). An unknown token is refused before Fastify buffers and
 * parses up to megabytes for nobody, and the connection is closed so the rest is not waited for.
 */
import type { FastifyReply, FastifyRequest, onRequestAsyncHookHandler } from 'fastify';
import type { AppContext } from '../app-context';
import type { DeviceIdentity } from '../sync/scope';
import { bearerToken, sendFailure } from './reply';

const devices = new WeakMap<FastifyRequest, DeviceIdentity>();

export function requireDevice(ctx: AppContext): onRequestAsyncHookHandler {
  return async (request: FastifyRequest, reply: FastifyReply) => {
    const device = await ctx.auth.authenticate(bearerToken(request));
    if (device.ok) {
      devices.set(request, device.value);
      return;
    }
    if (request.headers['content-length'] !== undefined || request.headers['transfer-encoding'])
      reply.header('connection', 'close');
    await sendFailure(reply, device.error);
  };
}

/** The device `requireDevice` authenticated; a route without the hook calling this is a bug. */
export function deviceOf(request: FastifyRequest): DeviceIdentity {
  const device = devices.get(request);
  if (!device) throw new Error(`${request.routeOptions.url ?? request.url}: no requireDevice hook`);
  return device;
}
