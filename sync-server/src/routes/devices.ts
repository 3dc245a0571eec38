import type { FastifyInstance } from 'fastify';
import { DEVICE_KINDS, isRecord, type DeviceKind } from '@pls/shared/domain';
import type { AppContext } from '../app-context';
import { enrollDevice } from '../services/devices';
import { unsafeUnitIn } from '../sync/document-safety';
import { sendFailure } from './reply';

export function registerDeviceRoutes(app: FastifyInstance, ctx: AppContext): void {
  app.post(
    '/api/devices/enroll',
    {
      bodyLimit: 4096,
      // Codes are 8 characters of 31: slow guessing down further.
      config: { rateLimit: { max: ctx.enrollRateLimit, timeWindow: 60_000 } },
    },
    async (request, reply) => {
      const body = request.body;
      if (
        !isRecord(body) ||
        typeof body['code'] !== 'string' ||
        body['code'].length > 32 ||
        typeof body['name'] !== 'string' ||
        body['name'].length > 200 ||
        unsafeUnitIn(body['code']) !== null ||
        unsafeUnitIn(body['name']) !== null ||
        !(DEVICE_KINDS as readonly unknown[]).includes(body['kind'])
      ) {
        return sendFailure(reply, {
          code: 'bad_request',
          message:
            "body must be {code: string, kind: 'kiosk' | 'tv', name: string of at most 200 characters without control characters}",
        });
      }
      const result = await enrollDevice(
        ctx.db,
        {
          code: body['code'],
          kind: body['kind'] as DeviceKind,
          name: body['name'],
        },
        ctx.now(),
      );
      if (!result.ok) return sendFailure(reply, result.error);
      const { lastSeq, ...response } = result.value;
      if (lastSeq !== null) ctx.feed.noteCommitted('device_config', lastSeq);
      return reply.code(201).send(response);
    },
  );
}
