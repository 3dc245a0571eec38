/**
 * Search keys for traditional Mongolian. One visible word has several encodings in the wild
 * (docs: mongolian-ui-and-tv.md §1): free variation selectors, MVS or no MVS before a final
 * a/e, suffixes after NNBSP, after an ordinary space, after an MVS (pre-2015 usage) or written
 * straight on, letters that share a glyph and are typed either way (o/u, ö/ü, t/d, ē/e,
 * "ayi"/"ai"), and Mongolian digits. Both the index and the query go through the same
 * folding, so any two encodings of a word meet at one key.
 *
 * The folding is deliberately lossy (it merges o/u, t/d and drops final a/e): it serves
 * matching, never display.
 */

const FREE_VARIATION_SELECTORS = /[\u180B-\u180D\u180F]/g;
/** Controls that only steer shaping: MVS, nirugu, ZWNJ, ZWJ, word joiner, BOM. */
const SHAPING_CONTROLS = /\u180E|\u180A|\u200C|\u200D|\u2060|\uFEFF/g;
/** Suffix separators and Mongolian punctuation become plain word breaks. */
const BREAKS = /[\u202F\u00A0\u200B\u1800-\u1809\s]+/u;
const MONGOLIAN_DIGIT = /[\u1810-\u1819]/g;

/** Letters that look alike and are typed interchangeably: folded to one of each pair. */
const LETTER_FOLD: Readonly<Record<string, string>> = {
  '\u1823': '\u1824', // o → u
  '\u1825': '\u1826', // ö → ü
  '\u1833': '\u1832', // d → t
  '\u1827': '\u1821', // ē → e
};
const FOLDABLE = /[\u1823\u1825\u1833\u1827]/g;
/** "ayi" and "ai" (y written or not before i after a vowel). */
const Y_BEFORE_I = /([\u1820\u1821\u1824\u1826])\u1836(?=\u1822)/g;

const A = '\u1820';
const E = '\u1821';
const VOWELS = new Set(['\u1820', '\u1821', '\u1822', '\u1824', '\u1826']);

function key(letters: string): string {
  return letters.replace(FOLDABLE, (letter) => LETTER_FOLD[letter] ?? letter);
}

/**
 * Case suffixes and particles written as separate words (after NNBSP or a space), already
 * folded. They carry no search meaning on their own.
 */
const DETACHED = new Set(
  [
    'ᠶᠢᠨ', // -yin genitive
    'ᠤᠨ',
    'ᠦᠨ',
    'ᠤ',
    'ᠦ',
    'ᠶᠢ', // accusative
    'ᠢ',
    'ᠳᠤ', // dative-locative
    'ᠳᠦ',
    'ᠲᠤ',
    'ᠲᠦ',
    'ᠠ',
    'ᠡ',
    'ᠪᠠᠷ', // instrumental
    'ᠪᠡᠷ',
    'ᠢᠶᠠᠷ',
    'ᠢᠶᠡᠷ',
    'ᠠᠴᠠ', // ablative
    'ᠡᠴᠡ',
    'ᠲᠠᠢ', // comitative
    'ᠲᠡᠢ',
    'ᠪᠠᠨ', // reflexive possessive
    'ᠪᠡᠨ',
    'ᠢᠶᠠᠨ',
    'ᠢᠶᠡᠨ',
    'ᠳᠠᠭᠠᠨ',
    'ᠳᠡᠭᠡᠨ',
    'ᠳᠤᠭᠠᠷ', // ordinal after a number
    'ᠳᠦᠭᠡᠷ',
    'ᠨᠢ', // particles and the copula, in nearly every sentence
    'ᠪᠠ',
    'ᠪᠤᠶᠤ',
    'ᠤᠤ',
    'ᠦᠦ',
    'ᠶᠤ',
    'ᠪᠤᠢ',
    'ᠪᠣᠯ',
    'ᠪᠣᠯᠤᠨᠠ',
    'ᠪᠣᠯᠬᠤ',
    'ᠦᠭᠡᠢ',
    'ᠮᠥᠨ',
  ].map((word) => key(cleanMongolian(word))),
);

/** Suffixes written straight onto the stem (no separator), longest first, already folded. */
const ATTACHED = [
  'ᠢᠶᠠᠷ',
  'ᠢᠶᠡᠷ',
  'ᠢᠶᠠᠨ',
  'ᠢᠶᠡᠨ',
  'ᠳᠠᠭᠠᠨ',
  'ᠳᠡᠭᠡᠨ',
  'ᠶᠢᠨ',
  'ᠪᠠᠷ',
  'ᠪᠡᠷ',
  'ᠠᠴᠠ',
  'ᠡᠴᠡ',
  'ᠲᠠᠢ',
  'ᠲᠡᠢ',
  'ᠪᠠᠨ',
  'ᠪᠡᠨ',
  'ᠳᠤ',
  'ᠳᠦ',
  'ᠲᠤ',
  'ᠲᠦ',
  'ᠤᠨ',
  'ᠦᠨ',
  'ᠶᠢ',
]
  .map(key)
  .sort((a, b) => b.length - a.length);

const MIN_STEM = 3;

/** Cleans a Mongolian run: no variation selectors or shaping controls, ASCII digits. */
export function cleanMongolian(text: string): string {
  return text
    .replace(FREE_VARIATION_SELECTORS, '')
    .replace(SHAPING_CONTROLS, '')
    .replace(MONGOLIAN_DIGIT, (digit) => String(digit.charCodeAt(0) - 0x1810));
}

/**
 * The search key of one Mongolian word (no breaks inside), or null for a detached suffix or
 * particle.
 */
export function mongolianWordKey(word: string): string | null {
  let folded = key(cleanMongolian(word));
  if (folded === '' || DETACHED.has(folded)) return null;
  for (const suffix of ATTACHED) {
    if (folded.length - suffix.length >= MIN_STEM && folded.endsWith(suffix)) {
      folded = folded.slice(0, -suffix.length);
      break;
    }
  }
  // After the suffix is gone, so that -yin written straight on is still recognised.
  folded = folded.replace(Y_BEFORE_I, '$1');
  // A final a/e after a consonant is the MVS-separated vowel (ger-e), or a dative -a/-e.
  const last = folded.at(-1);
  const beforeLast = folded.at(-2);
  if (
    folded.length > MIN_STEM &&
    (last === A || last === E) &&
    beforeLast !== undefined &&
    !VOWELS.has(beforeLast)
  ) {
    folded = folded.slice(0, -1);
  }
  return folded;
}

/** Search keys of a Mongolian run (words separated by spaces, NNBSP or punctuation). */
export function mongolianTerms(run: string): string[] {
  const terms: string[] = [];
  for (const word of cleanMongolian(run).split(BREAKS)) {
    if (word === '') continue;
    // Digits inside a Mongolian run ("12348") are kept as they are.
    if (/^[0-9]+$/.test(word)) {
      terms.push(word);
      continue;
    }
    const termKey = mongolianWordKey(word);
    if (termKey !== null) terms.push(termKey);
  }
  return terms;
}

export const MONGOLIAN_RUN = /[\u1800-\u18AF\u202F\u180E]+/u;
