import { describe, expect, it } from 'vitest';
import { createIdleTimer, type IdlePhase, type Scheduler } from './idle-timer';

/** A scheduler whose clock moves only when the test says so. */
function manualScheduler() {
  let now = 0;
  let nextId = 0;
  const timers = new Map<number, { at: number; callback: () => void }>();
  const scheduler: Scheduler = {
    now: () => now,
    setTimeout: (callback, ms) => {
      timers.set(++nextId, { at: now + ms, callback });
      return nextId;
    },
    clearTimeout: (handle) => timers.delete(handle as number),
  };
  const advance = (ms: number) => {
    const end = now + ms;
    for (;;) {
      const due = [...timers.entries()]
        .filter(([, t]) => t.at <= end)
        .sort((a, b) => a[1].at - b[1].at)[0];
      if (due === undefined) break;
      timers.delete(due[0]);
      now = due[1].at;
      due[1].callback();
    }
    now = end;
  };
  return { scheduler, advance };
}

describe('createIdleTimer', () => {
  it('warns for the last seconds with a whole-second countdown, then resets and starts over', () => {
    const { scheduler, advance } = manualScheduler();
    const phases: IdlePhase[] = [];
    let resets = 0;
    createIdleTimer({
      timeoutMs: 60_000,
      warningMs: 5_000,
      scheduler,
      onPhase: (p) => phases.push(p),
      onReset: () => resets++,
    });
    advance(54_999);
    expect(phases).toEqual([]);
    advance(1);
    advance(4_000);
    expect(phases.map((p) => (p.kind === 'warning' ? p.remainingSeconds : p.kind))).toEqual([
      5, 4, 3, 2, 1,
    ]);
    advance(1_000);
    expect(resets).toBe(1);
    expect(phases.at(-1)).toEqual({ kind: 'active' });
    advance(55_000);
    expect(phases.at(-1)).toEqual({ kind: 'warning', remainingSeconds: 5 });
  });

  it('starts over on activity, during the warning too', () => {
    const { scheduler, advance } = manualScheduler();
    const phases: IdlePhase[] = [];
    let resets = 0;
    const timer = createIdleTimer({
      timeoutMs: 10_000,
      warningMs: 3_000,
      scheduler,
      onPhase: (p) => phases.push(p),
      onReset: () => resets++,
    });
    advance(8_000);
    timer.activity();
    expect(phases.at(-1)).toEqual({ kind: 'active' });
    advance(9_000);
    expect(resets).toBe(0);
    timer.dispose();
    advance(60_000);
    expect(resets).toBe(0);
  });

  it('refuses a warning as long as the timeout', () => {
    const { scheduler } = manualScheduler();
    expect(() =>
      createIdleTimer({
        timeoutMs: 5_000,
        warningMs: 5_000,
        scheduler,
        onPhase: () => {},
        onReset: () => {},
      }),
    ).toThrow(RangeError);
  });
});
