/**
 * Reading what a person typed on the kiosk's keypad into numbers and dates. Every bad entry is
 * a value with a message key; nothing here returns NaN or throws on input.
 */
import { err, ok, type Result } from '../domain/result';
import { compareDates, parseCalendarDate, type CalendarDate } from './calendar-date';
import type { InputProblem } from './calculation';
import type { Fen } from './money';

/** Full-width digits and the ideographic full stop come from Chinese keyboards. */
function normalise(text: string): string {
  return text
    .replace(/[０-９]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/[．。]/g, '.')
    .replace(/[－—]/g, '-')
    .replace(/[\s,，]/g, '');
}

const MONEY = /^(\d+)(?:\.(\d{1,2}))?$/;

/** Yuan typed as text → fen. `max` in fen: beyond it the entry is a mistake, not a claim. */
export function parseMoney(text: string, field: string, max: Fen): Result<Fen, InputProblem> {
  const value = normalise(text);
  if (value === '') return err({ field, key: 'services:calc.error.empty' });
  if (value.startsWith('-')) return err({ field, key: 'services:calc.error.negative' });
  if (/^\d+\.\d{3,}$/.test(value)) return err({ field, key: 'services:calc.error.decimals' });
  const match = MONEY.exec(value);
  if (!match) return err({ field, key: 'services:calc.error.notNumber' });
  const whole = match[1] ?? '0';
  // Compare lengths first so a 40-digit entry never becomes an imprecise float.
  if (whole.replace(/^0+/, '').length > 15)
    return err({ field, key: 'services:calc.error.tooLarge' });
  const fen = Number(whole) * 100 + Number((match[2] ?? '').padEnd(2, '0'));
  if (fen > max) return err({ field, key: 'services:calc.error.tooLarge' });
  return ok(fen);
}

export function parseWholeNumber(
  text: string,
  field: string,
  range: { readonly min: number; readonly max: number },
): Result<number, InputProblem> {
  const value = normalise(text);
  if (value === '') return err({ field, key: 'services:calc.error.empty' });
  if (value.startsWith('-')) return err({ field, key: 'services:calc.error.negative' });
  if (!/^\d+$/.test(value)) return err({ field, key: 'services:calc.error.notWhole' });
  if (value.replace(/^0+/, '').length > 6)
    return err({ field, key: 'services:calc.error.tooLarge' });
  const n = Number(value);
  if (n < range.min) return err({ field, key: 'services:calc.error.tooSmall' });
  if (n > range.max) return err({ field, key: 'services:calc.error.tooLarge' });
  return ok(n);
}

/** A past or present date (`YYYY-MM-DD`); `today` comes from the caller so this stays pure. */
export function parsePastDate(
  text: string,
  field: string,
  today: CalendarDate,
): Result<CalendarDate, InputProblem> {
  const value = text.trim();
  if (value === '') return err({ field, key: 'services:calc.error.empty' });
  const date = parseCalendarDate(normalise(value));
  if (!date) return err({ field, key: 'services:calc.error.notDate' });
  if (compareDates(date, today) > 0) return err({ field, key: 'services:calc.error.futureDate' });
  return ok(date);
}

/** Collects the problems of several fields so the form can mark all of them at once. */
export function collect<T>(results: readonly Result<T, InputProblem>[]): InputProblem[] {
  return results.flatMap((r) => (r.ok ? [] : [r.error]));
}
