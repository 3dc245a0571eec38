import { describe, expect, it } from 'vitest';
import type { CaseUpdate } from '@pls/shared/domain';
import { sampleCaseUpdate } from '@pls/shared/testing';
import { caseStatusOf, caseViewOf, receivedAtByCase } from './case-records';

const APPLICATION = {
  id: 'case-1',
  trackingCode: 'K7Q2M9X4PDHT',
  caseCategory: 'wage_arrears',
  submittedAt: '2026-11-02T09:00:00.000Z',
} as const;

function update(overrides: Partial<CaseUpdate>): CaseUpdate {
  return { ...sampleCaseUpdate({ caseId: APPLICATION.id }), ...overrides } as CaseUpdate;
}

describe('case records (the receipt rule and the status)', () => {
  it('counts only a received update as the center having the case, the earliest one', () => {
    const updates = [
      update({ id: 'u1', kind: 'note', serverTime: '2026-11-02T09:01:00.000Z' }),
      update({
        id: 'u2',
        kind: 'received',
        status: 'received',
        serverTime: '2026-11-02T10:00:00.000Z',
      }),
      update({
        id: 'u3',
        kind: 'received',
        status: 'received',
        serverTime: '2026-11-02T09:30:00.000Z',
      }),
      update({
        id: 'u4',
        kind: 'received',
        caseId: 'other',
        serverTime: '2026-11-01T00:00:00.000Z',
      }),
    ];
    const byCase = receivedAtByCase(updates);
    expect(byCase.get(APPLICATION.id)).toBe('2026-11-02T09:30:00.000Z');
    expect(byCase.get('other')).toBe('2026-11-01T00:00:00.000Z');
    expect(receivedAtByCase([updates[0]!]).size).toBe(0);
    expect(caseViewOf(APPLICATION, updates).receivedAt).toBe('2026-11-02T09:30:00.000Z');
  });

  it('derives the status from received and status updates only, ignoring other cases', () => {
    const updates = [
      update({
        id: 'u1',
        kind: 'received',
        status: 'received',
        serverTime: '2026-11-02T10:00:00.000Z',
      }),
      update({
        id: 'u2',
        kind: 'status',
        status: 'under_review',
        serverTime: '2026-11-03T10:00:00.000Z',
      }),
      update({
        id: 'u3',
        kind: 'status',
        status: 'approved',
        caseId: 'other',
        serverTime: '2026-11-04T10:00:00.000Z',
      }),
    ];
    const view = caseViewOf(APPLICATION, updates);
    expect(view.status).toBe('under_review');
    expect(view.history.map((h) => h.status)).toEqual(['submitted', 'received', 'under_review']);
    expect(view).toMatchObject({
      caseCategory: 'wage_arrears',
      submittedAt: APPLICATION.submittedAt,
    });
    expect(caseStatusOf(updates.slice(0, 1))).toBe('received');
    expect(caseViewOf(APPLICATION, []).status).toBe('submitted');
    expect(caseViewOf(APPLICATION, []).receivedAt).toBeUndefined();
  });
});
