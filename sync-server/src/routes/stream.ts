/**
 * `POST /api/sync/stream-ticket` (bearer token) → `{ticket, expiresAt}`, then
 * `GET /api/sync/stream?ticket=…`: one Server-Sent Events connection per device for all its
 * collections. EventSource cannot send headers; a one-time ticket in the URL instead of the
 * device token keeps the token out of proxy logs. `Authorization: Bearer` works too (Node
 * clients); a token in the query (`?token=`) is refused.
 * At most `streams.perDevice` per device (a new one closes the oldest) and `perAddress` per
 * client address (429 beyond). First `hello` and `resync` (pull from your checkpoints: you may have missed
 * changes while away), then `changes` as the center writes, and a `heartbeat` every
 * STREAM_HEARTBEAT_SECONDS so both ends notice a dead link.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { encodeStreamEvent } from '@pls/shared/protocol';
import type { AppContext } from '../app-context';
import { CORS_HEADERS } from './cors';
import type { Result } from '@pls/shared/domain';
import { failure, type ServiceError } from '../errors';
import { issueStreamTicket, redeemStreamTicket } from '../services/stream-tickets';
import type { DeviceIdentity } from '../sync/scope';
import { hashSecret } from '../auth/tokens';
import { bearerToken, sendFailure } from './reply';

/** A connection this far behind is closed; the device reconnects and resyncs. */
const MAX_BUFFERED_BYTES = 8 * 1024 * 1024;

async function streamDevice(
  ctx: AppContext,
  request: FastifyRequest,
): Promise<Result<DeviceIdentity, ServiceError>> {
  const ticket = (request.query as Record<string, unknown>)['ticket'];
  if (typeof ticket === 'string' && ticket !== '') {
    const tokenHash =
      ticket.length <= 128 ? await redeemStreamTicket(ctx.db, ticket, ctx.now()) : null;
    if (tokenHash === null)
      return failure('unauthorized', 'stream ticket unknown, used or expired: fetch a new one');
    return ctx.auth.authenticateHash(tokenHash);
  }
  return ctx.auth.authenticate(bearerToken(request));
}

export function registerStreamRoute(app: FastifyInstance, ctx: AppContext): void {
  app.post('/api/sync/stream-ticket', async (request, reply) => {
    const token = bearerToken(request);
    const device = await ctx.auth.authenticate(token);
    if (!device.ok || token === undefined)
      return sendFailure(
        reply,
        device.ok ? { code: 'unauthorized', message: 'missing bearer token' } : device.error,
      );
    const issued = await issueStreamTicket(ctx.db, hashSecret(token), ctx.now());
    return reply.code(201).header('cache-control', 'no-store').send(issued);
  });

  app.get('/api/sync/stream', async (request, reply) => {
    const device = await streamDevice(ctx, request);
    if (!device.ok) return sendFailure(reply, device.error);
    let end = (): void => undefined;
    const admitted = ctx.streams.admit(device.value.id, request.ip, () => end());
    if (!admitted.ok) {
      return sendFailure(reply, {
        code: 'rate_limited',
        message: 'too many event streams from this address',
      });
    }
    reply.hijack();
    const res = reply.raw;
    res.writeHead(200, {
      ...CORS_HEADERS,
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-cache, no-transform',
      connection: 'keep-alive',
      // Proxies (nginx) must not buffer the stream.
      'x-accel-buffering': 'no',
    });
    res.socket?.setNoDelay(true);
    // Heartbeats keep it busy; silence for three of them means a dead link.
    res.socket?.setTimeout(ctx.heartbeatSeconds * 3000);
    let open = true;
    const unsubscribe = ctx.feed.subscribe({
      device: device.value,
      send(frame) {
        if (!open) return true;
        res.write(frame);
        return res.writableLength < MAX_BUFFERED_BYTES;
      },
      close(reason) {
        if (!open) return;
        if (reason !== 'lagging') res.write(encodeStreamEvent({ type: 'closing', reason }));
        open = false;
        res.end();
      },
    });
    res.write(
      encodeStreamEvent({
        type: 'hello',
        deviceId: device.value.id,
        // The center's clock, whatever the device's says: devices measure their skew from it.
        serverTime: ctx.now().toISOString(),
        heartbeatSeconds: ctx.heartbeatSeconds,
      }) + encodeStreamEvent({ type: 'resync' }),
    );
    // Replaced by a newer stream of the same device: end quietly, the device has the new one.
    end = () => {
      if (!open) return;
      open = false;
      unsubscribe();
      res.end();
    };
    ctx.auth.noteSync(device.value.id);
    request.raw.on('close', () => {
      open = false;
      unsubscribe();
      admitted.value.release();
    });
  });
}
