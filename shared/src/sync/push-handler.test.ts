import { describe, expect, it } from 'vitest';
import { err, ok, type Result } from '../domain/result';
import type { PushResponse, PushRow, WireDocument } from '../protocol/index';
import { createPushHandler, isServerFault } from './push-handler';
import type { RefusedDocument } from './rejections';
import type { HttpFailure } from './sync-http';

const row = (id: string, text = 'ordinary text'): PushRow => ({
  newDocumentState: { id, description: text, _deleted: false } as WireDocument,
});

/** A center that fails the whole push (500, no row named) when any row is poison. */
function center(options: { poison?: (doc: WireDocument) => boolean; status?: () => number } = {}) {
  const stored: string[] = [];
  const calls: string[][] = [];
  const push = async (rows: readonly PushRow[]): Promise<Result<PushResponse, HttpFailure>> => {
    calls.push(rows.map((r) => String(r.newDocumentState['id'])));
    const status = options.status?.();
    if (status) return err({ kind: 'server', status, message: `HTTP ${status}` });
    if (rows.some((r) => options.poison?.(r.newDocumentState)))
      return err({ kind: 'server', status: 500, message: 'internal server error' });
    stored.push(...rows.map((r) => String(r.newDocumentState['id'])));
    return ok({ conflicts: [] });
  };
  return { push, stored, calls };
}

function handlerFor(push: ReturnType<typeof center>['push']) {
  const refused: RefusedDocument[] = [];
  const handler = createPushHandler({
    collection: 'applications',
    push,
    refuse: async (docs) => void refused.push(...docs),
    accepted: async () => undefined,
    unnamedRefusal: () => undefined,
    isolateAfter: 3,
  });
  return { handler, refused };
}

const hasNul = (doc: WireDocument) => String(doc['description']).includes('\u0000');

describe('push handler', () => {
  it('isolates a row the server keeps failing on and pushes the rest of the batch', async () => {
    const c = center({ poison: hasNul });
    const { handler, refused } = handlerFor(c.push);
    const rows = ['a', 'b', 'c', 'd', 'e', 'f', 'g'].map((id) =>
      row(id, id === 'e' ? 'bad \u0000 byte' : 'fine'),
    );
    // The first failures are retried whole (the server may just be having a bad moment).
    await expect(handler(rows)).rejects.toThrow(/500|internal/);
    await expect(handler(rows)).rejects.toThrow(/500|internal/);
    expect(c.stored).toEqual([]);
    await expect(handler(rows)).resolves.toEqual([]);
    expect(c.stored.sort()).toEqual(['a', 'b', 'c', 'd', 'f', 'g']);
    expect(refused.map((r) => [r.id, r.kind])).toEqual([['e', 'server_error']]);
    // Bisecting: far fewer requests than one per row.
    expect(c.calls.length).toBeLessThanOrEqual(3 + 2 * Math.ceil(Math.log2(rows.length)) + 1);
  });

  it('isolates several poison rows, lone surrogates included', async () => {
    const poison = (doc: WireDocument) =>
      hasNul(doc) || /[\ud800-\udbff](?![\udc00-\udfff])/.test(String(doc['description']));
    const c = center({ poison });
    const { handler, refused } = handlerFor(c.push);
    const rows = Array.from({ length: 20 }, (_, i) =>
      row(`r${i}`, i === 3 ? 'cut \ud83d' : i === 17 ? '\u0000' : `fine ${i}`),
    );
    for (let i = 0; i < 2; i++) await expect(handler(rows)).rejects.toThrow();
    await handler(rows);
    expect(refused.map((r) => r.id).sort()).toEqual(['r17', 'r3']);
    expect(c.stored).toHaveLength(18);
  });

  it('sets nothing aside when the server takes nothing (an outage, not a poison row)', async () => {
    const c = center({ poison: () => true });
    const { handler, refused } = handlerFor(c.push);
    const rows = ['a', 'b', 'c', 'd'].map((id) => row(id));
    for (let i = 0; i < 5; i++) await expect(handler(rows)).rejects.toThrow();
    expect(refused).toEqual([]);
    expect(c.stored).toEqual([]);
  });

  it('never splits on 503 (unavailable) or a gateway failure: it waits for the server', async () => {
    for (const status of [502, 503, 504]) {
      const c = center({ status: () => status });
      const { handler, refused } = handlerFor(c.push);
      const rows = ['a', 'b', 'c'].map((id) => row(id));
      for (let i = 0; i < 6; i++) await expect(handler(rows)).rejects.toThrow();
      expect(c.calls.every((ids) => ids.length === 3)).toBe(true);
      expect(refused).toEqual([]);
    }
    expect(isServerFault({ kind: 'server', status: 500, message: '' })).toBe(true);
    expect(isServerFault({ kind: 'server', status: 429, message: '' })).toBe(false);
  });

  it('records rows refused by name (422) and pushes the others at once', async () => {
    const stored: string[] = [];
    const push = async (rows: readonly PushRow[]): Promise<Result<PushResponse, HttpFailure>> => {
      const bad = rows.findIndex((r) => r.newDocumentState['id'] === 'b');
      if (bad >= 0)
        return err({
          kind: 'rejected',
          status: 422,
          message: 'rows refused',
          rejected: [{ index: bad, id: 'b', kind: 'invalid', message: 'description: bad text' }],
        });
      stored.push(...rows.map((r) => String(r.newDocumentState['id'])));
      return ok({ conflicts: [] });
    };
    const { handler, refused } = handlerFor(push);
    await handler(['a', 'b', 'c'].map((id) => row(id)));
    expect(stored).toEqual(['a', 'c']);
    expect(refused).toEqual([
      expect.objectContaining({ id: 'b', kind: 'invalid', message: 'description: bad text' }),
    ]);
  });
});
