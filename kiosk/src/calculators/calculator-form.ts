/**
 * The calculators screen's form as a pure state machine: which calculator is open, what was
 * typed in each field, which field the keypad types into, and the last result or problems.
 * Computing goes through @pls/shared/calculators, so every rule and every bad-input message
 * is the shared one; this module only maps the screen's fields onto it.
 */
import {
  courtFeeFromForm,
  disabilitySubsidyFromForm,
  wageClaimsFromForm,
  type Calculation,
  type CalendarDate,
  type CourtFeeCaseKind,
  type CourtFeeProcedure,
  type CourtFeeReliefGround,
  type InputProblem,
} from '@pls/shared/calculators';
import type { Result } from '@pls/shared/domain';

export const CALCULATORS = ['courtFee', 'wages', 'injury'] as const;
export type CalculatorId = (typeof CALCULATORS)[number];

/** What a field holds, and so which keys the keypad offers. */
export type FieldKind = 'money' | 'count' | 'date';

export const FIELD_KINDS = {
  amount: 'money',
  monthlyWage: 'money',
  unpaidMonths: 'count',
  startDate: 'date',
  contractOrEndDate: 'date',
  endDate: 'date',
  averageWage: 'money',
  regionalAverage: 'money',
  grade: 'count',
  ownWage: 'money',
} as const satisfies Record<string, FieldKind>;
export type FieldId = keyof typeof FIELD_KINDS;

const FIELD_MAX_LENGTH: Readonly<Record<FieldKind, number>> = {
  money: 16,
  count: 4,
  date: 10,
};

export interface CalculatorState {
  readonly calculator: CalculatorId;
  readonly fields: Readonly<Record<FieldId, string>>;
  readonly active: FieldId | undefined;
  readonly caseKind: CourtFeeCaseKind;
  readonly procedure: CourtFeeProcedure;
  readonly relief: CourtFeeReliefGround;
  readonly orderedAndUnpaid: boolean;
  readonly noWrittenContract: boolean;
  readonly severance: boolean;
  readonly outcome: Result<Calculation, InputProblem[]> | undefined;
}

const EMPTY_FIELDS: Record<FieldId, string> = {
  amount: '',
  monthlyWage: '',
  unpaidMonths: '',
  startDate: '',
  contractOrEndDate: '',
  endDate: '',
  averageWage: '',
  regionalAverage: '',
  grade: '',
  ownWage: '',
};

export const INITIAL_CALCULATOR_STATE: CalculatorState = {
  calculator: 'courtFee',
  fields: EMPTY_FIELDS,
  active: undefined,
  caseKind: 'property',
  procedure: 'ordinary',
  relief: 'none',
  orderedAndUnpaid: false,
  noWrittenContract: false,
  severance: false,
  outcome: undefined,
};

export type CalculatorAction =
  | { readonly type: 'open'; readonly calculator: CalculatorId }
  | { readonly type: 'focus'; readonly field: FieldId }
  | { readonly type: 'key'; readonly key: string }
  | { readonly type: 'backspace' }
  | { readonly type: 'clear' }
  | { readonly type: 'caseKind'; readonly value: CourtFeeCaseKind }
  | { readonly type: 'procedure'; readonly value: CourtFeeProcedure }
  | { readonly type: 'relief'; readonly value: CourtFeeReliefGround }
  | {
      readonly type: 'toggle';
      readonly flag: 'orderedAndUnpaid' | 'noWrittenContract' | 'severance';
    }
  | { readonly type: 'calculate'; readonly today: CalendarDate };

/** Keys the keypad offers for a kind of field; anything else typed is ignored. */
export function keysFor(kind: FieldKind): readonly string[] {
  const digits = ['1', '2', '3', '4', '5', '6', '7', '8', '9', '0'];
  switch (kind) {
    case 'money':
      return [...digits, '.'];
    case 'count':
      return digits;
    case 'date':
      return [...digits, '-'];
  }
}

/** The fields the open calculator shows, given its switches. */
export function visibleFields(state: CalculatorState): FieldId[] {
  switch (state.calculator) {
    case 'courtFee':
      return state.caseKind === 'labour' || state.caseKind === 'otherNonProperty' ? [] : ['amount'];
    case 'wages':
      return [
        'monthlyWage',
        'unpaidMonths',
        ...(state.noWrittenContract || state.severance ? (['startDate'] as const) : []),
        ...(state.noWrittenContract ? (['contractOrEndDate'] as const) : []),
        ...(state.severance ? (['endDate', 'averageWage', 'regionalAverage'] as const) : []),
      ];
    case 'injury':
      return ['grade', 'ownWage', 'regionalAverage'];
  }
}

function edit(
  state: CalculatorState,
  change: (value: string, field: FieldId) => string,
): CalculatorState {
  if (state.active === undefined) return state;
  const field = state.active;
  return {
    ...state,
    fields: { ...state.fields, [field]: change(state.fields[field], field) },
    outcome: undefined,
  };
}

function compute(state: CalculatorState, today: CalendarDate): Result<Calculation, InputProblem[]> {
  const f = state.fields;
  switch (state.calculator) {
    case 'courtFee':
      return courtFeeFromForm({
        kind: state.caseKind,
        amount: f.amount,
        procedure: state.procedure,
        relief: state.relief,
        naturalPerson: true, // a resident at the kiosk asks for themself
      });
    case 'wages':
      return wageClaimsFromForm(
        {
          monthlyWage: f.monthlyWage,
          unpaidMonths: f.unpaidMonths,
          orderedAndUnpaid: state.orderedAndUnpaid,
          noWrittenContract: state.noWrittenContract,
          startDate: f.startDate,
          contractOrEndDate: f.contractOrEndDate,
          severance: state.severance,
          endDate: f.endDate,
          averageWage: f.averageWage,
          regionalAverage: f.regionalAverage,
        },
        today,
      );
    case 'injury':
      return disabilitySubsidyFromForm({
        grade: f.grade,
        ownWage: f.ownWage,
        regionalAverage: f.regionalAverage,
      });
  }
}

export function calculatorReducer(
  state: CalculatorState,
  action: CalculatorAction,
): CalculatorState {
  switch (action.type) {
    case 'open':
      return { ...INITIAL_CALCULATOR_STATE, calculator: action.calculator };
    case 'focus':
      return { ...state, active: action.field };
    case 'key':
      return edit(state, (value, field) => {
        const kind = FIELD_KINDS[field];
        if (!keysFor(kind).includes(action.key) || value.length >= FIELD_MAX_LENGTH[kind])
          return value;
        return value + action.key;
      });
    case 'backspace':
      return edit(state, (value) => value.slice(0, -1));
    case 'clear':
      return edit(state, () => '');
    case 'caseKind':
      return { ...state, caseKind: action.value, outcome: undefined };
    case 'procedure':
      return { ...state, procedure: action.value, outcome: undefined };
    case 'relief':
      return { ...state, relief: action.value, outcome: undefined };
    case 'toggle':
      return { ...state, [action.flag]: !state[action.flag], outcome: undefined };
    case 'calculate': {
      const outcome = compute(state, action.today);
      // The keypad moves to the first field with a problem, so the person sees what to fix.
      const first = outcome.ok ? undefined : outcome.error[0]?.field;
      const active =
        first !== undefined && first in FIELD_KINDS ? (first as FieldId) : state.active;
      return { ...state, outcome, active };
    }
  }
}

/** Today in the kiosk's own time zone, as the calendar date the labour rules count from. */
export function todayOf(now: Date): CalendarDate {
  return { year: now.getFullYear(), month: now.getMonth() + 1, day: now.getDate() };
}
