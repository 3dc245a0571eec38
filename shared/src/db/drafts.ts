/**
 * Drafts: a case form saved after every step (encrypted), found again after a power cut, and
 * purged when submitted or expired so the next resident never sees it.
 */
import type { RxDocument } from 'rxdb';
import { newDocumentId } from '../domain/ids';
import type { CaseKind } from '../domain/case-status';
import type { LocalDatabase } from './create-local-database';
import { anyCollection, requireCollection } from './collection-access';
import type { Draft } from './local-schemas';

export const DEFAULT_DRAFT_TTL_HOURS = 24;

export interface SaveDraftInput {
  /** Absent for a new draft. */
  readonly id?: string;
  readonly caseKind: CaseKind;
  readonly step: string;
  readonly data: Record<string, unknown>;
  readonly ttlHours?: number;
  readonly now?: Date;
}

function draftsOf(db: LocalDatabase) {
  return requireCollection(db, 'drafts');
}

export async function saveDraft(db: LocalDatabase, input: SaveDraftInput): Promise<Draft> {
  const drafts = draftsOf(db);
  const now = input.now ?? new Date();
  const id = input.id ?? newDocumentId(now);
  const existing = input.id ? await drafts.findOne(input.id).exec() : null;
  const draft: Draft = {
    id,
    caseKind: input.caseKind,
    step: input.step,
    data: input.data,
    createdAt: existing?.createdAt ?? now.toISOString(),
    updatedAt: now.toISOString(),
    expiresAt: new Date(
      now.getTime() + (input.ttlHours ?? DEFAULT_DRAFT_TTL_HOURS) * 3_600_000,
    ).toISOString(),
  };
  await drafts.upsert(draft);
  return draft;
}

/** Drafts not yet expired, newest first. */
export async function listDrafts(db: LocalDatabase, now: Date = new Date()): Promise<Draft[]> {
  const docs = await draftsOf(db)
    .find({ selector: { expiresAt: { $gt: now.toISOString() } }, sort: [{ expiresAt: 'desc' }] })
    .exec();
  return docs.map((doc) => doc.toMutableJSON());
}

/**
 * RxDB keeps a removed document's last body as a tombstone until cleanup: blank the form
 * first so no personal data outlives the draft.
 */
async function blankAndRemove(doc: RxDocument<Draft>): Promise<void> {
  const blanked = await doc.incrementalPatch({ data: {} });
  await blanked.remove();
}

export async function deleteDraft(db: LocalDatabase, id: string): Promise<void> {
  const doc = await draftsOf(db).findOne(id).exec();
  if (doc) await blankAndRemove(doc);
}

/**
 * Removes drafts whose case was stored after all: the kiosk stopped between a submission's
 * insert and the draft's discard (a case takes its draft's id, kiosk submit-application.ts).
 * Such a draft must not be offered again: the case is already in the outbox. Returns how many.
 */
export async function removeSubmittedDrafts(db: LocalDatabase): Promise<number> {
  const drafts = await draftsOf(db).find().exec();
  let removed = 0;
  for (const draft of drafts) {
    const cases = anyCollection(db, draft.caseKind);
    if (!cases || (await cases.findOne(draft.id).exec()) === null) continue;
    await blankAndRemove(draft);
    removed += 1;
  }
  return removed;
}

/** Removes expired drafts; returns how many. */
export async function purgeExpiredDrafts(
  db: LocalDatabase,
  now: Date = new Date(),
): Promise<number> {
  const expired = await draftsOf(db)
    .find({ selector: { expiresAt: { $lte: now.toISOString() } } })
    .exec();
  for (const doc of expired) await blankAndRemove(doc);
  return expired.length;
}
