/**
 * useTranslation over every namespace, so `t('domain:sex.female')` type-checks and the
 * component re-renders when the language changes.
 */
import { useTranslation } from 'react-i18next';
import { NAMESPACES, type Namespace } from '../i18n/resources';

const ALL: Namespace[] = [...NAMESPACES];

export function useT() {
  return useTranslation(ALL);
}
