import { describe, expect, it } from 'vitest';
import { jsonEqual } from './deep-equal';

describe('jsonEqual', () => {
  it('compares JSON structurally, whatever the key order', () => {
    expect(
      jsonEqual({ a: 1, b: { c: [1, { d: 'x' }] } }, { b: { c: [1, { d: 'x' }] }, a: 1 }),
    ).toBe(true);
    expect(jsonEqual({ a: 1 }, { a: 1, b: 2 })).toBe(false);
    expect(jsonEqual({ a: [1, 2] }, { a: [2, 1] })).toBe(false);
    expect(jsonEqual({ a: null }, { a: {} })).toBe(false);
    expect(jsonEqual([], {})).toBe(false);
    expect(jsonEqual({ a: undefined }, {})).toBe(true);
    expect(jsonEqual('2026-11-23T00:00:00.000Z', '2026-11-23T00:00:00Z')).toBe(false);
  });
});
