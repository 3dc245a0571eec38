/**
 * What an employer owes a worker under 《劳动合同法》: the unpaid wages themselves, the 50%–100%
 * additional compensation of 第八十五条 (only once a labour authority ordered payment and the
 * deadline passed), the second wage of 第八十二条 for months without a written contract, and
 * 经济补偿 under 第四十七条 (with its 3× average-wage and 12-year caps).
 */
import { err, ok, type Result } from '../domain/result';
import { addMonths, compareDates, spanBetween, type CalendarDate } from './calendar-date';
import {
  addRanges,
  exactly,
  type CalcStep,
  type Calculation,
  type FenRange,
  type InputProblem,
} from './calculation';
import { applyBasisPoints, divideRoundHalfUp, fenToYuan, yuanToFen, type Fen } from './money';
import { collect, parseMoney, parsePastDate, parseWholeNumber } from './parse-input';
import { cite } from './rule-sources';

/** 100万元 a month: above it the entry is a typing mistake. */
export const MAX_MONTHLY_WAGE_FEN = yuanToFen(1_000_000);
export const MAX_UNPAID_MONTHS = 240;

/** 第八十五条: 按应付金额百分之五十以上百分之一百以下. */
export const ADDITIONAL_COMPENSATION_BP = { min: 5_000, max: 10_000 } as const;
/**
 * 第八十二条 runs from the day after the first month to the day before a full year; after a
 * year without a contract one without fixed term is deemed concluded (实施条例第七条), so at
 * most 11 months of second wage.
 */
export const MAX_DOUBLE_WAGE_MONTHS = 11;
/** 第四十七条第二款. */
export const HIGH_WAGE_MULTIPLE = 3;
export const HIGH_WAGE_MAX_YEARS = 12;

/** Part of a month counted as days ÷ 30: an estimate the kiosk says it makes. */
const DAYS_PER_MONTH = 30;

export function unpaidWages(monthlyWage: Fen, months: number): CalcStep {
  const amount = monthlyWage * months;
  return {
    key: 'services:wages.step.unpaid',
    values: { wage: fenToYuan(monthlyWage), months, amount: fenToYuan(amount) },
    basis: cite('labourContract', 30),
    amount: exactly(amount),
  };
}

export function additionalCompensation(unpaid: Fen): CalcStep {
  const min = applyBasisPoints(unpaid, ADDITIONAL_COMPENSATION_BP.min);
  const max = applyBasisPoints(unpaid, ADDITIONAL_COMPENSATION_BP.max);
  return {
    key: 'services:wages.step.additional',
    values: { unpaid: fenToYuan(unpaid), min: fenToYuan(min), max: fenToYuan(max) },
    basis: cite('labourContract', 85, 1),
    amount: { min, max },
  };
}

export interface NoContractPeriod {
  readonly start: CalendarDate;
  /** The day a written contract was signed, or the day work ended, or today. */
  readonly until: CalendarDate;
}

/** 第八十二条第一款: the second wage for each month after the first without a written contract. */
export function doubleWages(monthlyWage: Fen, period: NoContractPeriod): CalcStep {
  const from = addMonths(period.start, 1);
  const lastDay = addMonths(period.start, 12);
  const until = compareDates(period.until, lastDay) > 0 ? lastDay : period.until;
  const span = spanBetween(from, until);
  const capped = span.months >= MAX_DOUBLE_WAGE_MONTHS;
  const months = capped ? MAX_DOUBLE_WAGE_MONTHS : span.months;
  const days = capped ? 0 : span.days;
  const amount = monthlyWage * months + divideRoundHalfUp(monthlyWage * days, DAYS_PER_MONTH);
  return {
    key: capped ? 'services:wages.step.doubleCapped' : 'services:wages.step.double',
    values: { wage: fenToYuan(monthlyWage), months, days, amount: fenToYuan(amount) },
    basis: cite('labourContract', 82),
    amount: exactly(amount),
  };
}

export interface SeveranceInput {
  readonly start: CalendarDate;
  readonly end: CalendarDate;
  /** 第四十七条第三款: the average monthly wage of the last 12 months. */
  readonly averageWage: Fen;
  /** The city's published average monthly wage of last year, when known. */
  readonly regionalAverage?: Fen;
}

