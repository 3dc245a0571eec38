/**
 * Retry delays after failures: exponential, capped, with jitter so a fleet of devices that lost
 * the server together does not come back in lock-step (anchors: CHT #6246, Kolibri SyncQueue).
 */
export interface BackoffPolicy {
  /** Delay scale of the first retry. */
  readonly baseMs: number;
  /** No delay exceeds this. */
  readonly capMs: number;
}

export const DEFAULT_BACKOFF: BackoffPolicy = { baseMs: 1_000, capMs: 30_000 };

/**
 * Delay before retry number `attempt` (1 for the first retry): uniform in [d/2, d] where
 * d = min(cap, base·2^(attempt−1)). Half of it is fixed so a retry never comes right back.
 */
export function backoffDelay(
  attempt: number,
  policy: BackoffPolicy = DEFAULT_BACKOFF,
  random: () => number = Math.random,
): number {
  if (attempt < 1) return 0;
  const exponential = policy.baseMs * 2 ** Math.min(attempt - 1, 30);
  const ceiling = Math.min(policy.capMs, exponential);
  return Math.round(ceiling / 2 + random() * (ceiling / 2));
}
