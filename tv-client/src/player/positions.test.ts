import { describe, expect, it } from 'vitest';
import { continueWatchingIds, parsePositions, resumeAt, withPosition } from './positions';

describe('positions', () => {
  it('keeps started, unfinished programs as continue-watching and resumes there', () => {
    let p = parsePositions(null);
    p = withPosition(p, 'a', 12, 40, 1);
    p = withPosition(p, 'b', 39, 40, 2); // finished
    p = withPosition(p, 'c', 1, 40, 3); // barely started
    expect(continueWatchingIds(p)).toEqual(['a']);
    expect(resumeAt(p['a'])).toBe(12);
    expect(resumeAt(p['b'])).toBe(0);
    expect(parsePositions(JSON.stringify(p))).toEqual(p);
  });
  it('ignores stored garbage', () => {
    expect(parsePositions('{"a":{"at":"x"},"b":5}')).toEqual({});
    expect(parsePositions('not json')).toEqual({});
  });
});
