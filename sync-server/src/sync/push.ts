/**
 * Applies a checked push batch in one transaction (design.md §4):
 * - stored body deep-equals the new state: nothing to do (a replayed push is a no-op);
 * - nothing stored yet: insert (the device is the single writer of its documents);
 * - stored body deep-equals `assumedMasterState`: replace;
 * - otherwise: a conflict, answered with the stored body; nothing written for that row.
 * A row touching a stored document of another device refuses the whole batch.
 * New cases get their receipt in the same transaction, and a booked slot its decision.
 */
import {
  CASE_KINDS,
  err,
  ok,
  type CaseKind,
  type CollectionName,
  type Result,
} from '@pls/shared/domain';
import type { RejectedRow, WireDocument } from '@pls/shared/protocol';
import type { Database } from '../db/database';
import type { ServiceError } from '../errors';
import { refusedRows, type CheckedRow } from './check-push';
import { jsonEqual } from './deep-equal';
import { loadDocuments, lockFeeds, writeDocuments } from './documents';
import { decideBookings } from '../services/appointments';
import { registerCases } from './receipts';
import type { DeviceIdentity } from './scope';

export interface PushOutcome {
  readonly conflicts: WireDocument[];
  readonly written: number;
  readonly unchanged: number;
  readonly receipts: number;
  /** Last seq written per feed, to raise this process's high-water marks at once. */
  readonly lastSeqs: ReadonlyArray<readonly [CollectionName, number]>;
}

class RefusedInTransaction extends Error {
  constructor(readonly rejected: RejectedRow[]) {
    super('push refused');
  }
}

function isCaseKind(collection: CollectionName): collection is CaseKind {
  return (CASE_KINDS as readonly string[]).includes(collection);
}

export async function applyPush(
  db: Database,
  device: DeviceIdentity,
  collection: CollectionName,
  rows: readonly CheckedRow[],
  now: Date,
): Promise<Result<PushOutcome, ServiceError>> {
  try {
    const outcome = await db.transaction(async (tx) => {
      const caseKind = isCaseKind(collection) ? collection : null;
      await lockFeeds(tx, caseKind ? [collection, 'case_updates'] : [collection]);
      const stored = await loadDocuments(
        tx,
        collection,
        rows.map((r) => r.id),
      );
      const refused: RejectedRow[] = [];
      const conflicts: WireDocument[] = [];
      const writes: WireDocument[] = [];
      const inserted: WireDocument[] = [];
      let unchanged = 0;
      for (const row of rows) {
        const current = stored.get(row.id);
        if (current && current.ownerDeviceId !== device.id) {
          refused.push({
            index: row.index,
            id: row.id,
            kind: 'not_owner',
            message: 'this document belongs to another device',
          });
          continue;
        }
        if (!current) {
          writes.push(row.newDocumentState);
          inserted.push(row.newDocumentState);
        } else if (jsonEqual(current.body, row.newDocumentState)) {
          unchanged++;
        } else if (row.assumedMasterState && jsonEqual(current.body, row.assumedMasterState)) {
          writes.push(row.newDocumentState);
        } else {
          conflicts.push(current.body);
        }
      }
      if (refused.length > 0) throw new RefusedInTransaction(refused);
      const lastSeqs: [CollectionName, number][] = [];
      const last = await writeDocuments(tx, collection, writes);
      if (last !== null) lastSeqs.push([collection, last]);
      let receipts = 0;
      if (caseKind) {
        const receiptDocs = await registerCases(tx, caseKind, inserted, now);
        // A booked slot is decided as it arrives: first received wins (services/appointments).
        const decisions =
          caseKind === 'appointments' ? await decideBookings(tx, inserted, now) : [];
        const lastReceipt = await writeDocuments(tx, 'case_updates', [
          ...receiptDocs,
          ...decisions,
        ]);
        if (lastReceipt !== null) lastSeqs.push(['case_updates', lastReceipt]);
        receipts = receiptDocs.length;
      }
      return { conflicts, written: writes.length, unchanged, receipts, lastSeqs };
    });
    return ok(outcome);
  } catch (error) {
    if (error instanceof RefusedInTransaction) return err(refusedRows(error.rejected));
    throw error;
  }
}
