/**
 * Offline pinyin → Chinese candidates for the on-screen keyboard: whole words ranked by how
 * common they are, so a resident types "gongzi" and gets 工资, "taoxin" 讨薪, "caochang" 草场,
 * or just the initials "flyz" for 法律援助. The word list is @pinyin-pro/data's modern
 * dictionary (≈59,000 words and characters with pinyin and frequency, ISC), loaded on first use,
 * plus a few legal and Inner Mongolian terms it lacks.
 */
import { initialsOf, segmentPinyin, tonelessSyllables } from './pinyin';

/** [word, toned pinyin separated by spaces, frequency weight]. */
export type PinyinSource = readonly [word: string, pinyin: string, weight: number];

export interface Candidate {
  readonly word: string;
  /** How many typed characters (letters and apostrophes) the word uses up. */
  readonly consumed: number;
}

export interface PinyinDictionary {
  readonly size: number;
  candidates(input: string, limit?: number): Candidate[];
}

/**
 * Words residents of pastoral areas need that the general dictionary misses or ranks low.
 * Weights sit near common words (工资 ≈ 5e-9) so they come first for their exact pinyin.
 */
export const LEGAL_TERMS: readonly PinyinSource[] = [
  ['讨薪', 'tǎo xīn', 5e-9],
  ['讨要工资', 'tǎo yào gōng zī', 2e-9],
  ['欠薪', 'qiàn xīn', 3e-9],
  ['欠', 'qiàn', 3e-9],
  ['拖欠', 'tuō qiàn', 2e-9],
  ['拖欠工资', 'tuō qiàn gōng zī', 2e-9],
  ['劳动仲裁', 'láo dòng zhòng cái', 3e-9],
  ['赡养费', 'shàn yǎng fèi', 3e-9],
  ['抚养费', 'fǔ yǎng fèi', 3e-9],
  ['草场', 'cǎo chǎng', 5e-9],
  ['草场纠纷', 'cǎo chǎng jiū fēn', 2e-9],
  ['草场承包', 'cǎo chǎng chéng bāo', 2e-9],
  ['工伤认定', 'gōng shāng rèn dìng', 2e-9],
  ['法律援助', 'fǎ lǜ yuán zhù', 5e-9],
  ['人民调解', 'rén mín tiáo jiě', 2e-9],
  ['低保', 'dī bǎo', 3e-9],
  ['特困', 'tè kùn', 2e-9],
  ['嘎查', 'gā chá', 2e-9],
  ['苏木', 'sū mù', 2e-9],
  ['旗县', 'qí xiàn', 2e-9],
];

/**
 * Words of this kiosk's domain (wage arrears, grassland, family support, work injury…). Within
 * any list of candidates they come before homophones, and a syllable being typed offers them
 * first: "qian" → 欠薪, 欠 before 前 and 钱; "caochang" → 草场 before 操场.
 */
export const DOMAIN_WORDS: ReadonlySet<string> = new Set([
  ...LEGAL_TERMS.map(([word]) => word),
  '工资',
  '拖欠',
  '拖欠工资',
  '欠',
  '薪',
  '草',
  '工地',
  '老板',
  '包工头',
  '合同',
  '劳动合同',
  '工伤',
  '赔偿',
  '补偿',
  '离婚',
  '抚养',
  '赡养',
  '草原',
  '牧民',
  '牧区',
  '承包',
  '征地',
  '律师',
  '起诉',
  '法院',
  '仲裁',
  '调解',
  '借款',
  '欠款',
]);

interface Entry {
  readonly word: string;
  readonly domain: boolean;
  readonly key: string; // syllables joined with "'"
  readonly initials: string;
  readonly syllableCount: number;
  readonly weight: number;
}

/** Domain words first, then by frequency. */
const byWeight = (a: Entry, b: Entry) =>
  a.domain === b.domain ? b.weight - a.weight : a.domain ? -1 : 1;