/** 经济补偿 in half-months of wage: one per full year, one more for ≥ 6 months, ½ for less. */
export function severance(input: SeveranceInput): CalcStep[] {
  const span = spanBetween(input.start, input.end);
  const years = Math.floor(span.months / 12);
  const restMonths = span.months % 12;
  const rest = restMonths >= 6 ? 2 : restMonths > 0 || span.days > 0 ? 1 : 0;
  let halfMonths = years * 2 + rest;
  const steps: CalcStep[] = [
    {
      key: 'services:wages.step.serviceLength',
      values: { years, months: restMonths, days: span.days, count: halfMonths / 2 },
      basis: cite('labourContract', 47),
    },
  ];
  let base = input.averageWage;
  const cap =
    input.regionalAverage !== undefined ? input.regionalAverage * HIGH_WAGE_MULTIPLE : undefined;
  if (cap !== undefined && input.averageWage > cap) {
    base = cap;
    halfMonths = Math.min(halfMonths, HIGH_WAGE_MAX_YEARS * 2);
    steps.push({
      key: 'services:wages.step.highWageCap',
      values: { cap: fenToYuan(cap), count: halfMonths / 2 },
      basis: cite('labourContract', 47),
    });
  } else if (cap === undefined) {
    steps.push({
      key: 'services:wages.step.capNotChecked',
      values: {},
      basis: cite('labourContract', 47),
    });
  }
  const amount = divideRoundHalfUp(base * halfMonths, 2);
  steps.push({
    key: 'services:wages.step.severance',
    values: { wage: fenToYuan(base), count: halfMonths / 2, amount: fenToYuan(amount) },
    basis: cite('labourContract', 47),
    amount: exactly(amount),
  });
  // Service before 2008 follows the rules then in force (第九十七条第三款): say so, do not guess.
  if (input.start.year < 2008) {
    steps.push({
      key: 'services:wages.step.before2008',
      values: {},
      basis: cite('labourContract', 47),
    });
  }
  return steps;
}

export interface WageClaimForm {
  readonly monthlyWage: string;
  readonly unpaidMonths: string;
  /** The labour authority ordered payment by a deadline, and the employer still did not pay. */
  readonly orderedAndUnpaid: boolean;
  readonly noWrittenContract: boolean;
  /** Employment start (for 第八十二条 and 第四十七条). */
  readonly startDate: string;
  /** Contract signed, or work ended; empty = still working without one (counts to today). */
  readonly contractOrEndDate: string;
  readonly severance: boolean;
  readonly endDate: string;
  readonly averageWage: string;
  readonly regionalAverage: string;
}

export function wageClaimsFromForm(
  form: WageClaimForm,
  today: CalendarDate,
): Result<Calculation, InputProblem[]> {
  const wage = parseMoney(form.monthlyWage, 'monthlyWage', MAX_MONTHLY_WAGE_FEN);
  const months = parseWholeNumber(form.unpaidMonths, 'unpaidMonths', {
    min: 0,
    max: MAX_UNPAID_MONTHS,
  });
  const problems = collect<unknown>([wage, months]);
  const needsStart = form.noWrittenContract || form.severance;
  const start = needsStart ? parsePastDate(form.startDate, 'startDate', today) : undefined;
  const contractOrEnd =
    form.noWrittenContract && form.contractOrEndDate.trim() !== ''
      ? parsePastDate(form.contractOrEndDate, 'contractOrEndDate', today)
      : undefined;
  const end = form.severance ? parsePastDate(form.endDate, 'endDate', today) : undefined;
  const average = form.severance
    ? parseMoney(form.averageWage, 'averageWage', MAX_MONTHLY_WAGE_FEN)
    : undefined;
  const regional =
    form.severance && form.regionalAverage.trim() !== ''
      ? parseMoney(form.regionalAverage, 'regionalAverage', MAX_MONTHLY_WAGE_FEN)
      : undefined;
  problems.push(
    ...collect<unknown>(
      [start, contractOrEnd, end, average, regional].filter((r) => r !== undefined),
    ),
  );
  if (start?.ok && contractOrEnd?.ok && compareDates(contractOrEnd.value, start.value) < 0) {
    problems.push({ field: 'contractOrEndDate', key: 'services:calc.error.beforeStart' });
  }
  if (start?.ok && end?.ok && compareDates(end.value, start.value) <= 0) {
    problems.push({ field: 'endDate', key: 'services:calc.error.beforeStart' });
  }
  if (problems.length > 0 || !wage.ok || !months.ok) return err(problems);

  const steps: CalcStep[] = [];
  const unpaid = unpaidWages(wage.value, months.value);
  steps.push(unpaid);
  if (form.orderedAndUnpaid && months.value > 0)
    steps.push(additionalCompensation(unpaid.amount?.min ?? 0));
  if (form.noWrittenContract && start?.ok) {
    const until = contractOrEnd?.ok ? contractOrEnd.value : today;
    steps.push(doubleWages(wage.value, { start: start.value, until }));
  }
  if (form.severance && start?.ok && end?.ok && average?.ok) {
    steps.push(
      ...severance({
        start: start.value,
        end: end.value,
        averageWage: average.value,
        ...(regional?.ok ? { regionalAverage: regional.value } : {}),
      }),
    );
  }
  const total = steps.reduce<FenRange>(
    (sum, s) => (s.amount ? addRanges(sum, s.amount) : sum),
    exactly(0),
  );
  return ok({ total, steps });
}
