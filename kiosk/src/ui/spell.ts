/**
 * Reading a tracking code aloud, one character at a time: digits from the shared digit clips,
 * letters from kiosk:spell.* (the Latin letter names as people in Inner Mongolia say them).
 * Every key is written out, so the locale check sees each one.
 */
import { familyKey, type TranslationKey } from '@pls/shared/i18n';

const LETTERS: Readonly<Record<string, TranslationKey>> = {
  A: 'kiosk:spell.A',
  B: 'kiosk:spell.B',
  C: 'kiosk:spell.C',
  D: 'kiosk:spell.D',
  E: 'kiosk:spell.E',
  F: 'kiosk:spell.F',
  G: 'kiosk:spell.G',
  H: 'kiosk:spell.H',
  J: 'kiosk:spell.J',
  K: 'kiosk:spell.K',
  L: 'kiosk:spell.L',
  M: 'kiosk:spell.M',
  N: 'kiosk:spell.N',
  P: 'kiosk:spell.P',
  Q: 'kiosk:spell.Q',
  R: 'kiosk:spell.R',
  S: 'kiosk:spell.S',
  T: 'kiosk:spell.T',
  V: 'kiosk:spell.V',
  W: 'kiosk:spell.W',
  X: 'kiosk:spell.X',
  Y: 'kiosk:spell.Y',
  Z: 'kiosk:spell.Z',
};

const DIGITS = ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9'] as const;
type Digit = (typeof DIGITS)[number];

function isDigit(char: string): char is Digit {
  return (DIGITS as readonly string[]).includes(char);
}

/** Keys saying each character of a code or number; an unknown character is skipped. */
export function spellKeys(text: string, options: { xIsDigit?: boolean } = {}): TranslationKey[] {
  const keys: TranslationKey[] = [];
  for (const char of text.toUpperCase()) {
    if (isDigit(char)) keys.push(familyKey('common:digit', char));
    else if (char === 'X' && options.xIsDigit) keys.push(familyKey('common:digit', 'X'));
    else {
      const letter = LETTERS[char];
      if (letter) keys.push(letter);
    }
  }
  return keys;
}
