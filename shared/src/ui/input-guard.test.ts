import { describe, expect, it } from 'vitest';
import { createInputGuard, INPUT_GUARD_MS, INPUT_GUARD_RADIUS_PX } from './input-guard';

function clock() {
  let t = 1000;
  return { now: () => t, advance: (ms: number) => (t += ms) };
}

describe('input guard after a screen change', () => {
  it('swallows the second tap of a double tap at the same place, 80 and 250 ms later', () => {
    for (const gap of [80, 250]) {
      const c = clock();
      const guard = createInputGuard(c.now);
      guard.tapped({ x: 500, y: 900 }); // Submit
      c.advance(20);
      guard.arm(); // the done step appears
      c.advance(gap - 20);
      expect(guard.allows({ x: 505, y: 896 })).toBe(false);
    }
  });

  it('lets a tap elsewhere, or after the guard time, through', () => {
    const c = clock();
    const guard = createInputGuard(c.now);
    guard.tapped({ x: 500, y: 900 });
    guard.arm();
    c.advance(100);
    expect(guard.allows({ x: 500 + INPUT_GUARD_RADIUS_PX + 1, y: 900 })).toBe(true);
    c.advance(INPUT_GUARD_MS);
    expect(guard.allows({ x: 500, y: 900 })).toBe(true);
  });

  it('ends at the first tap that acts on the new screen: the next quick tap near the old place acts', () => {
    const c = clock();
    const guard = createInputGuard(c.now);
    guard.tapped({ x: 500, y: 900 }); // a tile on home
    guard.arm(); // the calculator opens; its keypad has a key near where the tile was
    c.advance(60);
    const elsewhere = { x: 500 + INPUT_GUARD_RADIUS_PX + 50, y: 900 };
    expect(guard.allows(elsewhere)).toBe(true);
    guard.tapped(elsewhere); // a key typed on the new screen
    c.advance(60);
    expect(guard.allows({ x: 510, y: 905 })).toBe(true); // the next key: not swallowed
  });

  it('keeps swallowing the rest of a double tap (press, release, click) at the guarded place', () => {
    const c = clock();
    const guard = createInputGuard(c.now);
    guard.tapped({ x: 500, y: 900 });
    guard.arm();
    c.advance(120);
    expect(guard.allows({ x: 500, y: 900 })).toBe(false); // pointerdown, not recorded
    c.advance(40);
    expect(guard.allows({ x: 500, y: 900 })).toBe(false); // its click
  });

  it('does not guard a change no recent tap caused (a sync, a timeout)', () => {
    const c = clock();
    const guard = createInputGuard(c.now);
    guard.tapped({ x: 500, y: 900 });
    c.advance(INPUT_GUARD_MS + 1);
    guard.arm();
    expect(guard.allows({ x: 500, y: 900 })).toBe(true);
    expect(createInputGuard(c.now).allows({ x: 0, y: 0 })).toBe(true);
  });
});
