/**
 * One gate all sync requests of a device pass through. After a failure every request waits
 * for the backoff delay; "sync now" and the browser's `online` event open the gate at once; a
 * success resets the backoff. Failures of requests that started before the last counted
 * failure belong to the same outage and do not grow the delay again.
 */
import { BehaviorSubject, type Observable } from 'rxjs';
import { backoffDelay, type BackoffPolicy } from './backoff';

export interface Clock {
  now(): number;
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export const SYSTEM_CLOCK: Clock = {
  now: () => Date.now(),
  setTimeout: (callback, ms) => setTimeout(callback, ms),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

export class RetryGate {
  private attempts = 0;
  private lastFailureAt = Number.NEGATIVE_INFINITY;
  private readonly next = new BehaviorSubject<number>(0);
  private waiters: Array<() => void> = [];
  private timer: unknown;

  constructor(
    private readonly policy: BackoffPolicy,
    private readonly clock: Clock = SYSTEM_CLOCK,
    private readonly random: () => number = Math.random,
  ) {}

  /** Epoch ms of the next allowed attempt (0: now). */
  get nextAttemptAt$(): Observable<number> {
    return this.next.asObservable();
  }

  get nextAttemptAt(): number {
    return this.next.getValue();
  }

  get failures(): number {
    return this.attempts;
  }

  /** A request that started at `startedAt` failed. */
  failed(startedAt: number): void {
    if (startedAt <= this.lastFailureAt) return;
    this.attempts++;
    this.lastFailureAt = this.clock.now();
    this.schedule(this.lastFailureAt + backoffDelay(this.attempts, this.policy, this.random));
  }

  succeeded(): void {
    this.attempts = 0;
    this.open();
  }

  /** Sync now / back online: let waiting requests through at once, keep the failure count. */
  release(): void {
    this.open();
  }

  ready(): Promise<void> {
    if (this.clock.now() >= this.nextAttemptAt) return Promise.resolve();
    return new Promise((resolve) => this.waiters.push(resolve));
  }

  dispose(): void {
    this.open();
  }

  private schedule(at: number): void {
    if (this.timer !== undefined) this.clock.clearTimeout(this.timer);
    this.next.next(at);
    this.timer = this.clock.setTimeout(() => this.open(), Math.max(0, at - this.clock.now()));
  }

  private open(): void {
    if (this.timer !== undefined) this.clock.clearTimeout(this.timer);
    this.timer = undefined;
    if (this.next.getValue() !== 0) this.next.next(0);
    const waiters = this.waiters;
    this.waiters = [];
    for (const resolve of waiters) resolve();
  }
}
