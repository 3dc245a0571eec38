/**
 * Content snapshots (docs/decisions/0009-content-snapshots.md):
 * - `GET /api/sync/:collection/snapshot` (device token): which snapshot covers the device's
 *   scope of a public collection (content, directory), as a SnapshotDescriptor;
 * - `GET|HEAD /api/snapshots/:name`: the file itself, public to its scope like the content pack
 *   and media, immutable (a new checkpoint is a new name), so a CDN or a station cache may keep
 *   it; strong ETag = its sha256; range requests, so a dropped link resumes where it stopped.
 * Personal collections have no snapshot: they stay on the authenticated pull.
 */
import type { FastifyInstance } from 'fastify';
import { isSnapshotCollection } from '@pls/shared/protocol';
import type { AppContext } from '../app-context';
import { clip } from '../sync/document-safety';
import {
  DEFAULT_SNAPSHOT_OPTIONS,
  descriptorOf,
  SNAPSHOT_NAME,
  SnapshotStore,
  type SnapshotStoreOptions,
} from '../sync/snapshot';
import { sendRanged } from './ranged';
import { bearerToken, sendFailure } from './reply';

export const SNAPSHOT_CACHE_CONTROL = 'public, max-age=31536000, immutable, no-transform';

export function registerSnapshotRoutes(
  app: FastifyInstance,
  ctx: Pick<AppContext, 'db' | 'feed' | 'auth'>,
  options: SnapshotStoreOptions = DEFAULT_SNAPSHOT_OPTIONS,
): SnapshotStore {
  const store = new SnapshotStore(
    ctx.db,
    (collection) => ctx.feed.highWaterOf(collection),
    options,
  );

  app.get('/api/sync/:collection/snapshot', async (request, reply) => {
    const device = await ctx.auth.authenticate(bearerToken(request));
    if (!device.ok) return sendFailure(reply, device.error);
    const name = (request.params as { collection: string }).collection;
    if (!isSnapshotCollection(name)) {
      return sendFailure(reply, {
        code: 'not_found',
        message: `no snapshot of "${clip(name, 40)}": personal collections are pulled`,
      });
    }
    const snapshot = await store.forDevice(device.value, name);
    ctx.feed.noteCommitted(name, snapshot.checkpoint.seq);
    return reply.header('cache-control', 'private, no-cache').send(descriptorOf(snapshot));
  });

  app.get('/api/snapshots/:name', async (request, reply) => {
    const { name } = request.params as { name: string };
    const snapshot = SNAPSHOT_NAME.test(name) ? store.file(name) : undefined;
    // Gone (rebuilt and evicted, or taken by another node): the device asks for a new one.
    if (!snapshot) return sendFailure(reply, { code: 'not_found', message: 'no such snapshot' });
    return sendRanged(request, reply, {
      etag: `"sha256-${snapshot.sha256}"`,
      size: snapshot.bytes.length,
      // The bytes are gzip: declared as such, never as Content-Encoding (a range is of the file).
      type: 'application/gzip',
      cacheControl: SNAPSHOT_CACHE_CONTROL,
      body: ({ start, end }) => snapshot.bytes.subarray(start, end + 1),
    });
  });
  return store;
}
