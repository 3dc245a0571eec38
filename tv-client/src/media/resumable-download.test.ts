/**
 * Against the real media route on loopback (sync-server/src/routes/media.ts): a download cut
 * in the middle resumes with a range request from where it stopped and ends byte-identical.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Fastify, { type FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerMediaRoutes } from '../../../sync-server/src/routes/media';
import { downloadResuming, memoryPartialFile } from './resumable-download';

let dir: string;
let app: FastifyInstance;
let url: string;
const bytes = Buffer.from(Array.from({ length: 300_000 }, (_, i) => (i * 31) % 256));

/** A fetch whose body breaks after `limit` bytes (a rural link dropping mid-file). */
function cutAfter(limit: number, seen: Headers[]): typeof fetch {
  return (async (input: RequestInfo | URL, init?: RequestInit) => {
    seen.push(new Headers(init?.headers));
    const response = await fetch(input, init);
    let passed = 0;
    const reader = response.body!.getReader();
    const body = new ReadableStream<Uint8Array>({
      async pull(controller) {
        const { done, value } = await reader.read();
        if (done) return controller.close();
        if (passed + value.byteLength > limit) {
          controller.enqueue(value.subarray(0, limit - passed));
          passed = limit;
          await reader.cancel();
          controller.error(new Error('connection reset'));
          return;
        }
        passed += value.byteLength;
        controller.enqueue(value);
      },
    });
    return new Response(body, { status: response.status, headers: response.headers });
  }) as typeof fetch;
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'pls-tv-media-'));
  mkdirSync(join(dir, 'content'));
  mkdirSync(join(dir, 'media', 'programs'), { recursive: true });
  writeFileSync(join(dir, 'media', 'programs', 'p.mp4'), bytes);
  app = Fastify();
  registerMediaRoutes(app, { contentDir: join(dir, 'content') });
  const address = await app.listen({ port: 0, host: '127.0.0.1' });
  url = `${address}/api/media/programs/p.mp4`;
});

afterAll(async () => {
  await app.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('downloadResuming', () => {
  it('keeps what arrived before the cut and asks only for the rest', async () => {
    const file = memoryPartialFile();
    const seen: Headers[] = [];
    const first = await downloadResuming(url, file, cutAfter(120_000, seen));
    expect(first).toEqual({
      ok: false,
      error: { kind: 'unreachable', message: 'connection reset', have: 120_000 },
    });
    const second = await downloadResuming(url, file, cutAfter(Infinity, seen));
    expect(second.ok && second.value.resumedFrom).toBe(120_000);
    expect(seen[1]!.get('range')).toBe('bytes=120000-');
    expect(seen[1]!.get('if-range')).toMatch(/^"sha256-/);
    expect(Buffer.from(file.bytes()).equals(bytes)).toBe(true);
  });

  it('starts again when the file changed on the server (If-Range no longer matches)', async () => {
    const file = memoryPartialFile();
    await file.reset('"sha256-an-older-version"');
    await file.append(new Uint8Array(5000));
    const result = await downloadResuming(url, file);
    expect(result.ok && result.value.resumedFrom).toBe(0);
    expect(Buffer.from(file.bytes()).equals(bytes)).toBe(true);
  });

  it('reports an unreachable server with what it has', async () => {
    const file = memoryPartialFile();
    const result = await downloadResuming('http://127.0.0.1:9/none.mp4', file);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toMatchObject({ kind: 'unreachable', have: 0 });
  });
});
