/**
 * Program media for TV boxes and kiosks: `GET|HEAD /api/media/<path>` serves files of the
 * content pack's media folder (assets/media, beside assets/content) with
 * - HTTP range requests (RFC 9110 §14): one `bytes=` range → 206 + Content-Range, so a box
 *   resumes an interrupted download where it stopped; unsatisfiable → 416;
 * - a strong ETag (sha256 of the bytes, cached per path/size/mtime), `If-None-Match` → 304 and
 *   `If-Range` (a range only if the file is still the one the box started);
 * - `Cache-Control: public, max-age=604800, no-transform`: a published file never changes in
 *   place (a new revision gets a new name), and proxies must not re-encode video.
 * Media is public content, like the content pack itself: no device token needed.
 */
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { dirname, extname, join, normalize, sep } from 'node:path';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AppContext } from '../app-context';
import { sendRanged } from './ranged';
import { sendFailure } from './reply';

const TYPES: Readonly<Record<string, string>> = {
  '.mp4': 'video/mp4',
  '.webm': 'video/webm',
  '.ogg': 'audio/ogg',
  '.opus': 'audio/ogg',
  '.mp3': 'audio/mpeg',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.webp': 'image/webp',
  '.vtt': 'text/vtt; charset=utf-8',
};

export const MEDIA_CACHE_CONTROL = 'public, max-age=604800, no-transform';

export { parseRange, type ByteRange } from './ranged';

interface Known {
  readonly size: number;
  readonly mtimeMs: number;
  readonly etag: string;
}

export function registerMediaRoutes(
  app: FastifyInstance,
  ctx: Pick<AppContext, 'contentDir'>,
): void {
  const root = normalize(join(dirname(ctx.contentDir), 'media'));
  const etags = new Map<string, Known>();

  async function serve(request: FastifyRequest<{ Params: { '*': string } }>, reply: FastifyReply) {
    const relative = request.params['*'];
    const file = normalize(join(root, relative));
    const type = TYPES[extname(file).toLowerCase()];
    if (!file.startsWith(root + sep) || type === undefined || relative.includes('\0')) {
      return sendFailure(reply, { code: 'not_found', message: 'no such media file' });
    }
    let info;
    try {
      info = await stat(file);
    } catch {
      return sendFailure(reply, { code: 'not_found', message: 'no such media file' });
    }
    if (!info.isFile())
      return sendFailure(reply, { code: 'not_found', message: 'no such media file' });
    let known = etags.get(file);
    if (!known || known.size !== info.size || known.mtimeMs !== info.mtimeMs) {
      const digest = createHash('sha256')
        .update(await readFile(file))
        .digest('hex');
      known = { size: info.size, mtimeMs: info.mtimeMs, etag: `"sha256-${digest.slice(0, 40)}"` };
      etags.set(file, known);
    }
    return sendRanged(request, reply, {
      etag: known.etag,
      size: info.size,
      type,
      cacheControl: MEDIA_CACHE_CONTROL,
      body: ({ start, end }) => createReadStream(file, { start, end }),
    });
  }

  // Fastify answers HEAD through the GET route (exposeHeadRoutes), without the body.
  app.get('/api/media/*', serve);
}
