/**
 * Typed keys: a misspelt key fails `tsc`. The Chinese files are the key set; every key is
 * written with its namespace (`ns:key`), which is also what the usage check in
 * i18n-locales.test.ts looks for in the source.
 */
import type { ParseKeys } from 'i18next';
import type { Namespace, Resources } from './resources';

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'common';
    resources: Resources;
    strictKeyChecks: true;
  }
}

/** Any valid key, written with its namespace. */
export type TranslationKey = ParseKeys<Namespace[]>;
