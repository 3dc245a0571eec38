import { describe, expect, it } from 'vitest';
import { ROW_WINDOW, windowStart } from './virtual-row';

describe('windowStart', () => {
  it('keeps the focused tile second from the left and never runs past either end', () => {
    expect(windowStart(0, 500)).toBe(0);
    expect(windowStart(1, 500)).toBe(0);
    expect(windowStart(250, 500)).toBe(249);
    expect(windowStart(499, 500)).toBe(500 - ROW_WINDOW);
    expect(windowStart(3, 4)).toBe(0);
  });
});
