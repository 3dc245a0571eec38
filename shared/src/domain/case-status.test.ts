import { describe, expect, it } from 'vitest';
import {
  APPLICATION_STATUSES,
  APPLICATION_TRANSITIONS,
  APPOINTMENT_STATUSES,
  APPOINTMENT_TRANSITIONS,
  QUESTION_STATUSES,
  QUESTION_TRANSITIONS,
  checkTransition,
  deriveStatus,
  type CaseKind,
} from './case-status';

const TABLES: [CaseKind, readonly string[], Readonly<Record<string, readonly string[]>>][] = [
  ['applications', APPLICATION_STATUSES, APPLICATION_TRANSITIONS],
  ['questions', QUESTION_STATUSES, QUESTION_TRANSITIONS],
  ['appointments', APPOINTMENT_STATUSES, APPOINTMENT_TRANSITIONS],
];

describe('case status machines', () => {
  for (const [kind, statuses, table] of TABLES) {
    it(`${kind}: every pair is allowed exactly when the table lists it`, () => {
      for (const from of statuses) {
        for (const to of statuses) {
          const allowed = table[from]!.includes(to);
          const result = checkTransition(kind, from, to, 'reason given');
          expect(result.ok, `${from} → ${to}`).toBe(allowed);
          if (!allowed && !result.ok) expect(result.error.kind).toBe('notAllowed');
        }
      }
    });
  }

  it('follows the legal-aid path submitted → received → under review → approved → closed', () => {
    const path = [
      'submitted',
      'received',
      'under_review',
      'needs_materials',
      'under_review',
      'approved',
      'closed',
    ];
    for (let i = 1; i < path.length; i++) {
      expect(
        checkTransition('applications', path[i - 1]!, path[i]!, 'materials: 劳动合同').ok,
      ).toBe(true);
    }
  });

  it('requires a reason for a rejection and a request for materials', () => {
    expect(checkTransition('applications', 'under_review', 'rejected')).toEqual({
      ok: false,
      error: { kind: 'reasonRequired', to: 'rejected' },
    });
    expect(checkTransition('applications', 'under_review', 'needs_materials', '  ').ok).toBe(false);
    expect(
      checkTransition('applications', 'under_review', 'rejected', '不符合经济困难标准').ok,
    ).toBe(true);
  });

  it('refuses unknown statuses', () => {
    expect(checkTransition('applications', 'submitted', 'answered')).toEqual({
      ok: false,
      error: { kind: 'unknownStatus', status: 'answered' },
    });
  });

  it('has no dead ends except the final statuses', () => {
    expect(APPLICATION_TRANSITIONS.closed).toEqual([]);
    for (const status of APPLICATION_STATUSES.filter((s) => s !== 'closed')) {
      expect(APPLICATION_TRANSITIONS[status].length, status).toBeGreaterThan(0);
    }
  });

  it('derives the current status from updates in server-time order and skips illegal ones', () => {
    const result = deriveStatus('applications', [
      { status: 'under_review', at: '2026-11-21T02:00:00Z' },
      { status: 'received', at: '2026-11-20T10:00:00Z' },
      { status: 'closed', at: '2026-11-21T03:00:00Z' }, // not allowed from under_review
      { status: 'approved', at: '2026-11-22T01:00:00Z' },
    ]);
    expect(result.status).toBe('approved');
    expect(result.history.map((e) => e.status)).toEqual(['received', 'under_review', 'approved']);
    expect(result.skipped.map((e) => e.status)).toEqual(['closed']);
  });
});
