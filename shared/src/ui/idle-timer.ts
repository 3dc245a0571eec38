/**
 * Idle reset for a public kiosk: after `timeoutMs` without a touch or key the session is
 * cleared; during the last `warningMs` a warning counts down (and is spoken) so a slow reader
 * can keep going. Pure: time comes from an injected scheduler, so tests drive it with fake
 * timers instead of waiting.
 */
export interface Scheduler {
  now(): number;
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export const browserScheduler: Scheduler = {
  now: () => Date.now(),
  setTimeout: (callback, ms) => globalThis.setTimeout(callback, ms),
  clearTimeout: (handle) => globalThis.clearTimeout(handle as ReturnType<typeof setTimeout>),
};

export type IdlePhase =
  { readonly kind: 'active' } | { readonly kind: 'warning'; readonly remainingSeconds: number };

export interface IdleTimerOptions {
  /** Inactivity before the session is reset (device_config.idleTimeoutSeconds × 1000). */
  readonly timeoutMs: number;
  /** The warning shows for this last part of the timeout (device_config.idleWarningSeconds). */
  readonly warningMs: number;
  readonly scheduler?: Scheduler;
  readonly onPhase: (phase: IdlePhase) => void;
  readonly onReset: () => void;
}

export interface IdleTimer {
  /** A touch, a key, a scroll: starts the countdown again. */
  activity(): void;
  dispose(): void;
}

export function createIdleTimer(options: IdleTimerOptions): IdleTimer {
  const { timeoutMs, warningMs, onPhase, onReset } = options;
  if (!(warningMs > 0 && warningMs < timeoutMs)) {
    throw new RangeError(
      `warning (${warningMs} ms) must be shorter than the timeout (${timeoutMs} ms)`,
    );
  }
  const scheduler = options.scheduler ?? browserScheduler;
  let handle: unknown;
  let deadline = 0;
  let phase: IdlePhase['kind'] = 'active';

  const schedule = (callback: () => void, ms: number) => {
    if (handle !== undefined) scheduler.clearTimeout(handle);
    handle = scheduler.setTimeout(callback, Math.max(0, ms));
  };

  const tick = () => {
    const remaining = deadline - scheduler.now();
    if (remaining <= 0) {
      handle = undefined;
      onReset();
      start();
      return;
    }
    phase = 'warning';
    onPhase({ kind: 'warning', remainingSeconds: Math.ceil(remaining / 1000) });
    // Next whole second of the countdown, measured from the deadline so ticks never drift.
    schedule(tick, remaining % 1000 === 0 ? 1000 : remaining % 1000);
  };

  const start = () => {
    deadline = scheduler.now() + timeoutMs;
    if (phase !== 'active') {
      phase = 'active';
      onPhase({ kind: 'active' });
    }
    schedule(tick, timeoutMs - warningMs);
  };

  start();
  return {
    activity: start,
    dispose() {
      if (handle !== undefined) scheduler.clearTimeout(handle);
      handle = undefined;
    },
  };
}
