/**
 * The one way from an error code to what a person reads: `errorMessageKey(source, code)` gives
 * the `errors` namespace key of its message in both languages. A code received from outside
 * (a newer server, a newer host) that this build does not know gets the general message,
 * never the code or the sender's English text.
 */
import { ERROR_CODE_FAMILIES } from './error-codes';
import { familyKey, type FamilyValue } from './key-families';
import type { TranslationKey } from './typed-keys';

type ErrorFamily = keyof typeof ERROR_CODE_FAMILIES;

/** Where a code comes from → its key family. */
export const ERROR_FAMILY_OF = {
  server: 'errors:server',
  rejectedRow: 'errors:rejectedRow',
  enroll: 'errors:enroll',
  ocr: 'errors:ocr',
  print: 'errors:print',
  secrets: 'errors:secrets',
  simulator: 'errors:simulator',
  bridge: 'errors:bridge',
  reader: 'errors:reader',
  transport: 'errors:transport',
} as const satisfies Readonly<Record<string, ErrorFamily>>;

export type ErrorSource = keyof typeof ERROR_FAMILY_OF;
export type ErrorCodeOf<S extends ErrorSource> = FamilyValue<(typeof ERROR_FAMILY_OF)[S]>;

/** Said when the code is not one this build knows. */
export const UNKNOWN_ERROR_KEY = 'errors:unknown' satisfies TranslationKey;

export function isErrorCodeOf<S extends ErrorSource>(
  source: S,
  code: unknown,
): code is ErrorCodeOf<S> {
  const codes: readonly string[] = ERROR_CODE_FAMILIES[ERROR_FAMILY_OF[source]];
  return typeof code === 'string' && codes.includes(code);
}

export function errorMessageKey(source: ErrorSource, code: unknown): TranslationKey {
  if (!isErrorCodeOf(source, code)) return UNKNOWN_ERROR_KEY;
  // familyKey's family/value pair cannot be narrowed through a union of sources; the guard
  // above checked the value against exactly this family's list.
  return familyKey(ERROR_FAMILY_OF[source], code as never) as TranslationKey;
}
