/**
 * "Track my case" on this kiosk, offline: the application and its case updates are local
 * documents. A lookup needs the tracking code and the last four characters of the ID number,
 * checked against the stored verifier (so it works after the personal data was purged). A
 * wrong code and a wrong last four give the same answer, so a guess tells nothing about
 * whether a code exists.
 */
import {
  deriveStatus,
  isLast4,
  normalizeLast4,
  verifyLookup,
  type ApplicationStatus,
  type CaseUpdate,
  type StatusEvent,
  type TrackingCode,
} from '@pls/shared/domain';
import type { LocalDatabase } from '@pls/shared/db';

export type AuthoredText = NonNullable<CaseUpdate['reason']>;

export interface HistoryEntry {
  readonly status: ApplicationStatus;
  /** ISO time: the submission on this kiosk, then the center's server time. */
  readonly at: string;
  readonly reason?: AuthoredText;
}

export interface CaseView {
  readonly trackingCode: TrackingCode;
  readonly status: ApplicationStatus;
  /** Oldest first, starting with the submission on this kiosk. */
  readonly history: readonly HistoryEntry[];
  readonly centerReference?: string;
  readonly notes: readonly { readonly at: string; readonly text: AuthoredText }[];
  readonly piiPurged: boolean;
}

export type LookupResult =
  | { readonly kind: 'found'; readonly view: CaseView }
  /** Unknown code or wrong last four: deliberately the same. */
  | { readonly kind: 'notFound' }
  | { readonly kind: 'invalidLast4' };

type ApplicationLike = {
  readonly id: string;
  readonly trackingCode: string;
  readonly submittedAt: string;
  readonly lookupVerifier: string;
  readonly piiPurgedAt?: string;
};

/** Status and history of one application from its case updates (pure). */
export function caseViewOf(application: ApplicationLike, updates: readonly CaseUpdate[]): CaseView {
  const statusUpdates = updates.filter(
    (u) => (u.kind === 'received' || u.kind === 'status') && u.status !== undefined,
  );
  const events: StatusEvent[] = statusUpdates.map((u) => ({ status: u.status!, at: u.serverTime }));
  const derived = deriveStatus('applications', events);
  const reasons = new Map<string, AuthoredText>();
  for (const u of statusUpdates) if (u.reason) reasons.set(`${u.status}@${u.serverTime}`, u.reason);
  const history: HistoryEntry[] = [
    { status: 'submitted', at: application.submittedAt },
    ...derived.history.map((event) => {
      const reason = reasons.get(`${event.status}@${event.at}`);
      return {
        status: event.status as ApplicationStatus,
        at: event.at,
        ...(reason ? { reason } : {}),
      };
    }),
  ];
  const reference = updates.find((u) => u.centerReference !== undefined)?.centerReference;
  const notes = updates
    .filter((u) => u.kind === 'note' && u.answer !== undefined)
    .sort((a, b) => (a.serverTime < b.serverTime ? -1 : 1))
    .map((u) => ({ at: u.serverTime, text: u.answer! }));
  return {
    trackingCode: application.trackingCode as TrackingCode,
    status: derived.status as ApplicationStatus,
    history,
    ...(reference ? { centerReference: reference } : {}),
    notes,
    piiPurged: application.piiPurgedAt !== undefined,
  };
}

async function updatesOf(db: LocalDatabase, caseId: string): Promise<CaseUpdate[]> {
  if (!db.case_updates) return [];
  const docs = await db.case_updates.find({ selector: { caseId } }).exec();
  return docs.map((d) => d.toMutableJSON());
}

export async function lookupCase(
  db: LocalDatabase,
  trackingCode: TrackingCode,
  last4: string,
): Promise<LookupResult> {
  if (!isLast4(last4)) return { kind: 'invalidLast4' };
  const applications = db.applications;
  if (!applications) return { kind: 'notFound' };
  const doc = await applications.findOne({ selector: { trackingCode } }).exec();
  // Run the hash even for an unknown code, so both refusals take the same time.
  const verifier = doc?.lookupVerifier ?? '0'.repeat(64);
  const matches = await verifyLookup(trackingCode, normalizeLast4(last4), verifier);
  if (!doc || !matches) return { kind: 'notFound' };
  return { kind: 'found', view: caseViewOf(doc, await updatesOf(db, doc.id)) };
}

/**
 * Applications of the person whose card was just read: only those whose stored ID number
 * matches in full. Purged applications have no ID number left, so they are not found this way
 * (their holder types the tracking code, with the card's last four filled in).
 */
export async function findByIdNumber(db: LocalDatabase, idNumber: string): Promise<CaseView[]> {
  const applications = db.applications;
  if (!applications) return [];
  const docs = await applications.find({ selector: { piiPurgedAt: { $exists: false } } }).exec();
  const mine = docs.filter((doc) => doc.applicant?.idNumber === idNumber);
  const views: CaseView[] = [];
  for (const doc of mine) views.push(caseViewOf(doc, await updatesOf(db, doc.id)));
  return views.sort((a, b) => ((a.history[0]?.at ?? '') < (b.history[0]?.at ?? '') ? 1 : -1));
}
