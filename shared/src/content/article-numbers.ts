/**
 * How article numbers are written in titles: 第一千零六十七条 in Chinese statutes, and
 * "1067 ᠳᠤᠭᠠᠷ ᠵᠦᠢᠯ" in Mongolian, where the ordinal suffix follows the vowel harmony of the
 * spoken number (nigedüger, qoyaduγar, …), joined with a narrow no-break space (U+202F).
 */

const DIGITS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];
const UNITS = ['', '十', '百', '千'];

/** 42 → 四十二, 10 → 十, 110 → 一百一十, 1067 → 一千零六十七 (statute style). */
export function chineseNumber(value: number): string {
  if (!Number.isInteger(value) || value < 1 || value > 9999) {
    throw new RangeError(`article number out of range: ${value}`);
  }
  const digits = String(value).split('').map(Number);
  let text = '';
  let pendingZero = false;
  digits.forEach((digit, index) => {
    const unit = UNITS[digits.length - 1 - index] ?? '';
    if (digit === 0) {
      pendingZero = text !== '';
      return;
    }
    if (pendingZero) text += '零';
    pendingZero = false;
    // 十二, not 一十二, when the number starts with the tens digit.
    text += digit === 1 && unit === '十' && text === '' ? unit : (DIGITS[digit] ?? '') + unit;
  });
  return text;
}

export function chineseArticleLabel(article: number): string {
  return `第${chineseNumber(article)}条`;
}

/** Back-vowel (duγar) or front-vowel (düger) ordinal, decided by the last spoken number word. */
const FRONT_UNITS = new Set([1, 4, 9]); // nigen, dörben, yisün
const FRONT_TENS = new Set([4, 9]); // döčin, yerin

export function mongolianOrdinalSuffix(value: number): string {
  const front =
    value % 10 !== 0
      ? FRONT_UNITS.has(value % 10)
      : value % 100 !== 0
        ? FRONT_TENS.has((value % 100) / 10)
        : false; // jaγu, mingγ-a are back-vowel words
  return front ? '\u1833\u1826\u182D\u1821\u1837' : '\u1833\u1824\u182D\u1820\u1837';
}

const JUIL = '\u1835\u1826\u1822\u182F'; // ᠵᠦᠢᠯ "article"

export function mongolianArticleLabel(article: number): string {
  return `${article}\u202F${mongolianOrdinalSuffix(article)} ${JUIL}`;
}
