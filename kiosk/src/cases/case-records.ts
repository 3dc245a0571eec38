/**
 * The kiosk's one answer to "has the center received this case" and "what is its status",
 * from the case updates that came back through sync (pure). The receipt is the center's
 * 'received' case update, never a push that merely succeeded (design.md §5); the status is
 * derived from the 'received' and 'status' updates only (a note never moves a case).
 */
import {
  deriveStatus,
  type ApplicationStatus,
  type CaseCategory,
  type CaseUpdate,
  type LocalizedText,
  type MissingMaterial,
  type RefusalReason,
  type StatusEvent,
  type TrackingCode,
} from '@pls/shared/domain';

export type AuthoredText = NonNullable<CaseUpdate['reason']>;

export interface HistoryEntry {
  readonly status: ApplicationStatus;
  /** ISO time: the submission on this kiosk, then the center's server time. */
  readonly at: string;
  readonly reason?: AuthoredText;
  /** 第四十三条: why aid was refused, as codes labelled in the resident's language. */
  readonly refusalReasons?: readonly RefusalReason[];
  /** 第四十三条第二款: everything still to bring, asked once. */
  readonly missingMaterials?: readonly MissingMaterial[];
  /** The lawyer assigned (第四十三条), in both languages. */
  readonly lawyer?: { readonly name: LocalizedText; readonly phone?: string };
}

export interface CaseView {
  readonly caseId: string;
  readonly trackingCode: TrackingCode;
  readonly caseCategory: CaseCategory;
  readonly submittedAt: string;
  readonly status: ApplicationStatus;
  /** Oldest first, starting with the submission on this kiosk. */
  readonly history: readonly HistoryEntry[];
  /** The center's server time of its first receipt; absent until the receipt came back. */
  readonly receivedAt?: string;
  readonly centerReference?: string;
  readonly notes: readonly { readonly at: string; readonly text: AuthoredText }[];
  readonly piiPurged: boolean;
}

/** What of an application a case view needs (a purged application still has all of it). */
export type ApplicationLike = {
  readonly id: string;
  readonly trackingCode: string;
  readonly caseCategory: CaseCategory;
  readonly submittedAt: string;
  readonly piiPurgedAt?: string;
};

/** The receipt rule: a 'received' case update from the center. */
function isCenterReceipt(update: Pick<CaseUpdate, 'kind'>): boolean {
  return update.kind === 'received';
}

/** When the center first received each case, by case id (earliest receipt wins). */
export function receivedAtByCase(
  updates: readonly Pick<CaseUpdate, 'kind' | 'caseId' | 'serverTime'>[],
): Map<string, string> {
  const receivedAt = new Map<string, string>();
  for (const update of updates) {
    if (!isCenterReceipt(update)) continue;
    const earlier = receivedAt.get(update.caseId);
    if (earlier === undefined || update.serverTime < earlier) {
      receivedAt.set(update.caseId, update.serverTime);
    }
  }
  return receivedAt;
}

function statusUpdatesOf(updates: readonly CaseUpdate[]) {
  return updates.filter(
    (u): u is CaseUpdate & { status: ApplicationStatus } =>
      (u.kind === 'received' || u.kind === 'status' || u.kind === 'provider_assigned') &&
      u.status !== undefined,
  );
}

/** The current status of one case from its updates. */
export function caseStatusOf(updates: readonly CaseUpdate[]): ApplicationStatus {
  const events: StatusEvent[] = statusUpdatesOf(updates).map((u) => ({
    status: u.status,
    at: u.serverTime,
  }));
  return deriveStatus('applications', events).status as ApplicationStatus;
}

/** Status, receipt and history of one application from its own case updates. */
export function caseViewOf(application: ApplicationLike, updates: readonly CaseUpdate[]): CaseView {
  const own = updates.filter((u) => u.caseId === application.id);
  const statusUpdates = statusUpdatesOf(own);
  const derived = deriveStatus(
    'applications',
    statusUpdates.map((u) => ({ status: u.status, at: u.serverTime })),
  );
  const byEvent = new Map(statusUpdates.map((u) => [`${u.status}@${u.serverTime}`, u]));
  const history: HistoryEntry[] = [
    { status: 'submitted', at: application.submittedAt },
    ...derived.history.map((event): HistoryEntry => {
      const u = byEvent.get(`${event.status}@${event.at}`);
      const provider = u?.provider;
      return {
        status: event.status as ApplicationStatus,
        at: event.at,
        ...(u?.reason ? { reason: u.reason } : {}),
        ...(u?.refusalReasons?.length ? { refusalReasons: u.refusalReasons } : {}),
        ...(u?.missingMaterials?.length ? { missingMaterials: u.missingMaterials } : {}),
        ...(provider
          ? {
              lawyer: {
                name: provider.displayName ?? { zh: provider.name, mn: '', mnStatus: 'missing' },
                ...(provider.phone ? { phone: provider.phone } : {}),
              },
            }
          : {}),
      };
    }),
  ];
  const receivedAt = receivedAtByCase(own).get(application.id);
  const reference = own.find((u) => u.centerReference !== undefined)?.centerReference;
  const notes = own
    .filter((u) => u.kind === 'note' && u.answer !== undefined)
    .sort((a, b) => (a.serverTime < b.serverTime ? -1 : 1))
    .map((u) => ({ at: u.serverTime, text: u.answer! }));
  return {
    caseId: application.id,
    trackingCode: application.trackingCode as TrackingCode,
    caseCategory: application.caseCategory,
    submittedAt: application.submittedAt,
    status: derived.status as ApplicationStatus,
    history,
    ...(receivedAt ? { receivedAt } : {}),
    ...(reference ? { centerReference: reference } : {}),
    notes,
    piiPurged: application.piiPurgedAt !== undefined,
  };
}

/** Newest submission first. */
export function newestFirst(a: CaseView, b: CaseView): number {
  return a.submittedAt < b.submittedAt ? 1 : a.submittedAt > b.submittedAt ? -1 : 0;
}
