/**
 * 案件受理费 under 《诉讼费用交纳办法》 (国务院令第481号): property cases by bracket (第十三条第（一）项),
 * the non-property cases of 第（二）项, labour disputes (第（四）项), halving (第十五条, 第十六条), and
 * what 司法救助 (第四十四—四十七条) can do to the fee. Pure: typed input in, Calculation out.
 */
import { err, ok, type Result } from '../domain/result';
import {
  addRanges,
  exactly,
  type CalcStep,
  type Calculation,
  type FenRange,
  type InputProblem,
} from './calculation';
import { applyBasisPoints, basisPointsToPercent, fenToYuan, yuanToFen, type Fen } from './money';
import { parseMoney } from './parse-input';
import { cite, type Citation } from './rule-sources';

export const COURT_FEE_CASE_KINDS = [
  'property',
  'divorce',
  'personality',
  'otherNonProperty',
  'labour',
] as const;
export type CourtFeeCaseKind = (typeof COURT_FEE_CASE_KINDS)[number];

/** 第十五条 (调解结案或撤诉) and 第十六条 (简易程序) both halve the fee; they are not stacked. */
export const COURT_FEE_PROCEDURES = ['ordinary', 'simple', 'mediatedOrWithdrawn'] as const;
export type CourtFeeProcedure = (typeof COURT_FEE_PROCEDURES)[number];

/** The grounds of 第四十五—四十七条 a resident of a township station can have. */
export const COURT_FEE_RELIEF_GROUNDS = [
  'none',
  // 第四十五条 免交
  'disabledNoIncome',
  'supportClaim',
  'minimumLiving',
  'heroicAct',
  // 第四十六条 减交
  'disasterHardship',
  'preferentialCare',
  // 第四十七条 缓交
  'insuranceOrSeverance',
  'injuryVictim',
  'legalAidRecipient',
] as const;
export type CourtFeeReliefGround = (typeof COURT_FEE_RELIEF_GROUNDS)[number];
export type ReliefOutcome = 'exempt' | 'reduce' | 'defer';

const RELIEF: Readonly<
  Record<
    Exclude<CourtFeeReliefGround, 'none'>,
    { outcome: ReliefOutcome; article: number; item: number }
  >
> = {
  disabledNoIncome: { outcome: 'exempt', article: 45, item: 1 },
  supportClaim: { outcome: 'exempt', article: 45, item: 2 },
  minimumLiving: { outcome: 'exempt', article: 45, item: 3 },
  heroicAct: { outcome: 'exempt', article: 45, item: 4 },
  disasterHardship: { outcome: 'reduce', article: 46, item: 1 },
  preferentialCare: { outcome: 'reduce', article: 46, item: 2 },
  insuranceOrSeverance: { outcome: 'defer', article: 47, item: 1 },
  injuryVictim: { outcome: 'defer', article: 47, item: 2 },
  legalAidRecipient: { outcome: 'defer', article: 47, item: 3 },
};

/** 第四十六条第二款: a reduction is at least 30%, so at most 70% remains to pay. */
export const MAX_SHARE_AFTER_REDUCTION_BP = 7_000;

export interface CourtFeeInput {
  readonly kind: CourtFeeCaseKind;
  /** Property: the claim; divorce: the property to divide; personality: damages claimed. */
  readonly amount: Fen;
  readonly procedure: CourtFeeProcedure;
  readonly relief: CourtFeeReliefGround;
  /** 第四十四条第二款: exemption is for natural persons only. */
  readonly naturalPerson: boolean;
}

export interface Bracket {
  /** Upper bound of the bracket in fen; undefined for the open top bracket. */
  readonly upTo: Fen | undefined;
  readonly basisPoints: number;
  /** 第十三条第（一）项 point (目) number. */
  readonly point: number;
}

const WAN = yuanToFen(10_000);

/** 第十三条第（一）项: 不超过1万元的每件50元; then each part above a bound at its own rate. */
export const PROPERTY_FIRST_BRACKET = { upTo: WAN, fee: yuanToFen(50), point: 1 } as const;
export const PROPERTY_BRACKETS: readonly Bracket[] = [
  { upTo: 10 * WAN, basisPoints: 250, point: 2 },
  { upTo: 20 * WAN, basisPoints: 200, point: 3 },
  { upTo: 50 * WAN, basisPoints: 150, point: 4 },
  { upTo: 100 * WAN, basisPoints: 100, point: 5 },
  { upTo: 200 * WAN, basisPoints: 90, point: 6 },
  { upTo: 500 * WAN, basisPoints: 80, point: 7 },
  { upTo: 1000 * WAN, basisPoints: 70, point: 8 },
  { upTo: 2000 * WAN, basisPoints: 60, point: 9 },
  { upTo: undefined, basisPoints: 50, point: 10 },
];

