/**
 * Every sync request of a device: wait for the retry gate, run, account the outcome (a
 * success resets the backoff and clears the channel's failure; a failure other than refused
 * rows grows the backoff and is shown in the status).
 */
import { err, type Result } from '../domain/result';
import type { Clock, RetryGate } from './retry-gate';
import type { HttpFailure } from './sync-http';

export type GatedRequest = <T>(
  channel: string,
  run: () => Promise<Result<T, HttpFailure>>,
) => Promise<Result<T, HttpFailure>>;

export function createGatedRequest(deps: {
  readonly gate: RetryGate;
  readonly clock: Clock;
  readonly setFailure: (channel: string, failure: HttpFailure | null) => void;
  readonly stopped: () => boolean;
}): GatedRequest {
  const { gate, clock, setFailure } = deps;
  return async (channel, run) => {
    await gate.ready();
    if (deps.stopped()) return err({ kind: 'unreachable', message: 'replication stopped' });
    const startedAt = clock.now();
    const result = await run();
    if (result.ok) {
      gate.succeeded();
      setFailure(channel, null);
    } else if (result.error.kind !== 'rejected') {
      gate.failed(startedAt);
      setFailure(channel, result.error);
    }
    return result;
  };
}
