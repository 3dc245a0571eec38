import { describe, expect, it } from 'vitest';
import { yuanToFen } from './money';
import { DISABILITY_GRADES, disabilitySubsidy, disabilitySubsidyFromForm } from './work-injury';

const yuan = yuanToFen;

describe('《工伤保险条例》第三十五—三十七条 one-time disability subsidy', () => {
  it.each([
    [1, 27, 35],
    [2, 25, 35],
    [3, 23, 35],
    [4, 21, 35],
    [5, 18, 36],
    [6, 16, 36],
    [7, 13, 37],
    [8, 11, 37],
    [9, 9, 37],
    [10, 7, 37],
  ] as const)(
    'grade %i: %i months of own wage (第%i条第一款第（一）项)',
    (grade, months, article) => {
      const result = disabilitySubsidy({ grade, ownWage: yuan(5_000) });
      expect(result.total.max).toBe(yuan(5_000 * months));
      expect(result.steps.at(-1)?.basis).toEqual({ law: 'workInjury', article, item: 1 });
    },
  );

  it('covers grades 1–10 and nothing else', () => {
    expect(DISABILITY_GRADES).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
  });

  it('第六十四条: own wage below 60% of the area average is raised to 60%', () => {
    const result = disabilitySubsidy({
      grade: 10,
      ownWage: yuan(4_000),
      regionalAverage: yuan(8_000),
    });
    expect(result.steps[0]?.key).toBe('services:injury.step.raisedToFloor');
    expect(result.total.max).toBe(yuan(4_800 * 7));
  });

  it('第六十四条: above 300% is lowered to 300%; exactly 300% stays', () => {
    expect(
      disabilitySubsidy({ grade: 1, ownWage: yuan(30_000), regionalAverage: yuan(8_000) }).total
        .max,
    ).toBe(yuan(24_000 * 27));
    const atCeiling = disabilitySubsidy({
      grade: 1,
      ownWage: yuan(24_000),
      regionalAverage: yuan(8_000),
    });
    expect(atCeiling.steps).toHaveLength(1);
    expect(atCeiling.total.max).toBe(yuan(24_000 * 27));
  });

  it('without the area average it says the bounds were not checked', () => {
    expect(disabilitySubsidy({ grade: 5, ownWage: yuan(5_000) }).steps[0]?.key).toBe(
      'services:injury.step.boundsNotChecked',
    );
  });
});

describe('disabilitySubsidyFromForm bad input', () => {
  it.each([
    [{ grade: '0', ownWage: '5000', regionalAverage: '' }, 'grade', 'services:calc.error.tooSmall'],
    [
      { grade: '11', ownWage: '5000', regionalAverage: '' },
      'grade',
      'services:calc.error.tooLarge',
    ],
    [{ grade: '', ownWage: '5000', regionalAverage: '' }, 'grade', 'services:calc.error.empty'],
    [
      { grade: '3', ownWage: 'five', regionalAverage: '' },
      'ownWage',
      'services:calc.error.notNumber',
    ],
    [{ grade: '3', ownWage: '0', regionalAverage: '' }, 'ownWage', 'services:calc.error.zero'],
    [
      { grade: '3', ownWage: '5000', regionalAverage: '-8000' },
      'regionalAverage',
      'services:calc.error.negative',
    ],
  ])('%j → %s %s', (form, field, key) => {
    expect(disabilitySubsidyFromForm(form)).toEqual({ ok: false, error: [{ field, key }] });
  });

  it('a good form gives the subsidy', () => {
    const result = disabilitySubsidyFromForm({ grade: '7', ownWage: '6000', regionalAverage: '' });
    expect(result.ok && result.value.total.max).toBe(yuan(78_000));
  });
});
