/**
 * The runtime language layer: i18next set-up, formatting, error messages. The build-time locale
 * checker (locale-check.ts) is for the i18n tool and tests, which import it by path.
 */
import './typed-keys';

export * from './languages';
export * from './create-i18n';
export * from './format';
export * from './mongolian-format';
export * from './key-families';
export * from './error-codes';
export * from './error-messages';
export * from './resources';
export * from './text-hash';
export type { TranslationKey } from './typed-keys';
