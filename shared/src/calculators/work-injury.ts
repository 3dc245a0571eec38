/**
 * 一次性伤残补助金 under 《工伤保险条例》第三十五—三十七条: months of the worker's own wage by
 * disability grade, the wage bounded to 60%–300% of the area's average (第六十四条第二款).
 */
import { err, ok, type Result } from '../domain/result';
import { exactly, type CalcStep, type Calculation, type InputProblem } from './calculation';
import { applyBasisPoints, fenToYuan, type Fen } from './money';
import { collect, parseMoney, parseWholeNumber } from './parse-input';
import { cite } from './rule-sources';
import { MAX_MONTHLY_WAGE_FEN } from './wage-claims';

export const DISABILITY_GRADES = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10] as const;
export type DisabilityGrade = (typeof DISABILITY_GRADES)[number];

/** Grade → months of own wage, and the article (and item) that says so. */
export const DISABILITY_SUBSIDY_MONTHS: Readonly<
  Record<DisabilityGrade, { months: number; article: number }>
> = {
  1: { months: 27, article: 35 },
  2: { months: 25, article: 35 },
  3: { months: 23, article: 35 },
  4: { months: 21, article: 35 },
  5: { months: 18, article: 36 },
  6: { months: 16, article: 36 },
  7: { months: 13, article: 37 },
  8: { months: 11, article: 37 },
  9: { months: 9, article: 37 },
  10: { months: 7, article: 37 },
};

/** 第六十四条第二款: 高于300%的按300%，低于60%的按60%. */
export const OWN_WAGE_BOUNDS_BP = { min: 6_000, max: 30_000 } as const;

export interface DisabilitySubsidyInput {
  readonly grade: DisabilityGrade;
  /** 本人工资: the average monthly contribution wage of the 12 months before the injury. */
  readonly ownWage: Fen;
  readonly regionalAverage?: Fen;
}

export function disabilitySubsidy(input: DisabilitySubsidyInput): Calculation {
  const steps: CalcStep[] = [];
  let wage = input.ownWage;
  if (input.regionalAverage !== undefined) {
    const floor = applyBasisPoints(input.regionalAverage, OWN_WAGE_BOUNDS_BP.min);
    const ceiling = applyBasisPoints(input.regionalAverage, OWN_WAGE_BOUNDS_BP.max);
    if (wage < floor || wage > ceiling) {
      const bounded = wage < floor ? floor : ceiling;
      steps.push({
        key:
          wage < floor
            ? 'services:injury.step.raisedToFloor'
            : 'services:injury.step.loweredToCeiling',
        values: { wage: fenToYuan(wage), bounded: fenToYuan(bounded) },
        basis: cite('workInjury', 64),
      });
      wage = bounded;
    }
  } else {
    steps.push({
      key: 'services:injury.step.boundsNotChecked',
      values: {},
      basis: cite('workInjury', 64),
    });
  }
  const rule = DISABILITY_SUBSIDY_MONTHS[input.grade];
  const amount = wage * rule.months;
  steps.push({
    key: 'services:injury.step.subsidy',
    values: {
      grade: input.grade,
      months: rule.months,
      wage: fenToYuan(wage),
      amount: fenToYuan(amount),
    },
    basis: cite('workInjury', rule.article, 1),
    amount: exactly(amount),
  });
  return { total: exactly(amount), steps };
}

export interface DisabilitySubsidyForm {
  readonly grade: string;
  readonly ownWage: string;
  readonly regionalAverage: string;
}

export function disabilitySubsidyFromForm(
  form: DisabilitySubsidyForm,
): Result<Calculation, InputProblem[]> {
  const grade = parseWholeNumber(form.grade, 'grade', { min: 1, max: 10 });
  const wage = parseMoney(form.ownWage, 'ownWage', MAX_MONTHLY_WAGE_FEN);
  const regional =
    form.regionalAverage.trim() === ''
      ? undefined
      : parseMoney(form.regionalAverage, 'regionalAverage', MAX_MONTHLY_WAGE_FEN);
  const problems = collect<unknown>([grade, wage, ...(regional ? [regional] : [])]);
  if (wage.ok && wage.value === 0)
    problems.push({ field: 'ownWage', key: 'services:calc.error.zero' });
  if (problems.length > 0 || !grade.ok || !wage.ok) return err(problems);
  return ok(
    disabilitySubsidy({
      // parseWholeNumber kept it within 1–10, the grades of DISABILITY_GRADES.
      grade: grade.value as DisabilityGrade,
      ownWage: wage.value,
      ...(regional?.ok ? { regionalAverage: regional.value } : {}),
    }),
  );
}
