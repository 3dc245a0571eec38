import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Fastify, { type FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MEDIA_CACHE_CONTROL, parseRange, registerMediaRoutes } from './media';

describe('parseRange', () => {
  it('reads one bytes range, open-ended and suffix ranges, and refuses what cannot be served', () => {
    expect(parseRange('bytes=0-99', 1000)).toEqual({ start: 0, end: 99 });
    expect(parseRange('bytes=500-', 1000)).toEqual({ start: 500, end: 999 });
    expect(parseRange('bytes=-100', 1000)).toEqual({ start: 900, end: 999 });
    expect(parseRange('bytes=900-5000', 1000)).toEqual({ start: 900, end: 999 });
    expect(parseRange('bytes=1000-', 1000)).toBe('unsatisfiable');
    expect(parseRange('bytes=50-10', 1000)).toBe('unsatisfiable');
    expect(parseRange('bytes=0-1,5-9', 1000)).toBeUndefined(); // several ranges: whole file
    expect(parseRange('items=0-1', 1000)).toBeUndefined();
    expect(parseRange(undefined, 1000)).toBeUndefined();
  });
});

describe('GET /api/media/*', () => {
  let dir: string;
  let app: FastifyInstance;
  const bytes = Buffer.from(Array.from({ length: 10_000 }, (_, i) => i % 251));
  const etag = `"sha256-${createHash('sha256').update(bytes).digest('hex').slice(0, 40)}"`;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'pls-media-'));
    mkdirSync(join(dir, 'content'));
    mkdirSync(join(dir, 'media', 'programs'), { recursive: true });
    writeFileSync(join(dir, 'media', 'programs', 'sample.mp4'), bytes);
    writeFileSync(join(dir, 'secret.mp4'), bytes);
    app = Fastify();
    registerMediaRoutes(app, { contentDir: join(dir, 'content') });
    await app.ready();
  });
  afterAll(async () => {
    await app.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('sends the whole file with a strong ETag, Cache-Control and Accept-Ranges', async () => {
    const res = await app.inject({ url: '/api/media/programs/sample.mp4' });
    expect(res.statusCode).toBe(200);
    expect(res.rawPayload.equals(bytes)).toBe(true);
    expect(res.headers['etag']).toBe(etag);
    expect(res.headers['cache-control']).toBe(MEDIA_CACHE_CONTROL);
    expect(res.headers['accept-ranges']).toBe('bytes');
    expect(res.headers['content-type']).toBe('video/mp4');
  });

  it('resumes: a range request gets exactly the missing bytes as 206', async () => {
    const res = await app.inject({
      url: '/api/media/programs/sample.mp4',
      headers: { range: 'bytes=4000-', 'if-range': etag },
    });
    expect(res.statusCode).toBe(206);
    expect(res.headers['content-range']).toBe('bytes 4000-9999/10000');
    expect(res.rawPayload.equals(bytes.subarray(4000))).toBe(true);
  });

  it('sends the whole file when If-Range names another version', async () => {
    const res = await app.inject({
      url: '/api/media/programs/sample.mp4',
      headers: { range: 'bytes=4000-', 'if-range': '"sha256-old"' },
    });
    expect(res.statusCode).toBe(200);
    expect(res.rawPayload.length).toBe(10_000);
  });

  it('answers 304 to a matching If-None-Match and 416 to a range beyond the end', async () => {
    expect(
      (
        await app.inject({
          url: '/api/media/programs/sample.mp4',
          headers: { 'if-none-match': etag },
        })
      ).statusCode,
    ).toBe(304);
    const beyond = await app.inject({
      url: '/api/media/programs/sample.mp4',
      headers: { range: 'bytes=20000-' },
    });
    expect(beyond.statusCode).toBe(416);
    expect(beyond.headers['content-range']).toBe('bytes */10000');
  });

  it('answers HEAD without a body and refuses paths outside the media folder or of unknown types', async () => {
    const head = await app.inject({ method: 'HEAD', url: '/api/media/programs/sample.mp4' });
    expect(head.statusCode).toBe(200);
    expect(head.headers['content-length']).toBe('10000');
    expect(head.rawPayload.length).toBe(0);
    expect((await app.inject({ url: '/api/media/../secret.mp4' })).statusCode).toBe(404);
    expect((await app.inject({ url: '/api/media/%2e%2e/secret.mp4' })).statusCode).toBe(404);
    expect((await app.inject({ url: '/api/media/programs/missing.mp4' })).statusCode).toBe(404);
    expect((await app.inject({ url: '/api/media/programs/sample.exe' })).statusCode).toBe(404);
  });
});
