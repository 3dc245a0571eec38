/**
 * The pull handler of one center-written collection: a conditional request (If-None-Match
 * with the ETag the same position was answered with; a 304 is "nothing new"), the documents
 * checked before RxDB stores them. RxDB retries a pull that throws.
 */
import type { ReplicationPullHandlerResult } from 'rxdb';
import type { CollectionName } from '../domain/collections';
import type { Result } from '../domain/result';
import type { SyncCheckpoint, WireDocument } from '../protocol/index';
import type { HttpFailure, PullResult } from './sync-http';

export interface PullHandlerDeps {
  readonly collection: CollectionName;
  /** The gated pull request of this collection. */
  readonly pull: (
    checkpoint: SyncCheckpoint | undefined,
    limit: number,
    etag: string | undefined,
  ) => Promise<Result<PullResult, HttpFailure>>;
  /** Checks what the server sent; a failure is reported through `invalid` and the pull retried. */
  readonly check: (documents: readonly WireDocument[]) => Result<void, HttpFailure>;
  readonly invalid: (failure: HttpFailure) => void;
}

export type PullHandler = (
  checkpoint: SyncCheckpoint | undefined,
  batchSize: number,
) => Promise<ReplicationPullHandlerResult<unknown, SyncCheckpoint>>;

export function createPullHandler(deps: PullHandlerDeps): PullHandler {
  /** The ETag of the last empty answer, for the position it answered. */
  let known: { seq: number; id: string; etag: string } | undefined;
  return async (checkpoint, batchSize) => {
    // No checkpoint yet is the feed's start, as the server reads it.
    const asked = checkpoint ?? { seq: 0, id: '' };
    const etag = known && known.seq === asked.seq && known.id === asked.id ? known.etag : undefined;
    const result = await deps.pull(checkpoint, batchSize, etag);
    if (!result.ok) throw new Error(`pull ${deps.collection}: ${result.error.message}`);
    if (!result.value.modified) return { documents: [], checkpoint };
    const { response, etag: nextEtag } = result.value;
    const checked = deps.check(response.documents);
    if (!checked.ok) {
      deps.invalid(checked.error);
      throw new Error(checked.error.message);
    }
    // The ETag names the answer to this request (the server's tag includes the position
    // asked from): the same question next time may get a 304.
    if (nextEtag && response.documents.length === 0)
      known = { seq: asked.seq, id: asked.id, etag: nextEtag };
    return {
      // Checked against the collection's schema just above.
      documents: [...response.documents],
      checkpoint: response.checkpoint ?? checkpoint,
    };
  };
}
