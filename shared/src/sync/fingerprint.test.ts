import { describe, expect, it } from 'vitest';
import { canonicalJson, documentFingerprint } from './fingerprint';

describe('documentFingerprint', () => {
  it('ignores key order and RxDB bookkeeping, sees every content change', () => {
    const a = { id: 'x', n: 1, nested: { b: [1, 2], a: 'z' }, _deleted: false };
    const b = { nested: { a: 'z', b: [1, 2] }, n: 1, id: 'x', _meta: { lwt: 5 }, _rev: '1-a' };
    expect(canonicalJson(a)).toBe(canonicalJson(b));
    expect(documentFingerprint(a)).toBe(documentFingerprint(b));
    expect(documentFingerprint({ ...a, n: 2 })).not.toBe(documentFingerprint(a));
    expect(documentFingerprint({ ...a, nested: { a: 'z', b: [2, 1] } })).not.toBe(
      documentFingerprint(a),
    );
  });
});
