import { describe, expect, it } from 'vitest';
import { TRACKING_ALPHABET } from '@pls/shared/domain';
import { spellKeys } from './spell';

describe('spelling a code aloud', () => {
  it('has a spoken key for every character of the tracking-code alphabet', () => {
    expect(spellKeys(TRACKING_ALPHABET)).toHaveLength(TRACKING_ALPHABET.length);
  });

  it('reads digits with the shared digit clips and X as a letter unless it is an ID check digit', () => {
    expect(spellKeys('7X')).toEqual(['common:digit.7', 'kiosk:spell.X']);
    expect(spellKeys('7x', { xIsDigit: true })).toEqual(['common:digit.7', 'common:digit.X']);
    expect(spellKeys('K7-Q')).toEqual(['kiosk:spell.K', 'common:digit.7', 'kiosk:spell.Q']);
  });
});
