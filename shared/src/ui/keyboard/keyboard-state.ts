/**
 * What the on-screen keyboard edits: the text, and (pinyin mode) the letters being composed.
 * A pure reducer, so the editing rules are tested without a DOM.
 */
import type { Candidate } from './pinyin-dictionary';

export interface KeyboardState {
  readonly value: string;
  /** Pinyin letters typed and not yet turned into Chinese. */
  readonly composition: string;
  /** Page of the candidate bar. */
  readonly page: number;
}

export type KeyboardAction =
  | { readonly type: 'insert'; readonly text: string }
  | { readonly type: 'compose'; readonly letter: string }
  | { readonly type: 'pick'; readonly candidate: Candidate }
  | { readonly type: 'commitLetters' }
  | { readonly type: 'backspace' }
  | { readonly type: 'clear' }
  | { readonly type: 'page'; readonly delta: 1 | -1; readonly pages: number }
  | { readonly type: 'reset'; readonly value: string };

export const MAX_COMPOSITION = 30;

export function keyboardReducer(
  state: KeyboardState,
  action: KeyboardAction,
  maxLength = Number.POSITIVE_INFINITY,
): KeyboardState {
  const fits = (value: string) => [...value].length <= maxLength;
  switch (action.type) {
    case 'insert': {
      const value = state.value + action.text;
      return fits(value) ? { ...state, value } : state;
    }
    case 'compose':
      if (!/^[a-z']$/.test(action.letter) || state.composition.length >= MAX_COMPOSITION) {
        return state;
      }
      if (action.letter === "'" && (state.composition === '' || state.composition.endsWith("'"))) {
        return state;
      }
      return { ...state, composition: state.composition + action.letter, page: 0 };
    case 'pick': {
      const value = state.value + action.candidate.word;
      if (!fits(value)) return state;
      return { value, composition: state.composition.slice(action.candidate.consumed), page: 0 };
    }
    case 'commitLetters': {
      const value = state.value + state.composition.replace(/'/g, '');
      return fits(value) ? { value, composition: '', page: 0 } : state;
    }
    case 'backspace':
      if (state.composition !== '') {
        return { ...state, composition: state.composition.slice(0, -1), page: 0 };
      }
      // One code point at a time: a Mongolian FVS or NNBSP is deleted on its own.
      // One code point, never half of one: an invisible FVS or NNBSP typed by mistake goes alone.
      return { ...state, value: [...state.value].slice(0, -1).join('') };
    case 'clear':
      return { value: '', composition: '', page: 0 };
    case 'page':
      return {
        ...state,
        page: Math.min(Math.max(0, state.page + action.delta), Math.max(0, action.pages - 1)),
      };
    case 'reset':
      return { value: action.value, composition: '', page: 0 };
  }
}
