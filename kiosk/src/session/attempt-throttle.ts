/**
 * Slows down guessing at a public kiosk: after `maxFailures` wrong answers within `windowMs`
 * (a case lookup's last four digits, a staff PIN), further attempts are refused for `lockMs`.
 * Kept outside the resident's session on purpose, so an idle reset does not clear it. Pure:
 * time is passed in.
 */
export interface ThrottleOptions {
  readonly maxFailures: number;
  readonly windowMs: number;
  readonly lockMs: number;
}

export type ThrottleVerdict =
  { readonly allowed: true } | { readonly allowed: false; readonly retryInSeconds: number };

export interface AttemptThrottle {
  check(now: number): ThrottleVerdict;
  failed(now: number): void;
  succeeded(): void;
}

export const LOOKUP_THROTTLE: ThrottleOptions = {
  maxFailures: 5,
  windowMs: 10 * 60_000,
  lockMs: 5 * 60_000,
};

export const STAFF_PIN_THROTTLE: ThrottleOptions = {
  maxFailures: 5,
  windowMs: 5 * 60_000,
  lockMs: 60_000,
};

export function createAttemptThrottle(options: ThrottleOptions): AttemptThrottle {
  let failures: number[] = [];
  let lockedUntil = 0;
  return {
    check(now) {
      if (now < lockedUntil) {
        return { allowed: false, retryInSeconds: Math.ceil((lockedUntil - now) / 1000) };
      }
      return { allowed: true };
    },
    failed(now) {
      failures = [...failures.filter((at) => now - at < options.windowMs), now];
      if (failures.length >= options.maxFailures) {
        lockedUntil = now + options.lockMs;
        failures = [];
      }
    },
    succeeded() {
      failures = [];
    },
  };
}
