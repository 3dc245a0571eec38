import { describe, expect, it } from 'vitest';
import { createAttemptThrottle } from './attempt-throttle';

describe('attempt throttle', () => {
  const options = { maxFailures: 3, windowMs: 60_000, lockMs: 30_000 };

  it('locks after too many failures within the window, then opens again', () => {
    const throttle = createAttemptThrottle(options);
    throttle.failed(0);
    throttle.failed(1_000);
    expect(throttle.check(1_500)).toEqual({ allowed: true });
    throttle.failed(2_000);
    expect(throttle.check(2_000)).toEqual({ allowed: false, retryInSeconds: 30 });
    expect(throttle.check(31_999)).toEqual({ allowed: false, retryInSeconds: 1 });
    expect(throttle.check(32_000)).toEqual({ allowed: true });
  });

  it('forgets failures outside the window and after a success', () => {
    const throttle = createAttemptThrottle(options);
    throttle.failed(0);
    throttle.failed(1);
    throttle.failed(70_000); // the first two are older than the window
    expect(throttle.check(70_000).allowed).toBe(true);
    throttle.succeeded();
    throttle.failed(70_001);
    throttle.failed(70_002);
    expect(throttle.check(70_003).allowed).toBe(true);
  });
});
