/**
 * Chinese terms: every character bigram of a Han run (so 讨薪 matches 讨薪 inside 去讨薪了,
 * whatever the word segmenter thinks), plus the words of three characters or more that
 * Intl.Segmenter finds (共和国, 也可以), which bigrams do not cover. Single characters are
 * terms only when they stand alone (a one-character run or query); inside longer runs they
 * would match nearly every document and cost more than they find. Bigrams made with a
 * particle (的, 了, 吗 …) and a few bigrams every legal text is full of are left out too.
 */

let segmenter: Intl.Segmenter | undefined;

function wordSegmenter(): Intl.Segmenter {
  segmenter ??= new Intl.Segmenter('zh', { granularity: 'word' });
  return segmenter;
}

/** Particles: a bigram containing one is a cross-word fragment (我的, 的狗, 了人). */
const PARTICLES = new Set('的了吗呢吧啊呀么着'.split(''));
/** Bigrams in most documents of a legal content pack, which discriminate nothing. */
const STOP_BIGRAMS = new Set([
  '可以',
  '应当',
  '或者',
  '也可',
  '以及',
  '怎么',
  '什么',
  '其他',
  '如果',
]);

function keepBigram(first: string, second: string): boolean {
  return !PARTICLES.has(first) && !PARTICLES.has(second) && !STOP_BIGRAMS.has(first + second);
}

export function chineseTerms(run: string): string[] {
  const chars = Array.from(run);
  if (chars.length === 1) return PARTICLES.has(run) ? [] : chars;
  const terms: string[] = [];
  for (let i = 0; i + 1 < chars.length; i++) {
    if (keepBigram(chars[i]!, chars[i + 1]!)) terms.push(chars[i]! + chars[i + 1]!);
  }
  // The segmenter only adds words of three or more characters, so skip it for short runs.
  if (chars.length >= 3) {
    for (const { segment, isWordLike } of wordSegmenter().segment(run)) {
      if (isWordLike && Array.from(segment).length >= 3) terms.push(segment);
    }
  }
  return terms;
}
