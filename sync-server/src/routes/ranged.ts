/**
 * Sending one immutable resource with HTTP range requests (RFC 9110 §14) and a strong ETag:
 * shared by program media and content snapshots, the two things a box downloads over a link
 * that drops. One `bytes=` range → 206 + Content-Range, so a download resumes where it stopped;
 * unsatisfiable → 416; `If-None-Match` → 304; `If-Range` (a range only of the resource the
 * client started: another one is sent whole).
 */
import type { Readable } from 'node:stream';
import type { FastifyReply, FastifyRequest } from 'fastify';

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

export interface RangedResource {
  /** A strong ETag, quoted. */
  readonly etag: string;
  readonly size: number;
  readonly type: string;
  readonly cacheControl: string;
  /** The bytes `start..end` (inclusive); called only when size > 0. */
  readonly body: (range: ByteRange) => Readable | Buffer;
}

export function sendRanged(
  request: FastifyRequest,
  reply: FastifyReply,
  resource: RangedResource,
): FastifyReply {
  const { etag, size } = resource;
  reply
    .header('etag', etag)
    .header('cache-control', resource.cacheControl)
    .header('accept-ranges', 'bytes')
    .type(resource.type);
  const inm = request.headers['if-none-match'];
  if (inm !== undefined && inm.split(',').some((t) => t.trim() === etag))
    return reply.code(304).send();
  const ifRange = request.headers['if-range'];
  const rangeHeader = ifRange === undefined || ifRange === etag ? request.headers.range : undefined;
  const range = parseRange(rangeHeader, size);
  if (range === 'unsatisfiable') {
    // 416 is not one of the service error statuses: answered here, in the same error shape.
    return reply
      .code(416)
      .header('content-range', `bytes */${size}`)
      .type('application/json; charset=utf-8')
      .send({ error: { code: 'bad_request', message: 'range not satisfiable' } });
  }
  const { start, end } = range ?? { start: 0, end: size - 1 };
  reply.header('content-length', String(end - start + 1));
  if (range) reply.code(206).header('content-range', `bytes ${start}-${end}/${size}`);
  if (size === 0) return reply.send();
  return reply.send(resource.body({ start, end }));
}
