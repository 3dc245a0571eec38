/**
 * The HTTP API against a real server (PGlite and PostgreSQL): enrollment, every kind of bad
 * input (each answered with its 4xx and changing nothing), scope of pulls, conditional pulls,
 * CORS, attachments, and the center's functions.
 */
import { createHash, pbkdf2Sync } from 'node:crypto';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COLLECTIONS, type Content } from '@pls/shared/domain';
import type { EnrollResponse } from '@pls/shared/protocol';
import {
  sampleApplication,
  sampleContent,
  sampleFeedback,
  sampleQuestion,
} from '@pls/shared/testing';
import { runAdminCommand } from './cli/admin-commands';
import { issueEnrollmentCode } from './services/devices';
import { publishDocuments } from './services/publish';
import {
  databaseKinds,
  startTestServer,
  TEST_STATIONS,
  type TestServer,
} from './testing/test-server';

const kinds = await databaseKinds();

describe.each(kinds)('sync server API on %s', (kind) => {
  let server: TestServer;
  let kioskA: EnrollResponse;
  let kioskB: EnrollResponse;
  let kioskHohhot: EnrollResponse;
  let tv1: EnrollResponse;
  let tv2: EnrollResponse;

  beforeAll(async () => {
    server = await startTestServer(kind);
    kioskA = await server.enroll('kiosk', TEST_STATIONS.xilinhot.id, 'kiosk A');
    kioskB = await server.enroll('kiosk', TEST_STATIONS.xilinhot.id, 'kiosk B');
    kioskHohhot = await server.enroll('kiosk', TEST_STATIONS.hohhot.id, 'kiosk Hohhot');
    tv1 = await server.enroll('tv', 'household-0001', 'tv 1');
    tv2 = await server.enroll('tv', 'household-0001', 'tv 2');
  });
  afterAll(async () => {
    await server?.close();
  });

  async function call(
    method: 'GET' | 'POST' | 'PUT' | 'HEAD' | 'OPTIONS',
    url: string,
    options: {
      token?: string;
      body?: unknown;
      raw?: string | Buffer;
      headers?: Record<string, string>;
    } = {},
  ) {
    const response = await server.app.inject({
      method,
      url,
      headers: {
        ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
        ...(options.body !== undefined || options.raw !== undefined
          ? { 'content-type': 'application/json' }
          : {}),
        ...options.headers,
      },
      ...(options.body !== undefined ? { payload: JSON.stringify(options.body) } : {}),
      ...(options.raw !== undefined ? { payload: options.raw } : {}),
    });
    return {
      status: response.statusCode,
      headers: response.headers,
      body: response.body ? safeJson(response.body) : null,
    };
  }
  const safeJson = (text: string): unknown => {
    try {
      return JSON.parse(text);
    } catch {
      return text;
    }
  };
  const push = (token: string, collection: string, docs: unknown[], assumed?: unknown[]) =>
    call('POST', `/api/sync/${collection}/push`, {
      token,
      body: {
        rows: docs.map((doc, i) => ({
          newDocumentState: doc,
          ...(assumed?.[i] ? { assumedMasterState: assumed[i] } : {}),
        })),
      },
    });
  const pull = async (token: string, collection: string, seq = 0) => {
    const r = await call('GET', `/api/sync/${collection}/pull?seq=${seq}&limit=2000`, { token });
    expect(r.status).toBe(200);
    return r.body as {
      documents: Array<Record<string, unknown>>;
      checkpoint: { seq: number; id: string };
    };
  };
  /** Everything that a refused request must leave untouched. */
  const snapshot = async () =>
    (
      await server.db.query<{ state: string }>(
        `select (select coalesce(json_agg(json_build_array(collection, id, seq, body) order by collection, id), '[]'::json) from documents)::text
             || (select json_agg(json_build_array(collection, last_seq) order by collection) from collection_seq)::text
             || (select count(*) from cases)::text || (select count(*) from devices)::text
             || (select count(*) from attachments)::text as state`,
      )
    ).rows[0]!.state;
  /** Publishes as the console will: through the server's functions, then noted by this process's feed. */
  const publish = async (docs: Content[]) => {
    const published = await publishDocuments(server.db, 'content', docs);
    if (!published.ok) throw new Error(published.error.message);
    if (published.value.lastSeq !== null)
      server.ctx.feed.noteCommitted('content', published.value.lastSeq);
  };
  const kioskApp = (device: EnrollResponse, overrides = {}) => ({
    ...sampleApplication({ deviceId: device.deviceId, stationId: device.stationId!, ...overrides }),
    _deleted: false,
  });

  it('reports its health', async () => {
    const r = await call('GET', '/api/health');
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ status: 'ok', database: kind, version: expect.any(String) });
  });

  describe('enrollment', () => {
    it('gives each device a token, its scope, a tracking tag and its device_config', async () => {
      expect(kioskA.scope).toEqual({
        kind: 'kiosk',
        stationId: TEST_STATIONS.xilinhot.id,
        regionCode: '152502',
      });
      expect(tv1.scope).toEqual({ kind: 'tv', householdId: 'household-0001', regionCode: '1525' });
      expect(new Set([kioskA, kioskB, kioskHohhot, tv1, tv2].map((d) => d.deviceTag)).size).toBe(5);
      const config = await pull(kioskA.token, 'device_config');
      expect(config.documents).toHaveLength(1);
      expect(config.documents[0]).toMatchObject({
        id: kioskA.deviceId,
        deviceTag: kioskA.deviceTag,
        idleTimeoutSeconds: 120,
        idleWarningSeconds: 20,
        retentionDays: 7,
        printers: { receiptWidth: '80mm', a4Enabled: true },
        voiceEnabled: true,
        regionCode: '152502',
      });
      const stored = await server.db.query<{ token_hash: string }>(
        'select token_hash from devices where id = $1',
        [kioskA.deviceId],
      );
      expect(stored.rows[0]!.token_hash).toBe(
        createHash('sha256').update(kioskA.token).digest('hex'),
      );
    });

    it('refuses a reused, an expired, an unknown and a wrong-kind code, changing nothing', async () => {
      const fresh = await issueEnrollmentCode(server.db, {
        kind: 'kiosk',
        stationId: TEST_STATIONS.hohhot.id,
      });
      const expired = await issueEnrollmentCode(
        server.db,
        { kind: 'kiosk', stationId: TEST_STATIONS.hohhot.id },
        { ttlHours: 1, now: new Date(Date.now() - 2 * 3_600_000) },
      );
      if (!fresh.ok || !expired.ok) throw new Error('codes');
      const enroll = (code: string, deviceKind = 'kiosk') =>
        call('POST', '/api/devices/enroll', { body: { code, kind: deviceKind, name: 'x' } });
      expect((await enroll(fresh.value.code, 'tv')).body).toMatchObject({
        error: { code: 'enroll_kind_mismatch' },
      });
      const first = await enroll(fresh.value.code.toLowerCase().replace('-', ' '));
      expect(first.status).toBe(201);
      const before = await snapshot();
      const reused = await enroll(fresh.value.code);
      expect(reused.status).toBe(409);
      expect(reused.body).toMatchObject({
        error: { code: 'enroll_code_used', message: expect.stringContaining('already used') },
      });
      const late = await enroll(expired.value.code);
      expect(late.status).toBe(410);
      expect(late.body).toMatchObject({ error: { code: 'enroll_code_expired' } });
      const unknown = await enroll('ZZZZ-ZZZZ');
      expect(unknown.status).toBe(404);
      expect(unknown.body).toMatchObject({ error: { code: 'enroll_code_unknown' } });
      expect((await call('POST', '/api/devices/enroll', { body: { code: 1 } })).status).toBe(400);
      expect(await snapshot()).toBe(before);
    });
  });

  describe('bad input gets its 4xx and changes nothing', () => {
    it.each([
      [
        'malformed JSON',
        400,
        'invalid_json',
        () => call('POST', '/api/sync/feedback/push', { token: kioskA.token, raw: '{"rows": [' }),
      ],
      [
        'a body that is not {rows}',
        400,
        'bad_request',
        () => call('POST', '/api/sync/feedback/push', { token: kioskA.token, body: [1] }),
      ],
      ['an unknown collection', 404, 'unknown_collection', () => push(kioskA.token, 'users', [{}])],
      [
        'a write to a center-owned collection',
        403,
        'read_only_collection',
        () => push(kioskA.token, 'case_updates', [{ id: 'x', _deleted: false }]),
      ],
      ['no token', 401, 'unauthorized', () => call('GET', '/api/sync/content/pull')],
      [
        'an unknown token',
        401,
        'unauthorized',
        () => call('GET', '/api/sync/content/pull', { token: 'not-a-token' }),
      ],
      [
        'an oversize body',
        413,
        'payload_too_large',
        () =>
          call('POST', '/api/sync/feedback/push', {
            token: kioskA.token,
            raw: `{"rows":[],"pad":"${'x'.repeat(5 * 1024 * 1024)}"}`,
          }),
      ],
      [
        'a bad pull position',
        400,
        'bad_request',
        () => call('GET', '/api/sync/content/pull?seq=-1', { token: kioskA.token }),
      ],
    ] as const)('%s', async (_name, status, code, request) => {
      const before = await snapshot();
      const r = await request();
      expect(r.status).toBe(status);
      expect(r.body).toMatchObject({ error: { code, message: expect.any(String) } });
      expect(await snapshot()).toBe(before);
    });

    it('a document failing its schema refuses the whole batch and names the row', async () => {
      const before = await snapshot();
      const good = {
        ...sampleFeedback({ deviceId: kioskA.deviceId, stationId: kioskA.stationId! }),
        _deleted: false,
      };
      const bad = {
        ...sampleFeedback({ deviceId: kioskA.deviceId, stationId: kioskA.stationId! }),
        rating: 9,
        _deleted: false,
      };
      const r = await push(kioskA.token, 'feedback', [good, bad]);
      expect(r.status).toBe(422);
      expect(r.body).toMatchObject({
        error: {
          code: 'rejected_rows',
          rejected: [
            { index: 1, id: bad.id, kind: 'invalid', message: expect.stringContaining('/rating') },
          ],
        },
      });
      expect(await snapshot()).toBe(before);
    });

    it('a document of another device is refused (403), in the body or already stored', async () => {
      const before = await snapshot();
      const foreign = kioskApp(kioskB);
      const r = await push(kioskA.token, 'applications', [kioskApp(kioskA), foreign]);
      expect(r.status).toBe(403);
      expect(r.body).toMatchObject({
        error: { code: 'rejected_rows', rejected: [{ index: 1, kind: 'not_owner' }] },
      });
      expect(await snapshot()).toBe(before);

      const owned = kioskApp(kioskB);
      expect((await push(kioskB.token, 'applications', [owned])).status).toBe(200);
      const stolen = kioskApp(kioskA, { id: owned.id });
      const after = await snapshot();
      const hijack = await push(kioskA.token, 'applications', [stolen]);
      expect(hijack.status).toBe(403);
      expect(hijack.body).toMatchObject({
        error: {
          rejected: [
            { index: 0, kind: 'not_owner', message: expect.stringContaining('another device') },
          ],
        },
      });
      expect(await snapshot()).toBe(after);
    });

    it('refuses an oversize document, a purged one, an application without applicant, and a TV application', async () => {
      const before = await snapshot();
      const { applicant: _a, ...withoutApplicant } = kioskApp(kioskA);
      const cases: Array<[string, unknown, string, number]> = [
        [kioskA.token, { ...kioskApp(kioskA), padding: 'x'.repeat(40_000) }, 'too_large', 413],
        [
          kioskA.token,
          { ...kioskApp(kioskA), piiPurgedAt: new Date().toISOString() },
          'pii_purged',
          422,
        ],
        [kioskA.token, withoutApplicant, 'pii_missing', 422],
        [
          tv1.token,
          { ...sampleApplication({ deviceId: tv1.deviceId }), _deleted: false },
          'not_owner',
          403,
        ],
      ];
      for (const [token, doc, rejection, status] of cases) {
        const r = await push(token, 'applications', [doc]);
        expect(r.status, rejection).toBe(status);
        expect(r.body, rejection).toMatchObject({
          error: { code: 'rejected_rows', rejected: [{ kind: rejection }] },
        });
      }
      expect(await snapshot()).toBe(before);
    });

    it('a revoked device is refused at once, with its own code', async () => {
      const victim = await server.enroll('kiosk', TEST_STATIONS.hohhot.id, 'to revoke');
      expect((await call('GET', '/api/sync/content/pull', { token: victim.token })).status).toBe(
        200,
      );
      const out = await runAdminCommand(['revoke', victim.deviceId], {
        db: server.db,
        contentDir: '',
        now: () => new Date(),
      });
      expect(out.exitCode).toBe(0);
      // The NOTIFY of the revocation evicts the cached token; give it a moment to arrive.
      await expect
        .poll(
          async () => (await call('GET', '/api/sync/content/pull', { token: victim.token })).status,
        )
        .toBe(401);
      const before = await snapshot();
      const r = await push(victim.token, 'feedback', [
        {
          ...sampleFeedback({ deviceId: victim.deviceId, stationId: victim.stationId! }),
          _deleted: false,
        },
      ]);
      expect(r.status).toBe(401);
      expect(r.body).toMatchObject({
        error: { code: 'device_revoked', message: expect.stringContaining('revoked') },
      });
      expect(await snapshot()).toBe(before);
    });
  });

  describe('push', () => {
    it('is idempotent, detects conflicts by deep equality, and writes one receipt per case', async () => {
      const app = kioskApp(kioskA);
      for (let i = 0; i < 3; i++) {
        const r = await push(kioskA.token, 'applications', [app]);
        expect(r.status).toBe(200);
        expect(r.body).toEqual({ conflicts: [] });
      }
      const edited = {
        ...app,
        description: '补充：老板姓王。',
        updatedAt: new Date().toISOString(),
      };
      expect((await push(kioskA.token, 'applications', [edited], [app])).body).toEqual({
        conflicts: [],
      });
      // A stale assumed state (not what is stored) is a conflict answered with the stored body.
      const stale = { ...app, description: 'stale edit' };
      expect((await push(kioskA.token, 'applications', [stale], [app])).body).toEqual({
        conflicts: [edited],
      });
      const receipts = (await pull(kioskA.token, 'case_updates')).documents.filter(
        (d) => d['caseId'] === app.id,
      );
      expect(receipts).toHaveLength(1);
      expect(receipts[0]).toMatchObject({
        kind: 'received',
        status: 'received',
        trackingCode: app.trackingCode,
        centerReference: expect.stringMatching(/^FY\d{4}-\d{6}$/),
      });
      const stored = await server.db.query<{ body: unknown }>(
        "select body from documents where collection = 'applications' and id = $1",
        [app.id],
      );
      expect(stored.rows[0]!.body).toEqual(edited);
    });
  });

  describe('pull', () => {
    it('gives each device exactly its scope', async () => {
      const items: Content[] = [
        sampleContent({ id: 'all-im', regionCode: '15', audiences: ['kiosk', 'tv'] }),
        sampleContent({ id: 'xilingol-kiosk', regionCode: '1525', audiences: ['kiosk'] }),
        sampleContent({ id: 'hohhot-kiosk', regionCode: '1501', audiences: ['kiosk'] }),
        sampleContent({ id: 'tv-only', regionCode: '', audiences: ['tv'] }),
        sampleContent({ id: 'elsewhere', regionCode: '11', audiences: ['kiosk', 'tv'] }),
      ];
      await publish(items);
      const ids = async (device: EnrollResponse) =>
        (await pull(device.token, 'content')).documents.map((d) => d['id']).sort();
      expect(await ids(kioskA)).toEqual(['all-im', 'xilingol-kiosk']);
      expect(await ids(kioskHohhot)).toEqual(['all-im', 'hohhot-kiosk']);
      expect(await ids(tv1)).toEqual(['all-im', 'tv-only']);

      const question = {
        ...sampleQuestion({ deviceId: tv1.deviceId, householdId: 'household-0001' }),
        _deleted: false,
      };
      expect((await push(tv1.token, 'questions', [question])).status).toBe(200);
      const seen = async (device: EnrollResponse) =>
        (await pull(device.token, 'case_updates')).documents.some(
          (d) => d['caseId'] === question.id,
        );
      expect(await seen(tv1)).toBe(true);
      expect(await seen(tv2)).toBe(true); // same household
      expect(await seen(kioskA)).toBe(false);
      expect((await pull(kioskA.token, 'device_config')).documents.map((d) => d['id'])).toEqual([
        kioskA.deviceId,
      ]);
      expect(
        (await pull(kioskB.token, 'applications')).documents.every(
          (d) => d['deviceId'] === kioskB.deviceId,
        ),
      ).toBe(true);
    });

    it('answers an unchanged position with 304 and moves past rows out of scope', async () => {
      const first = await call('GET', '/api/sync/content/pull?seq=0', { token: kioskHohhot.token });
      const checkpoint = (first.body as { checkpoint: { seq: number } }).checkpoint;
      const etag = first.headers['etag'] as string;
      const again = await call('GET', '/api/sync/content/pull?seq=0', {
        token: kioskHohhot.token,
        headers: { 'if-none-match': etag },
      });
      expect(again.status).toBe(304);
      await publish([
        sampleContent({ id: 'hohhot-invisible', regionCode: '1525', audiences: ['kiosk'] }),
      ]);
      const next = await call('GET', `/api/sync/content/pull?seq=${checkpoint.seq}`, {
        token: kioskHohhot.token,
      });
      const body = next.body as { documents: unknown[]; checkpoint: { seq: number } };
      expect(body.documents).toEqual([]);
      expect(body.checkpoint.seq).toBeGreaterThan(checkpoint.seq);
    });

    it('gzips a large pull for a client that accepts it, the same documents either way', async () => {
      await publish(
        Array.from({ length: 40 }, (_, i) =>
          sampleContent({ id: `gzip-${i}`, regionCode: '15', audiences: ['kiosk'] }),
        ),
      );
      const ask = (acceptEncoding: string) =>
        server.app.inject({
          method: 'GET',
          url: '/api/sync/content/pull?seq=0&limit=1000',
          headers: { authorization: `Bearer ${kioskA.token}`, 'accept-encoding': acceptEncoding },
        });
      const zipped = await ask('gzip, deflate, br');
      const plain = await ask('identity');
      expect(zipped.statusCode).toBe(200);
      expect(zipped.headers['content-encoding']).toBe('gzip');
      expect(zipped.headers['vary']).toBe('accept-encoding');
      expect(plain.headers['content-encoding']).toBeUndefined();
      expect(zipped.rawPayload.length).toBeLessThan(plain.rawPayload.length / 3);
      const unzipped = JSON.parse(gunzipSync(zipped.rawPayload).toString('utf8')) as {
        documents: Array<{ id: string }>;
      };
      expect(unzipped).toEqual(JSON.parse(plain.body));
      expect(unzipped.documents.map((d) => d.id)).toContain('gzip-39');
    });

    it('serves the schema it validates with', async () => {
      const r = await call('GET', '/api/sync/applications/schema');
      expect(r.status).toBe(200);
      expect(r.body).toEqual(JSON.parse(JSON.stringify(COLLECTIONS.applications.schema)));
      expect((await call('GET', '/api/sync/nope/schema')).status).toBe(404);
    });

    it('allows cross-origin calls to the device API (bearer tokens, no cookies)', async () => {
      const preflight = await call('OPTIONS', '/api/sync/content/pull', {
        headers: {
          origin: 'http://127.0.0.1:5710',
          'access-control-request-method': 'GET',
          'access-control-request-headers': 'authorization',
        },
      });
      expect(preflight.status).toBe(204);
      expect(preflight.headers['access-control-allow-origin']).toBe('*');
      expect(String(preflight.headers['access-control-allow-headers'])).toContain('authorization');
      const get = await call('GET', '/api/sync/content/pull', {
        token: kioskA.token,
        headers: { origin: 'http://127.0.0.1:5710' },
      });
      expect(get.headers['access-control-allow-origin']).toBe('*');
    });
  });

  describe('attachments', () => {
    it('stores checked bytes once, refuses mismatches and strangers', async () => {
      const bytes = Buffer.from('fake jpeg bytes '.repeat(100));
      const sha256 = createHash('sha256').update(bytes).digest('hex');
      const meta = {
        id: 'photo-1',
        kind: 'material_photo',
        mimeType: 'image/jpeg',
        bytes: bytes.length,
        sha256,
        capturedAt: new Date().toISOString(),
      } as const;
      const app = kioskApp(kioskA, { attachments: [meta] });
      const url = `/api/sync/applications/${app.id}/attachments/photo-1`;
      const put = (token: string, body: Buffer, type = 'image/jpeg') =>
        server.app.inject({
          method: 'PUT',
          url,
          headers: { authorization: `Bearer ${token}`, 'content-type': type },
          payload: body,
        });
      expect((await put(kioskA.token, bytes)).statusCode).toBe(404); // application not pushed yet
      expect((await push(kioskA.token, 'applications', [app])).status).toBe(200);
      const wrong = await put(kioskA.token, Buffer.from(bytes).fill(0x41, 0, 4));
      expect(wrong.statusCode).toBe(422);
      expect(JSON.parse(wrong.body)).toMatchObject({ error: { code: 'attachment_mismatch' } });
      expect((await put(kioskB.token, bytes)).statusCode).toBe(403);
      expect((await put(kioskA.token, bytes, 'text/plain')).statusCode).toBe(415);
      expect((await put(kioskA.token, bytes)).statusCode).toBe(201);
      expect((await put(kioskA.token, bytes)).statusCode).toBe(200);
      expect((await call('HEAD', url, { token: kioskA.token })).status).toBe(200);
      const stored = await server.db.query<{ n: number }>(
        'select count(*)::int as n from attachments where sha256 = $1',
        [sha256],
      );
      expect(stored.rows[0]!.n).toBe(1);
    });
  });

  describe("the center's functions", () => {
    const admin = (...argv: string[]) =>
      runAdminCommand(argv, { db: server.db, contentDir: '', now: () => new Date() });

    it('changes case status by the status machine, answers questions, and the owner sees it', async () => {
      const app = kioskApp(kioskB);
      await push(kioskB.token, 'applications', [app]);
      expect((await admin('case-status', app.trackingCode, 'approved')).output.join(' ')).toContain(
        'cannot go from received to approved',
      );
      expect((await admin('case-status', app.trackingCode, 'rejected')).output.join(' ')).toContain(
        'needs a reason',
      );
      const ok = await admin('case-status', app.trackingCode, 'under_review', '--staff', '王律师');
      expect(ok.exitCode).toBe(0);
      const updates = (await pull(kioskB.token, 'case_updates')).documents.filter(
        (d) => d['caseId'] === app.id,
      );
      expect(updates.map((u) => [u['kind'], u['status']])).toEqual([
        ['received', 'received'],
        ['status', 'under_review'],
      ]);
      expect(
        (await pull(kioskA.token, 'case_updates')).documents.some((d) => d['caseId'] === app.id),
      ).toBe(false);

      const question = {
        ...sampleQuestion({ deviceId: tv2.deviceId, householdId: 'household-0001' }),
        _deleted: false,
      };
      await push(tv2.token, 'questions', [question]);
      const answered = await admin(
        'answer',
        question.trackingCode,
        '--text',
        '请带上草场承包合同到苏木司法所。',
        '--language',
        'zh-Hans',
      );
      expect(answered.exitCode).toBe(0);
      const answer = (await pull(tv2.token, 'case_updates')).documents.find(
        (d) => d['caseId'] === question.id && d['kind'] === 'answer',
      );
      expect(answer).toMatchObject({
        status: 'answered',
        answer: { text: '请带上草场承包合同到苏木司法所。', language: 'zh-Hans' },
      });
    });

    it('sets the staff PIN as PBKDF2, never the PIN', async () => {
      const out = await admin(
        'set-staff-pin',
        '--station',
        TEST_STATIONS.xilinhot.id,
        '--pin',
        '4826',
      );
      expect(out.exitCode).toBe(0);
      const config = (await pull(kioskA.token, 'device_config')).documents[0]!;
      const pin = config['staffPin'] as { salt: string; hash: string; iterations: number };
      expect(JSON.stringify(config)).not.toContain('4826');
      expect(
        pbkdf2Sync('4826', Buffer.from(pin.salt, 'hex'), pin.iterations, 32, 'sha256').toString(
          'hex',
        ),
      ).toBe(pin.hash);
    });

    it('changes kiosk configuration through set-config, keeps other settings, refuses bad values', async () => {
      const before = (await pull(kioskA.token, 'device_config')).documents[0]!;
      const out = await admin(
        'set-config',
        '--device',
        kioskA.deviceId,
        '--retention-days',
        '1',
        '--idle-timeout',
        '90',
        '--receipt',
        '58mm',
      );
      expect(out).toMatchObject({ exitCode: 0 });
      const after = (await pull(kioskA.token, 'device_config')).documents[0]!;
      expect(after).toMatchObject({
        retentionDays: 1,
        idleTimeoutSeconds: 90,
        printers: {
          receiptWidth: '58mm',
          a4Enabled: (before['printers'] as { a4Enabled: boolean }).a4Enabled,
        },
        idleWarningSeconds: before['idleWarningSeconds'],
        deviceTag: before['deviceTag'],
      });
      // Out of the schema's range: refused with the reason, nothing written.
      const tooLong = await admin(
        'set-config',
        '--device',
        kioskA.deviceId,
        '--retention-days',
        '400',
      );
      expect(tooLong.exitCode).toBe(1);
      expect(tooLong.output.join(' ')).toContain('retentionDays');
      expect(
        await admin('set-config', '--device', kioskA.deviceId, '--receipt', '70mm'),
      ).toMatchObject({
        exitCode: 2,
      });
      expect(await admin('set-config', '--device', kioskA.deviceId)).toMatchObject({ exitCode: 2 });
      const unchanged = (await pull(kioskA.token, 'device_config')).documents[0]!;
      expect(unchanged['retentionDays']).toBe(1);
    });

    it('admin commands: a station exists only once; an enrollment code alone on the last line', async () => {
      expect(
        (await admin('add-station', 'station-test-new', '--name', '测试站', '--region', '150602'))
          .exitCode,
      ).toBe(0);
      const again = await admin('add-station', 'station-test-new', '--name', '测试站');
      expect(again.exitCode).toBe(1);
      expect(again.output.join(' ')).toContain('already exists');
      const code = await admin('enroll-code', '--kind', 'kiosk', '--station', 'station-test-new');
      expect(code.output.at(-1)).toMatch(/^[2-9A-HJ-NP-TV-Z]{4}-[2-9A-HJ-NP-TV-Z]{4}$/);
      const devices = await admin('devices');
      expect(devices.output.some((line) => line.startsWith(kioskA.deviceId))).toBe(true);
      const user = await admin('add-user', 'reviewer1', '--role', 'reviewer');
      expect(user.exitCode).toBe(0);
      expect(user.output.at(-1)).toMatch(/^\S{12,}$/);
    });
  });
});