/** 第十三条第（二）项第1目: 离婚 50–300 元; property above 20万 at 0.5%. */
const DIVORCE = { min: yuanToFen(50), max: yuanToFen(300), freeUpTo: 20 * WAN, basisPoints: 50 };
/** 第（二）项第2目: 人格权 100–500 元; damages 5万–10万 at 1%, above 10万 at 0.5%. */
const PERSONALITY = { min: yuanToFen(100), max: yuanToFen(500) };
const PERSONALITY_BRACKETS: readonly Bracket[] = [
  { upTo: 5 * WAN, basisPoints: 0, point: 2 },
  { upTo: 10 * WAN, basisPoints: 100, point: 2 },
  { upTo: undefined, basisPoints: 50, point: 2 },
];
/** 第（二）项第3目. */
const OTHER_NON_PROPERTY = { min: yuanToFen(50), max: yuanToFen(100) };
/** 第（四）项. */
const LABOUR = yuanToFen(10);

/** 1000亿元: larger claims are typing mistakes on a kiosk. */
export const MAX_CLAIM_FEN = yuanToFen(100_000_000_000);

function rateStep(
  from: Fen,
  to: Fen | undefined,
  portion: Fen,
  basisPoints: number,
  basis: Citation,
): CalcStep {
  const fee = applyBasisPoints(portion, basisPoints);
  return {
    key:
      to === undefined ? 'services:courtFee.step.bracketAbove' : 'services:courtFee.step.bracket',
    values: {
      from: fenToYuan(from),
      ...(to !== undefined ? { to: fenToYuan(to) } : {}),
      portion: fenToYuan(portion),
      rate: basisPointsToPercent(basisPoints),
      fee: fenToYuan(fee),
    },
    basis,
    amount: exactly(fee),
  };
}

/** Sum of `amount`'s parts above each bracket's lower bound, starting at `start`. */
function bracketSteps(
  amount: Fen,
  start: Fen,
  brackets: readonly Bracket[],
  basisOf: (bracket: Bracket) => Citation,
): CalcStep[] {
  const steps: CalcStep[] = [];
  let lower = start;
  for (const bracket of brackets) {
    if (amount <= lower) break;
    const top = bracket.upTo === undefined ? amount : Math.min(amount, bracket.upTo);
    if (bracket.basisPoints > 0) {
      steps.push(rateStep(lower, bracket.upTo, top - lower, bracket.basisPoints, basisOf(bracket)));
    }
    if (bracket.upTo === undefined) break;
    lower = bracket.upTo;
  }
  return steps;
}

/** 第十三条第（一）项, the fee before halving or relief. */
export function propertyCaseFee(amount: Fen): { fee: Fen; steps: CalcStep[] } {
  const first: CalcStep = {
    key: 'services:courtFee.step.firstBracket',
    values: {
      upTo: fenToYuan(PROPERTY_FIRST_BRACKET.upTo),
      fee: fenToYuan(PROPERTY_FIRST_BRACKET.fee),
    },
    basis: cite('courtFees', 13, 1, PROPERTY_FIRST_BRACKET.point),
    amount: exactly(PROPERTY_FIRST_BRACKET.fee),
  };
  const rest = bracketSteps(amount, PROPERTY_FIRST_BRACKET.upTo, PROPERTY_BRACKETS, (b) =>
    cite('courtFees', 13, 1, b.point),
  );
  const steps = [first, ...rest];
  return { fee: steps.reduce((sum, s) => sum + (s.amount?.min ?? 0), 0), steps };
}

function sumSteps(steps: readonly CalcStep[]): FenRange {
  return steps.reduce<FenRange>(
    (sum, s) => (s.amount ? addRanges(sum, s.amount) : sum),
    exactly(0),
  );
}

function baseSteps(input: CourtFeeInput): CalcStep[] {
  switch (input.kind) {
    case 'property':
      return propertyCaseFee(input.amount).steps;
    case 'divorce': {
      const steps: CalcStep[] = [
        {
          key: 'services:courtFee.step.perCaseRange',
          values: { min: fenToYuan(DIVORCE.min), max: fenToYuan(DIVORCE.max) },
          basis: cite('courtFees', 13, 2, 1),
          amount: { min: DIVORCE.min, max: DIVORCE.max },
        },
      ];
      if (input.amount > DIVORCE.freeUpTo) {
        steps.push(
          rateStep(
            DIVORCE.freeUpTo,
            undefined,
            input.amount - DIVORCE.freeUpTo,
            DIVORCE.basisPoints,
            cite('courtFees', 13, 2, 1),
          ),
        );
      } else if (input.amount > 0) {
        steps.push({
          key: 'services:courtFee.step.noExtraUpTo',
          values: { upTo: fenToYuan(DIVORCE.freeUpTo) },
          basis: cite('courtFees', 13, 2, 1),
        });
      }
      return steps;
    }
    case 'personality': {
      const steps: CalcStep[] = [
        {
          key: 'services:courtFee.step.perCaseRange',
          values: { min: fenToYuan(PERSONALITY.min), max: fenToYuan(PERSONALITY.max) },
          basis: cite('courtFees', 13, 2, 2),
          amount: { min: PERSONALITY.min, max: PERSONALITY.max },
        },
      ];
      if (input.amount > 0 && input.amount <= 5 * WAN) {
        steps.push({
          key: 'services:courtFee.step.noExtraUpTo',
          values: { upTo: fenToYuan(5 * WAN) },
          basis: cite('courtFees', 13, 2, 2),
        });
      }
      return [
        ...steps,
        ...bracketSteps(input.amount, 0, PERSONALITY_BRACKETS, () => cite('courtFees', 13, 2, 2)),
      ];
    }
    case 'otherNonProperty':
      return [
        {
          key: 'services:courtFee.step.perCaseRange',
          values: {
            min: fenToYuan(OTHER_NON_PROPERTY.min),
            max: fenToYuan(OTHER_NON_PROPERTY.max),
          },
          basis: cite('courtFees', 13, 2, 3),
          amount: { min: OTHER_NON_PROPERTY.min, max: OTHER_NON_PROPERTY.max },
        },
      ];
    case 'labour':
      return [
        {
          key: 'services:courtFee.step.perCase',
          values: { fee: fenToYuan(LABOUR) },
          basis: cite('courtFees', 13, 4),
          amount: exactly(LABOUR),
        },
      ];
  }
}

