/**
 * Schemas of the local-only collections. They never replicate: the device writes and reads
 * them, nothing else. Personal data in them is encrypted like in the replicated collections.
 */
import type { FromSchema } from 'json-schema-to-ts';
import { CASE_KINDS } from '../domain/case-status';
import { idField, timestampField } from '../domain/schemas/common';

/**
 * An application, question or booking being filled in. Saved after every step so that a
 * power cut loses nothing; `data` holds the form as typed (personal data included) and is
 * encrypted at rest. Deleted when the case is submitted or the draft expires.
 */
export const draftSchema = {
  title: 'drafts',
  description: 'In-progress case form, kept across a power cut. Local only.',
  version: 0,
  primaryKey: 'id',
  type: 'object',
  additionalProperties: false,
  properties: {
    id: idField,
    caseKind: { type: 'string', enum: CASE_KINDS, maxLength: 16 },
    /** Screen of the flow the resident was on, so the flow resumes where it stopped. */
    step: { type: 'string', minLength: 1, maxLength: 64 },
    /** The form so far. Shape is the flow's business; encrypted, so never indexed. */
    data: { type: 'object', additionalProperties: true },
    createdAt: timestampField,
    updatedAt: timestampField,
    /** After this the draft is purged unseen (a forgotten form must not wait for the next person). */
    expiresAt: { ...timestampField, maxLength: 40 },
  },
  required: ['id', 'caseKind', 'step', 'data', 'createdAt', 'updatedAt', 'expiresAt'],
  indexes: ['expiresAt'],
  encrypted: ['data'],
} as const;

export type Draft = FromSchema<typeof draftSchema>;

/**
 * Bytes of photos attached to applications (material photos, ID-card photos), stored as an
 * encrypted RxDB attachment until the center has them. The metadata that travels with the
 * application (`AttachmentMeta`) carries the same id and sha256.
 */
export const attachmentFileSchema = {
  title: 'attachment_files',
  description: 'Photo bytes waiting for (or done with) upload to the center. Local only.',
  version: 0,
  primaryKey: 'id',
  type: 'object',
  additionalProperties: false,
  properties: {
    id: idField,
    applicationId: idField,
    sha256: { type: 'string', pattern: '^[0-9a-f]{64}$', minLength: 64, maxLength: 64 },
    mimeType: { type: 'string', enum: ['image/jpeg', 'image/png', 'image/webp'] },
    bytes: { type: 'integer', minimum: 1, maximum: 5_000_000 },
    createdAt: timestampField,
    /** Set when the center confirmed it stores these bytes (sha256 checked there). */
    uploadedAt: timestampField,
    /** Set when the center refused the bytes for good (they do not match the metadata). */
    refusedReason: { type: 'string', maxLength: 300 },
  },
  required: ['id', 'applicationId', 'sha256', 'mimeType', 'bytes', 'createdAt'],
  indexes: ['applicationId'],
  attachments: { encrypted: true },
} as const;

export type AttachmentFile = FromSchema<typeof attachmentFileSchema>;
