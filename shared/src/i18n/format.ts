/**
 * Language-aware formatting of dates, times, numbers, money and lists. Chinese goes through
 * Intl (its zh-Hans-CN data is right); Mongolian through the hand-written mongolian-format,
 * because Intl answers mn-Mong with Cyrillic. The same functions back the i18next formatters
 * (see create-i18n.ts), so `{{at, datetime}}` in a string is safe in both languages.
 */
import { HTML_LANG, type Language } from './languages';
import {
  datePartsIn,
  formatMongolianDate,
  formatMongolianList,
  formatMongolianNumber,
  formatMongolianTime,
  MONGOLIAN_YUAN,
  type DateStyle,
  type DigitStyle,
} from './mongolian-format';

/** Inner Mongolia keeps Beijing time; devices may run with a UTC system clock. */
export const DEFAULT_TIME_ZONE = 'Asia/Shanghai';

export type DateInput = Date | string | number;

export interface DateFormatOptions {
  readonly style?: DateStyle;
  readonly timeZone?: string;
  /** Mongolian only: digits to write with. */
  readonly digits?: DigitStyle;
}

export interface NumberFormatOptions {
  readonly maximumFractionDigits?: number;
  readonly minimumFractionDigits?: number;
  readonly useGrouping?: boolean;
  readonly digits?: DigitStyle;
}

export function toDate(value: DateInput): Date {
  const date = value instanceof Date ? value : new Date(value);
  if (Number.isNaN(date.getTime())) throw new RangeError(`invalid date: ${String(value)}`);
  return date;
}

const ZH_DATE_OPTIONS: Readonly<Record<DateStyle, Intl.DateTimeFormatOptions>> = {
  full: { year: 'numeric', month: 'long', day: 'numeric', weekday: 'long' },
  long: { year: 'numeric', month: 'long', day: 'numeric' },
  short: { year: 'numeric', month: '2-digit', day: '2-digit' },
  monthDay: { month: 'long', day: 'numeric' },
};

export function formatDate(
  value: DateInput,
  language: Language,
  options: DateFormatOptions = {},
): string {
  const date = toDate(value);
  const timeZone = options.timeZone ?? DEFAULT_TIME_ZONE;
  const style = options.style ?? 'long';
  if (language === 'mn-Mong') {
    return formatMongolianDate(datePartsIn(date, timeZone), {
      style,
      ...(options.digits ? { digits: options.digits } : {}),
    });
  }
  return new Intl.DateTimeFormat(HTML_LANG['zh-Hans'], { ...ZH_DATE_OPTIONS[style], timeZone })
    .format(date)
    .replace(/\//g, '.');
}

export function formatTime(
  value: DateInput,
  language: Language,
  options: Pick<DateFormatOptions, 'timeZone' | 'digits'> = {},
): string {
  const parts = datePartsIn(toDate(value), options.timeZone ?? DEFAULT_TIME_ZONE);
  // 24-hour hh:mm reads the same in both languages.
  return formatMongolianTime(parts, language === 'mn-Mong' ? (options.digits ?? 'latn') : 'latn');
}

export function formatDateTime(
  value: DateInput,
  language: Language,
  options: DateFormatOptions = {},
): string {
  return `${formatDate(value, language, options)} ${formatTime(value, language, options)}`;
}

export function formatNumber(
  value: number,
  language: Language,
  options: NumberFormatOptions = {},
): string {
  if (language === 'mn-Mong') return formatMongolianNumber(value, options);
  return new Intl.NumberFormat(HTML_LANG['zh-Hans'], {
    useGrouping: options.useGrouping ?? true,
    maximumFractionDigits: options.maximumFractionDigits ?? 2,
    minimumFractionDigits: options.minimumFractionDigits ?? 0,
  }).format(value);
}

/** Amounts in yuan: "1,234.50 元" / "1,234.50 ᠶᠤᠸᠠᠨ" (the unit after the amount in both). */
export function formatYuan(value: number, language: Language): string {
  const amount = formatNumber(value, language, {
    minimumFractionDigits: 2,
    maximumFractionDigits: 2,
  });
  return language === 'mn-Mong' ? `${amount} ${MONGOLIAN_YUAN}` : `${amount} 元`;
}

export function formatList(items: readonly string[], language: Language): string {
  if (language === 'mn-Mong') return formatMongolianList(items);
  return new Intl.ListFormat(HTML_LANG['zh-Hans'], { type: 'conjunction' }).format(items);
}

export type AgoKey =
  'common:time.justNow' | 'common:time.minutesAgo' | 'common:time.hoursAgo' | 'common:time.daysAgo';

/**
 * How long ago, in the coarse steps a resident can read at a glance ("3 分钟前"). Returns the
 * string key and the number; the caller translates (keys are in the `common` namespace).
 */
export function relativeAgo(at: DateInput, now: DateInput): { key: AgoKey; n: number } {
  const seconds = Math.max(0, (toDate(now).getTime() - toDate(at).getTime()) / 1000);
  if (seconds < 60) return { key: 'common:time.justNow', n: 0 };
  if (seconds < 3600) return { key: 'common:time.minutesAgo', n: Math.floor(seconds / 60) };
  if (seconds < 86_400) return { key: 'common:time.hoursAgo', n: Math.floor(seconds / 3600) };
  return { key: 'common:time.daysAgo', n: Math.floor(seconds / 86_400) };
}
