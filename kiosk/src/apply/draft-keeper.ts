/**
 * Keeps the application being filled in as a draft, so a power cut loses nothing: every change
 * after consent is saved (encrypted), in order. Ending the visit on purpose (submit, Home,
 * idle reset) discards it; only a draft left behind by a crash is there at the next start,
 * for staff to resume (see README: "drafts").
 *
 * Writes are chained: a save that is still running when the draft is discarded finishes
 * first, and nothing is saved after a discard, so a late save cannot bring a discarded draft back.
 */
import { deleteDraft, saveDraft, type DatabaseWith } from '@pls/shared/db';
import { newDocumentId } from '@pls/shared/domain';
import type { ApplyState } from './apply-flow';
import { encodeDraft } from './draft-codec';

export interface DraftKeeper {
  readonly id: string;
  save(state: ApplyState): Promise<void>;
  /** Deletes the draft; later saves are ignored. */
  discard(): Promise<void>;
  /** Resolves when every queued write is done (tests, submit). */
  settled(): Promise<void>;
}

export function createDraftKeeper(
  db: DatabaseWith<'drafts'>,
  options: { id?: string; now?: () => Date; onError?: (error: unknown) => void } = {},
): DraftKeeper {
  const now = options.now ?? (() => new Date());
  const id = options.id ?? newDocumentId(now());
  let chain: Promise<void> = Promise.resolve();
  let closed = false;
  let saved = options.id !== undefined;
  const enqueue = (task: () => Promise<void>) => {
    chain = chain.then(task).catch((error: unknown) => options.onError?.(error));
    return chain;
  };
  return {
    id,
    save(state) {
      // Nothing personal is typed before consent, and nothing needs keeping after submission.
      if (closed || !state.draft.consent || state.step === 'done') return chain;
      const data = encodeDraft(state);
      return enqueue(async () => {
        if (closed) return;
        await saveDraft(db, {
          id,
          caseKind: 'applications',
          step: String(data['step']),
          data,
          now: now(),
        });
        saved = true;
      });
    },
    discard() {
      closed = true;
      return enqueue(async () => {
        if (!saved) return;
        await deleteDraft(db, id);
        // RxDB caches each query's last result: the one saveDraft and deleteDraft used still
        // holds the form as it was. Running it again leaves it holding nothing.
        await db.drafts.findOne(id).exec();
      });
    },
    settled: () => chain,
  };
}
