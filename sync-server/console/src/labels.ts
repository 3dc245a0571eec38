/** Keys of domain values shown in the console (statuses, kinds, categories). */
import {
  APPLICATION_STATUSES,
  APPOINTMENT_STATUSES,
  CASE_CATEGORIES,
  QUESTION_STATUSES,
  type CaseKind,
} from '@pls/shared/domain';
import { familyKey, type TranslationKey } from '@pls/shared/i18n';

const has = (list: readonly string[], value: string) => list.includes(value);

/** A status's label in its kind's words; with no kind, the first kind that has the status. */
export function statusKey(kind: CaseKind | null, status: string): TranslationKey {
  if ((kind === 'applications' || kind === null) && has(APPLICATION_STATUSES, status))
    return familyKey('domain:status.applications', status as (typeof APPLICATION_STATUSES)[number]);
  if ((kind === 'questions' || kind === null) && has(QUESTION_STATUSES, status))
    return familyKey('domain:status.questions', status as (typeof QUESTION_STATUSES)[number]);
  if (has(APPOINTMENT_STATUSES, status))
    return familyKey('domain:status.appointments', status as (typeof APPOINTMENT_STATUSES)[number]);
  return 'console:inbox.unknownValue';
}

export function categoryKey(category: string | null): TranslationKey {
  return category !== null && has(CASE_CATEGORIES, category)
    ? familyKey('domain:caseCategory', category as (typeof CASE_CATEGORIES)[number])
    : 'console:inbox.unknownValue';
}

export function kindKey(kind: CaseKind): TranslationKey {
  return familyKey('domain:caseKind', kind);
}
