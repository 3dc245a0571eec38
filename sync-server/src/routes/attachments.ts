/**
 * `PUT /api/sync/applications/:applicationId/attachments/:attachmentId` (raw image bytes) and
 * `HEAD` of the same URL (200 when the center has them, 404 when not). Idempotent: uploading
 * the same bytes again changes nothing.
 */
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../app-context';
import { hasAttachment, storeAttachment } from '../services/attachments';
import { sendFailure } from './reply';
import { authenticated } from './sync';

const IMAGE_TYPES = ['image/jpeg', 'image/png', 'image/webp'];
/** The schema's per-photo limit (5,000,000 bytes). */
export const ATTACHMENT_BODY_LIMIT = 5_000_000;

export function registerAttachmentRoutes(app: FastifyInstance, ctx: AppContext): void {
  app.addContentTypeParser(
    IMAGE_TYPES,
    { parseAs: 'buffer', bodyLimit: ATTACHMENT_BODY_LIMIT },
    (_request, body, done) => done(null, body),
  );
  const path = '/api/sync/applications/:applicationId/attachments/:attachmentId';
  app.put(path, { bodyLimit: ATTACHMENT_BODY_LIMIT }, async (request, reply) => {
    const device = await authenticated(ctx, request);
    if (!device.ok) return sendFailure(reply, device.error);
    const { applicationId, attachmentId } = request.params as {
      applicationId: string;
      attachmentId: string;
    };
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
  });
  app.head(path, async (request, reply) => {
    const device = await authenticated(ctx, request);
    if (!device.ok) return sendFailure(reply, device.error);
    const { applicationId, attachmentId } = request.params as {
      applicationId: string;
      attachmentId: string;
    };
    const found = await hasAttachment(ctx.db, device.value, applicationId, attachmentId);
    if (!found.ok) return sendFailure(reply, found.error);
    return reply.code(found.value ? 200 : 404).send();
  });
}
