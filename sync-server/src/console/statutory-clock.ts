/**
 * Time limits of 《中华人民共和国法律援助法》 the inbox shows on every case. The clock runs from
 * the center's receipt (the law's date), not from when the resident filed on a device.
 */
const DAY_MS = 24 * 60 * 60 * 1000;

/** 第四十三条: 法律援助机构应当自收到法律援助申请之日起七日内进行审查，作出是否给予法律援助的决定. */
export const DECISION_LIMIT_DAYS = 7;
/** A case that waited on an offline device longer than this is flagged: call the resident first. */
const OFFLINE_FLAG_MS = DAY_MS;

/** Statuses in which the 7-day decision clock of 第四十三条 is running. */
const DECISION_PENDING: ReadonlySet<string> = new Set(['received', 'under_review']);

export interface CaseClock {
  readonly dueAt: string | null;
  readonly overdue: boolean;
  readonly offlineFlag: boolean;
}

export function caseClock(input: {
  readonly caseKind: string;
  readonly status: string;
  readonly receivedAt: Date;
  readonly filedAt: Date | null;
  readonly now: Date;
}): CaseClock {
  const offlineFlag =
    input.filedAt !== null &&
    input.receivedAt.getTime() - input.filedAt.getTime() > OFFLINE_FLAG_MS;
  if (input.caseKind !== 'applications') return { dueAt: null, overdue: false, offlineFlag };
  const due = new Date(input.receivedAt.getTime() + DECISION_LIMIT_DAYS * DAY_MS);
  return {
    dueAt: due.toISOString(),
    overdue: DECISION_PENDING.has(input.status) && input.now.getTime() > due.getTime(),
    offlineFlag,
  };
}
