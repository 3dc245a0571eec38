/**
 * Text as it enters from people and devices (keyboards, ID card readers, OCR): one clean form
 * before it is stored, validated or synced, and cuts that never split a character.
 *
 * Why: a NUL or a lone surrogate passes a JSON schema and then fails the center's database
 * write, which jams the device's outbox (issue 11); `.slice(n)` counts UTF-16 units and can cut
 * a character outside the BMP in half, leaving a lone surrogate. Lengths here count code points,
 * as the schemas' `maxLength` does (Ajv counts code points), so a cut text always passes.
 */

export interface CleanTextOptions {
  /** Keep line breaks (a description); otherwise they become spaces (a name, an address). */
  readonly multiline?: boolean;
}

// C0 and C1 controls and DEL, except tab/line feed, which are handled apart.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROLS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/g;
// A high surrogate not followed by a low one, or a low one not preceded by a high one.
const LONE_SURROGATES = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
// Unicode noncharacters in the BMP (never meaningful in interchange).
const NONCHARACTERS = /[\uFDD0-\uFDEF\uFFFE\uFFFF]/g;

/**
 * NFC, no control characters, no lone surrogates; line breaks unified to "\n" (kept only when
 * `multiline`), tabs to spaces. Format characters that Mongolian needs (FVS1–4, MVS, NNBSP,
 * ZWJ/ZWNJ) are kept. Idempotent.
 */
export function cleanInputText(text: string, options: CleanTextOptions = {}): string {
  const unified = text
    .replace(LONE_SURROGATES, '')
    .replace(/\r\n?|[\u2028\u2029\u0085]/g, '\n')
    .replace(/\t/g, ' ')
    .replace(CONTROLS, '')
    .replace(NONCHARACTERS, '');
  const lines = options.multiline ? unified : unified.replace(/\n/g, ' ');
  // NFC last: removing a control between a base and a combining mark can make a new pair.
  return lines.normalize('NFC');
}

/** Length in code points (what a schema's maxLength counts). */
export function codePointLength(text: string): number {
  let n = 0;
  for (const _ of text) n++;
  return n;
}

const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/** The user-perceived characters of a text (grapheme clusters). */
export function graphemes(text: string): string[] {
  return Array.from(segmenter.segment(text), (s) => s.segment);
}

/**
 * The longest start of `text` that ends on a grapheme boundary and has at most `maxCodePoints`
 * code points: never half a character, never a base without its marks or variation selector.
 */
export function cutToLength(text: string, maxCodePoints: number): string {
  if (codePointLength(text) <= maxCodePoints) return text;
  let out = '';
  let length = 0;
  for (const { segment } of segmenter.segment(text)) {
    const n = codePointLength(segment);
    if (length + n > maxCodePoints) break;
    out += segment;
    length += n;
  }
  return out;
}
