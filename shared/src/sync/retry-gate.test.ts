import { describe, expect, it } from 'vitest';
import { RetryGate, type Clock } from './retry-gate';

/** A clock the test moves by hand: no real waiting, no timing dependence. */
function manualClock() {
  let now = 1_000_000;
  const timers = new Map<number, { at: number; callback: () => void }>();
  let nextId = 1;
  const clock: Clock & { advance(ms: number): void } = {
    now: () => now,
    setTimeout(callback, ms) {
      const id = nextId++;
      timers.set(id, { at: now + ms, callback });
      return id;
    },
    clearTimeout(handle) {
      timers.delete(handle as number);
    },
    advance(ms) {
      now += ms;
      for (const [id, timer] of [...timers]) {
        if (timer.at <= now) {
          timers.delete(id);
          timer.callback();
        }
      }
    },
  };
  return clock;
}

const flush = () => new Promise((r) => setTimeout(r, 0));

describe('RetryGate', () => {
  it('holds requests for the backoff after a failure and lets them through after it', async () => {
    const clock = manualClock();
    const gate = new RetryGate({ baseMs: 1000, capMs: 8000 }, clock, () => 1);
    await gate.ready(); // open at first
    gate.failed(clock.now());
    let passed = false;
    void gate.ready().then(() => (passed = true));
    clock.advance(999);
    await flush();
    expect(passed).toBe(false);
    clock.advance(1);
    await flush();
    expect(passed).toBe(true);
  });

  it('counts one outage once, grows the delay per outage, resets on success', () => {
    const clock = manualClock();
    const gate = new RetryGate({ baseMs: 1000, capMs: 8000 }, clock, () => 1);
    const started = clock.now();
    gate.failed(started);
    gate.failed(started); // another request of the same round
    expect(gate.failures).toBe(1);
    expect(gate.nextAttemptAt - clock.now()).toBe(1000);
    clock.advance(1000);
    gate.failed(clock.now());
    expect(gate.nextAttemptAt - clock.now()).toBe(2000);
    gate.succeeded();
    expect(gate.failures).toBe(0);
    expect(gate.nextAttemptAt).toBe(0);
  });

  it('opens at once on release (sync now, back online)', async () => {
    const clock = manualClock();
    const gate = new RetryGate({ baseMs: 60_000, capMs: 60_000 }, clock, () => 1);
    gate.failed(clock.now());
    let passed = false;
    void gate.ready().then(() => (passed = true));
    await flush();
    expect(passed).toBe(false);
    gate.release();
    await flush();
    expect(passed).toBe(true);
  });
});
