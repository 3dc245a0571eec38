/**
 * Dates on paper. Intl formats `mn-Mong-CN` in Cyrillic, so the Mongolian date is written by
 * hand from the label pattern (`{{year}} ᠣᠨ ᠤ {{month}} ᠰᠠᠷ\u180Eᠠ ᠶᠢᠨ {{day}}`), with Western digits as
 * printed on Inner Mongolian documents. Dates are days in China Standard Time.
 */
import { isoDate } from '../domain/id-number';
import { fillTemplate, type PrintLabels } from './labels';

/** `2026-11-20` or a timestamp (taken as its day in UTC+8) → the label's date pattern. */
export function formatPrintDate(value: string, labels: PrintLabels): string {
  const day = /^\d{4}-\d{2}-\d{2}$/.test(value) ? value : isoDate(new Date(value));
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!match) throw new Error(`not a date: ${value}`);
  const [, year, month, dayOfMonth] = match as unknown as [string, string, string, string];
  return fillTemplate(labels.date.pattern, {
    year,
    month: String(Number(month)),
    day: String(Number(dayOfMonth)),
  });
}
