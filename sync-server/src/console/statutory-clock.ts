/**
 * Time limits of 《中华人民共和国法律援助法》 the inbox shows on every application. The decision
 * clock runs from the center's receipt (the law's date), not from when the resident filed on a
 * device; the assignment and objection clocks from when the case entered that status.
 */
import { LEGAL_AID_LIMIT_DAYS } from '@pls/shared/domain';

const DAY_MS = 24 * 60 * 60 * 1000;

/** 第四十三条: 法律援助机构应当自收到法律援助申请之日起七日内进行审查，作出是否给予法律援助的决定. */
export const DECISION_LIMIT_DAYS = LEGAL_AID_LIMIT_DAYS.decision;
/** 第四十三条: 决定给予法律援助的，应当自作出决定之日起三日内指派法律援助人员. */
export const ASSIGNMENT_LIMIT_DAYS = LEGAL_AID_LIMIT_DAYS.assignment;
/** 第四十九条: 司法行政部门应当自收到异议之日起五日内进行审查. */
export const OBJECTION_LIMIT_DAYS = LEGAL_AID_LIMIT_DAYS.objection;
/** A case that waited on an offline device longer than this is flagged: call the resident first. */
const OFFLINE_FLAG_MS = DAY_MS;

/** Statuses in which the 7-day decision clock of 第四十三条 is running. */
export const DECISION_PENDING = ['received', 'under_review'] as const;

export type ClockKind = 'decision' | 'assignment' | 'objection';

export interface CaseClock {
  /** Which limit the due date is of; null when no clock runs in this status. */
  readonly clock: ClockKind | null;
  readonly dueAt: string | null;
  readonly overdue: boolean;
  readonly offlineFlag: boolean;
}

export function caseClock(input: {
  readonly caseKind: string;
  readonly status: string;
  readonly receivedAt: Date;
  readonly filedAt: Date | null;
  /** When the case entered its current status (the decision, the objection). */
  readonly statusSince?: Date;
  readonly now: Date;
}): CaseClock {
  const offlineFlag =
    input.filedAt !== null &&
    input.receivedAt.getTime() - input.filedAt.getTime() > OFFLINE_FLAG_MS;
  if (input.caseKind !== 'applications')
    return { clock: null, dueAt: null, overdue: false, offlineFlag };
  const since = input.statusSince ?? input.receivedAt;
  const running = (clock: ClockKind, from: Date, days: number): CaseClock => {
    const due = new Date(from.getTime() + days * DAY_MS);
    return {
      clock,
      dueAt: due.toISOString(),
      overdue: input.now.getTime() > due.getTime(),
      offlineFlag,
    };
  };
  if (input.status === 'approved') return running('assignment', since, ASSIGNMENT_LIMIT_DAYS);
  if (input.status === 'objection') return running('objection', since, OBJECTION_LIMIT_DAYS);
  const decision = running('decision', input.receivedAt, DECISION_LIMIT_DAYS);
  return (DECISION_PENDING as readonly string[]).includes(input.status)
    ? decision
    : { ...decision, overdue: false };
}
