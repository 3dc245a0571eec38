import { describe, expect, it } from 'vitest';
import { createI18n, textOfKey } from './create-i18n';
import { ERROR_CODE_FAMILIES } from './error-codes';
import {
  ERROR_FAMILY_OF,
  errorMessageKey,
  type ErrorSource,
  UNKNOWN_ERROR_KEY,
} from './error-messages';
import { LANGUAGES } from './languages';
import { API_ERROR_CODES } from '../protocol/index';

const SOURCES = Object.keys(ERROR_FAMILY_OF) as ErrorSource[];

describe('errorMessageKey', () => {
  it('every family is reachable from a source', () => {
    expect(new Set(Object.values(ERROR_FAMILY_OF))).toEqual(
      new Set(Object.keys(ERROR_CODE_FAMILIES)),
    );
  });

  it.each(LANGUAGES)('every code of every source has its own message in %s', async (language) => {
    const i18n = createI18n({ language });
    await i18n.changeLanguage(language);
    // Keys here come from the families at run time; the typed `t` cannot know them statically.
    const t = (key: string): string => textOfKey(i18n, key, language);
    const unknown = t(UNKNOWN_ERROR_KEY);
    for (const source of SOURCES) {
      for (const code of ERROR_CODE_FAMILIES[ERROR_FAMILY_OF[source]]) {
        const key = errorMessageKey(source, code);
        expect(key).not.toBe(UNKNOWN_ERROR_KEY);
        const text = t(key);
        const where = `${language} ${source}.${code}: "${text}"`;
        expect(text, where).not.toBe(key);
        expect(text, where).not.toBe(unknown);
        expect(text, where).not.toContain(code);
        // No English, and the script of the language.
        expect(text.match(/[A-Za-z]{2,}/g) ?? [], where).toEqual([]);
        if (language === 'mn-Mong') {
          expect(text, where).toMatch(/[\u1820-\u18AA]/);
          expect(text, where).not.toMatch(/[\u4e00-\u9fff\u0400-\u04ff]/);
        } else {
          expect(text, where).toMatch(/[\u4e00-\u9fff]/);
        }
      }
    }
  });

  it('a code this build does not know gets the general message, never the code', () => {
    expect(errorMessageKey('server', 'brand_new_code')).toBe(UNKNOWN_ERROR_KEY);
    expect(errorMessageKey('server', 42)).toBe(UNKNOWN_ERROR_KEY);
    expect(errorMessageKey('ocr', 'enroll_code_used')).toBe(UNKNOWN_ERROR_KEY);
    expect(errorMessageKey('server', API_ERROR_CODES[0])).toBe('errors:server.bad_request');
  });
});
