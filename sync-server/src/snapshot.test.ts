/**
 * Content snapshots end to end (docs/decisions/0009-content-snapshots.md), on PGlite and
 * PostgreSQL: a new kiosk's first sync comes as one snapshot download, a download cut midway
 * resumes with a range request, and a snapshot taken while content is being published leaves
 * every document exactly once, in its last version, at the client.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EnrollResponse, SyncCheckpoint, WireDocument } from '@pls/shared/protocol';
import type { SnapshotOutcome } from '@pls/shared/sync';
import { sampleContent } from '@pls/shared/testing';
import { publishDocuments } from './services/publish';
import { buildSnapshot } from './sync/snapshot';
import type { DeviceIdentity } from './sync/scope';
import { openTestDevice, type TestDevice } from './testing/devices';
import {
  databaseKinds,
  startTestServer,
  TEST_STATIONS,
  type TestServer,
} from './testing/test-server';

const kinds = await databaseKinds();

function content(i: number, revision = 1) {
  return sampleContent({
    id: `snap-${String(i).padStart(5, '0')}`,
    regionCode: i % 2 === 0 ? '15' : '1525',
    audiences: ['kiosk', 'tv'],
    order: i,
    contentRevision: revision,
    body: { zh: `第${i}条，第${revision}版。`.repeat(20), mn: '', mnStatus: 'missing' },
  });
}

async function publish(server: TestServer, docs: readonly unknown[]): Promise<void> {
  const done = await publishDocuments(server.ctx.db, 'content', docs);
  if (!done.ok) throw new Error(done.error.message);
}

/** The server's content as the kiosk may see it: id → revision. */
async function serverRevisions(server: TestServer): Promise<Map<string, number>> {
  const { rows } = await server.ctx.db.query<{ id: string; revision: number }>(
    `select id, (body->>'contentRevision')::int as revision from documents where collection = 'content'`,
  );
  return new Map(rows.map((r) => [r.id, r.revision]));
}

async function deviceRevisions(device: TestDevice): Promise<Map<string, number>> {
  const docs = await device.db.content!.find().exec();
  return new Map(docs.map((d) => [d.id, d.contentRevision]));
}

