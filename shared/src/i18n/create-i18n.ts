/**
 * One configured i18next instance per app. Resources are bundled and initialisation is
 * synchronous, so a language switch changes every string in the same task (no flash of the old
 * language, no loading state).
 */
import i18next, { type i18n } from 'i18next';
import {
  formatDate,
  formatDateTime,
  formatList,
  formatNumber,
  formatTime,
  formatYuan,
  type DateInput,
} from './format';
import { DEFAULT_LANGUAGE, isLanguage, LANGUAGES, type Language } from './languages';
import type { DateStyle } from './mongolian-format';
import { NAMESPACES, RESOURCES } from './resources';

export interface CreateI18nOptions {
  readonly language?: Language;
}

export function createI18n(options: CreateI18nOptions = {}): i18n {
  const instance = i18next.createInstance();
  void instance.init({
    lng: options.language ?? DEFAULT_LANGUAGE,
    supportedLngs: [...LANGUAGES],
    // Never Cyrillic: mn-Mong falls back to Chinese only, and the tests keep that from happening.
    fallbackLng: { 'mn-Mong': ['zh-Hans'], default: ['zh-Hans'] },
    nonExplicitSupportedLngs: false,
    load: 'currentOnly',
    ns: [...NAMESPACES],
    defaultNS: 'common',
    resources: RESOURCES,
    initAsync: false,
    interpolation: { escapeValue: false }, // React escapes
    returnEmptyString: false,
    returnNull: false,
  });
  registerFormatters(instance);
  return instance;
}

/**
 * The text of a key that arrives as data rather than as a typed literal (a voice manifest's
 * keys, a list of keys a test walks, a component's `k` prop), with its placeholder values.
 * i18next looks it up the same way; a missing key reads as the key itself.
 */
export function textOfKey(
  instance: i18n,
  key: string,
  language: Language,
  values?: Readonly<Record<string, unknown>>,
): string {
  // i18next types `t` for literal keys and their own values only: a key known only at run
  // time needs this one cast. The locale test checks the strings' placeholders instead.
  return instance.t(key as never, { ...values, lng: language }) as string;
}

/** The language an instance shows now, as one of ours. */
export function currentLanguage(instance: i18n): Language {
  const code = instance.resolvedLanguage ?? instance.language;
  return isLanguage(code) ? code : DEFAULT_LANGUAGE;
}

function languageOf(lng: string | undefined): Language {
  return isLanguage(lng) ? lng : DEFAULT_LANGUAGE;
}

interface FormatterOptions {
  readonly style?: DateStyle;
  readonly timeZone?: string;
  readonly maximumFractionDigits?: number;
}

/**
 * Replaces i18next's Intl-based formatters: they would format `mn-Mong` in Cyrillic. A string
 * writes `{{at, datetime}}`, `{{at, date(style: full)}}`, `{{at, time}}`, `{{n, number}}`,
 * `{{amount, yuan}}` or `{{items, list}}`.
 */
function registerFormatters(instance: i18n): void {
  const formatter = instance.services.formatter;
  if (formatter === undefined) throw new Error('i18next has no formatter service');
  const dateOptions = (options: FormatterOptions) => ({
    ...(options.style ? { style: options.style } : {}),
    ...(options.timeZone ? { timeZone: options.timeZone } : {}),
  });
  // The formatter API hands values over untyped; each one is checked before use.
  formatter.add('date', (value: unknown, lng: string | undefined, options: FormatterOptions) =>
    formatDate(asDate(value), languageOf(lng), dateOptions(options)),
  );
  formatter.add('datetime', (value: unknown, lng: string | undefined, options: FormatterOptions) =>
    formatDateTime(asDate(value), languageOf(lng), dateOptions(options)),
  );
  formatter.add('time', (value: unknown, lng: string | undefined, options: FormatterOptions) =>
    formatTime(asDate(value), languageOf(lng), dateOptions(options)),
  );
  formatter.add('number', (value: unknown, lng: string | undefined, options: FormatterOptions) =>
    formatNumber(
      asNumber(value),
      languageOf(lng),
      options.maximumFractionDigits === undefined
        ? {}
        : { maximumFractionDigits: options.maximumFractionDigits },
    ),
  );
  formatter.add('yuan', (value: unknown, lng: string | undefined) =>
    formatYuan(asNumber(value), languageOf(lng)),
  );
  formatter.add('currency', (value: unknown, lng: string | undefined) =>
    formatYuan(asNumber(value), languageOf(lng)),
  );
  formatter.add('relativetime', () => {
    throw new Error('relativetime would use Intl (Cyrillic for mn-Mong): use relativeAgo()');
  });
  formatter.add('list', (value: unknown, lng: string | undefined) => {
    if (!Array.isArray(value)) throw new TypeError('list formatter needs an array');
    return formatList(value.map(String), languageOf(lng));
  });
}

function asDate(value: unknown): DateInput {
  if (value instanceof Date || typeof value === 'string' || typeof value === 'number') return value;
  throw new TypeError(`not a date: ${String(value)}`);
}

function asNumber(value: unknown): number {
  if (typeof value === 'number') return value;
  throw new TypeError(`not a number: ${String(value)}`);
}
