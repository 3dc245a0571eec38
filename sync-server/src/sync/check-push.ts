/**
 * Checks a push batch before anything is written: envelope, schema, size, ownership, and the
 * PII rules. Pure; the database-side ownership check (a stored document of another device)
 * happens in push.ts inside the transaction.
 */
import {
  COLLECTIONS,
  describeValidationError,
  err,
  isRecord,
  ok,
  validateDocument,
  type CollectionName,
  type Result,
} from '@pls/shared/domain';
import { PUSH_ROWS_MAX, type RejectedRow, type WireDocument } from '@pls/shared/protocol';
import { clip, describeUnsafeValue, findUnsafeValue } from './document-safety';
import type { ServiceError } from '../errors';
import type { DeviceIdentity } from './scope';

export interface CheckedRow {
  readonly index: number;
  readonly id: string;
  readonly assumedMasterState: WireDocument | null;
  readonly newDocumentState: WireDocument;
}

/** The rows to apply, or why nothing is: a bad envelope (400) or refused rows (403/413/422). */
export type CheckPushResult = Result<CheckedRow[], ServiceError>;

/** Why `device` may not write `doc`, or null when it may. */
export function ownershipProblem(
  device: DeviceIdentity,
  collection: CollectionName,
  doc: Readonly<Record<string, unknown>>,
): string | null {
  if (doc['deviceId'] !== device.id) return `deviceId must be the pushing device (${device.id})`;
  if ('source' in doc && doc['source'] !== device.kind) return `source must be ${device.kind}`;
  if (device.kind === 'kiosk') {
    if (doc['stationId'] !== undefined && doc['stationId'] !== device.stationId) {
      return `stationId must be the device's station (${device.stationId})`;
    }
    if (doc['householdId'] !== undefined) return 'a kiosk writes no householdId';
  } else {
    if (collection === 'applications' || collection === 'appointments') {
      return `a TV box does not write ${collection}`;
    }
    if (doc['householdId'] !== undefined && doc['householdId'] !== device.householdId) {
      return `householdId must be the device's household (${device.householdId})`;
    }
    if (doc['stationId'] !== undefined) return 'a TV box writes no stationId';
  }
  return null;
}

function checkState(
  device: DeviceIdentity,
  collection: CollectionName,
  index: number,
  state: unknown,
  role: 'newDocumentState' | 'assumedMasterState',
): Result<WireDocument, RejectedRow> {
  // A refused row's id is repeated in the answer: never more than ~100 characters of it.
  const id = isRecord(state) && typeof state['id'] === 'string' ? clip(state['id']) : null;
  const reject = (kind: RejectedRow['kind'], message: string) =>
    err({
      index,
      id,
      kind,
      message: role === 'newDocumentState' ? message : `assumedMasterState: ${message}`,
    });
  if (!isRecord(state)) return reject('invalid', 'document is not an object');
  if (typeof state['_deleted'] !== 'boolean') return reject('invalid', '/_deleted must be boolean');
  const bytes = Buffer.byteLength(JSON.stringify(state));
  const limit = COLLECTIONS[collection].maxDocumentBytes;
  if (bytes > limit)
    return reject('too_large', `document is ${bytes} bytes, the limit is ${limit}`);
  // The assumed state is only compared with what is stored, never written: no schema check.
  if (role === 'assumedMasterState') return ok(state as WireDocument);
  const checked = validateDocument(collection, state);
  if (!checked.ok) return reject('invalid', describeValidationError(checked.error));
  const owner = ownershipProblem(device, collection, state);
  if (owner) return reject('not_owner', owner);
  if (state['piiPurgedAt'] !== undefined) {
    return reject(
      'pii_purged',
      'a document whose personal data was purged on the device is never pushed',
    );
  }
  if (collection === 'applications' && state['applicant'] === undefined) {
    return reject('pii_missing', 'an application must carry its applicant');
  }
  return ok(state as WireDocument);
}

export function checkPush(
  device: DeviceIdentity,
  collection: CollectionName,
  body: unknown,
): CheckPushResult {
  if (!isRecord(body) || !Array.isArray(body['rows'])) {
    return err({ code: 'bad_request', message: 'body must be {rows: [...]}' });
  }
  const rows = body['rows'];
  if (rows.length > PUSH_ROWS_MAX)
    return err({ code: 'bad_request', message: `at most ${PUSH_ROWS_MAX} rows per push` });
  const rejected: RejectedRow[] = [];
  const checked: CheckedRow[] = [];
  const seen = new Set<string>();
  rows.forEach((row: unknown, index) => {
    if (!isRecord(row)) {
      rejected.push({ index, id: null, kind: 'invalid', message: 'row is not an object' });
      return;
    }
    // Before anything recursive or the database sees the row (document-safety.ts).
    const unsafe = findUnsafeValue(row);
    if (unsafe) {
      const state = row['newDocumentState'];
      const rawId = isRecord(state) && typeof state['id'] === 'string' ? state['id'] : null;
      rejected.push({
        index,
        id: rawId === null || findUnsafeValue(rawId) ? null : clip(rawId),
        kind: 'invalid',
        message: describeUnsafeValue(unsafe),
      });
      return;
    }
    const next = checkState(device, collection, index, row['newDocumentState'], 'newDocumentState');
    if (!next.ok) {
      rejected.push(next.error);
      return;
    }
    let assumed: WireDocument | null = null;
    if (row['assumedMasterState'] !== undefined && row['assumedMasterState'] !== null) {
      const checkedAssumed = checkState(
        device,
        collection,
        index,
        row['assumedMasterState'],
        'assumedMasterState',
      );
      if (!checkedAssumed.ok) {
        rejected.push(checkedAssumed.error);
        return;
      }
      assumed = checkedAssumed.value;
    }
    const doc = next.value;
    const id = doc['id'] as string;
    if (seen.has(id)) {
      rejected.push({
        index,
        id,
        kind: 'duplicate_id',
        message: 'the same document twice in one push',
      });
      return;
    }
    seen.add(id);
    checked.push({ index, id, assumedMasterState: assumed, newDocumentState: doc });
  });
  return rejected.length > 0 ? err(refusedRows(rejected)) : ok(checked);
}

/** A refused batch as one error: every row named, the first three in the message. */
export function refusedRows(rejected: readonly RejectedRow[]): ServiceError {
  return {
    code: 'rejected_rows',
    message: `${rejected.length} row(s) refused, nothing was written: ${rejected
      .slice(0, 3)
      .map((r) => `row ${r.index}${r.id ? ` (${r.id})` : ''}: ${r.message}`)
      .join('; ')}`,
    rejected,
    status: statusOfRejection(rejected),
  };
}

/** HTTP status of a refused batch: ownership first, then size, else the schema. */
export function statusOfRejection(rejected: readonly RejectedRow[]): number {
  if (rejected.some((r) => r.kind === 'not_owner')) return 403;
  if (rejected.every((r) => r.kind === 'too_large')) return 413;
  return 422;
}
