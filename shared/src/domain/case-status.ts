/**
 * Status machines of the three kinds of case a resident can open. Only the center changes a
 * status (by writing a case_updates document); devices derive the current status from those
 * updates. The allowed transitions are data, so the console, the server and the tests read
 * the same table.
 */
import { err, ok, type Result } from './result';

/**
 * Legal-aid applications follow 《中华人民共和国法律援助法》 (text in the content pack,
 * law-legal-aid-law-43/44/49); the article that makes each step is cited beside it.
 */
export const APPLICATION_STATUSES = [
  'submitted', // saved on the device, not yet at the center
  'received', // the center has it (server receipt); 第四十三条's seven days run from here
  'under_review',
  // 第四十三条第二款: materials missing are asked for once, all together (一次性告知).
  'needs_materials',
  // 第四十四条: aid given first (先行提供) when a time limit ends within 7 days or 保全 is urgent.
  'urgent_aid',
  'approved', // 第四十三条: legal aid granted; a lawyer to be assigned within 3 days
  'assigned', // 第四十三条: 指派法律援助人员 done
  'rejected', // 第四十三条: refused in writing, with the reason
  // 第四十九条: the applicant objects to a refusal; the 司法行政部门 reviews within 5 days.
  'objection',
  // 第四十三条第二款: materials never came, 视为撤回申请.
  'withdrawn',
  'closed',
] as const;
export type ApplicationStatus = (typeof APPLICATION_STATUSES)[number];

export const APPLICATION_TRANSITIONS: Readonly<
  Record<ApplicationStatus, readonly ApplicationStatus[]>
> = {
  submitted: ['received'],
  received: ['under_review', 'needs_materials', 'urgent_aid', 'rejected'],
  under_review: ['needs_materials', 'approved', 'urgent_aid', 'rejected'],
  // Asked once (一次性告知): no second request for materials from here, only review resumed,
  // a refusal, or 视为撤回 when they never came (第四十三条第二款).
  needs_materials: ['under_review', 'rejected', 'withdrawn'],
  // 第四十四条: a lawyer may be assigned at once; the resident 补办手续, then it is decided.
  urgent_aid: ['assigned', 'needs_materials', 'approved', 'rejected'],
  approved: ['assigned', 'closed'],
  assigned: ['closed'],
  rejected: ['objection', 'closed'],
  // 第四十九条: 维持 (refusal stands) or 责令改正 (reviewed again).
  objection: ['rejected', 'under_review'],
  withdrawn: [],
  closed: [],
};

/** Statuses with no way on: the case is over on this path. */
export const FINAL_APPLICATION_STATUSES: readonly ApplicationStatus[] = ['withdrawn', 'closed'];

export const QUESTION_STATUSES = ['submitted', 'received', 'answered', 'closed'] as const;
export type QuestionStatus = (typeof QUESTION_STATUSES)[number];

export const QUESTION_TRANSITIONS: Readonly<Record<QuestionStatus, readonly QuestionStatus[]>> = {
  submitted: ['received'],
  received: ['answered', 'closed'],
  // A follow-up answer may come; a resident's new question is a new case.
  answered: ['answered', 'closed'],
  closed: [],
};

export const APPOINTMENT_STATUSES = [
  'requested',
  'received',
  'confirmed',
  'declined',
  'completed',
  'cancelled',
  'no_show',
] as const;
export type AppointmentStatus = (typeof APPOINTMENT_STATUSES)[number];

export const APPOINTMENT_TRANSITIONS: Readonly<
  Record<AppointmentStatus, readonly AppointmentStatus[]>
> = {
  requested: ['received'],
  received: ['confirmed', 'declined'],
  confirmed: ['completed', 'cancelled', 'no_show', 'confirmed'], // re-confirmed at a new time
  declined: [],
  completed: [],
  cancelled: [],
  no_show: [],
};

export const CASE_KINDS = ['applications', 'questions', 'appointments'] as const;
export type CaseKind = (typeof CASE_KINDS)[number];

export type CaseStatus = ApplicationStatus | QuestionStatus | AppointmentStatus;

export const ALL_CASE_STATUSES: readonly CaseStatus[] = [
  ...new Set<CaseStatus>([...APPLICATION_STATUSES, ...QUESTION_STATUSES, ...APPOINTMENT_STATUSES]),
];

