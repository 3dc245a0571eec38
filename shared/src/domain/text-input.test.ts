import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cleanInputText, codePointLength, cutToLength, graphemes } from './text-input';

/** Anything a device or a key press could hand over: full Unicode, lone surrogates, controls. */
const anyText = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.string({ unit: fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)) }),
  fc
    .array(
      fc.constantFrom(
        '\u0000',
        '\ud800',
        '\udfff',
        '\r\n',
        '\t',
        '\u0085',
        'a\u0301',
        '👨‍👩‍👧',
        'ᠮᠣᠩᠭᠣᠯ\u202fᠤᠨ',
        'ᠭ\u180b',
        '欠薪',
      ),
    )
    .map((parts) => parts.join('')),
);

const hasLoneSurrogate = (s: string) =>
  /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(s);
const hasControl = (s: string, multiline: boolean) =>
  // eslint-disable-next-line no-control-regex -- the test looks for control characters
  (multiline ? /[\u0000-\u0009\u000B-\u001F\u007F-\u009F]/ : /[\u0000-\u001F\u007F-\u009F]/).test(
    s,
  );

describe('text as it enters', () => {
  it('leaves no control character, no lone surrogate, and is NFC and idempotent', () => {
    fc.assert(
      fc.property(anyText, fc.boolean(), (text, multiline) => {
        const clean = cleanInputText(text, { multiline });
        expect(hasLoneSurrogate(clean)).toBe(false);
        expect(hasControl(clean, multiline)).toBe(false);
        expect(clean).toBe(clean.normalize('NFC'));
        expect(cleanInputText(clean, { multiline })).toBe(clean);
        // It survives the JSON a push sends.
        expect(JSON.parse(JSON.stringify(clean))).toBe(clean);
      }),
      { seed: 20261203, numRuns: 500 },
    );
  });

  it('keeps what Mongolian and Chinese text need, and the lines of a description', () => {
    const mongolian = 'ᠮᠣᠩᠭᠣᠯ\u202fᠤᠨ ᠭ\u180b\u180e ᠠ\u200d';
    expect(cleanInputText(mongolian)).toBe(mongolian);
    expect(cleanInputText('老板欠薪\r\n三个月\u0000', { multiline: true })).toBe(
      '老板欠薪\n三个月',
    );
    expect(cleanInputText('张\n三\t四')).toBe('张 三 四');
    expect(cleanInputText('e\u0301')).toBe('é');
  });

  it('cuts on a grapheme boundary, within the length a schema counts', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 60 }), fc.nat(80), (text, max) => {
        const cut = cutToLength(text, max);
        expect(codePointLength(cut)).toBeLessThanOrEqual(max);
        expect(text.startsWith(cut)).toBe(true);
        expect(hasLoneSurrogate(cut)).toBe(false);
        // Whole graphemes only: the cut is a prefix of the text's own graphemes.
        const parts = graphemes(text);
        const kept = graphemes(cut).length;
        expect(parts.slice(0, kept).join('')).toBe(cut);
        // And as long as it can be: the next grapheme would not have fitted.
        const next = parts[kept];
        if (next !== undefined) expect(codePointLength(cut + next)).toBeGreaterThan(max);
      }),
      { seed: 20261203, numRuns: 500 },
    );
    // The case that jammed outboxes: an astral character at the limit is not split.
    expect(cutToLength('a'.repeat(1999) + '😀', 2000)).toBe('a'.repeat(1999) + '😀');
    expect(cutToLength('a'.repeat(2000) + '😀', 2000)).toBe('a'.repeat(2000));
    expect(cutToLength('ab😀', 3)).toBe('ab😀');
    expect(cutToLength('ab😀', 2)).toBe('ab');
  });
});
