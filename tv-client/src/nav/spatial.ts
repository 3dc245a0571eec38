/**
 * Geometry of a remote's arrow keys: from the focused box, the nearest box in the pressed
 * direction. Our own small navigator rather than norigin-spatial-navigation because
 * - it measures with getBoundingClientRect, which sees vertical Mongolian tiles and the focus
 *   scale as drawn (norigin's default adapter reads offsetLeft/Top and ignores transforms);
 * - focus is real DOM focus, so screen readers, axe and :focus-visible see what the remote does;
 * - focus memory has to survive a restart, which norigin leaves to the app anyway.
 * Long rows are virtualised by the row itself (watch/virtual-row.tsx): this only ever measures
 * what is on screen, a few dozen boxes.
 */
export type Direction = 'up' | 'down' | 'left' | 'right';

export interface Box {
  readonly left: number;
  readonly top: number;
  readonly width: number;
  readonly height: number;
}

/**
 * Index of the best candidate, or -1. A candidate must lie beyond the current box's edge in
 * the direction; among those, distance along the direction counts once and the sideways
 * offset (beyond any overlap) counts double, so the box straight ahead wins over a nearer one
 * off to the side.
 */
export function pickNext(from: Box, candidates: readonly Box[], direction: Direction): number {
  let best = -1;
  let bestScore = Infinity;
  candidates.forEach((to, index) => {
    let along: number;
    let sideways: number;
    if (direction === 'left' || direction === 'right') {
      along =
        direction === 'right'
          ? to.left - (from.left + from.width)
          : from.left - (to.left + to.width);
      sideways = gap(from.top, from.top + from.height, to.top, to.top + to.height);
    } else {
      along =
        direction === 'down' ? to.top - (from.top + from.height) : from.top - (to.top + to.height);
      sideways = gap(from.left, from.left + from.width, to.left, to.left + to.width);
    }
    // Allow a small overlap (focus scale, borders) but nothing behind.
    if (along < -4) return;
    const score = Math.max(along, 0) + 2 * sideways;
    if (score < bestScore) {
      bestScore = score;
      best = index;
    }
  });
  return best;
}

/** Distance between two intervals; 0 when they overlap. */
function gap(a0: number, a1: number, b0: number, b1: number): number {
  if (b1 < a0) return a0 - b1;
  if (b0 > a1) return b0 - a1;
  return 0;
}