function halve(range: FenRange): FenRange {
  // Half of an odd fen rounds up: the court collects whole fen.
  return { min: Math.ceil(range.min / 2), max: Math.ceil(range.max / 2) };
}

export interface CourtFeeResult extends Calculation {
  /** The fee before 司法救助. */
  readonly fee: FenRange;
  readonly relief?: {
    readonly outcome: ReliefOutcome;
    /** What is left to pay if the court grants the relief (at most, for a reduction). */
    readonly payable: FenRange;
    readonly basis: Citation;
  };
}

export function courtFee(input: CourtFeeInput): CourtFeeResult {
  const steps = baseSteps(input);
  let fee = sumSteps(steps);
  if (input.procedure !== 'ordinary') {
    const halved = halve(fee);
    steps.push({
      key:
        input.procedure === 'simple'
          ? 'services:courtFee.step.halvedSimple'
          : 'services:courtFee.step.halvedMediated',
      values: { before: fenToYuan(fee.max), after: fenToYuan(halved.max) },
      basis: cite('courtFees', input.procedure === 'simple' ? 16 : 15),
      amount: { min: halved.min - fee.min, max: halved.max - fee.max },
    });
    fee = halved;
  }
  if (input.relief === 'none') return { total: fee, fee, steps };

  const rule = RELIEF[input.relief];
  // 第四十四条第二款: only a natural person can be exempted; others may still ask for less.
  const outcome: ReliefOutcome =
    rule.outcome === 'exempt' && !input.naturalPerson ? 'reduce' : rule.outcome;
  const basis = cite('courtFees', rule.article, rule.item);
  let payable: FenRange;
  switch (outcome) {
    case 'exempt':
      payable = exactly(0);
      steps.push({
        key: 'services:courtFee.step.reliefExempt',
        values: {},
        basis,
        amount: { min: -fee.min, max: -fee.max },
      });
      break;
    case 'reduce': {
      const max = applyBasisPoints(fee.max, MAX_SHARE_AFTER_REDUCTION_BP);
      payable = { min: 0, max };
      steps.push({
        key: 'services:courtFee.step.reliefReduce',
        values: { max: fenToYuan(max) },
        basis: cite('courtFees', 46),
        amount: { min: -fee.min, max: max - fee.max },
      });
      break;
    }
    case 'defer':
      payable = fee;
      steps.push({ key: 'services:courtFee.step.reliefDefer', values: {}, basis });
      break;
  }
  return { total: payable, fee, steps, relief: { outcome, payable, basis } };
}

export interface CourtFeeForm {
  readonly kind: CourtFeeCaseKind;
  /** Yuan as typed; required for property cases, optional (empty = none) otherwise. */
  readonly amount: string;
  readonly procedure: CourtFeeProcedure;
  readonly relief: CourtFeeReliefGround;
  readonly naturalPerson: boolean;
}

/** From the screen's form: parse, then compute; a bad amount is a problem, never NaN. */
export function courtFeeFromForm(form: CourtFeeForm): Result<CourtFeeResult, InputProblem[]> {
  let amount: Fen = 0;
  const needsAmount = form.kind === 'property';
  if (
    form.kind !== 'labour' &&
    form.kind !== 'otherNonProperty' &&
    (needsAmount || form.amount.trim() !== '')
  ) {
    const parsed = parseMoney(form.amount, 'amount', MAX_CLAIM_FEN);
    if (!parsed.ok) return err([parsed.error]);
    if (needsAmount && parsed.value === 0)
      return err([{ field: 'amount', key: 'services:calc.error.zero' }]);
    amount = parsed.value;
  }
  return ok(
    courtFee({
      kind: form.kind,
      amount,
      procedure: form.procedure,
      relief: form.relief,
      naturalPerson: form.naturalPerson,
    }),
  );
}
