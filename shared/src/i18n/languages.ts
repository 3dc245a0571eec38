/**
 * The two interface languages and their tags. i18next works with the short codes of
 * LANGUAGES ('zh-Hans', 'mn-Mong'); the page carries the full BCP 47 tag with the region, because
 * `lang` decides which CJK glyph forms Chromium picks and whether :lang(mn-Mong) rules apply.
 * A bare `mn` means Cyrillic Mongolian (Intl maximizes it to mn-Cyrl-MN) and is never accepted.
 */
import { LANGUAGES, type Language } from '../domain/vocabulary';

export { LANGUAGES, type Language };

export const DEFAULT_LANGUAGE: Language = 'zh-Hans';

/** The value for `<html lang>` and every `lang` attribute on a run of text. */
export const HTML_LANG: Readonly<Record<Language, string>> = {
  'zh-Hans': 'zh-Hans-CN',
  'mn-Mong': 'mn-Mong-CN',
};

/** Traditional Mongolian is written in vertical columns, left to right. */
export function isVerticalLanguage(language: Language): boolean {
  return language === 'mn-Mong';
}

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

/**
 * Maps a language tag from outside (device config, URL, a stored setting, navigator.language)
 * to one of our languages. Uses the likely-subtags data of Intl, so `mn-CN` becomes Mongolian
 * script and `zh-CN` Simplified Chinese, while `mn`, `mn-MN`, `mn-Cyrl` and `zh-TW` are refused.
 */
export function parseLanguageTag(tag: string): Language | undefined {
  let locale: Intl.Locale;
  try {
    locale = new Intl.Locale(tag.trim()).maximize();
  } catch {
    return undefined;
  }
  if (locale.language === 'mn' && locale.script === 'Mong') return 'mn-Mong';
  if (locale.language === 'zh' && locale.script === 'Hans') return 'zh-Hans';
  return undefined;
}
