/**
 * The upload scheduler: runs the photo upload after pushes and new photos (debounced), and on
 * demand; one round at a time, and a request during a round runs one more round after it.
 */
import { debounceTime, merge, type Observable, type Subscription } from 'rxjs';

export interface UploadScheduler {
  /** Runs a round now (or after the current one); resolves when the rounds are done. */
  run(): Promise<void>;
  /** Stops reacting to triggers; resolves when the current round is over. */
  stop(): Promise<void>;
}

const UPLOAD_DEBOUNCE_MS = 200;

export function startUploadScheduler(options: {
  readonly upload: () => Promise<unknown>;
  readonly triggers: readonly Observable<unknown>[];
}): UploadScheduler {
  let stopped = false;
  let running: Promise<void> | undefined;
  let again = false;
  const run = (): Promise<void> => {
    if (running) {
      again = true;
      return running;
    }
    running = (async () => {
      do {
        again = false;
        await options.upload();
      } while (again && !stopped);
    })().finally(() => {
      running = undefined;
    });
    return running;
  };
  const subscription: Subscription | undefined =
    options.triggers.length > 0
      ? merge(...options.triggers)
          .pipe(debounceTime(UPLOAD_DEBOUNCE_MS))
          .subscribe(() => void run().catch(() => undefined))
      : undefined;
  return {
    run,
    async stop() {
      stopped = true;
      subscription?.unsubscribe();
      await running?.catch(() => undefined);
    },
  };
}
