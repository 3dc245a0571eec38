/**
 * Bounds on what a client can hold open or make the server repeat (issue 11 item 2), against a
 * real listening server: stream caps per device and per address, one-time stream tickets,
 * request timeouts with event streams still living, authentication before a body is read,
 * per-device ETags, attachment HEAD answering alike, and refused input never echoed at length.
 */
import { connect } from 'node:net';
import type { InjectOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EnrollResponse } from '@pls/shared/protocol';
import { sampleApplication, sampleContent } from '@pls/shared/testing';
import { publishDocuments } from './services/publish';
import { ALL, revokeFleetDevice } from './services/fleet';
import {
  databaseKinds,
  startTestServer,
  TEST_STATIONS,
  type TestServer,
} from './testing/test-server';

const kinds = await databaseKinds();

interface OpenStream {
  readonly status: number;
  /** Resolves with everything received once the server ends the stream. */
  readonly ended: Promise<string>;
  text(): string;
  abort(): void;
}

async function openStream(url: string, token?: string): Promise<OpenStream> {
  const controller = new AbortController();
  const response = await fetch(url, {
    headers: token ? { authorization: `Bearer ${token}` } : {},
    signal: controller.signal,
  });
  let received = '';
  const ended = (async () => {
    if (!response.body) return received;
    const decoder = new TextDecoder();
    const reader = response.body.getReader();
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        received += decoder.decode(value);
      }
    } catch {
      // aborted by the test
    }
    return received;
  })();
  return {
    status: response.status,
    ended,
    text: () => received,
    abort: () => controller.abort(),
  };
}

