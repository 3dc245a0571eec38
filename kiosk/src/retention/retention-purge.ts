/**
 * Retention: once the center acknowledged an application (its 'received' case update) and the
 * device's retention window passed since that receipt, the personal data leaves the kiosk:
 * the applicant, the description the resident typed, and the photo bytes the center already
 * has. The tracking code, the status history, the lookup verifier and the consent record stay,
 * so "track my case" keeps working. The purged document is never pushed (the sync layer's push
 * modifier drops documents with `piiPurgedAt`), so the center keeps its full copy.
 *
 * Photos still waiting for upload are kept however old: the kiosk may be their only copy.
 * Expired drafts (forms left behind by a crash and never resumed) go too.
 */
import { isPurgeDue, type Application } from '@pls/shared/domain';
import { purgeExpiredDrafts, removeAttachmentFile, type LocalDatabase } from '@pls/shared/db';
import { receivedAtOf } from '../cases/case-store';

export interface PurgeReport {
  /** Ids of the applications whose personal data was removed now. */
  readonly purged: readonly string[];
  readonly photosRemoved: number;
  readonly draftsRemoved: number;
}

/** The same document without its personal fields; the schema stays satisfied. */
function withoutPersonalData(application: Application, at: Date): Application {
  const { applicant: _applicant, ...rest } = application;
  return { ...rest, description: '', piiPurgedAt: at.toISOString(), updatedAt: at.toISOString() };
}

/**
 * @param retentionDays from the center's device_config; undefined before it arrived, and then
 *   nothing personal is purged (only expired drafts).
 */
export async function purgeDuePersonalData(
  db: LocalDatabase,
  retentionDays: number | undefined,
  now: Date = new Date(),
): Promise<PurgeReport> {
  const applications = db.applications;
  if (!applications || !db.case_updates)
    throw new Error('the kiosk database lacks applications or case_updates');
  const candidates =
    retentionDays === undefined
      ? []
      : await applications.find({ selector: { piiPurgedAt: { $exists: false } } }).exec();
  const purged: string[] = [];
  let photosRemoved = 0;
  if (retentionDays !== undefined && candidates.length > 0) {
    const receivedAt = await receivedAtOf(
      db,
      candidates.map((doc) => doc.id),
    );
    for (const doc of candidates) {
      const due = isPurgeDue(
        { receivedAt: receivedAt.get(doc.id), retentionDays, piiPurgedAt: doc.piiPurgedAt },
        now,
      );
      if (!due) continue;
      await doc.incrementalModify((current) => withoutPersonalData(current, now));
      purged.push(doc.id);
    }
  }
  if (db.attachment_files) {
    // Photos of purged applications that the center has (or refused for good).
    const purgedIds = (
      await applications.find({ selector: { piiPurgedAt: { $exists: true } } }).exec()
    ).map((doc) => doc.id);
    if (purgedIds.length > 0) {
      const files = await db.attachment_files
        .find({ selector: { applicationId: { $in: purgedIds } } })
        .exec();
      for (const file of files) {
        if (file.uploadedAt === undefined && file.refusedReason === undefined) continue;
        await removeAttachmentFile(db, file.id);
        photosRemoved++;
      }
    }
  }
  const draftsRemoved = db.drafts ? await purgeExpiredDrafts(db, now) : 0;
  return { purged, photosRemoved, draftsRemoved };
}