describe.each(kinds)('content snapshots on %s', (kind) => {
  let server: TestServer;
  let enrollment: EnrollResponse;
  const devices: TestDevice[] = [];
  beforeAll(async () => {
    server = await startTestServer(kind);
    enrollment = await server.enroll('kiosk', TEST_STATIONS.xilinhot.id);
    await publish(
      server,
      Array.from({ length: 400 }, (_, i) => content(i)),
    );
  });
  afterAll(async () => {
    for (const device of devices) await device.close();
    await server.close();
  });

  async function newDevice(): Promise<TestDevice> {
    const device = await openTestDevice(server.url, enrollment, ['content']);
    devices.push(device);
    return device;
  }

  it('serves the first sync as one immutable, ranged snapshot file', async () => {
    const device = await newDevice();
    const outcomes: SnapshotOutcome[] = [];
    const urls: string[] = [];
    const recording: typeof fetch = (input, init) => {
      urls.push(String(input));
      return fetch(input, init);
    };
    const sync = await device.connect({
      fetch: recording,
      streaming: false,
      snapshotTaken: (_c, outcome) => outcomes.push(outcome),
    });
    await sync.awaitInSync();
    expect(outcomes).toEqual([expect.objectContaining({ kind: 'used', count: 400, resumes: 0 })]);
    expect(await deviceRevisions(device)).toEqual(await serverRevisions(server));
    // No page from the feed's start: the first pull asks from the snapshot's checkpoint.
    expect(urls.some((u) => u.includes('/content/pull') && !u.includes('seq='))).toBe(false);

    const descriptor = (await (
      await fetch(`${server.url}/api/sync/content/snapshot`, {
        headers: { authorization: `Bearer ${enrollment.token}` },
      })
    ).json()) as { url: string; sha256: string; size: number };
    const file = await fetch(`${server.url}${descriptor.url}`, { headers: { range: 'bytes=10-' } });
    expect(file.status).toBe(206);
    expect(file.headers.get('etag')).toBe(`"sha256-${descriptor.sha256}"`);
    expect(file.headers.get('cache-control')).toContain('immutable');
    // The kiosk renderer (the agent's origin) and TV boxes fetch it cross-origin.
    expect(file.headers.get('access-control-allow-origin')).toBe('*');
    expect(file.headers.get('access-control-expose-headers')).toContain('content-range');
    const preflight = await fetch(`${server.url}${descriptor.url}`, {
      method: 'OPTIONS',
      headers: { origin: 'http://127.0.0.1:5999', 'access-control-request-headers': 'range' },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-headers')).toContain('range');
    expect(file.headers.get('content-range')).toBe(
      `bytes 10-${descriptor.size - 1}/${descriptor.size}`,
    );
    expect((await file.arrayBuffer()).byteLength).toBe(descriptor.size - 10);
    // Personal collections have no snapshot.
    const personal = await fetch(`${server.url}/api/sync/case_updates/snapshot`, {
      headers: { authorization: `Bearer ${enrollment.token}` },
    });
    expect(personal.status).toBe(404);
  });

  it('resumes a snapshot download cut midway with a range request', async () => {
    const device = await newDevice();
    const outcomes: SnapshotOutcome[] = [];
    const ranges: string[] = [];
    let cut = false;
    const cutOnce: typeof fetch = async (input, init) => {
      const response = await fetch(input, init);
      if (!String(input).includes('/api/snapshots/')) return response;
      ranges.push(new Headers(init?.headers).get('range') ?? 'whole');
      if (cut) return response;
      cut = true;
      const limit = Math.floor(Number(response.headers.get('content-length')) / 2);
      const reader = response.body!.getReader();
      let sent = 0;
      const body = new ReadableStream<Uint8Array>({
        async pull(controller) {
          if (sent >= limit) {
            await reader.cancel();
            controller.error(new Error('link cut'));
            return;
          }
          const { done, value } = await reader.read();
          if (done) return controller.close();
          const part = value.subarray(0, limit - sent);
          sent += part.length;
          controller.enqueue(part);
        },
      });
      return new Response(body, { status: response.status, headers: response.headers });
    };
    const sync = await device.connect({
      fetch: cutOnce,
      streaming: false,
      snapshotTaken: (_c, outcome) => outcomes.push(outcome),
    });
    await sync.awaitInSync();
    expect(outcomes).toEqual([expect.objectContaining({ kind: 'used', count: 400, resumes: 1 })]);
    expect(ranges).toHaveLength(2);
    expect(ranges[0]).toBe('whole');
    expect(ranges[1]).toMatch(/^bytes=[1-9]\d*-$/);
    expect(await deviceRevisions(device)).toEqual(await serverRevisions(server));
  });

  it('misses and duplicates nothing when taken while content is published', async () => {
    const identity: DeviceIdentity = {
      id: enrollment.deviceId,
      kind: 'kiosk',
      name: 'kiosk',
      stationId: TEST_STATIONS.xilinhot.id,
      householdId: null,
      regionCode: TEST_STATIONS.xilinhot.regionCode,
      deviceTag: 'test',
    };
    // Publications that update old documents and add new ones, racing the snapshots.
    const writes = (async () => {
      for (let round = 0; round < 8; round++) {
        await publish(server, [
          ...Array.from({ length: 10 }, (_, i) => content(round * 10 + i, 2 + round)),
          ...Array.from({ length: 10 }, (_, i) => content(1000 + round * 10 + i)),
        ]);
      }
    })();
    const snapshots = await Promise.all(
      Array.from({ length: 6 }, () => buildSnapshot(server.ctx.db, identity, 'content')),
    );
    await writes;
    const expected = await serverRevisions(server);
    for (const snapshot of snapshots) {
      const { gunzipSync } = await import('node:zlib');
      const body = JSON.parse(gunzipSync(snapshot.bytes).toString('utf8')) as {
        documents: WireDocument[];
        checkpoint: SyncCheckpoint;
      };
      const ids = body.documents.map((d) => d.id);
      expect(new Set(ids).size).toBe(ids.length);
      // Then the delta from the snapshot's checkpoint, page by page, as a device pulls it.
      const seen = new Map(body.documents.map((d) => [d.id, d['contentRevision'] as number]));
      let checkpoint = body.checkpoint;
      for (;;) {
        const page = (await (
          await fetch(
            `${server.url}/api/sync/content/pull?seq=${checkpoint.seq}&id=${encodeURIComponent(checkpoint.id)}&limit=7`,
            { headers: { authorization: `Bearer ${enrollment.token}` } },
          )
        ).json()) as { documents: WireDocument[]; checkpoint: SyncCheckpoint };
        for (const d of page.documents) seen.set(d.id, d['contentRevision'] as number);
        if (page.documents.length === 0) break;
        checkpoint = page.checkpoint;
      }
      expect(seen).toEqual(expected);
    }
    // And a real device that syncs while the center publishes again ends where the server is.
    const device = await newDevice();
    const outcomes: SnapshotOutcome[] = [];
    const more = publish(
      server,
      Array.from({ length: 30 }, (_, i) => content(i, 20)),
    );
    const sync = await device.connect({
      streaming: false,
      snapshotTaken: (_c, outcome) => outcomes.push(outcome),
    });
    await more;
    await sync.syncNow();
    await sync.awaitInSync();
    expect(outcomes[0]?.kind).toBe('used');
    expect(await deviceRevisions(device)).toEqual(await serverRevisions(server));
  });
});
