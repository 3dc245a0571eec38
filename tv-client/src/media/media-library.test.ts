import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import type { Content } from '@pls/shared/domain';
import { MediaLibrary } from './media-library';
import { mediaUrl, pickMedia } from './media-plan';
import { openMediaStore } from './media-store';

const FILE = 'media/programs/p1.zh-Hans.mp4';
const BYTES = new Uint8Array(5000).map((_, i) => i % 251);

function program(id: string, file: string, available = true): Content {
  return {
    id,
    kind: 'program',
    order: 1,
    media: [{ kind: 'video', language: 'zh-Hans', file, bytes: BYTES.length, available }],
  } as unknown as Content; // only the fields the plan reads
}

/** A server with ranges whose first answer breaks after `cut` bytes (a rural link dropping). */
function flakyServer(cut: number) {
  const ranges: (string | null)[] = [];
  let calls = 0;
  const fetchImpl = (async (_url: string, init?: RequestInit) => {
    const range = new Headers(init?.headers).get('range');
    ranges.push(range);
    calls += 1;
    const start = range ? Number(/bytes=(\d+)-/.exec(range)![1]) : 0;
    const body = BYTES.subarray(start);
    const first = calls === 1;
    let sent = false;
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (!sent) {
          sent = true;
          controller.enqueue(first ? body.slice(0, cut) : body.slice());
        } else if (first) controller.error(new Error('link dropped'));
        else controller.close();
      },
    });
    const headers: Record<string, string> = { etag: '"v1"' };
    if (range) headers['content-range'] = `bytes ${start}-${BYTES.length - 1}/${BYTES.length}`;
    return new Response(stream, { status: range ? 206 : 200, headers });
  }) as typeof fetch;
  return { fetchImpl, ranges };
}

describe('MediaLibrary', () => {
  it('resumes a download cut mid-file from where it stopped and marks it downloaded', async () => {
    const store = await openMediaStore(indexedDB, `t-${Math.random()}`);
    const server = flakyServer(1800);
    const library = new MediaLibrary({
      store,
      serverUrl: 'http://center',
      canPlay: () => true,
      isOnline: () => true,
      now: () => 1,
      fetchImpl: server.fetchImpl,
      pause: async () => {},
    });
    await library.load();
    library.update({ programs: [program('p1', FILE)], language: 'zh-Hans', continueWatching: [] });
    await library.kick();
    expect(server.ranges).toEqual([null, 'bytes=1800-']);
    expect(library.isDownloaded(FILE)).toBe(true);
    const blob = await store.blob(FILE, 'video/mp4');
    expect(new Uint8Array(await blob!.arrayBuffer())).toEqual(BYTES);
    const source = await library.source(FILE);
    expect(source.kind).toBe('local');
  });

  it('streams from the server route while a file is not downloaded, and skips files not made', async () => {
    const store = await openMediaStore(indexedDB, `t-${Math.random()}`);
    const server = flakyServer(10);
    const library = new MediaLibrary({
      store,
      serverUrl: 'http://center/',
      canPlay: () => true,
      isOnline: () => false,
      now: () => 1,
      fetchImpl: server.fetchImpl,
    });
    library.update({ programs: [program('p1', FILE)], language: 'zh-Hans', continueWatching: [] });
    await library.kick();
    expect(server.ranges).toEqual([]); // offline: nothing fetched
    const source = await library.source(FILE);
    expect(source).toMatchObject({
      kind: 'stream',
      url: 'http://center/api/media/programs/p1.zh-Hans.mp4',
    });
    expect(pickMedia(program('p2', 'media/x.mp4', false), 'zh-Hans', () => true)).toEqual({
      ok: false,
      reason: 'unavailable',
    });
    expect(pickMedia(program('p3', 'media/x.mp4'), 'zh-Hans', () => false)).toEqual({
      ok: false,
      reason: 'cannotPlay',
    });
    expect(mediaUrl('http://c', 'media/programs/a b.mp4')).toBe(
      'http://c/api/media/programs/a%20b.mp4',
    );
  });
});
