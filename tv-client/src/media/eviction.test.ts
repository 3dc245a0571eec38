import { describe, expect, it } from 'vitest';
import { planEviction, type StoredMedia } from './eviction';

const m = (
  id: string,
  bytes: number,
  lastWatchedAt: number,
  flags: Partial<StoredMedia> = {},
): StoredMedia => ({
  id,
  bytes,
  lastWatchedAt,
  pinned: false,
  playing: false,
  continueWatching: false,
  ...flags,
});

describe('planEviction', () => {
  it('evicts nothing while the new file fits', () => {
    expect(planEviction([m('a', 100, 1)], 50, 200)).toEqual({ ok: true, evict: [] });
  });

  it('evicts the least recently watched first, only as much as needed', () => {
    const stored = [m('new', 100, 30), m('old', 100, 10), m('mid', 100, 20)];
    expect(planEviction(stored, 150, 300)).toEqual({ ok: true, evict: ['old', 'mid'] });
  });

  it('never evicts what is playing, pinned or in continue-watching', () => {
    const stored = [
      m('playing', 100, 1, { playing: true }),
      m('pinned', 100, 2, { pinned: true }),
      m('continue', 100, 3, { continueWatching: true }),
      m('free', 100, 4),
    ];
    expect(planEviction(stored, 100, 400)).toEqual({ ok: true, evict: ['free'] });
    expect(planEviction(stored, 200, 400)).toEqual({ ok: false, short: 100 });
  });
});