async function until(check: () => boolean, what: string, ms = 5000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe.each(kinds)('bounds on %s', (kind) => {
  let server: TestServer;
  let clock = new Date();
  const kiosks: EnrollResponse[] = [];

  beforeAll(async () => {
    server = await startTestServer(kind, {
      streamCaps: { perDevice: 2, perAddress: 4 },
      heartbeatSeconds: 0.1,
      timeouts: { requestMs: 400, headersMs: 400, idleMs: 500, checkEveryMs: 100 },
      now: () => clock,
    });
    for (let i = 0; i < 5; i++)
      kiosks.push(await server.enroll('kiosk', TEST_STATIONS.xilinhot.id, `kiosk bounds ${i}`));
  });
  afterAll(async () => {
    await server?.close();
  });
  const inject = (options: InjectOptions) => server.app.inject(options);
  const ticketFor = async (token: string) => {
    const r = await inject({
      method: 'POST',
      url: '/api/sync/stream-ticket',
      headers: { authorization: `Bearer ${token}` },
    });
    expect(r.statusCode).toBe(201);
    return (r.json() as { ticket: string; expiresAt: string }).ticket;
  };

  it('a third stream of one device closes its oldest; the others stay', async () => {
    const [a1, a2] = [
      await openStream(`${server.url}/api/sync/stream`, kiosks[0]!.token),
      await openStream(`${server.url}/api/sync/stream`, kiosks[0]!.token),
    ];
    await until(() => server.ctx.streams.countOf({ deviceId: kiosks[0]!.deviceId }) === 2, 'two');
    const a3 = await openStream(`${server.url}/api/sync/stream`, kiosks[0]!.token);
    expect(a3.status).toBe(200);
    await a1.ended; // the server ended the oldest by itself
    expect(server.ctx.streams.countOf({ deviceId: kiosks[0]!.deviceId })).toBe(2);
    a2.abort();
    a3.abort();
    await until(() => server.ctx.streams.countOf({}) === 0, 'released');
  });

  it('one address gets at most its cap of streams: the next is 429', async () => {
    const open = [];
    for (let i = 0; i < 4; i++)
      open.push(await openStream(`${server.url}/api/sync/stream`, kiosks[i]!.token));
    expect(open.map((s) => s.status)).toEqual([200, 200, 200, 200]);
    const refused = await openStream(`${server.url}/api/sync/stream`, kiosks[4]!.token);
    expect(refused.status).toBe(429);
    expect(JSON.parse(await refused.ended)).toMatchObject({ error: { code: 'rate_limited' } });
    for (const s of open) s.abort();
    await until(() => server.ctx.streams.countOf({}) === 0, 'released');
  });

  it('a stream ticket opens one stream, once, within its lifetime; the token stays out of the URL', async () => {
    const ticket = await ticketFor(kiosks[1]!.token);
    const first = await openStream(`${server.url}/api/sync/stream?ticket=${ticket}`);
    expect(first.status).toBe(200);
    await until(() => first.text().includes('event: hello'), 'hello');
    first.abort();
    const again = await openStream(`${server.url}/api/sync/stream?ticket=${ticket}`);
    expect(again.status).toBe(401);
    await again.ended;
    const late = await ticketFor(kiosks[1]!.token);
    clock = new Date(clock.getTime() + 61_000);
    const expired = await openStream(`${server.url}/api/sync/stream?ticket=${late}`);
    expect(expired.status).toBe(401);
    await expired.ended;
    clock = new Date();
    const unknown = await openStream(`${server.url}/api/sync/stream?ticket=${'x'.repeat(43)}`);
    expect(unknown.status).toBe(401);
    await unknown.ended;
    expect((await inject({ method: 'POST', url: '/api/sync/stream-ticket' })).statusCode).toBe(401);
  });

  it('a revoked device cannot redeem the ticket it fetched before', async () => {
    const victim = await server.enroll('kiosk', TEST_STATIONS.hohhot.id, 'kiosk to revoke');
    const ticket = await ticketFor(victim.token);
    expect((await revokeFleetDevice(server.db, ALL, victim.deviceId, 'lost')).ok).toBe(true);
    const r = await inject({ method: 'GET', url: `/api/sync/stream?ticket=${ticket}` });
    expect(r.statusCode).toBe(401);
    expect(r.json()).toMatchObject({ error: { code: 'device_revoked' } });
  });

  it('a trickled body is cut off; an event stream outlives every timeout', async () => {
    const stream = await openStream(`${server.url}/api/sync/stream`, kiosks[2]!.token);
    const { port } = new URL(server.url);
    const socket = connect(Number(port), '127.0.0.1');
    let closed = false;
    let answer = '';
    socket.on('data', (d) => (answer += d.toString()));
    socket.on('close', () => (closed = true));
    socket.on('error', () => undefined);
    socket.write(
      `POST /api/sync/feedback/push HTTP/1.1\r\nhost: x\r\nauthorization: Bearer ${kiosks[2]!.token}\r\n` +
        'content-type: application/json\r\ncontent-length: 100000\r\n\r\n{"rows":[',
    );
    const trickle = setInterval(() => socket.writable && socket.write(' '), 50);
    try {
      await until(() => closed, 'the trickling socket to be closed', 5000);
    } finally {
      clearInterval(trickle);
      socket.destroy();
    }
    expect(answer === '' || answer.startsWith('HTTP/1.1 408')).toBe(true);
    // The stream has been open longer than requestMs and idleMs and still gets heartbeats.
    const beats = stream.text().split('event: heartbeat').length;
    await until(() => stream.text().split('event: heartbeat').length > beats, 'a later heartbeat');
    stream.abort();
  });

  it('a body is not read before authentication: a bad token is 401, not 400 or 413', async () => {
    const bad = { authorization: 'Bearer not-a-token', 'content-type': 'application/json' };
    const invalid = await inject({
      method: 'POST',
      url: '/api/sync/feedback/push',
      headers: bad,
      payload: '{"rows": [',
    });
    expect(invalid.statusCode).toBe(401);
    const huge = await inject({
      method: 'POST',
      url: '/api/sync/feedback/push',
      headers: bad,
      payload: `{"rows":[${'1,'.repeat(3_000_000)}1]}`,
    });
    expect(huge.statusCode).toBe(401);
    const photo = await inject({
      method: 'PUT',
      url: '/api/sync/applications/a/attachments/b',
      headers: { authorization: 'Bearer nope', 'content-type': 'image/png' },
      payload: Buffer.alloc(6_000_000),
    });
    expect(photo.statusCode).toBe(401);
  });

  it('pull ETags are per device scope and private', async () => {
    const published = await publishDocuments(server.db, 'content', [sampleContent()]);
    if (!published.ok) throw new Error(published.error.message);
    server.ctx.feed.noteCommitted('content', published.value.lastSeq!);
    const pull = (token: string, etag?: string) =>
      inject({
        method: 'GET',
        url: '/api/sync/content/pull?seq=0',
        headers: {
          authorization: `Bearer ${token}`,
          ...(etag ? { 'if-none-match': etag } : {}),
        },
      });
    const a = await pull(kiosks[0]!.token);
    expect(a.statusCode).toBe(200);
    expect(a.headers['cache-control']).toContain('private');
    const etag = a.headers['etag'] as string;
    expect((await pull(kiosks[0]!.token, etag)).statusCode).toBe(304);
    const b = await pull(kiosks[1]!.token, etag);
    expect(b.statusCode).toBe(200);
    expect(b.headers['etag']).not.toBe(etag);
  });

  it('an attachment HEAD answers "another device\'s" and "no such thing" alike', async () => {
    const app = {
      ...sampleApplication({ deviceId: kiosks[3]!.deviceId, stationId: kiosks[3]!.stationId! }),
      attachments: [
        {
          id: 'photo-1',
          kind: 'material_photo',
          mimeType: 'image/png',
          bytes: 10,
          sha256: 'a'.repeat(64),
          capturedAt: new Date().toISOString(),
        },
      ],
      _deleted: false,
    };
    const pushed = await inject({
      method: 'POST',
      url: '/api/sync/applications/push',
      headers: { authorization: `Bearer ${kiosks[3]!.token}`, 'content-type': 'application/json' },
      payload: JSON.stringify({ rows: [{ newDocumentState: app }] }),
    });
    expect(pushed.statusCode).toBe(200);
    const head = (url: string) =>
      inject({ method: 'HEAD', url, headers: { authorization: `Bearer ${kiosks[4]!.token}` } });
    const foreign = await head(`/api/sync/applications/${app.id}/attachments/photo-1`);
    const missing = await head(`/api/sync/applications/${'b'.repeat(26)}/attachments/photo-1`);
    const bad = await head(`/api/sync/applications/x%00y/attachments/photo-1`);
    expect([foreign.statusCode, missing.statusCode, bad.statusCode]).toEqual([404, 404, 404]);
    expect(foreign.body).toBe(missing.body);
  });

  it('refused input is never echoed back at length, nor turns into a 500', async () => {
    const token = { authorization: `Bearer ${kiosks[0]!.token}` };
    const long = 'z'.repeat(10_000);
    for (const url of [
      `/api/sync/${long}/pull`,
      `/api/nothing/${long}`,
      `/api/sync/content/pull?id=a%00b`,
    ]) {
      const r = await inject({ method: 'GET', url, headers: token });
      expect(r.statusCode).toBeGreaterThanOrEqual(400);
      expect(r.statusCode).toBeLessThan(500);
      expect(r.body.length).toBeLessThan(400);
      expect(r.json()).toMatchObject({ error: { code: expect.any(String) } });
    }
    const enroll = await inject({
      method: 'POST',
      url: '/api/devices/enroll',
      headers: { 'content-type': 'application/json' },
      payload: JSON.stringify({ code: 'ABCD2345', kind: 'kiosk', name: 'a\u0000b' }),
    });
    expect(enroll.statusCode).toBe(400);
  });
});
