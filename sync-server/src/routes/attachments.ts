/**
 * `PUT /api/sync/applications/:applicationId/attachments/:attachmentId` (raw image bytes) and
 * `HEAD` of the same URL (200 when the center has them, 404 otherwise, whoever's they are). Idempotent: uploading
 * the same bytes again changes nothing.
 */
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../app-context';
import { hasAttachment, storeAttachment } from '../services/attachments';
import { ok } from '@pls/shared/domain';
import { unsafeUnitIn } from '../sync/document-safety';
import { deviceOf, requireDevice } from './device-hook';
import { sendFailure } from './reply';
import { authenticated } from './sync';

const IMAGE_TYPES = ['image/jpeg', 'image/png', 'image/webp'];
/** The schema's per-photo limit (5,000,000 bytes). */
const ATTACHMENT_BODY_LIMIT = 5_000_000;

/** Ids the database can even look up (no NUL, no lone surrogate; schema ids are short). */
function idsUsable(applicationId: string, attachmentId: string): boolean {
  return (
    applicationId.length <= 64 &&
    attachmentId.length <= 64 &&
    unsafeUnitIn(applicationId) === null &&
    unsafeUnitIn(attachmentId) === null
  );
}

export function registerAttachmentRoutes(app: FastifyInstance, ctx: AppContext): void {
  app.addContentTypeParser(
    IMAGE_TYPES,
    { parseAs: 'buffer', bodyLimit: ATTACHMENT_BODY_LIMIT },
    (_request, body, done) => done(null, body),
  );
  const path = '/api/sync/applications/:applicationId/attachments/:attachmentId';
  app.put(
    path,
    { bodyLimit: ATTACHMENT_BODY_LIMIT, onRequest: requireDevice(ctx) },
    async (request, reply) => {
      const device = ok(deviceOf(request));
      const { applicationId, attachmentId } = request.params as {
        applicationId: string;
        attachmentId: string;
      };
      if (!idsUsable(applicationId, attachmentId)) {
        return sendFailure(reply, {
          code: 'application_unknown',
          message: 'the center has no such application yet: push it first, then upload',
        });
      }
      const mimeType = (request.headers['content-type'] ?? '').split(';')[0]!.trim();
      if (!IMAGE_TYPES.includes(mimeType) || !Buffer.isBuffer(request.body)) {
        return sendFailure(reply, {
          code: 'unsupported_media_type',
          message: `send the bytes as ${IMAGE_TYPES.join(', ')}`,
        });
      }
      const stored = await storeAttachment(ctx.db, device.value, {
        applicationId,
        attachmentId,
        mimeType,
        bytes: request.body,
      });
      if (!stored.ok) return sendFailure(reply, stored.error);
      return reply.code(stored.value.created ? 201 : 200).send({ sha256: stored.value.sha256 });
    },
  );
  app.head(path, async (request, reply) => {
    const device = await authenticated(ctx, request);
    if (!device.ok) return sendFailure(reply, device.error);
    const { applicationId, attachmentId } = request.params as {
      applicationId: string;
      attachmentId: string;
    };
    if (!idsUsable(applicationId, attachmentId)) return reply.code(404).send();
    const found = await hasAttachment(ctx.db, device.value, applicationId, attachmentId);
    // "Another device's", "no such application" and "not uploaded" answer alike: a HEAD must
    // not tell a device which application ids exist elsewhere.
    return reply.code(found.ok && found.value ? 200 : 404).send();
  });
}
