import { describe, expect, it } from 'vitest';
import {
  APPLICATION_STATUSES,
  APPLICATION_TRANSITIONS,
  APPOINTMENT_STATUSES,
  APPOINTMENT_TRANSITIONS,
  QUESTION_STATUSES,
  QUESTION_TRANSITIONS,
  FINAL_APPLICATION_STATUSES,
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
    for (const status of FINAL_APPLICATION_STATUSES)
      expect(APPLICATION_TRANSITIONS[status]).toEqual([]);
    for (const status of APPLICATION_STATUSES.filter(
      (s) => !FINAL_APPLICATION_STATUSES.includes(s),
    )) {
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

  it('asks for missing materials once, all together (第四十三条第二款)', () => {
    const codes = { codes: ['labor_relation_proof'] };
    expect(checkTransition('applications', 'under_review', 'needs_materials', codes).ok).toBe(true);
    expect(
      checkTransition('applications', 'under_review', 'needs_materials', codes, [
        'received',
        'under_review',
        'needs_materials',
        'under_review',
      ]),
    ).toEqual({ ok: false, error: { kind: 'materialsAlreadyRequested' } });
    // A code alone is a reason; an empty list and blank text are not.
    expect(checkTransition('applications', 'received', 'rejected', { codes: [] }).ok).toBe(false);
    expect(checkTransition('applications', 'received', 'rejected', { text: ' ' }).ok).toBe(false);
  });

  it('withdraws an application whose materials never came (视为撤回), and nothing follows', () => {
    expect(checkTransition('applications', 'needs_materials', 'withdrawn').ok).toBe(true);
    expect(checkTransition('applications', 'under_review', 'withdrawn').ok).toBe(false);
    expect(APPLICATION_TRANSITIONS.withdrawn).toEqual([]);
  });

  it('gives aid first in urgent cases (第四十四条) and assigns a lawyer straight away', () => {
    expect(checkTransition('applications', 'received', 'urgent_aid').ok).toBe(true);
    expect(checkTransition('applications', 'urgent_aid', 'assigned').ok).toBe(true);
    expect(checkTransition('applications', 'under_review', 'assigned').ok).toBe(false);
  });

  it('reviews an objection to a refusal (第四十九条): upheld or sent back for review', () => {
    const result = deriveStatus('applications', [
      { status: 'received', at: '2026-11-20T10:00:00Z' },
      { status: 'rejected', at: '2026-11-21T10:00:00Z' },
      { status: 'objection', at: '2026-11-22T10:00:00Z' },
      { status: 'under_review', at: '2026-11-24T10:00:00Z' },
      { status: 'approved', at: '2026-11-25T10:00:00.000Z' },
      { status: 'assigned', at: '2026-11-25T10:00:00.001Z' },
    ]);
    expect(result.status).toBe('assigned');
    expect(result.skipped).toEqual([]);
    const upheld = { codes: ['not_hardship'] };
    expect(checkTransition('applications', 'objection', 'rejected', upheld).ok).toBe(true);
  });
});
