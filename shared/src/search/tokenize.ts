/**
 * One tokenizer for every indexed field and every query, whatever the mix of scripts:
 * Han runs → bigrams and long words, Mongolian runs → folded word keys, Latin letters and
 * digits → lower-case words. Index and query must use the same function; bumping
 * TOKENIZER_VERSION makes devices rebuild persisted indexes.
 */
import { chineseTerms } from './chinese';
import { mongolianTerms } from './mongolian';

export const TOKENIZER_VERSION = 'zh-bigram+seg3/mn-fold-2';

/** Han, Mongolian (with NNBSP/MVS inside words), or Latin/digit runs. */
const RUNS =
  /(\p{Script=Han}+)|([\u1800-\u18AF\u202F\u180E\u200C\u200D]+)|((?:(?![\p{Script=Han}\u1800-\u18AF])[\p{L}\p{N}])+)/gu;

/** Full-width ASCII (１２３４８, ＡＢＣ) as typed by Chinese input methods. */
function halfWidth(text: string): string {
  return text.replace(/[\uFF01-\uFF5E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
}

export function tokenize(text: string): string[] {
  const terms: string[] = [];
  for (const match of halfWidth(text).matchAll(RUNS)) {
    const [, han, mongolian, other] = match;
    if (han) terms.push(...chineseTerms(han));
    else if (mongolian) terms.push(...mongolianTerms(mongolian));
    else if (other) terms.push(other.toLowerCase());
  }
  return terms;
}

const MONGOLIAN_LETTER = /[\u1820-\u18AA]/;
const LATIN_WORD = /^[a-z]+$/;
const SINGLE_HAN = /^\p{Script=Han}$/u;

/**
 * Terms that may match longer index terms: Mongolian stems of four letters or more (suffixes
 * written straight on), Latin words, and a lone Chinese character (狗 → 狗咬).
 */
export function isPrefixTerm(term: string): boolean {
  return (
    (MONGOLIAN_LETTER.test(term) && term.length >= 4) ||
    (LATIN_WORD.test(term) && term.length >= 3) ||
    SINGLE_HAN.test(term)
  );
}
