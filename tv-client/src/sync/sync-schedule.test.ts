import { describe, expect, it } from 'vitest';
import type { Clock } from '@pls/shared/sync';
import { createSyncScheduler, DEFAULT_SCHEDULE, type SyncPort } from './sync-schedule';

/** A clock that moves only when told. */
function fakeClock() {
  let now = 0;
  let nextId = 1;
  const timers = new Map<number, { at: number; callback: () => void }>();
  const clock: Clock = {
    now: () => now,
    setTimeout(callback, ms) {
      const id = nextId++;
      timers.set(id, { at: now + ms, callback });
      return id;
    },
    clearTimeout: (handle) => void timers.delete(handle as number),
  };
  return {
    clock,
    async advance(ms: number) {
      const end = now + ms;
      for (;;) {
        const due = [...timers.entries()]
          .filter(([, t]) => t.at <= end)
          .sort((a, b) => a[1].at - b[1].at)[0];
        if (!due) break;
        timers.delete(due[0]);
        now = due[1].at;
        due[1].callback();
        await Promise.resolve();
        await Promise.resolve();
      }
      now = end;
    },
  };
}

function recordingPort() {
  const events: string[] = [];
  const port: SyncPort = {
    setStreaming: (on) => void events.push(on ? 'stream-on' : 'stream-off'),
    poll: async () => void events.push('poll'),
  };
  return { port, events };
}

const MIN = 60_000;
const HOUR = 60 * MIN;

describe('TV sync schedule', () => {
  it('does not stream when nobody watches, and waits a random part of the spread before the first poll', async () => {
    const t = fakeClock();
    const { port, events } = recordingPort();
    const s = createSyncScheduler({ port, clock: t.clock, random: () => 0.5, online: true });
    expect(s.mode).toBe('idle');
    expect(events).toEqual(['stream-off']);
    expect(s.nextPollAt).toBe(15 * MIN);
    await t.advance(15 * MIN - 1);
    expect(events).not.toContain('poll');
    await t.advance(1);
    expect(events).toEqual(['stream-off', 'poll']);
  });

  it('polls roughly every interval, each placed by its own random draw', async () => {
    const t = fakeClock();
    const { port, events } = recordingPort();
    const draws = [0, 0, 1, 0.5];
    const s = createSyncScheduler({
      port,
      clock: t.clock,
      random: () => draws.shift() ?? 0.5,
      online: true,
    });
    await t.advance(1); // first poll at 0 (draw 0)
    expect(s.nextPollAt).toBe(2 * HOUR); // polled at 0; next 4 h × (1 − 0.5) later
    await t.advance(2 * HOUR);
    expect(s.nextPollAt).toBe(2 * HOUR + 6 * HOUR); // 4 h × 1.5
    await t.advance(6 * HOUR);
    expect(events.filter((e) => e === 'poll')).toHaveLength(3);
  });

  it('streams while keys are pressed and stops streaming 10 minutes after the last key', async () => {
    const t = fakeClock();
    const { port, events } = recordingPort();
    const s = createSyncScheduler({ port, clock: t.clock, random: () => 0.9, online: true });
    s.activity();
    expect(s.mode).toBe('streaming');
    expect(s.nextPollAt).toBeUndefined();
    await t.advance(9 * MIN);
    s.activity(); // still watching
    await t.advance(9 * MIN);
    expect(s.mode).toBe('streaming');
    await t.advance(1 * MIN);
    expect(s.mode).toBe('idle');
    expect(events).toEqual(['stream-off', 'stream-on', 'stream-off']);
    expect(s.nextPollAt).toBeDefined();
  });

  it('goes quiet offline and spreads its first contact when the link returns', async () => {
    const t = fakeClock();
    const { port, events } = recordingPort();
    const s = createSyncScheduler({ port, clock: t.clock, random: () => 0.2, online: false });
    expect(s.mode).toBe('offline');
    s.activity();
    expect(s.mode).toBe('offline');
    await t.advance(DEFAULT_SCHEDULE.activeWindowMs + 1);
    s.online(true);
    expect(s.mode).toBe('idle');
    expect(s.nextPollAt).toBe(t.clock.now() + 6 * MIN);
    s.online(false);
    expect(s.nextPollAt).toBeUndefined();
    await t.advance(10 * HOUR);
    expect(events).not.toContain('poll');
  });

  it('streams at once when the link returns while someone is watching', () => {
    const t = fakeClock();
    const { port, events } = recordingPort();
    const s = createSyncScheduler({ port, clock: t.clock, online: false });
    s.activity();
    s.online(true);
    expect(s.mode).toBe('streaming');
    expect(events.at(-1)).toBe('stream-on');
  });

  it('spreads 10,000 boxes switched on at the same second over the whole spread', () => {
    const starts: number[] = [];
    let seed = 7;
    const random = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
    for (let i = 0; i < 10_000; i++) {
      const t = fakeClock();
      const s = createSyncScheduler({
        port: recordingPort().port,
        clock: t.clock,
        random,
        online: true,
      });
      starts.push(s.nextPollAt!);
    }
    // No one-minute slot of the 30-minute spread gets more than 1.5× its fair share.
    const perMinute = new Array<number>(30).fill(0);
    for (const at of starts) perMinute[Math.min(29, Math.floor(at / MIN))]! += 1;
    expect(Math.max(...perMinute)).toBeLessThan((10_000 / 30) * 1.5);
  });
});
