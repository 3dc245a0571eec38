/**
 * The push handler of one device-written collection. Nothing the device holds may jam its
 * outbox (issue 11, item 1):
 * - rows the center refuses by name (422 `rejected_rows`) are recorded with their reason and
 *   taken out; the others go again at once;
 * - a batch the server keeps failing on (a 5xx naming no row, e.g. a database write that
 *   chokes on one document) is split in halves until the failing rows stand alone; the others
 *   are pushed. A row that fails alone is recorded as refused ('server_error') only when some
 *   other row went through in the same round: a server that takes nothing is down, not
 *   choking on a document, and then nothing is set aside.
 * RxDB retries a push that throws (with the same or a grown batch).
 */
import type { CollectionName } from '../domain/collections';
import { err, ok, type Result } from '../domain/result';
import type { PushResponse, PushRow, WireDocument } from '../protocol/index';
import type { RefusedDocument } from './rejections';
import type { HttpFailure } from './sync-http';

export interface PushHandlerDeps {
  readonly collection: CollectionName;
  /** The gated push request of this collection. */
  readonly push: (rows: readonly PushRow[]) => Promise<Result<PushResponse, HttpFailure>>;
  /** Records documents set aside (the outbox shows them refused). */
  readonly refuse: (refused: readonly RefusedDocument[]) => Promise<void>;
  /** Some rows were accepted: rejections of documents pushed since are stale. */
  readonly accepted: () => Promise<void>;
  /** A refusal that names no row of the push: a protocol fault. */
  readonly unnamedRefusal: (failure: HttpFailure) => void;
  /** Server failures in a row before a batch's rows are tried apart (default 3). */
  readonly isolateAfter?: number;
}

export type PushHandler = (rows: readonly unknown[]) => Promise<WireDocument[]>;

/** The server itself failed (not a gateway, not "unavailable", not overload). */
export function isServerFault(failure: HttpFailure): boolean {
  return (
    failure.kind === 'server' &&
    failure.status >= 500 &&
    failure.status !== 502 &&
    failure.status !== 503 &&
    failure.status !== 504
  );
}

const idOf = (row: PushRow) => String(row.newDocumentState['id']);

export function createPushHandler(deps: PushHandlerDeps): PushHandler {
  const isolateAfter = deps.isolateAfter ?? 3;
  let serverFaultsInARow = 0;

  /** One batch, with refused rows taken out and the rest pushed again. */
  async function pushBatch(rows: readonly PushRow[]): Promise<Result<WireDocument[], HttpFailure>> {
    let pending = rows;
    for (;;) {
      const result = await deps.push(pending);
      if (result.ok) {
        await deps.accepted();
        return ok([...result.value.conflicts]);
      }
      if (result.error.kind !== 'rejected') return result;
      const refusedIndexes = new Set(result.error.rejected.map((r) => r.index));
      const refused = result.error.rejected.flatMap((r) => {
        const row = pending[r.index];
        return row
          ? [{ doc: row.newDocumentState, id: idOf(row), kind: r.kind, message: r.message }]
          : [];
      });
      if (refused.length === 0) {
        const failure: HttpFailure = {
          kind: 'protocol',
          message: 'refusal names no row of the push',
        };
        deps.unnamedRefusal(failure);
        return err(failure);
      }
      await deps.refuse(refused);
      pending = pending.filter((_, i) => !refusedIndexes.has(i));
      if (pending.length === 0) return ok([]);
    }
  }

  /** Halves the batch until failing rows stand alone; pushes every other row. */
  async function isolate(
    rows: readonly PushRow[],
    fault: HttpFailure,
  ): Promise<Result<WireDocument[], HttpFailure>> {
    const conflicts: WireDocument[] = [];
    const alone: PushRow[] = [];
    let anyAccepted = false;
    const visit = async (part: readonly PushRow[]): Promise<HttpFailure | null> => {
      const result = await pushBatch(part);
      if (result.ok) {
        anyAccepted = true;
        conflicts.push(...result.value);
        return null;
      }
      if (!isServerFault(result.error)) return result.error;
      if (part.length === 1) {
        alone.push(...part);
        return null;
      }
      return halves(part);
    };
    const halves = async (part: readonly PushRow[]): Promise<HttpFailure | null> => {
      const middle = Math.ceil(part.length / 2);
      return (await visit(part.slice(0, middle))) ?? (await visit(part.slice(middle)));
    };
    const stopped = rows.length > 1 ? await halves(rows) : null;
    if (stopped) return err(stopped);
    if (!anyAccepted) return err(fault);
    await deps.refuse(
      alone.map((row) => ({
        doc: row.newDocumentState,
        id: idOf(row),
        kind: 'server_error',
        message: `${fault.message} (this document failed alone; the others were accepted)`,
      })),
    );
    return ok(conflicts);
  }

  return async (input) => {
    // RxDB hands over the rows it built from this collection's documents.
    const rows = input as readonly PushRow[];
    let result = await pushBatch(rows);
    if (!result.ok && isServerFault(result.error)) {
      serverFaultsInARow++;
      if (serverFaultsInARow >= isolateAfter) result = await isolate(rows, result.error);
    }
    if (!result.ok) throw new Error(`push ${deps.collection}: ${result.error.message}`);
    serverFaultsInARow = 0;
    return result.value;
  };
}
