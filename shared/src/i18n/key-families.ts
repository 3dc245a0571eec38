/**
 * Dynamic keys. A key built at run time (`domain:caseCategory.${category}`) is allowed only
 * through a family registered here: the family lists every value, so the locale test knows the
 * exact set of keys in use, and a new vocabulary value without labels fails the test.
 *
 * To add one: register `'<ns>:<prefix>': <readonly list of values>` below and build keys with
 * `familyKey('<ns>:<prefix>', value)`.
 */
import {
  APPLICATION_STATUSES,
  APPOINTMENT_STATUSES,
  CASE_KINDS,
  QUESTION_STATUSES,
} from '../domain/case-status';
import { MISSING_MATERIALS, REFUSAL_REASONS } from '../domain/decision-codes';
import { FEEDBACK_TAGS } from '../domain/schemas/feedback';
import {
  CASE_CATEGORIES,
  DEVICE_KINDS,
  HARDSHIP_BASES,
  IDENTITY_SOURCES,
  REVOKE_REASONS,
  SEXES,
} from '../domain/vocabulary';
import { ERROR_CODE_FAMILIES } from './error-codes';

/** Digits a voice prompt can read one by one (ID numbers end in X). */
export const SPOKEN_DIGITS = ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9', 'X'] as const;
export type SpokenDigit = (typeof SPOKEN_DIGITS)[number];

export const FONT_SIZES = ['normal', 'large', 'extraLarge'] as const;
export type FontSize = (typeof FONT_SIZES)[number];

/** The 民族 codes of NATIONS (GB 3304 plus 97/98), as a typed list; a test keeps them equal. */
export const NATION_CODES = [
  '01',
  '02',
  '03',
  '04',
  '05',
  '06',
  '07',
  '08',
  '09',
  '10',
  '11',
  '12',
  '13',
  '14',
  '15',
  '16',
  '17',
  '18',
  '19',
  '20',
  '21',
  '22',
  '23',
  '24',
  '25',
  '26',
  '27',
  '28',
  '29',
  '30',
  '31',
  '32',
  '33',
  '34',
  '35',
  '36',
  '37',
  '38',
  '39',
  '40',
  '41',
  '42',
  '43',
  '44',
  '45',
  '46',
  '47',
  '48',
  '49',
  '50',
  '51',
  '52',
  '53',
  '54',
  '55',
  '56',
  '97',
  '98',
] as const;

export const KEY_FAMILIES = {
  'domain:caseKind': CASE_KINDS,
  'domain:caseCategory': CASE_CATEGORIES,
  'domain:hardshipBasis': HARDSHIP_BASES,
  'domain:hardshipExplanation': HARDSHIP_BASES,
  'domain:identitySource': IDENTITY_SOURCES,
  'domain:sex': SEXES,
  'domain:status.applications': APPLICATION_STATUSES,
  'domain:refusalReason': REFUSAL_REASONS,
  'domain:missingMaterial': MISSING_MATERIALS,
  'domain:status.questions': QUESTION_STATUSES,
  'domain:status.appointments': APPOINTMENT_STATUSES,
  'domain:feedbackTag': FEEDBACK_TAGS,
  'domain:nation': NATION_CODES,
  'common:digit': SPOKEN_DIGITS,
  'common:fontSize': FONT_SIZES,
  'console:fleet.kind': DEVICE_KINDS,
  'domain:revokeReason': REVOKE_REASONS,
  // What every error code says to a person (error-messages.ts: errorMessageKey).
  ...ERROR_CODE_FAMILIES,
} as const satisfies Readonly<Record<string, readonly string[]>>;

export type KeyFamily = keyof typeof KEY_FAMILIES;
export type FamilyValue<F extends KeyFamily> = (typeof KEY_FAMILIES)[F][number];

/** The key of one value of a family: familyKey('domain:sex', 'female') → 'domain:sex.female'. */
export function familyKey<F extends KeyFamily, V extends FamilyValue<F>>(
  family: F,
  value: V,
): `${F}.${V}` {
  return `${family}.${value}`;
}

/** Every key of every family, e.g. for the locale test. */
export function allFamilyKeys(): string[] {
  return Object.entries(KEY_FAMILIES).flatMap(([family, values]) =>
    values.map((value) => `${family}.${value}`),
  );
}

/**
 * Namespaces read as one structure by a single module instead of key by key through `t`; that
 * module checks its own key set, so the usage check skips them (every other check applies).
 */
export const WHOLE_NAMESPACES: Readonly<Record<string, string>> = {
  print: 'shared/src/print/labels.ts parses the whole file and requires every label',
};
