/**
 * Uploads the photo bytes of applications the center has (pushed), one by one. Idempotent on
 * both sides: the server stores bytes by sha256, the device marks a file uploaded only after
 * the server said so.
 */
import type { LocalDatabase } from '../db/create-local-database';
import {
  markAttachmentFile,
  pendingAttachmentFiles,
  readAttachmentBytes,
} from '../db/attachment-files';
import { err, ok, type Result } from '../domain/result';
import type { HttpFailure, SyncHttp } from './sync-http';

export interface UploadReport {
  readonly uploaded: number;
  readonly refused: number;
  /** Files whose application the server does not have yet (pushed later). */
  readonly waiting: number;
}

/** The failure that stopped a round (network, server), with what the round did before it. */
export interface UploadFailure {
  readonly failure: HttpFailure;
  readonly report: UploadReport;
}

export async function uploadPendingAttachments(
  db: LocalDatabase,
  put: SyncHttp['putAttachment'],
  now: () => Date = () => new Date(),
): Promise<Result<UploadReport, UploadFailure>> {
  let uploaded = 0;
  let refused = 0;
  let waiting = 0;
  for (const file of await pendingAttachmentFiles(db)) {
    const bytes = await readAttachmentBytes(db, file.id);
    if (!bytes) {
      await markAttachmentFile(db, file.id, { refusedReason: 'bytes missing on the device' });
      refused++;
      continue;
    }
    const result = await put(file.applicationId, file.id, file.mimeType, bytes);
    if (result.ok) {
      await markAttachmentFile(db, file.id, { uploadedAt: now().toISOString() });
      uploaded++;
    } else if (result.error.kind === 'client' && result.error.code === 'application_unknown') {
      waiting++;
    } else if (result.error.kind === 'client' && result.error.code === 'attachment_mismatch') {
      await markAttachmentFile(db, file.id, { refusedReason: result.error.message.slice(0, 300) });
      refused++;
    } else {
      return err({ failure: result.error, report: { uploaded, refused, waiting } });
    }
  }
  return ok({ uploaded, refused, waiting });
}
