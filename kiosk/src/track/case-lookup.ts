/**
 * "Track my case" on this kiosk, offline: the application and its case updates are local
 * documents. A lookup needs the tracking code and the last four characters of the ID number,
 * checked against the stored verifier (so it works after the personal data was purged). A
 * wrong code and a wrong last four give the same answer, so a guess tells nothing about
 * whether a code exists. Status and receipt come from the kiosk's case data layer (cases/).
 */
import { isLast4, normalizeLast4, verifyLookup, type TrackingCode } from '@pls/shared/domain';
import type { LocalDatabase } from '@pls/shared/db';
import { caseViewOf, newestFirst, type CaseView } from '../cases/case-records';
import { caseUpdatesOf, caseViewFor } from '../cases/case-store';

export type { CaseView } from '../cases/case-records';

export type LookupResult =
  | { readonly kind: 'found'; readonly view: CaseView }
  /** Unknown code or wrong last four: deliberately the same. */
  | { readonly kind: 'notFound' }
  | { readonly kind: 'invalidLast4' };

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
  return { kind: 'found', view: await caseViewFor(db, doc.toMutableJSON()) };
}

/**
 * Applications of the person whose card was just read, newest first: only those whose stored
 * ID number matches in full. Purged applications have no ID number left, so they are not found
 * this way (their holder types the tracking code, with the card's last four filled in).
 */
export async function findByIdNumber(db: LocalDatabase, idNumber: string): Promise<CaseView[]> {
  const applications = db.applications;
  if (!applications) return [];
  const docs = await applications.find({ selector: { piiPurgedAt: { $exists: false } } }).exec();
  const mine = docs.filter((doc) => doc.applicant?.idNumber === idNumber);
  const updates = await caseUpdatesOf(
    db,
    mine.map((doc) => doc.id),
  );
  return mine.map((doc) => caseViewOf(doc, updates)).sort(newestFirst);
}
