/**
 * CORS for the device API. The kiosk renderer is served from another loopback origin (the
 * device agent), and devices authenticate with bearer tokens, never cookies, so any origin
 * may call /api/devices and /api/sync. The staff console's cookie routes stay same-origin:
 * they get no CORS headers at all.
 */
import type { FastifyInstance, FastifyReply } from 'fastify';

// /api/media and /api/snapshots: public files a device (another origin: the kiosk renderer is
// served by its agent, a TV box by itself) downloads with Range/If-Range.
const DEVICE_API_PREFIXES = [
  '/api/sync/',
  '/api/devices/',
  '/api/health',
  '/api/media/',
  '/api/snapshots/',
];

export const CORS_HEADERS: Readonly<Record<string, string>> = {
  'access-control-allow-origin': '*',
  'access-control-expose-headers': 'etag, content-range, content-length, accept-ranges',
};

export function registerDeviceCors(app: FastifyInstance): void {
  app.addHook('onRequest', async (request, reply) => {
    if (DEVICE_API_PREFIXES.some((p) => request.url.startsWith(p))) reply.headers(CORS_HEADERS);
  });
  const preflight = async (_request: unknown, reply: FastifyReply) =>
    reply
      .code(204)
      .headers({
        ...CORS_HEADERS,
        'access-control-allow-methods': 'GET, HEAD, POST, PUT, OPTIONS',
        'access-control-allow-headers':
          'authorization, content-type, if-none-match, range, if-range, x-device-heartbeat',
        'access-control-max-age': '600',
      })
      .send();
  app.options('/api/sync/*', preflight);
  app.options('/api/devices/*', preflight);
  app.options('/api/media/*', preflight);
  app.options('/api/snapshots/*', preflight);
}
