import { describe, expect, it } from 'vitest';
import {
  calculatorReducer,
  INITIAL_CALCULATOR_STATE,
  visibleFields,
  type CalculatorAction,
  type CalculatorState,
} from './calculator-form';

const today = { year: 2024, month: 12, day: 1 };
const run = (actions: CalculatorAction[], from: CalculatorState = INITIAL_CALCULATOR_STATE) =>
  actions.reduce(calculatorReducer, from);
const type = (text: string): CalculatorAction[] => [...text].map((key) => ({ type: 'key', key }));

describe('calculators form', () => {
  it('types into the chosen field and computes a 100万 claim at 13,800 元 (第十三条)', () => {
    const state = run([
      { type: 'focus', field: 'amount' },
      ...type('1000000'),
      { type: 'calculate', today },
    ]);
    expect(state.outcome?.ok && state.outcome.value.total).toEqual({
      min: 1_380_000,
      max: 1_380_000,
    });
  });

  it('a money field takes no "-" and a count field no "."', () => {
    expect(run([{ type: 'focus', field: 'amount' }, ...type('12-3')]).fields.amount).toBe('123');
    const wages = run([
      { type: 'open', calculator: 'wages' },
      { type: 'focus', field: 'unpaidMonths' },
      ...type('2.5'),
    ]);
    expect(wages.fields.unpaidMonths).toBe('25');
  });

  it('an empty amount is a problem, and the keypad moves to that field', () => {
    const state = run([
      { type: 'open', calculator: 'injury' },
      { type: 'focus', field: 'grade' },
      ...type('3'),
      { type: 'calculate', today },
    ]);
    expect(state.outcome).toEqual({
      ok: false,
      error: [{ field: 'ownWage', key: 'services:calc.error.empty' }],
    });
    expect(state.active).toBe('ownWage');
  });

  it('a future start date is refused with its message', () => {
    const state = run([
      { type: 'open', calculator: 'wages' },
      { type: 'toggle', flag: 'noWrittenContract' },
      { type: 'focus', field: 'monthlyWage' },
      ...type('3000'),
      { type: 'focus', field: 'unpaidMonths' },
      ...type('0'),
      { type: 'focus', field: 'startDate' },
      ...type('2025-01-01'),
      { type: 'calculate', today },
    ]);
    expect(state.outcome).toEqual({
      ok: false,
      error: [{ field: 'startDate', key: 'services:calc.error.futureDate' }],
    });
  });

  it('shows only the fields the switches need', () => {
    const wages = run([{ type: 'open', calculator: 'wages' }]);
    expect(visibleFields(wages)).toEqual(['monthlyWage', 'unpaidMonths']);
    expect(visibleFields(run([{ type: 'toggle', flag: 'severance' }], wages))).toEqual([
      'monthlyWage',
      'unpaidMonths',
      'startDate',
      'endDate',
      'averageWage',
      'regionalAverage',
    ]);
    expect(visibleFields(run([{ type: 'caseKind', value: 'labour' }]))).toEqual([]);
  });

  it('changing an entry clears the old result', () => {
    const done = run([
      { type: 'focus', field: 'amount' },
      ...type('5000'),
      { type: 'calculate', today },
    ]);
    expect(done.outcome?.ok).toBe(true);
    expect(run([{ type: 'key', key: '0' }], done).outcome).toBeUndefined();
  });
});
