/**
 * Poison documents through the real push (app.inject) on PGlite and PostgreSQL: strings with
 * NUL, lone surrogates or control characters, and documents nested 10,000 deep, are refused
 * with 422 naming each bad row before any write; never a 500, nothing half-written; what is
 * accepted is stored exactly as sent.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EnrollResponse } from '@pls/shared/protocol';
import { sampleFeedback } from '@pls/shared/testing';
import { unsafeUnitIn } from './sync/document-safety';
import {
  databaseKinds,
  startTestServer,
  TEST_STATIONS,
  type TestServer,
} from './testing/test-server';

const kinds = await databaseKinds();

/** Any UTF-16 unit, so lone surrogates and controls come up as often as letters. */
const utf16Unit = fc.integer({ min: 0, max: 0xffff }).map((n) => String.fromCharCode(n));
const anyUnits = fc.string({ unit: utf16Unit, maxLength: 40 });
const anyText = fc.oneof(
  anyUnits,
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 20 }),
  fc.constantFrom(
    '\u0000',
    'a\ud800',
    '\udc00b',
    '\u001b[31m',
    '\u007f',
    '\u0085',
    'ᠮᠣᠩᠭᠣᠯ\u202fᠤᠨ',
    '😀'.slice(0, 1),
  ),
);

function deepJson(depth: number): string {
  return '{"x":'.repeat(depth) + '1' + '}'.repeat(depth);
}

describe.each(kinds)('poison documents on %s', (kind) => {
  let server: TestServer;
  let kiosk: EnrollResponse;

  beforeAll(async () => {
    server = await startTestServer(kind);
    kiosk = await server.enroll('kiosk', TEST_STATIONS.xilinhot.id, 'kiosk poison');
  });
  afterAll(async () => {
    await server?.close();
  });

  const feedback = (comment: string) => ({
    ...sampleFeedback({ deviceId: kiosk.deviceId, stationId: kiosk.stationId!, comment }),
    _deleted: false,
  });
  const pushRaw = async (payload: string) => {
    const response = await server.app.inject({
      method: 'POST',
      url: '/api/sync/feedback/push',
      headers: { authorization: `Bearer ${kiosk.token}`, 'content-type': 'application/json' },
      payload,
    });
    return { status: response.statusCode, body: JSON.parse(response.body) as Record<string, any> }; // eslint-disable-line @typescript-eslint/no-explicit-any -- error bodies are inspected loosely
  };
  const push = (docs: unknown[]) =>
    pushRaw(JSON.stringify({ rows: docs.map((doc) => ({ newDocumentState: doc })) }));
  const count = async () =>
    Number(
      (
        await server.db.query<{ n: string }>(
          `select count(*) as n from documents where collection = 'feedback'`,
        )
      ).rows[0]!.n,
    );
  const stored = async (id: string) =>
    (
      await server.db.query<{ body: Record<string, unknown> }>(
        `select body from documents where collection = 'feedback' and id = $1`,
        [id],
      )
    ).rows[0]?.body;

  it('any string in a document: stored exactly, or refused 422 naming the row; never a 500', async () => {
    await fc.assert(
      fc.asyncProperty(anyText, async (text) => {
        const doc = feedback(text);
        const before = await count();
        const r = await push([doc]);
        if (unsafeUnitIn(text)) {
          expect(r.status).toBe(422);
          expect(r.body['error']).toMatchObject({
            code: 'rejected_rows',
            rejected: [
              {
                index: 0,
                id: doc.id,
                kind: 'invalid',
                message: expect.stringContaining('/newDocumentState/comment'),
              },
            ],
          });
          expect(await count()).toBe(before);
        } else {
          expect(r.status).toBe(200);
          expect((await stored(doc.id))?.['comment']).toBe(text);
        }
      }),
      { numRuns: 60, seed: 20261203 },
    );
  });

  it('a batch with poisoned rows names each of them and writes none; the others then go through', async () => {
    const good = [feedback('好'), feedback('ᠰᠠᠶᠢᠨ'), feedback('line\nbreak\ttab')];
    const nul = feedback('a\u0000b');
    const surrogate = feedback('cut here \ud83d');
    const keyed = { ...feedback('x'), ['bad\u0000key']: 1 };
    const before = await count();
    const r = await push([good[0], nul, good[1], surrogate, keyed, good[2]]);
    expect(r.status).toBe(422);
    const rejected = r.body['error'].rejected as Array<{
      index: number;
      id: string;
      message: string;
    }>;
    expect(rejected.map((row) => row.index)).toEqual([1, 3, 4]);
    expect(rejected[0]!.message).toContain('NUL');
    expect(rejected[1]!.message).toContain('surrogate');
    expect(rejected[1]!.id).toBe(surrogate.id);
    expect(await count()).toBe(before);
    expect((await push(good)).status).toBe(200);
    expect(await count()).toBe(before + 3);
  });

  it.each([
    [
      'in a new field',
      () =>
        `{"rows":[{"newDocumentState":${JSON.stringify(feedback('')).replace(/\}$/, `,"deep":${deepJson(10_000)}}`)}}]}`,
    ],
    [
      'as the assumed state',
      () =>
        `{"rows":[{"newDocumentState":${JSON.stringify(feedback(''))},"assumedMasterState":${deepJson(10_000)}}]}`,
    ],
    ['as the row itself', () => `{"rows":[${'['.repeat(10_000)}${']'.repeat(10_000)}]}`],
  ] as const)(
    'a document nested 10,000 deep %s is refused 422, not 500',
    async (_name, payload) => {
      const before = await count();
      const r = await pushRaw(payload());
      expect(r.status).toBe(422);
      expect(r.body['error'].code).toBe('rejected_rows');
      expect(r.body['error'].rejected[0].index).toBe(0);
      expect(await count()).toBe(before);
    },
  );

  it('nesting up to the bound still passes the depth check (the schema decides)', async () => {
    const doc = { ...feedback(''), extra: JSON.parse(deepJson(20)) as unknown };
    const r = await push([doc]);
    // The schema allows no extra field: refused for that, not for depth.
    expect(r.status).toBe(422);
    expect(r.body['error'].rejected[0].message).not.toContain('nested deeper');
  });

  it('a refused 3,000-character id is not echoed back in full', async () => {
    const doc = { ...feedback(''), id: 'a'.repeat(3_000) };
    const r = await push([doc]);
    expect(r.status).toBe(422);
    const text = JSON.stringify(r.body);
    expect(text.length).toBeLessThan(1_000);
  });
});
