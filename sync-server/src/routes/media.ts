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

export type ByteRange = { readonly start: number; readonly end: number };

/**
 * The one range of a `Range` header for a file of `size` bytes: a range, 'unsatisfiable', or
 * undefined when the header is absent, not `bytes=` or asks for several ranges (then the whole
 * file is sent, which RFC 9110 allows).
 */
export function parseRange(
  header: string | undefined,
  size: number,
): ByteRange | 'unsatisfiable' | undefined {
  if (header === undefined) return undefined;
  const match = /^bytes=(\d*)-(\d*)$/.exec(header.trim());
  if (!match) return undefined;
  const [, from, to] = match;
  if (from === '' && to === '') return undefined;
  if (from === '') {
    const suffix = Number(to);
    if (suffix === 0) return 'unsatisfiable';
    return { start: Math.max(0, size - suffix), end: size - 1 };
  }
  const start = Number(from);
  const end = to === '' ? size - 1 : Math.min(Number(to), size - 1);
  if (start >= size || end < start) return 'unsatisfiable';
  return { start, end };
}

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
    reply
      .header('etag', known.etag)
      .header('cache-control', MEDIA_CACHE_CONTROL)
      .header('accept-ranges', 'bytes')
      .type(type);
    const inm = request.headers['if-none-match'];
    if (inm !== undefined && inm.split(',').some((t) => t.trim() === known.etag))
      return reply.code(304).send();
    const ifRange = request.headers['if-range'];
    // A range applies only to the file the client started: a changed file is sent whole.
    const rangeHeader =
      ifRange === undefined || ifRange === known.etag ? request.headers.range : undefined;
    const range = parseRange(rangeHeader, info.size);
    if (range === 'unsatisfiable') {
      // 416 is not one of the service error statuses: answered here, in the same error shape.
      return reply
        .code(416)
        .header('content-range', `bytes */${info.size}`)
        .type('application/json; charset=utf-8')
        .send({ error: { code: 'bad_request', message: 'range not satisfiable' } });
    }
    const { start, end } = range ?? { start: 0, end: info.size - 1 };
    reply.header('content-length', String(end - start + 1));
    if (range) reply.code(206).header('content-range', `bytes ${start}-${end}/${info.size}`);
    if (info.size === 0) return reply.send();
    return reply.send(createReadStream(file, { start, end }));
  }

  // Fastify answers HEAD through the GET route (exposeHeadRoutes), without the body.
  app.get('/api/media/*', serve);
}
