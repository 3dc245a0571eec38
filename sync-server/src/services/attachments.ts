/**
 * Application photos, uploaded after their application: content-addressed (sha256), checked
 * against the application's own attachment metadata, stored once however often uploaded.
 * Bytes live in the database (bytea) rather than under DATA_DIR: every server process sharing
 * one PostgreSQL sees them, and one backup holds cases and photos together.
 */
import { createHash } from 'node:crypto';
import { ok, type AttachmentMeta, type Result } from '@pls/shared/domain';
import type { Database, Queryable } from '../db/database';
import { failure, type ServiceError } from '../errors';
import { clip } from '../sync/document-safety';
import type { DeviceIdentity } from '../sync/scope';

export interface AttachmentUpload {
  readonly applicationId: string;
  readonly attachmentId: string;
  readonly mimeType: string;
  readonly bytes: Buffer;
}

async function findMeta(
  db: Queryable,
  device: DeviceIdentity,
  applicationId: string,
  attachmentId: string,
): Promise<Result<AttachmentMeta, ServiceError>> {
  const { rows } = await db.query<{
    owner_device_id: string | null;
    attachments: AttachmentMeta[] | null;
  }>(
    "select owner_device_id, body->'attachments' as attachments from documents where collection = 'applications' and id = $1",
    [applicationId],
  );
  const row = rows[0];
  if (!row)
    return failure(
      'application_unknown',
      'the center has no such application yet: push it first, then upload',
    );
  if (row.owner_device_id !== device.id)
    return failure('forbidden', 'this application belongs to another device');
  const meta = (row.attachments ?? []).find((a) => a.id === attachmentId);
  if (!meta)
    return failure(
      'attachment_mismatch',
      `the application lists no attachment "${clip(attachmentId, 64)}"`,
    );
  return ok(meta);
}

export async function storeAttachment(
  db: Database,
  device: DeviceIdentity,
  upload: AttachmentUpload,
): Promise<Result<{ sha256: string; created: boolean }, ServiceError>> {
  const meta = await findMeta(db, device, upload.applicationId, upload.attachmentId);
  if (!meta.ok) return meta;
  const { mimeType, bytes: size, sha256 } = meta.value;
  if (upload.mimeType !== mimeType)
    return failure('attachment_mismatch', `content type must be ${mimeType}`);
  if (upload.bytes.length !== size) {
    return failure(
      'attachment_mismatch',
      `expected ${size} bytes, received ${upload.bytes.length}`,
    );
  }
  const actual = createHash('sha256').update(upload.bytes).digest('hex');
  if (actual !== sha256)
    return failure(
      'attachment_mismatch',
      'sha256 of the bytes differs from the application metadata',
    );
  const created = await db.transaction(async (tx) => {
    await tx.query(
      'insert into attachments (sha256, mime_type, size, bytes) values ($1, $2, $3, $4) on conflict (sha256) do nothing',
      [sha256, mimeType, size, upload.bytes],
    );
    const { rows } = await tx.query(
      `insert into application_attachments (application_id, attachment_id, sha256, device_id) values ($1, $2, $3, $4)
       on conflict (application_id, attachment_id) do nothing returning application_id`,
      [upload.applicationId, upload.attachmentId, sha256, device.id],
    );
    return rows.length > 0;
  });
  return ok({ sha256, created });
}

export async function hasAttachment(
  db: Queryable,
  device: DeviceIdentity,
  applicationId: string,
  attachmentId: string,
): Promise<Result<boolean, ServiceError>> {
  const meta = await findMeta(db, device, applicationId, attachmentId);
  if (!meta.ok) return meta;
  const { rows } = await db.query(
    'select 1 from application_attachments where application_id = $1 and attachment_id = $2',
    [applicationId, attachmentId],
  );
  return ok(rows.length > 0);
}
