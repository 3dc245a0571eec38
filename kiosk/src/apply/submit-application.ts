/**
 * Submitting: a tracking code from the device's sequence, the photos stored (encrypted) as
 * attachment files, the application validated and inserted. The insert is the outbox entry:
 * the replication pushes it when the center is reachable, and uploads the photos after it.
 * Order matters: the bytes are stored before the application that names them, so an
 * application never points at photos that are not there; if the insert fails they are removed.
 * The application takes the id of the form's draft. A kiosk killed after the insert but before
 * the draft was discarded comes back with both; the draft then names a case already in the
 * outbox, so it is not offered again (shared/db drafts.ts) and submitting it again answers the
 * stored application instead of a second one: one case in the outbox, pushed once. A kill
 * before the insert leaves photos of no application under that id; they are removed first.
 * Every write failure is a Result: a full disk (IndexedDB quota) is 'storageFull', so the screen
 * can say so, keep the form as it is (the draft is not touched here) and call staff.
 */
import {
  asDocumentId,
  newDocumentId,
  err,
  ok,
  type Application,
  type Language,
  type Result,
  type TrackingCode,
} from '@pls/shared/domain';
import {
  isStorageFull,
  nextTrackingCode,
  removeAttachmentFile,
  storeAttachmentFile,
  type LocalDatabase,
} from '@pls/shared/db';
import type { Enrollment } from '../boot/enrollment';
import type { ApplyDraft, PhotoDraft } from './apply-flow';
import { buildApplication, type BuildApplicationError } from './build-application';

export interface PhotoBytes {
  readonly mimeType: PhotoDraft['mimeType'];
  readonly bytes: Uint8Array;
}

export interface SubmitInput {
  readonly draft: ApplyDraft;
  /** Bytes of the draft's photos, by PhotoDraft id. */
  readonly photoBytes: ReadonlyMap<string, PhotoBytes>;
  readonly enrollment: Enrollment;
  readonly language: Language;
  /** The id of the form's draft: the application's id, so a submission happens once. */
  readonly draftId?: string;
  readonly now?: Date;
}

export type SubmitError =
  | BuildApplicationError
  | { readonly kind: 'photoMissing'; readonly photoId: string }
  /** The device's storage is full (IndexedDB quota): nothing was stored. */
  | { readonly kind: 'storageFull' }
  | { readonly kind: 'storage'; readonly message: string };

export async function submitApplication(
  db: LocalDatabase,
  input: SubmitInput,
): Promise<Result<Application, SubmitError>> {
  const applications = db.applications;
  if (!applications) throw new Error('the kiosk database has no applications collection');
  const now = input.now ?? new Date();
  for (const photo of input.draft.photos) {
    if (!input.photoBytes.has(photo.id)) return err({ kind: 'photoMissing', photoId: photo.id });
  }
  // A draft's id is a document id (the keeper makes it with newDocumentId).
  const id = input.draftId === undefined ? newDocumentId(now) : asDocumentId(input.draftId);
  const stored: string[] = [];
  try {
    const already = await applications.findOne(id).exec();
    if (already) return ok(already.toMutableJSON() as Application);
    await removeFiles(db, await leftoverFiles(db, id));
    // Inside the try: the sequence is a write too, and the first to fail on a full disk.
    const trackingCode: TrackingCode = await nextTrackingCode(db, input.enrollment.deviceTag, now);
    const photos: PhotoDraft[] = [];
    for (const photo of input.draft.photos) {
      const file = input.photoBytes.get(photo.id)!;
      const meta = await storeAttachmentFile(db, {
        applicationId: id,
        kind: 'material_photo',
        mimeType: file.mimeType,
        bytes: file.bytes,
        now,
      });
      stored.push(meta.id);
      photos.push(meta);
    }
    const built = await buildApplication(
      { ...input.draft, photos },
      {
        id,
        deviceId: input.enrollment.deviceId,
        stationId: input.enrollment.stationId,
        trackingCode,
        language: input.language,
        now,
      },
    );
    if (!built.ok) {
      await removeFiles(db, stored);
      return built;
    }
    await applications.insert(built.value);
    return ok(built.value);
  } catch (error) {
    await removeFiles(db, stored);
    if (isStorageFull(error)) return err({ kind: 'storageFull' });
    return err({
      kind: 'storage',
      message: error instanceof Error ? error.message : String(error),
    });
  }
}

/** Photos stored for this id by a submission that was cut off before its insert. */
async function leftoverFiles(db: LocalDatabase, applicationId: string): Promise<string[]> {
  const files = db.attachment_files;
  if (!files) return [];
  const found = await files.find({ selector: { applicationId } }).exec();
  return found.map((f) => f.id);
}

async function removeFiles(db: LocalDatabase, ids: readonly string[]): Promise<void> {
  for (const id of ids) await removeAttachmentFile(db, id).catch(() => undefined);
}
