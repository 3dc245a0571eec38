/**
 * Photo bytes of applications, kept encrypted on the device until the center has them. The
 * application carries only the metadata (`attachments`), with the same id and sha256 the
 * server checks the uploaded bytes against.
 */
import type { AttachmentMeta } from '../domain/schemas/applications';
import { newDocumentId } from '../domain/ids';
import type { LocalDatabase } from './create-local-database';
import { requireCollection } from './collection-access';
import type { AttachmentFile } from './local-schemas';

const DATA_ATTACHMENT_ID = 'data';
export const MAX_ATTACHMENT_BYTES = 5_000_000;

export interface StoreAttachmentInput {
  readonly applicationId: string;
  readonly kind: AttachmentMeta['kind'];
  readonly mimeType: AttachmentMeta['mimeType'];
  readonly bytes: Uint8Array;
  readonly now?: Date;
}

function filesOf(db: LocalDatabase) {
  return requireCollection(db, 'attachment_files');
}

export async function sha256Hex(bytes: Uint8Array): Promise<string> {
  const digest = await globalThis.crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>);
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/**
 * Stores the bytes and returns the metadata to put into the application's `attachments`.
 * Store first, then save the application: an application never names bytes that are missing.
 */
export async function storeAttachmentFile(
  db: LocalDatabase,
  input: StoreAttachmentInput,
): Promise<AttachmentMeta> {
  if (input.bytes.byteLength === 0 || input.bytes.byteLength > MAX_ATTACHMENT_BYTES) {
    throw new Error(`attachment size ${input.bytes.byteLength} outside 1..${MAX_ATTACHMENT_BYTES}`);
  }
  const now = input.now ?? new Date();
  const id = newDocumentId(now);
  const sha256 = await sha256Hex(input.bytes);
  const doc = await filesOf(db).insert({
    id,
    applicationId: input.applicationId,
    sha256,
    mimeType: input.mimeType,
    bytes: input.bytes.byteLength,
    createdAt: now.toISOString(),
  });
  await doc.putAttachment({
    id: DATA_ATTACHMENT_ID,
    data: new Blob([input.bytes as Uint8Array<ArrayBuffer>], { type: input.mimeType }),
    type: input.mimeType,
  });
  return {
    id,
    kind: input.kind,
    mimeType: input.mimeType,
    bytes: input.bytes.byteLength,
    sha256,
    capturedAt: now.toISOString(),
  };
}

export async function readAttachmentBytes(
  db: LocalDatabase,
  id: string,
): Promise<Uint8Array | null> {
  const doc = await filesOf(db).findOne(id).exec();
  const attachment = doc?.getAttachment(DATA_ATTACHMENT_ID);
  if (!attachment) return null;
  const blob = await attachment.getData();
  return new Uint8Array(await blob.arrayBuffer());
}

/** Files neither uploaded nor refused, oldest first. */
export async function pendingAttachmentFiles(db: LocalDatabase): Promise<AttachmentFile[]> {
  const files = db.attachment_files;
  if (!files) return [];
  const docs = await files.find({ sort: [{ id: 'asc' }] }).exec();
  return docs
    .map((doc) => doc.toMutableJSON())
    .filter((file) => file.uploadedAt === undefined && file.refusedReason === undefined);
}

export async function markAttachmentFile(
  db: LocalDatabase,
  id: string,
  outcome: { uploadedAt: string } | { refusedReason: string },
): Promise<void> {
  const doc = await filesOf(db).findOne(id).exec();
  if (doc) await doc.incrementalPatch(outcome);
}

/** After the center has the bytes and the retention window passed: drop them from the device. */
export async function removeAttachmentFile(db: LocalDatabase, id: string): Promise<void> {
  const doc = await filesOf(db).findOne(id).exec();
  if (!doc) return;
  const attachment = doc.getAttachment(DATA_ATTACHMENT_ID);
  if (attachment) await attachment.remove();
  const latest = await filesOf(db).findOne(id).exec();
  if (latest) await latest.remove();
}
