/** The console remembers each browser's language (a staff member's own desk). */
import { LANGUAGES, type Language } from '@pls/shared/i18n';

const KEY = 'pls-console-language';

export function storedLanguage(): Language {
  const value = window.localStorage.getItem(KEY);
  return (LANGUAGES as readonly string[]).includes(value ?? '') ? (value as Language) : 'zh-Hans';
}

export function rememberLanguage(language: Language): void {
  window.localStorage.setItem(KEY, language);
}
