/**
 * Status machines of the three kinds of case a resident can open. Only the center changes a
 * status (by writing a case_updates document); devices derive the current status from those
 * updates. The allowed transitions are data, so the console, the server and the tests read
 * the same table.
 */
import { err, ok, type Result } from './result';

export const APPLICATION_STATUSES = [
  'submitted', // saved on the device, not yet at the center
  'received', // the center has it (server receipt)
  'under_review',
  'needs_materials',
  'approved', // legal aid granted; a lawyer is or will be assigned
  'rejected',
  'closed',
] as const;
export type ApplicationStatus = (typeof APPLICATION_STATUSES)[number];

export const APPLICATION_TRANSITIONS: Readonly<
  Record<ApplicationStatus, readonly ApplicationStatus[]>
> = {
  submitted: ['received'],
  received: ['under_review', 'rejected'],
  under_review: ['needs_materials', 'approved', 'rejected'],
  needs_materials: ['under_review', 'rejected'],
  approved: ['closed'],
  // Reconsidered after an objection to the decision (法律援助法 第四十九条).
  rejected: ['under_review'],
  closed: [],
};

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

/** Transitions that must carry a reason the resident can read. */
const NEEDS_REASON: ReadonlySet<string> = new Set([
  'applications:rejected',
  'applications:needs_materials',
  'appointments:declined',
  'appointments:cancelled',
]);

export type TransitionError =
  | { readonly kind: 'unknownStatus'; readonly status: string }
  | {
      readonly kind: 'notAllowed';
      readonly from: string;
      readonly to: string;
      readonly allowed: readonly string[];
    }
  | { readonly kind: 'reasonRequired'; readonly to: string };

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

export function checkTransition(
  kind: CaseKind,
  from: string,
  to: string,
  reason?: string,
): Result<void, TransitionError> {
  if (!isStatusOf(kind, from)) return err({ kind: 'unknownStatus', status: from });
  if (!isStatusOf(kind, to)) return err({ kind: 'unknownStatus', status: to });
  if (!canTransition(kind, from, to)) {
    return err({ kind: 'notAllowed', from, to, allowed: allowedNextStatuses(kind, from) });
  }
  if (reasonRequired(kind, to) && (reason === undefined || reason.trim() === '')) {
    return err({ kind: 'reasonRequired', to });
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