const TABLES: Readonly<Record<CaseKind, Readonly<Record<string, readonly string[]>>>> = {
  applications: APPLICATION_TRANSITIONS,
  questions: QUESTION_TRANSITIONS,
  appointments: APPOINTMENT_TRANSITIONS,
};

export const INITIAL_STATUS: Readonly<Record<CaseKind, CaseStatus>> = {
  applications: 'submitted',
  questions: 'submitted',
  appointments: 'requested',
};

/** Transitions that must carry a reason the resident can read (a code or a text). */
const NEEDS_REASON: ReadonlySet<string> = new Set([
  // 第四十三条: 决定不给予法律援助的，应当书面告知申请人，并说明理由.
  'applications:rejected',
  // 第四十三条第二款: 一次性告知申请人需要补充的材料.
  'applications:needs_materials',
  'appointments:declined',
  'appointments:cancelled',
]);

/** Why a decision was made: codes from a list (decision-codes.ts), free text, or both. */
export interface DecisionReason {
  readonly text?: string;
  readonly codes?: readonly string[];
}

export type TransitionError =
  | { readonly kind: 'unknownStatus'; readonly status: string }
  | {
      readonly kind: 'notAllowed';
      readonly from: string;
      readonly to: string;
      readonly allowed: readonly string[];
    }
  | { readonly kind: 'reasonRequired'; readonly to: string }
  /** 第四十三条第二款: missing materials are asked for once, all together (一次性告知). */
  | { readonly kind: 'materialsAlreadyRequested' };

export function isStatusOf(kind: CaseKind, status: string): boolean {
  return Object.hasOwn(TABLES[kind], status);
}

export function allowedNextStatuses(kind: CaseKind, from: string): readonly string[] {
  return TABLES[kind][from] ?? [];
}

export function canTransition(kind: CaseKind, from: string, to: string): boolean {
  return allowedNextStatuses(kind, from).includes(to);
}

export function reasonRequired(kind: CaseKind, to: string): boolean {
  return NEEDS_REASON.has(`${kind}:${to}`);
}

function hasReason(reason: string | DecisionReason | undefined): boolean {
  if (reason === undefined) return false;
  if (typeof reason === 'string') return reason.trim() !== '';
  return (reason.text ?? '').trim() !== '' || (reason.codes ?? []).length > 0;
}

/**
 * Whether a case may move `from` → `to` now. `earlier` lists the statuses the case has had
 * (its history), for the rules that depend on it: materials are requested only once.
 */
export function checkTransition(
  kind: CaseKind,
  from: string,
  to: string,
  reason?: string | DecisionReason,
  earlier: readonly string[] = [],
): Result<void, TransitionError> {
  if (!isStatusOf(kind, from)) return err({ kind: 'unknownStatus', status: from });
  if (!isStatusOf(kind, to)) return err({ kind: 'unknownStatus', status: to });
  if (!canTransition(kind, from, to)) {
    return err({ kind: 'notAllowed', from, to, allowed: allowedNextStatuses(kind, from) });
  }
  if (reasonRequired(kind, to) && !hasReason(reason)) {
    return err({ kind: 'reasonRequired', to });
  }
  if (
    kind === 'applications' &&
    to === 'needs_materials' &&
    (from === 'needs_materials' || earlier.includes('needs_materials'))
  ) {
    return err({ kind: 'materialsAlreadyRequested' });
  }
  return ok();
}

export interface StatusEvent {
  readonly status: string;
  /** Server time of the update, ISO 8601. */
  readonly at: string;
}

/**
 * Current status from a case's status updates, in the order the center wrote them.
 * Updates that do not follow the table are skipped (and reported), never trusted blindly.
 */
export function deriveStatus(
  kind: CaseKind,
  events: readonly StatusEvent[],
): { status: CaseStatus; history: StatusEvent[]; skipped: StatusEvent[] } {
  let status: string = INITIAL_STATUS[kind];
  const history: StatusEvent[] = [];
  const skipped: StatusEvent[] = [];
  const ordered = [...events].sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
  for (const event of ordered) {
    if (canTransition(kind, status, event.status)) {
      status = event.status;
      history.push(event);
    } else {
      skipped.push(event);
    }
  }
  return { status: status as CaseStatus, history, skipped };
}
