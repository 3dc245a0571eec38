import { describe, expect, it } from 'vitest';
import {
  courtFee,
  COURT_FEE_CASE_KINDS,
  COURT_FEE_PROCEDURES,
  COURT_FEE_RELIEF_GROUNDS,
} from './court-fees';
import { parseCalendarDate } from './calendar-date';
import { CALCULATOR_LAWS, RULE_SOURCES } from './rule-sources';
import { wageClaimsFromForm } from './wage-claims';
import { DISABILITY_GRADES, disabilitySubsidy } from './work-injury';

describe('rule sources', () => {
  it('no rule claims to be verified without a record of where it was checked', () => {
    for (const law of CALCULATOR_LAWS) {
      const { verification } = RULE_SOURCES[law];
      if (verification.status === 'unverified')
        expect(verification.note.length).toBeGreaterThan(20);
      else expect(verification.against).toMatch(/gov\.cn/);
    }
  });

  it('every article a step cites is listed in its law’s rule source', () => {
    const today = parseCalendarDate('2024-12-01');
    if (!today) throw new Error('date');
    const steps = [
      ...COURT_FEE_CASE_KINDS.flatMap((kind) =>
        COURT_FEE_PROCEDURES.flatMap((procedure) =>
          COURT_FEE_RELIEF_GROUNDS.flatMap(
            (relief) =>
              courtFee({ kind, amount: 30_000_000_00, procedure, relief, naturalPerson: true })
                .steps,
          ),
        ),
      ),
      ...DISABILITY_GRADES.flatMap((grade) => disabilitySubsidy({ grade, ownWage: 500_000 }).steps),
    ];
    const wages = wageClaimsFromForm(
      {
        monthlyWage: '3000',
        unpaidMonths: '3',
        orderedAndUnpaid: true,
        noWrittenContract: true,
        startDate: '2005-01-01',
        contractOrEndDate: '',
        severance: true,
        endDate: '2024-01-01',
        averageWage: '3000',
        regionalAverage: '',
      },
      today,
    );
    if (!wages.ok) throw new Error('wages');
    for (const step of [...steps, ...wages.value.steps]) {
      expect(RULE_SOURCES[step.basis.law].articles).toContain(step.basis.article);
    }
  });
});
