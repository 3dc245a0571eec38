/**
 * Typing the household enrollment code with a remote's number keys. The code uses the
 * tracking alphabet (digits 2–9 and letters without I, O, U: protocol/enrollment.ts), so each
 * number key cycles through its digit and then its letters, as on a phone keypad: pressing
 * 2 twice quickly gives A. A pause, another key or OK ends the letter.
 */
import { TRACKING_ALPHABET } from '@pls/shared/domain';

const PHONE_LETTERS: Readonly<Record<number, string>> = {
  2: 'ABC',
  3: 'DEF',
  4: 'GHI',
  5: 'JKL',
  6: 'MNO',
  7: 'PQRS',
  8: 'TUV',
  9: 'WXYZ',
};

/** What each key types, in order, limited to characters an enrollment code can hold. */
export function keyCycle(digit: number): string {
  const all = `${digit}${PHONE_LETTERS[digit] ?? ''}`;
  return [...all].filter((c) => TRACKING_ALPHABET.includes(c)).join('');
}

export interface MultitapState {
  readonly text: string;
  /** The key whose character is still changing, and when it was last pressed. */
  readonly pending?: { readonly digit: number; readonly index: number; readonly at: number };
}

export const MULTITAP_TIMEOUT_MS = 1200;

export function pressDigit(
  state: MultitapState,
  digit: number,
  now: number,
  maxLength: number,
): MultitapState {
  const cycle = keyCycle(digit);
  if (cycle === '') return { text: state.text };
  const p = state.pending;
  if (p && p.digit === digit && now - p.at < MULTITAP_TIMEOUT_MS) {
    const index = (p.index + 1) % cycle.length;
    return { text: state.text.slice(0, -1) + cycle[index]!, pending: { digit, index, at: now } };
  }
  if (state.text.length >= maxLength) return { text: state.text };
  return { text: state.text + cycle[0]!, pending: { digit, index: 0, at: now } };
}

export function erase(state: MultitapState): MultitapState {
  return { text: state.text.slice(0, -1) };
}

export function commitPending(state: MultitapState): MultitapState {
  return { text: state.text };
}
