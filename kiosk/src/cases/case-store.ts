/**
 * The kiosk's case data from its local database: every screen and job that asks whether the
 * center has a case, or what its status is, asks here (the rules themselves are in
 * case-records.ts). Reads return plain objects; watches are observables that re-answer as sync
 * brings new case updates.
 */
import { combineLatest, map, of, type Observable } from 'rxjs';
import type { Application, CaseUpdate } from '@pls/shared/domain';
import type { DatabaseWith, LocalDatabase } from '@pls/shared/db';
import { caseViewOf, receivedAtByCase, type CaseView } from './case-records';

/** Case updates of the given cases. */
export async function caseUpdatesOf(
  db: LocalDatabase,
  caseIds: readonly string[],
): Promise<CaseUpdate[]> {
  if (!db.case_updates || caseIds.length === 0) return [];
  const docs = await db.case_updates.find({ selector: { caseId: { $in: [...caseIds] } } }).exec();
  return docs.map((d) => d.toMutableJSON());
}

/** When the center received each of the given cases (cases it has not received are absent). */
export async function receivedAtOf(
  db: LocalDatabase,
  caseIds: readonly string[],
): Promise<Map<string, string>> {
  if (!db.case_updates || caseIds.length === 0) return new Map();
  const receipts = await db.case_updates
    .find({ selector: { caseId: { $in: [...caseIds] }, kind: 'received' } })
    .exec();
  return receivedAtByCase(receipts.map((d) => d.toMutableJSON()));
}

/** The view of one stored application. */
export async function caseViewFor(db: LocalDatabase, application: Application): Promise<CaseView> {
  return caseViewOf(application, await caseUpdatesOf(db, [application.id]));
}

/** The center's receipt time for one case as it arrives (undefined until it has). */
export function watchReceivedAt(db: LocalDatabase, caseId: string): Observable<string | undefined> {
  if (!db.case_updates) return of(undefined);
  return db.case_updates
    .find({ selector: { caseId, kind: 'received' } })
    .$.pipe(map((docs) => receivedAtByCase(docs.map((d) => d.toMutableJSON())).get(caseId)));
}

/** Emits whenever a receipt arrives or changes (the retention job runs on it). */
export function watchReceipts(db: DatabaseWith<'case_updates'>): Observable<unknown> {
  return db.case_updates.find({ selector: { kind: 'received' } }).$;
}

/** One application of this station with its case view, for staff mode. */
export interface StationCase {
  readonly application: Application;
  readonly view: CaseView;
}

/** The station's latest applications (newest first) with status and receipt, kept current. */
export function watchStationCases(db: LocalDatabase, limit = 100): Observable<StationCase[]> {
  if (!db.applications) return of([]);
  const applications$ = db.applications
    .find({ sort: [{ createdAt: 'desc' }], limit })
    .$.pipe(map((docs) => docs.map((d) => d.toMutableJSON())));
  const updates$: Observable<CaseUpdate[]> = db.case_updates
    ? db.case_updates.find().$.pipe(map((docs) => docs.map((d) => d.toMutableJSON())))
    : of([]);
  return combineLatest([applications$, updates$]).pipe(
    map(([applications, updates]) => {
      const byCase = new Map<string, CaseUpdate[]>();
      for (const u of updates) byCase.set(u.caseId, [...(byCase.get(u.caseId) ?? []), u]);
      return applications.map((application) => ({
        application,
        view: caseViewOf(application, byCase.get(application.id) ?? []),
      }));
    }),
  );
}
