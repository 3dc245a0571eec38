/**
 * Error bodies of the sync server's HTTP API: `{error: {code, message}}` with a stable code the
 * client branches on and an English message for logs. Devices translate the code, never show
 * the message to a resident.
 */
import { isRecord } from '../domain/is-record';
import { REVOKE_REASONS, type RevokeReason } from '../domain/vocabulary';

export const API_ERROR_CODES = [
  'bad_request',
  'invalid_json',
  'unauthorized',
  'device_revoked',
  'forbidden',
  'read_only_collection',
  'not_found',
  'unknown_collection',
  'payload_too_large',
  'unsupported_media_type',
  'rejected_rows',
  'enroll_code_unknown',
  'enroll_code_used',
  'enroll_code_expired',
  'enroll_kind_mismatch',
  'attachment_mismatch',
  'application_unknown',
  'rate_limited',
  'conflict',
  'internal',
  'unavailable',
] as const;
export type ApiErrorCode = (typeof API_ERROR_CODES)[number];

export interface ApiError {
  readonly code: ApiErrorCode;
  readonly message: string;
}

export interface ApiErrorBody {
  readonly error: ApiError & {
    /** Per-row reasons when a push batch was refused (code `rejected_rows`). */
    readonly rejected?: readonly RejectedRow[];
    /** Why the center revoked the device (code `device_revoked`): the device says it to staff. */
    readonly revokeReason?: RevokeReason;
  };
}

/** Why one row of a push was refused. The whole batch is refused with it: nothing is written. */
export const REJECTION_KINDS = [
  'invalid', // fails the collection schema
  'too_large', // serialized document above the collection's limit
  'not_owner', // deviceId/stationId/householdId is not the pushing device's
  'pii_purged', // carries piiPurgedAt: a purge must never reach the center
  'pii_missing', // an application without applicant
  'duplicate_id', // the same id twice in one batch
] as const;
export type RejectionKind = (typeof REJECTION_KINDS)[number];

export interface RejectedRow {
  /** Index of the row in the pushed `rows` array. */
  readonly index: number;
  /** Primary key of the row's document, when it had a readable one. */
  readonly id: string | null;
  readonly kind: RejectionKind;
  readonly message: string;
}

/** Reads an error body from any response; `null` when the body is not one of ours. */
export function parseApiErrorBody(value: unknown): ApiErrorBody | null {
  if (!isRecord(value) || !isRecord(value['error'])) return null;
  const error = value['error'];
  const code = error['code'];
  const message = error['message'];
  if (typeof code !== 'string' || typeof message !== 'string') return null;
  if (!(API_ERROR_CODES as readonly string[]).includes(code)) return null;
  const rejected: RejectedRow[] = [];
  if (Array.isArray(error['rejected'])) {
    for (const row of error['rejected']) {
      if (
        isRecord(row) &&
        typeof row['index'] === 'number' &&
        (typeof row['id'] === 'string' || row['id'] === null) &&
        typeof row['kind'] === 'string' &&
        (REJECTION_KINDS as readonly string[]).includes(row['kind']) &&
        typeof row['message'] === 'string'
      ) {
        rejected.push({
          index: row['index'],
          id: row['id'],
          kind: row['kind'] as RejectionKind,
          message: row['message'],
        });
      }
    }
  }
  const revokeReason = error['revokeReason'];
  return {
    error: {
      code: code as ApiErrorCode,
      message,
      ...(Array.isArray(error['rejected']) ? { rejected } : {}),
      ...(typeof revokeReason === 'string' &&
      (REVOKE_REASONS as readonly string[]).includes(revokeReason)
        ? { revokeReason: revokeReason as RevokeReason }
        : {}),
    },
  };
}
