import { describe, expect, it } from 'vitest';
import { createI18n, LANGUAGES, textHash, textOfKey } from '@pls/shared/i18n';
import { CONSENT_PARAGRAPHS, CONSENT_TEXT_VERSION } from './consent';

/**
 * The words each consent version stands for. When a paragraph changes in either language this
 * fails: bump CONSENT_TEXT_VERSION and record the new hash here (old applications keep theirs).
 */
const VERSION_HASHES: Readonly<Record<string, string>> = {
  'pipl-consent-v1': 'f9c295e81920b2cb1cb5d055409e3c3f3bbca173e4febc8e3b25b16d97c8a62a',
};

describe('consent text', () => {
  it('is pinned to its version', () => {
    const i18n = createI18n();
    const text = LANGUAGES.flatMap((lng) =>
      CONSENT_PARAGRAPHS.map((key) => textOfKey(i18n, key, lng)),
    ).join('\n');
    expect(textHash(text)).toBe(VERSION_HASHES[CONSENT_TEXT_VERSION]);
  });
});
