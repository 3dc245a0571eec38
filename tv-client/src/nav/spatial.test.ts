import { describe, expect, it } from 'vitest';
import { pickNext, type Box } from './spatial';

const box = (left: number, top: number, width = 100, height = 100): Box => ({
  left,
  top,
  width,
  height,
});

describe('pickNext', () => {
  // A 3×2 grid of tiles 100 px apart with 20 px gaps.
  const grid = [box(0, 0), box(120, 0), box(240, 0), box(0, 120), box(120, 120), box(240, 120)];

  it('moves to the neighbour straight ahead in each direction', () => {
    expect(pickNext(grid[4]!, grid, 'left')).toBe(3);
    expect(pickNext(grid[4]!, grid, 'right')).toBe(5);
    expect(pickNext(grid[4]!, grid, 'up')).toBe(1);
    expect(pickNext(grid[1]!, grid, 'down')).toBe(4);
  });

  it('finds nothing beyond the edge', () => {
    expect(pickNext(grid[0]!, grid, 'left')).toBe(-1);
    expect(pickNext(grid[0]!, grid, 'up')).toBe(-1);
  });

  it('prefers the box in line over a nearer one off to the side', () => {
    const from = box(0, 0);
    const inLine = box(400, 0);
    const offside = box(150, 300);
    expect(pickNext(from, [offside, inLine], 'right')).toBe(1);
  });

  it('goes from a wide button down to the tall vertical tile under it', () => {
    // Mongolian tiles are tall and narrow; a header button spans two of them.
    const header = box(0, 0, 400, 60);
    const tiles = [box(0, 100, 80, 400), box(100, 100, 80, 400), box(500, 100, 80, 400)];
    expect(pickNext(header, tiles, 'down')).toBe(0);
  });
});
