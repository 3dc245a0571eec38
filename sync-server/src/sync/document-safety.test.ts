import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { clip, findUnsafeValue, MAX_DOCUMENT_DEPTH, unsafeUnitIn } from './document-safety';

/** An independent oracle: no unpaired surrogate (lib target lacks String#isWellFormed). */
const LONE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
const wellFormed = (text: string) => !LONE.test(text);

function nested(depth: number): unknown {
  let value: unknown = 'leaf';
  for (let i = 0; i < depth; i++) value = i % 2 ? [value] : { x: value };
  return value;
}

describe('document safety', () => {
  it('finds NUL, lone surrogates and controls; keeps pairs, tabs, line breaks and Mongolian controls', () => {
    expect(unsafeUnitIn('a\u0000')).toMatchObject({ at: 1, kind: 'nul' });
    expect(unsafeUnitIn('x\ud800')).toMatchObject({ at: 1, kind: 'lone_surrogate' });
    expect(unsafeUnitIn('\udc00')).toMatchObject({ at: 0, kind: 'lone_surrogate' });
    expect(unsafeUnitIn('\u001b')).toMatchObject({ kind: 'control_character' });
    expect(unsafeUnitIn('\u0085')).toMatchObject({ kind: 'control_character' });
    expect(unsafeUnitIn('😀\t\n\r ᠮᠣᠩᠭᠣᠯ\u202fᠤᠨ ᠰᠠᠷ\u180eᠠ\u200d')).toBeNull();
  });

  it('agrees with well-formedness for any UTF-16 string (no NUL, no controls)', () => {
    const unit = fc.integer({ min: 0x20, max: 0xffff }).filter((n) => n < 0x7f || n > 0x9f);
    fc.assert(
      fc.property(fc.string({ unit: unit.map((n) => String.fromCharCode(n)) }), (text) => {
        expect(unsafeUnitIn(text) === null).toBe(wellFormed(text));
      }),
    );
  });

  it('bounds depth without recursion, 100,000 deep included', () => {
    expect(findUnsafeValue(nested(MAX_DOCUMENT_DEPTH - 1))).toBeNull();
    expect(findUnsafeValue(nested(MAX_DOCUMENT_DEPTH + 1))).toMatchObject({ kind: 'too_deep' });
    expect(findUnsafeValue(nested(100_000))).toMatchObject({ kind: 'too_deep' });
  });

  it('names the value by JSON pointer, keys included', () => {
    expect(findUnsafeValue({ a: [{ 'b/c': 'ok' }, { d: 'x\u0000' }] })).toMatchObject({
      path: '/a/1/d',
      kind: 'nul',
    });
    expect(findUnsafeValue({ a: { ['k\ud800']: 1 } })).toMatchObject({
      path: '/a',
      kind: 'lone_surrogate',
    });
  });

  it('clips long input to about 100 characters without splitting a pair', () => {
    expect(clip('a'.repeat(10_000)).length).toBeLessThan(130);
    const clipped = clip(`${'a'.repeat(99)}😀😀`);
    expect(wellFormed(clipped)).toBe(true);
    expect(clip('short')).toBe('short');
  });
});
