import { describe, expect, it } from 'vitest';
import { backoffDelay, DEFAULT_BACKOFF } from './backoff';

describe('backoffDelay', () => {
  it('doubles per attempt between half and all of the ceiling, and never passes the cap', () => {
    const policy = { baseMs: 1000, capMs: 30_000 };
    expect([1, 2, 3, 4, 5, 6, 7].map((n) => backoffDelay(n, policy, () => 1))).toEqual([
      1000, 2000, 4000, 8000, 16000, 30000, 30000,
    ]);
    expect([1, 2, 3, 6].map((n) => backoffDelay(n, policy, () => 0))).toEqual([
      500, 1000, 2000, 15000,
    ]);
    expect(backoffDelay(1000, policy, () => 0.999)).toBeLessThanOrEqual(30_000);
  });

  it('spreads devices with jitter', () => {
    const delays = new Set([0.1, 0.4, 0.7].map((r) => backoffDelay(4, DEFAULT_BACKOFF, () => r)));
    expect(delays.size).toBe(3);
  });

  it('has a default cap of at most 30 s and no delay before the first failure', () => {
    expect(DEFAULT_BACKOFF.capMs).toBeLessThanOrEqual(30_000);
    expect(backoffDelay(0)).toBe(0);
  });
});
