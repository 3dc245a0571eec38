import { describe, expect, it } from 'vitest';
import drafts from './reader-messages.locales.json';
import { READER_MESSAGE_KEYS } from './reader-messages';

const MONGOLIAN_LETTER = /[\u1820-\u18AA]/u;
const FOREIGN = /[\p{Script=Han}\p{Script=Cyrillic}\p{Script=Latin}]/u;
/** Case suffixes are written after U+202F NNBSP, never after a plain space. */
const SUFFIX_AFTER_SPACE = / (ᠶᠢᠨ|ᠤᠨ|ᠦᠨ|ᠶᠢ|ᠢ|ᠳᠤ|ᠳᠦ|ᠲᠤ|ᠲᠦ)(?=[\s᠂᠃]|$)/u;

describe('reader message strings (drafts for locales/<lang>/idcard.json)', () => {
  it.each(['zh-Hans', 'mn-Mong'] as const)('%s has exactly the keys the reader uses', (lang) => {
    expect(Object.keys(drafts[lang]).sort()).toEqual([...READER_MESSAGE_KEYS].sort());
  });

  it('Mongolian values are traditional Mongolian script, suffixes after NNBSP', () => {
    for (const [key, value] of Object.entries(drafts['mn-Mong'])) {
      expect(MONGOLIAN_LETTER.test(value), key).toBe(true);
      expect(FOREIGN.test(value), key).toBe(false);
      expect(SUFFIX_AFTER_SPACE.test(value), key).toBe(false);
    }
    expect(drafts.review['mn-Mong']).toBe('draft');
  });

  it('Chinese values are Chinese', () => {
    for (const [key, value] of Object.entries(drafts['zh-Hans'])) {
      expect(/\p{Script=Han}/u.test(value), key).toBe(true);
      expect(MONGOLIAN_LETTER.test(value), key).toBe(false);
    }
  });
});
