/**
 * Pull, push and schema endpoints of the sync protocol (design.md §4,
 * docs/decisions/0002-sync-protocol.md).
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import {
  COLLECTIONS,
  isCollectionName,
  ok,
  type CollectionName,
  type Result,
} from '@pls/shared/domain';
import { HEARTBEAT_HEADER, parseHeartbeat } from '@pls/shared/protocol';
import type { AppContext } from '../app-context';
import { failure, type ServiceError } from '../errors';
import { encodeBody } from './compression';
import { checkPush } from '../sync/check-push';
import { emptyPull, parsePullQuery, pullDocuments } from '../sync/pull';
import { applyPush } from '../sync/push';
import type { DeviceIdentity } from '../sync/scope';
import { clip } from '../sync/document-safety';
import { deviceOf, requireDevice } from './device-hook';
import { bearerToken, sendFailure } from './reply';

/** A push holds at most PUSH_ROWS_MAX rows of at most 256 KiB each (content is never pushed). */
const PUSH_BODY_LIMIT = 4 * 1024 * 1024;

export async function authenticated(
  ctx: AppContext,
  request: FastifyRequest,
): Promise<Result<DeviceIdentity, ServiceError>> {
  return ctx.auth.authenticate(bearerToken(request));
}

function collectionOf(params: unknown): Result<CollectionName, ServiceError> {
  const name = (params as { collection?: string }).collection ?? '';
  return isCollectionName(name)
    ? ok(name)
    : failure('unknown_collection', `unknown collection "${clip(name, 40)}"`);
}

export function registerSyncRoutes(app: FastifyInstance, ctx: AppContext): void {
  app.get('/api/sync/:collection/schema', async (request, reply) => {
    const collection = collectionOf(request.params);
    if (!collection.ok) return sendFailure(reply, collection.error);
    const schema = COLLECTIONS[collection.value].schema;
    return reply
      .header('cache-control', 'no-cache')
      .header('etag', `"schema.${collection.value}.v${schema.version}"`)
      .send(schema);
  });

  app.get('/api/sync/:collection/pull', async (request, reply) => {
    const device = await authenticated(ctx, request);
    if (!device.ok) return sendFailure(reply, device.error);
    const collection = collectionOf(request.params);
    if (!collection.ok) return sendFailure(reply, collection.error);
    const parsed = parsePullQuery(request.query as Record<string, unknown>);
    if (!parsed.ok) return sendFailure(reply, parsed.error);
    const query = parsed.value;
    // Nothing after the device's checkpoint anywhere in the feed: answer from memory.
    const answer =
      ctx.feed.highWaterOf(collection.value) <= query.seq
        ? emptyPull(device.value, collection.value, query)
        : await pullDocuments(ctx.db, device.value, collection.value, query);
    if (answer.feedSeq > 0) ctx.feed.noteCommitted(collection.value, answer.feedSeq);
    ctx.auth.noteSync(
      device.value.id,
      undefined,
      parseHeartbeat(request.headers[HEARTBEAT_HEADER]),
    );
    return sendJson(
      // A pull answer is one device's view: never stored by a shared cache, revalidated each time.
      reply.header('etag', answer.etag).header('cache-control', 'private, no-cache'),
      request,
      answer.body,
    );
  });

  app.post(
    '/api/sync/:collection/push',
    { bodyLimit: PUSH_BODY_LIMIT, onRequest: requireDevice(ctx) },
    async (request, reply) => {
      const device = ok(deviceOf(request));
      const collection = collectionOf(request.params);
      if (!collection.ok) return sendFailure(reply, collection.error);
      if (COLLECTIONS[collection.value].writer !== 'device') {
        return sendFailure(reply, {
          code: 'read_only_collection',
          message: `${collection.value} is written by the center only; devices pull it`,
        });
      }
      const checked = checkPush(device.value, collection.value, request.body);
      if (!checked.ok) return sendFailure(reply, checked.error);
      const applied = await applyPush(
        ctx.db,
        device.value,
        collection.value,
        checked.value,
        ctx.now(),
      );
      if (!applied.ok) return sendFailure(reply, applied.error);
      for (const [name, seq] of applied.value.lastSeqs) ctx.feed.noteCommitted(name, seq);
      ctx.auth.noteSync(device.value.id);
      return reply.send({ conflicts: applied.value.conflicts });
    },
  );
}

async function sendJson(
  reply: FastifyReply,
  request: FastifyRequest,
  body: string,
): Promise<FastifyReply> {
  const etag = reply.getHeader('etag');
  reply.header('vary', 'accept-encoding');
  if (typeof etag === 'string' && request.headers['if-none-match'] === etag)
    return reply.code(304).send();
  const { payload, encoding } = await encodeBody(body, request.headers['accept-encoding']);
  if (encoding) reply.header('content-encoding', encoding);
  return reply.type('application/json; charset=utf-8').send(payload);
}
