/**
 * `GET /api/sync/stream`: one Server-Sent Events connection per device for all its
 * collections. First `hello` and `resync` (pull from your checkpoints: you may have missed
 * changes while away), then `changes` as the center writes, and a `heartbeat` every
 * STREAM_HEARTBEAT_SECONDS so both ends notice a dead link.
 */
import type { FastifyInstance } from 'fastify';
import { encodeStreamEvent } from '@pls/shared/protocol';
import type { AppContext } from '../app-context';
import { CORS_HEADERS } from './cors';
import { sendFailure } from './reply';
import { authenticated } from './sync';

/** A connection this far behind is closed; the device reconnects and resyncs. */
const MAX_BUFFERED_BYTES = 8 * 1024 * 1024;

export function registerStreamRoute(app: FastifyInstance, ctx: AppContext): void {
  app.get('/api/sync/stream', async (request, reply) => {
    const device = await authenticated(ctx, request, true);
    if (!device.ok) return sendFailure(reply, device.error);
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
        serverTime: new Date().toISOString(),
        heartbeatSeconds: ctx.heartbeatSeconds,
      }) + encodeStreamEvent({ type: 'resync' }),
    );
    ctx.auth.noteSync(device.value.id);
    request.raw.on('close', () => {
      open = false;
      unsubscribe();
    });
  });
}
