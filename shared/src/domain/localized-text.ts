import type { FromSchema } from 'json-schema-to-ts';
import type { localizedTextSchema } from './schemas/common';
import type { Language, ReviewStatus } from './vocabulary';

export type LocalizedText = FromSchema<typeof localizedTextSchema>;

/** Letters of the Mongolian block (U+1820–U+18AA), not the format controls or digits. */
const MONGOLIAN_LETTER = /[\u1820-\u18AA]/u;
const HAN = /\p{Script=Han}/u;
const CYRILLIC = /\p{Script=Cyrillic}/u;

/**
 * A Mongolian value must be written in traditional Mongolian script: at least one Mongolian
 * letter, no Han and no Cyrillic (a Chinese placeholder or Khalkha Cyrillic in a Mongolian
 * slot would be read aloud wrongly or shown as the wrong script).
 */
export function isMongolianScript(value: string): boolean {
  return MONGOLIAN_LETTER.test(value) && !HAN.test(value) && !CYRILLIC.test(value);
}

export function localizedText(
  zh: string,
  mn = '',
  mnStatus: ReviewStatus = mn === '' ? 'missing' : 'draft',
): LocalizedText {
  return { zh, mn, mnStatus };
}

/**
 * The text to show in a language. Mongolian falls back to Chinese when no translation
 * exists; the caller learns it fell back, so it can tag the run `zh-Hans` and lay it out
 * horizontally.
 */
export function pickText(
  text: LocalizedText,
  language: Language,
): { text: string; language: Language; fellBack: boolean } {
  if (language === 'mn-Mong' && text.mnStatus !== 'missing' && text.mn !== '') {
    return { text: text.mn, language: 'mn-Mong', fellBack: false };
  }
  return { text: text.zh, language: 'zh-Hans', fellBack: language !== 'zh-Hans' };
}

export type LocalizedTextProblem =
  'mnMissingButMarked' | 'mnNotMongolian' | 'mnPresentButMarkedMissing' | 'zhEmpty';

export function checkLocalizedText(text: LocalizedText): LocalizedTextProblem[] {
  const problems: LocalizedTextProblem[] = [];
  if (text.zh.trim() === '') problems.push('zhEmpty');
  if (text.mnStatus === 'missing') {
    if (text.mn !== '') problems.push('mnPresentButMarkedMissing');
  } else if (text.mn.trim() === '') {
    problems.push('mnMissingButMarked');
  } else if (!isMongolianScript(text.mn)) {
    problems.push('mnNotMongolian');
  }
  return problems;
}
