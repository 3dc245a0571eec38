/**
 * The personal-information notice (PIPL 第十四/十七条): what is processed, why, by whom, for how
 * long, and the resident's rights. Its text lives in locales (kiosk:consent.*); the version
 * string is stored in every application's `consent.textVersion`, so the center knows which
 * words a person agreed to. Changing any paragraph in either language means a new version:
 * consent.test.ts pins the texts of each version and fails until the version is bumped.
 */
import type { TranslationKey } from '@pls/shared/i18n';

export const CONSENT_TEXT_VERSION = 'pipl-consent-v1';

export const CONSENT_PARAGRAPHS: readonly TranslationKey[] = [
  'kiosk:consent.body.what',
  'kiosk:consent.body.why',
  'kiosk:consent.body.who',
  'kiosk:consent.body.keep',
  'kiosk:consent.body.rights',
  'kiosk:consent.body.refuse',
];
