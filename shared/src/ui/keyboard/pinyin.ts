/** Pinyin strings: toned → toneless (ü as v), and splitting typed letters into syllables. */

/** "lǜ shī" → ["lv", "shi"]. */
export function tonelessSyllables(pinyin: string): string[] {
  return pinyin
    .toLowerCase()
    .replace(/[üǖǘǚǜ]/g, 'v')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .split(/\s+/)
    .filter((s) => s !== '');
}

/** First letter of each syllable: the abbreviation people type ("flyz" for 法律援助). */
export function initialsOf(syllables: readonly string[]): string {
  return syllables.map((s) => s[0] ?? '').join('');
}

/**
 * Splits typed letters into syllables, longest first, backtracking so that every piece is a
 * syllable; the last piece may be an unfinished one ("gongz" → gong, z). An apostrophe forces a
 * break ("xi'an" → xi, an). Returns undefined when the letters cannot be pinyin.
 */
export function segmentPinyin(
  input: string,
  syllables: ReadonlySet<string>,
  prefixes: ReadonlySet<string>,
): { syllables: string[]; lastIsPartial: boolean } | undefined {
  const parts = input
    .toLowerCase()
    .split("'")
    .filter((p) => p !== '');
  const out: string[] = [];
  let lastIsPartial = false;
  for (let p = 0; p < parts.length; p++) {
    const part = parts[p] ?? '';
    const isLastPart = p === parts.length - 1;
    // First without a syllable that starts with a vowel after another ("tuoqiangongzi" is
    // tuo qian gong zi, not tuo qiang ong zi); an apostrophe marks those ("xi'an").
    const result =
      segmentPart(part, syllables, prefixes, isLastPart, true) ??
      segmentPart(part, syllables, prefixes, isLastPart, false);
    if (result === undefined) return undefined;
    out.push(...result.syllables);
    lastIsPartial = isLastPart && result.lastIsPartial;
  }
  return out.length === 0 ? undefined : { syllables: out, lastIsPartial };
}

function segmentPart(
  text: string,
  syllables: ReadonlySet<string>,
  prefixes: ReadonlySet<string>,
  allowPartialEnd: boolean,
  consonantStarts: boolean,
): { syllables: string[]; lastIsPartial: boolean } | undefined {
  if (text === '') return { syllables: [], lastIsPartial: false };
  for (let length = Math.min(6, text.length); length >= 1; length--) {
    const head = text.slice(0, length);
    const rest = text.slice(length);
    if (consonantStarts && /^[aeiouv]/.test(rest)) continue;
    if (syllables.has(head)) {
      const tail = segmentPart(rest, syllables, prefixes, allowPartialEnd, consonantStarts);
      if (tail !== undefined)
        return { syllables: [head, ...tail.syllables], lastIsPartial: tail.lastIsPartial };
    }
  }
  if (allowPartialEnd && prefixes.has(text)) return { syllables: [text], lastIsPartial: true };
  return undefined;
}