export function buildPinyinDictionary(
  sources: Iterable<PinyinSource>,
  domain: ReadonlySet<string> = new Set(),
): PinyinDictionary {
  const byWord = new Map<string, Entry>();
  const syllables = new Set<string>();
  for (const [word, pinyin, weight] of sources) {
    const parts = tonelessSyllables(pinyin);
    if (parts.length === 0 || parts.length !== [...word].length) continue; // 儿化 and odd rows
    for (const s of parts) syllables.add(s);
    const key = parts.join("'");
    const id = `${word} ${key}`;
    const previous = byWord.get(id);
    if (previous === undefined || previous.weight < weight) {
      byWord.set(id, {
        word,
        domain: domain.has(word),
        key,
        initials: initialsOf(parts),
        syllableCount: parts.length,
        weight,
      });
    }
  }
  const prefixes = new Set<string>();
  for (const s of syllables) for (let i = 1; i <= s.length; i++) prefixes.add(s.slice(0, i));

  const entries = [...byWord.values()];
  const exact = new Map<string, Entry[]>();
  const initials = new Map<string, Entry[]>();
  for (const entry of entries) {
    exact.set(entry.key, [...(exact.get(entry.key) ?? []), entry]);
    if (entry.syllableCount >= 2) {
      initials.set(entry.initials, [...(initials.get(entry.initials) ?? []), entry]);
    }
  }
  for (const list of exact.values()) list.sort(byWeight);
  for (const list of initials.values()) list.sort(byWeight);
  // Sorted keys for prefix search (completions such as gong'z → 工资, 工作).
  const sortedKeys = [...exact.keys()].sort();

  const keysWithPrefix = (prefix: string): string[] => {
    let lo = 0;
    let hi = sortedKeys.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((sortedKeys[mid] ?? '') < prefix) lo = mid + 1;
      else hi = mid;
    }
    const out: string[] = [];
    for (let i = lo; i < sortedKeys.length && (sortedKeys[i] ?? '').startsWith(prefix); i++) {
      out.push(sortedKeys[i] ?? '');
    }
    return out;
  };

  return {
    size: entries.length,
    candidates(input, limit = 60) {
      const typed = input.toLowerCase().replace(/[^a-z']/g, '');
      if (typed.replace(/'/g, '') === '') return [];
      const out: Candidate[] = [];
      const seen = new Set<string>();
      const add = (list: readonly Entry[], consumed: number) => {
        for (const entry of list) {
          if (out.length >= limit) return;
          if (seen.has(entry.word)) continue;
          seen.add(entry.word);
          out.push({ word: entry.word, consumed });
        }
      };
      const segments = segmentPinyin(typed, syllables, prefixes);
      if (segments !== undefined) {
        const key = segments.syllables.join("'");
        // This domain's words for exactly this spelling, then the phrases it starts
        // ("qian" → 欠, 欠薪), before any homophone.
        if (!segments.lastIsPartial)
          add(
            (exact.get(key) ?? []).filter((e) => e.domain),
            typed.length,
          );
        add(
          keysWithPrefix(key)
            .flatMap((k) => exact.get(k) ?? [])
            .filter((entry) => entry.domain && entry.syllableCount > segments.syllables.length)
            .sort(byWeight)
            .slice(0, 4),
          typed.length,
        );
        if (!segments.lastIsPartial) add(exact.get(key) ?? [], typed.length);
        // Completions: longer words, or a last syllable still being typed.
        const completions = keysWithPrefix(key)
          .filter((k) => k !== key || segments.lastIsPartial)
          .flatMap((k) => exact.get(k) ?? [])
          .sort(byWeight)
          .slice(0, segments.lastIsPartial ? 30 : 12);
        add(completions, typed.length);
        // Shorter words for the first syllables, so a phrase can be built word by word.
        const complete = segments.lastIsPartial
          ? segments.syllables.slice(0, -1)
          : segments.syllables;
        const longest = segments.lastIsPartial ? complete.length : complete.length - 1;
        for (let n = longest; n >= 1; n--) {
          const head = complete.slice(0, n);
          add(exact.get(head.join("'")) ?? [], consumedLength(typed, head));
        }
      }
      if (!/[aeiouv]/.test(typed)) add(initials.get(typed.replace(/'/g, '')) ?? [], typed.length);
      return out;
    },
  };
}

/** Characters of `typed` (with apostrophes) that spell the syllables `head`. */
function consumedLength(typed: string, head: readonly string[]): number {
  let letters = head.join('').length;
  let i = 0;
  while (letters > 0 && i < typed.length) {
    if (typed[i] !== "'") letters -= 1;
    i += 1;
  }
  while (typed[i] === "'") i += 1; // the break after the word goes with it
  return i;
}

let loading: Promise<PinyinDictionary> | undefined;

/** Loads the bundled word list once (≈1.8 MB, split into its own chunk by Vite). */
export function loadPinyinDictionary(): Promise<PinyinDictionary> {
  loading ??= import('@pinyin-pro/data/modern').then(({ default: data }) => {
    const sources: PinyinSource[] = [];
    for (const [word, row] of Object.entries(data)) sources.push([word, row[0], row[1]]);
    return buildPinyinDictionary([...sources, ...LEGAL_TERMS], DOMAIN_WORDS);
  });
  return loading;
}
