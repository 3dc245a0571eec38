import { describe, expect, it } from 'vitest';
import { sampleContent } from '@pls/shared/testing';
import { planEviction } from './eviction';
import { parsePins, pinnedFiles, togglePin } from './pins';

const program = (id: string, file: string) =>
  sampleContent({
    id,
    kind: 'program',
    media: [{ kind: 'video', file, language: 'zh-Hans', bytes: 100, available: true }],
  });

describe('pinned programs', () => {
  it('reads what was stored, ignoring anything that is not a list of ids', () => {
    expect([...parsePins('["a","b"]')]).toEqual(['a', 'b']);
    expect(parsePins('{"a":1}').size).toBe(0);
    expect(parsePins('not json').size).toBe(0);
    expect(parsePins(null).size).toBe(0);
  });

  it('toggles a program in and out', () => {
    const once = togglePin(new Set(), 'p1');
    expect([...once]).toEqual(['p1']);
    expect(togglePin(once, 'p1').size).toBe(0);
  });

  it('keeps a pinned program’s file when the budget needs room', () => {
    const programs = [program('p1', 'programs/a.mp4'), program('p2', 'programs/b.mp4')];
    const pinned = new Set(pinnedFiles(programs, new Set(['p1'])));
    expect([...pinned]).toEqual(['programs/a.mp4']);
    const stored = ['programs/a.mp4', 'programs/b.mp4'].map((id, i) => ({
      id,
      bytes: 100,
      lastWatchedAt: i, // a.mp4 is the least recently watched
      pinned: pinned.has(id),
      playing: false,
      continueWatching: false,
    }));
    expect(planEviction(stored, 100, 200)).toEqual({ ok: true, evict: ['programs/b.mp4'] });
  });
});
