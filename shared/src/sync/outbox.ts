/**
 * The outbox: this device's documents the center has not acknowledged yet, with their state.
 * A case (application, question, booking) is acknowledged by its receipt (a case_updates
 * document of kind 'received') and, for an application, the upload of its photos; feedback
 * has no receipt and is acknowledged once the server accepted its current state.
 */
import { DEVICE_WRITTEN_COLLECTIONS, type CollectionName } from '../domain/collections';
import { anyCollection, hasCollection } from '../db/collection-access';
import type { LocalDatabase } from '../db/create-local-database';
import { pruneStaleRejections, type OutboxRejectionKind, type Rejection } from './rejections';

export const OUTBOX_STATES = [
  /** Saved on the device, not yet accepted by the server. */
  'pending',
  /** Accepted by the server; the receipt has not reached the device yet. */
  'sent',
  /** Receipt received; photos still to upload. */
  'uploading',
  /** Refused by the center: staff must look at it. */
  'rejected',
] as const;
export type OutboxState = (typeof OUTBOX_STATES)[number];

export interface OutboxItem {
  readonly collection: CollectionName;
  readonly id: string;
  readonly trackingCode: string | null;
  readonly createdAt: string;
  readonly state: OutboxState;
  readonly rejection?: {
    readonly kind: OutboxRejectionKind;
    readonly message: string;
    readonly at: string;
  };
  readonly attachmentsPending: number;
}

/** Whether the server holds exactly this state of the document (from the replication's meta). */
export type PushedCheck = (
  collection: CollectionName,
  docs: readonly Record<string, unknown>[],
) => Promise<ReadonlySet<string>>;

/** Feedback older than this is no longer looked at (it has no receipt to wait for). */
export const FEEDBACK_OUTBOX_DAYS = 30;

export async function computeOutbox(
  db: LocalDatabase,
  isPushed: PushedCheck,
  now: Date = new Date(),
): Promise<OutboxItem[]> {
  const items: OutboxItem[] = [];
  const current = new Map<string, Record<string, unknown>>();
  const rejections = await pruneStaleRejections(db);
  const rejectionOf = new Map<string, Rejection>(
    rejections.map((r) => [`${r.collection}:${r.id}`, r]),
  );

  for (const name of DEVICE_WRITTEN_COLLECTIONS) {
    const collection = anyCollection(db, name);
    if (!collection) continue;
    const selector =
      name === 'feedback'
        ? {
            createdAt: {
              $gte: new Date(now.getTime() - FEEDBACK_OUTBOX_DAYS * 86_400_000).toISOString(),
            },
          }
        : { piiPurgedAt: { $exists: false } };
    const docs = (await collection.find({ selector }).exec()).map(
      (d) => d.toJSON() as Record<string, unknown>,
    );
    if (docs.length === 0) continue;
    for (const doc of docs) current.set(`${name}:${doc['id'] as string}`, doc);

    let receipts = new Set<string>();
    if (name !== 'feedback' && hasCollection(db, 'case_updates')) {
      const found = await db.case_updates
        .find({ selector: { caseId: { $in: docs.map((d) => d['id'] as string) } } })
        .exec();
      receipts = new Set(found.filter((u) => u.kind === 'received').map((u) => u.caseId));
    }
    const unacknowledged = docs.filter((d) => !receipts.has(d['id'] as string));
    const pushed = await isPushed(name, unacknowledged);
    const pendingFiles = new Map<string, number>();
    if (name === 'applications' && hasCollection(db, 'attachment_files')) {
      const files = await db.attachment_files
        .find({ selector: { applicationId: { $in: docs.map((d) => d['id'] as string) } } })
        .exec();
      for (const f of files) {
        if (f.uploadedAt === undefined && f.refusedReason === undefined) {
          pendingFiles.set(f.applicationId, (pendingFiles.get(f.applicationId) ?? 0) + 1);
        }
      }
    }

    for (const doc of docs) {
      const id = doc['id'] as string;
      const attachmentsPending = pendingFiles.get(id) ?? 0;
      const rejection = rejectionOf.get(`${name}:${id}`);
      let state: OutboxState | null;
      if (rejection) state = 'rejected';
      else if (receipts.has(id)) state = attachmentsPending > 0 ? 'uploading' : null;
      else if (pushed.has(id)) state = name === 'feedback' ? null : 'sent';
      else state = 'pending';
      if (state === null) continue;
      items.push({
        collection: name,
        id,
        trackingCode: typeof doc['trackingCode'] === 'string' ? doc['trackingCode'] : null,
        createdAt: String(doc['createdAt']),
        state,
        ...(rejection
          ? { rejection: { kind: rejection.kind, message: rejection.message, at: rejection.at } }
          : {}),
        attachmentsPending,
      });
    }
  }
  return items.sort((a, b) =>
    a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : a.id < b.id ? -1 : 1,
  );
}
