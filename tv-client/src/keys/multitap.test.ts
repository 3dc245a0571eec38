import { describe, expect, it } from 'vitest';
import {
  commitPending,
  erase,
  keyCycle,
  pressDigit,
  MULTITAP_TIMEOUT_MS,
  type MultitapState,
} from './multitap';

describe('multitap', () => {
  it('cycles a key through its digit and the letters a code may hold', () => {
    expect(keyCycle(2)).toBe('2ABC');
    expect(keyCycle(4)).toBe('4GH'); // no I in the alphabet
    expect(keyCycle(8)).toBe('8TV'); // no U
    expect(keyCycle(0)).toBe(''); // 0 and 1 are not in the alphabet
  });

  it('types A with two quick presses of 2 and 2A with a pause between', () => {
    let s: MultitapState = { text: '' };
    s = pressDigit(s, 2, 0, 8);
    s = pressDigit(s, 2, 300, 8);
    expect(s.text).toBe('A');
    s = pressDigit(s, 2, 300 + MULTITAP_TIMEOUT_MS + 1, 8);
    expect(s.text).toBe('A2');
    s = pressDigit(s, 9, 5000, 8);
    s = pressDigit(s, 9, 5100, 8);
    s = pressDigit(s, 9, 5200, 8);
    expect(s.text).toBe('A2X');
  });

  it('starts a new character on another key or after commit, stops at the length and erases', () => {
    let s: MultitapState = { text: '' };
    s = pressDigit(s, 3, 0, 2);
    s = pressDigit(s, 4, 10, 2);
    expect(s.text).toBe('34');
    s = commitPending(s);
    s = pressDigit(s, 5, 20, 2);
    expect(s.text).toBe('34');
    expect(erase(s).text).toBe('3');
  });

  it('ignores 0 and 1', () => {
    expect(pressDigit({ text: 'A' }, 1, 0, 8).text).toBe('A');
  });
});
