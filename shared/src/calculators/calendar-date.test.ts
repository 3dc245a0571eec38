import { describe, expect, it } from 'vitest';
import { addMonths, parseCalendarDate, spanBetween } from './calendar-date';
import { parsePastDate } from './parse-input';

describe('calendar dates', () => {
  it('refuses dates that do not exist', () => {
    expect(parseCalendarDate('2023-02-29')).toBeUndefined();
    expect(parseCalendarDate('2024-02-29')).toEqual({ year: 2024, month: 2, day: 29 });
    expect(parseCalendarDate('2024-13-01')).toBeUndefined();
    expect(parseCalendarDate('24-1-1')).toBeUndefined();
  });

  it('adds months ending on the shorter month’s last day', () => {
    expect(addMonths({ year: 2024, month: 1, day: 31 }, 1)).toEqual({
      year: 2024,
      month: 2,
      day: 29,
    });
    expect(addMonths({ year: 2024, month: 11, day: 15 }, 3)).toEqual({
      year: 2025,
      month: 2,
      day: 15,
    });
  });

  it('spans whole months and left-over days', () => {
    const from = { year: 2024, month: 1, day: 10 };
    expect(spanBetween(from, { year: 2024, month: 3, day: 9 })).toEqual({ months: 1, days: 28 });
    expect(spanBetween(from, { year: 2024, month: 3, day: 10 })).toEqual({ months: 2, days: 0 });
    expect(spanBetween(from, from)).toEqual({ months: 0, days: 0 });
  });

  it('a future date is a problem', () => {
    const today = { year: 2024, month: 6, day: 1 };
    expect(parsePastDate('2024-06-02', 'd', today)).toEqual({
      ok: false,
      error: { field: 'd', key: 'services:calc.error.futureDate' },
    });
    expect(parsePastDate('2024-06-01', 'd', today).ok).toBe(true);
  });
});
