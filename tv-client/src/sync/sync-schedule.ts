/**
 * When a TV box talks to the center (docs/decisions/0004-tv-sync.md). At 1.8 million boxes a
 * stream held open all day costs the center a connection per box, so:
 * - while someone uses the box (a key within `activeWindowMs`) it streams: answers arrive live;
 * - otherwise it polls now and then with a cheap conditional pull (ETag → 304);
 * - every idle poll is placed at a random point of its interval, and the first contact after
 *   the box comes online waits a random part of `onlineSpreadMs`: boxes switched on together at
 *   night, or a village whose link comes back, do not all arrive in the same second.
 * Pure timing over a Clock; the replication is behind `SyncPort`.
 */
import type { Clock } from '@pls/shared/sync';

export interface SyncPort {
  setStreaming(on: boolean): void;
  /** One pull of everything and push of what waits (the replication's "sync now"). */
  poll(): Promise<void>;
}

export interface SchedulePolicy {
  /** Keep streaming this long after the last key. */
  readonly activeWindowMs: number;
  /** Mean time between idle polls. */
  readonly pollIntervalMs: number;
  /** Idle polls fall uniformly in interval × [1 − jitter, 1 + jitter]. */
  readonly pollJitter: number;
  /** The first poll after coming online falls uniformly in [0, onlineSpreadMs]. */
  readonly onlineSpreadMs: number;
}

export const DEFAULT_SCHEDULE: SchedulePolicy = {
  activeWindowMs: 10 * 60_000,
  pollIntervalMs: 4 * 3_600_000,
  pollJitter: 0.5,
  onlineSpreadMs: 30 * 60_000,
};

export type ScheduleMode = 'streaming' | 'idle' | 'offline';

export interface SyncScheduler {
  /** A key was pressed (or the app came to the foreground). */
  activity(): void;
  online(isOnline: boolean): void;
  readonly mode: ScheduleMode;
  /** Epoch ms of the next idle poll, if one is planned. */
  readonly nextPollAt: number | undefined;
  stop(): void;
}

export function createSyncScheduler(options: {
  readonly port: SyncPort;
  readonly clock: Clock;
  readonly random?: () => number;
  readonly policy?: SchedulePolicy;
  readonly online: boolean;
}): SyncScheduler {
  const { port, clock } = options;
  const random = options.random ?? Math.random;
  const policy = options.policy ?? DEFAULT_SCHEDULE;
  let mode: ScheduleMode = options.online ? 'idle' : 'offline';
  let lastActivity = -Infinity;
  let idleTimer: unknown;
  let pollTimer: unknown;
  let nextPollAt: number | undefined;
  let stopped = false;

  const clear = (handle: unknown) => {
    if (handle !== undefined) clock.clearTimeout(handle);
  };

  const planPoll = (delayMs: number) => {
    clear(pollTimer);
    nextPollAt = clock.now() + delayMs;
    pollTimer = clock.setTimeout(() => {
      pollTimer = undefined;
      nextPollAt = undefined;
      if (stopped || mode !== 'idle') return;
      void port.poll().finally(() => {
        if (!stopped && mode === 'idle') planPoll(jittered());
      });
    }, delayMs);
  };

  const jittered = () =>
    policy.pollIntervalMs * (1 - policy.pollJitter + 2 * policy.pollJitter * random());

  const cancelPoll = () => {
    clear(pollTimer);
    pollTimer = undefined;
    nextPollAt = undefined;
  };

  const goIdle = () => {
    mode = 'idle';
    port.setStreaming(false);
    planPoll(jittered());
  };

  const armIdleTimer = () => {
    clear(idleTimer);
    const left = lastActivity + policy.activeWindowMs - clock.now();
    idleTimer = clock.setTimeout(
      () => {
        idleTimer = undefined;
        if (!stopped && mode === 'streaming') goIdle();
      },
      Math.max(0, left),
    );
  };

  if (mode === 'idle') {
    port.setStreaming(false);
    // A box just switched on: first contact somewhere in the spread, not at once.
    planPoll(policy.onlineSpreadMs * random());
  } else {
    port.setStreaming(false);
  }

  return {
    activity() {
      if (stopped) return;
      lastActivity = clock.now();
      if (mode === 'offline') return;
      if (mode === 'idle') {
        // Someone is watching: answers should arrive now, not at the next poll.
        cancelPoll();
        mode = 'streaming';
        port.setStreaming(true);
      }
      armIdleTimer();
    },
    online(isOnline) {
      if (stopped) return;
      if (!isOnline) {
        if (mode === 'offline') return;
        mode = 'offline';
        cancelPoll();
        clear(idleTimer);
        idleTimer = undefined;
        port.setStreaming(false);
        return;
      }
      if (mode !== 'offline') return;
      if (clock.now() - lastActivity < policy.activeWindowMs) {
        mode = 'streaming';
        port.setStreaming(true);
        armIdleTimer();
      } else {
        mode = 'idle';
        planPoll(policy.onlineSpreadMs * random());
      }
    },
    get mode() {
      return mode;
    },
    get nextPollAt() {
      return nextPollAt;
    },
    stop() {
      stopped = true;
      cancelPoll();
      clear(idleTimer);
    },
  };
}
