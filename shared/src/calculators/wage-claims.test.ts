import { describe, expect, it } from 'vitest';
import { parseCalendarDate, type CalendarDate } from './calendar-date';
import { yuanToFen } from './money';
import {
  additionalCompensation,
  doubleWages,
  severance,
  unpaidWages,
  wageClaimsFromForm,
  type WageClaimForm,
} from './wage-claims';

const d = (text: string): CalendarDate => {
  const date = parseCalendarDate(text);
  if (!date) throw new Error(text);
  return date;
};
const yuan = yuanToFen;
const wage = yuan(3_000);

describe('unpaid wages and 《劳动合同法》第八十五条 additional compensation', () => {
  it('unpaid wages are the monthly wage times the months (第三十条: paid in full and on time)', () => {
    expect(unpaidWages(wage, 4).amount).toEqual({ min: yuan(12_000), max: yuan(12_000) });
  });

  it('第八十五条: 50% to 100% of the amount due, once ordered and still not paid', () => {
    const step = additionalCompensation(yuan(12_000));
    expect(step.amount).toEqual({ min: yuan(6_000), max: yuan(12_000) });
    expect(step.basis).toEqual({ law: 'labourContract', article: 85, item: 1 });
  });
});

describe('第八十二条 double wages without a written contract', () => {
  it('nothing inside the first month', () => {
    expect(doubleWages(wage, { start: d('2024-01-10'), until: d('2024-02-10') }).amount?.max).toBe(
      0,
    );
  });

  it('from the second month: signed four months in → 3 months of second wage', () => {
    const step = doubleWages(wage, { start: d('2024-01-10'), until: d('2024-05-10') });
    expect(step.values).toMatchObject({ months: 3, days: 0 });
    expect(step.amount?.max).toBe(yuan(9_000));
  });

  it('part of a month counts as days ÷ 30: 15 days → half a wage', () => {
    const step = doubleWages(wage, { start: d('2024-01-10'), until: d('2024-02-25') });
    expect(step.values).toMatchObject({ months: 0, days: 15 });
    expect(step.amount?.max).toBe(yuan(1_500));
  });

  it('at most 11 months (实施条例第七条): a full year and beyond both give 11', () => {
    for (const until of ['2025-01-10', '2026-06-01']) {
      const step = doubleWages(wage, { start: d('2024-01-10'), until: d(until) });
      expect(step.key).toBe('services:wages.step.doubleCapped');
      expect(step.amount?.max).toBe(yuan(33_000));
    }
  });

  it('a day short of the year: 10 months 30 days, the same 11 wages', () => {
    const step = doubleWages(wage, { start: d('2024-01-10'), until: d('2025-01-09') });
    expect(step.values).toMatchObject({ months: 10, days: 30 });
    expect(step.amount?.max).toBe(yuan(33_000));
  });
});

describe('第四十七条 economic compensation', () => {
  const count = (start: string, end: string) =>
    severance({ start: d(start), end: d(end), averageWage: wage }).at(-1)?.values['count'];

  it.each([
    ['2019-03-01', '2024-03-01', 5, '5 full years: one month each'],
    ['2019-03-01', '2024-09-01', 6, '6 months over: counted as a year'],
    ['2019-03-01', '2024-08-31', 5.5, 'less than 6 months over: half a month'],
    ['2024-03-01', '2024-03-02', 0.5, 'one day: half a month'],
  ])('%s → %s: %s months (%s)', (start, end, months) => {
    expect(count(start, end)).toBe(months);
  });

  it('amount is the 12-month average wage times the months: 5.5 × 3,000 = 16,500', () => {
    const steps = severance({ start: d('2019-03-01'), end: d('2024-08-31'), averageWage: wage });
    expect(steps.at(-1)?.amount?.max).toBe(yuan(16_500));
    expect(steps.some((s) => s.key === 'services:wages.step.capNotChecked')).toBe(true);
  });

  it('第二款: above 3× the regional average, paid at 3× and for at most 12 years', () => {
    const steps = severance({
      start: d('2009-01-01'),
      end: d('2024-01-01'),
      averageWage: yuan(30_000),
      regionalAverage: yuan(8_000),
    });
    expect(steps.some((s) => s.key === 'services:wages.step.highWageCap')).toBe(true);
    expect(steps.at(-1)?.amount?.max).toBe(yuan(24_000 * 12));
  });

  it('the 12-year cap applies only to high wages: 15 years at a normal wage count 15', () => {
    const steps = severance({
      start: d('2009-01-01'),
      end: d('2024-01-01'),
      averageWage: yuan(6_000),
      regionalAverage: yuan(8_000),
    });
    expect(steps.at(-1)?.amount?.max).toBe(yuan(6_000 * 15));
  });

  it('service before 2008 is flagged for a lawyer, not guessed', () => {
    const steps = severance({ start: d('2005-01-01'), end: d('2024-01-01'), averageWage: wage });
    expect(steps.at(-1)?.key).toBe('services:wages.step.before2008');
  });
});

describe('wageClaimsFromForm', () => {
  const today = d('2024-12-01');
  const form: WageClaimForm = {
    monthlyWage: '3000',
    unpaidMonths: '4',
    orderedAndUnpaid: true,
    noWrittenContract: true,
    startDate: '2024-01-10',
    contractOrEndDate: '2024-05-10',
    severance: false,
    endDate: '',
    averageWage: '',
    regionalAverage: '',
  };

  it('adds the parts: 12,000 unpaid + 6,000–12,000 (第八十五条) + 9,000 (第八十二条)', () => {
    const result = wageClaimsFromForm(form, today);
    expect(result.ok && result.value.total).toEqual({ min: yuan(27_000), max: yuan(33_000) });
  });

  it('no contract and still working counts to today (capped at 11 months)', () => {
    const result = wageClaimsFromForm(
      { ...form, orderedAndUnpaid: false, contractOrEndDate: '', startDate: '2023-01-01' },
      today,
    );
    expect(result.ok && result.value.total.max).toBe(yuan(12_000 + 33_000));
  });

  it('reports every bad field at once, each with its message key', () => {
    const result = wageClaimsFromForm(
      {
        ...form,
        monthlyWage: '-1',
        unpaidMonths: '2.5',
        startDate: '2030-01-01',
        contractOrEndDate: '2024-02-30',
      },
      today,
    );
    expect(result).toEqual({
      ok: false,
      error: [
        { field: 'monthlyWage', key: 'services:calc.error.negative' },
        { field: 'unpaidMonths', key: 'services:calc.error.notWhole' },
        { field: 'startDate', key: 'services:calc.error.futureDate' },
        { field: 'contractOrEndDate', key: 'services:calc.error.notDate' },
      ],
    });
  });

  it('an end before the start is a problem, not a negative amount', () => {
    const result = wageClaimsFromForm(
      {
        ...form,
        noWrittenContract: false,
        severance: true,
        startDate: '2024-05-01',
        endDate: '2024-04-01',
        averageWage: '3000',
      },
      today,
    );
    expect(result).toEqual({
      ok: false,
      error: [{ field: 'endDate', key: 'services:calc.error.beforeStart' }],
    });
  });

  it('absurd numbers are refused: a million-yuan month plus one, 241 months', () => {
    const result = wageClaimsFromForm(
      { ...form, monthlyWage: '1000000.01', unpaidMonths: '241' },
      today,
    );
    expect(result.ok ? [] : result.error.map((p) => p.key)).toEqual([
      'services:calc.error.tooLarge',
      'services:calc.error.tooLarge',
    ]);
  });
});
