/**
 * Expected failures of the server's functions, as values. Routes turn them into
 * `{error: {code, message}}` with the HTTP status below; the CLI prints the message.
 */
import type { ApiErrorCode, RejectedRow } from '@pls/shared/protocol';
import { err, type Err, type RevokeReason } from '@pls/shared/domain';

export interface ServiceError {
  readonly code: ApiErrorCode;
  readonly message: string;
  readonly rejected?: readonly RejectedRow[];
  /** Why the device was revoked (code `device_revoked`), sent so the device can say it. */
  readonly revokeReason?: RevokeReason;
  /** Overrides the code's usual status (a refused batch is 403, 413 or 422 by its rows). */
  readonly status?: number;
}

const HTTP_STATUS: Readonly<Record<ApiErrorCode, number>> = {
  bad_request: 400,
  invalid_json: 400,
  unauthorized: 401,
  device_revoked: 401,
  forbidden: 403,
  read_only_collection: 403,
  not_found: 404,
  unknown_collection: 404,
  payload_too_large: 413,
  unsupported_media_type: 415,
  rejected_rows: 422,
  enroll_code_unknown: 404,
  enroll_code_used: 409,
  enroll_code_expired: 410,
  enroll_kind_mismatch: 400,
  attachment_mismatch: 422,
  application_unknown: 404,
  rate_limited: 429,
  conflict: 409,
  internal: 500,
  unavailable: 503,
};

export function failure(
  code: ApiErrorCode,
  message: string,
  extra: Partial<ServiceError> = {},
): Err<ServiceError> {
  return err({ code, message, ...extra });
}

export function statusOf(error: ServiceError): number {
  return error.status ?? HTTP_STATUS[error.code];
}
