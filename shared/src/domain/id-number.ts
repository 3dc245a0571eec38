/**
 * 公民身份号码 (GB 11643-1999) validation, used by every entry path: card reader, OCR and
 * staff keyboard. The number is 6 region digits, 8 birth-date digits, 3 sequence digits (odd
 * for men) and a check character, ISO 7064 MOD 11-2. Old 15-digit numbers (no century, no
 * check character) are converted to 18 digits.
 *
 * The same checksum is used by the HK/Macau/Taiwan residence permit (prefix 81/82/83) and the
 * 2023 foreigner permanent residence ID card (prefix 9 + province of the issuing authority).
 */
import { err, ok, type Result } from './result';
import type { IdNumber } from './ids';
import { INNER_MONGOLIA_PREFECTURES, PROVINCE_NAMES } from './regions';

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
const CHECK_CHARS = '10X98765432';

export type IdHolderKind = 'resident' | 'hmt-permit' | 'foreign-permanent';
export type Sex = 'male' | 'female' | 'unknown';

export interface ParsedIdNumber {
  readonly idNumber: IdNumber;
  readonly holder: IdHolderKind;
  /** First 6 digits, the region where the number was issued. */
  readonly regionCode: string;
  readonly provinceName: string | undefined;
  /** Prefecture name when the number was issued in Inner Mongolia. */
  readonly prefectureName: string | undefined;
  /** YYYY-MM-DD */
  readonly birthDate: string;
  readonly sex: Exclude<Sex, 'unknown'>;
  readonly convertedFrom15: boolean;
}

export type IdNumberError =
  | { readonly kind: 'empty' }
  | { readonly kind: 'length'; readonly length: number }
  | { readonly kind: 'characters' }
  | { readonly kind: 'checkDigit'; readonly expected: string; readonly actual: string }
  | { readonly kind: 'region'; readonly code: string }
  | { readonly kind: 'birthDate'; readonly value: string }
  | { readonly kind: 'birthDateInFuture'; readonly value: string }
  | { readonly kind: 'birthDateMismatch'; readonly expected: string; readonly actual: string };

export interface ParseIdNumberOptions {
  /** Reference day for "not in the future"; defaults to now. */
  readonly today?: Date;
  /** Birth date read separately (card chip, OCR, form): it must agree with the number. */
  readonly expectedBirthDate?: string;
}

/**
 * Full-width digits and X come from Chinese input methods and OCR; spaces and hyphens from
 * people grouping digits. None of them change the number.
 */
export function normalizeIdNumberInput(input: string): string {
  return input
    .replace(/[\uFF10-\uFF19]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xff10 + 0x30))
    .replace(/[\uFF38\uFF58x]/g, 'X')
    .replace(/[\s\-\u3000]/g, '');
}

/** The check character for the first 17 digits. */
export function computeIdCheckChar(first17: string): string {
  if (!/^\d{17}$/.test(first17)) throw new Error('computeIdCheckChar needs 17 digits');
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * WEIGHTS[i]!;
  return CHECK_CHARS[sum % 11]!;
}

/** 15-digit legacy number → 18 digits: insert "19" before the 2-digit year, append the check. */
export function convertIdNumber15To18(id15: string): string {
  if (!/^\d{15}$/.test(id15)) throw new Error('convertIdNumber15To18 needs 15 digits');
  const first17 = `${id15.slice(0, 6)}19${id15.slice(6)}`;
  return first17 + computeIdCheckChar(first17);
}

export function holderKindOf(idNumber: string): IdHolderKind {
  if (/^8[123]/.test(idNumber)) return 'hmt-permit';
  if (idNumber.startsWith('9')) return 'foreign-permanent';
  return 'resident';
}

export function parseIdNumber(
  input: string,
  options: ParseIdNumberOptions = {},
): Result<ParsedIdNumber, IdNumberError> {
  const normalized = normalizeIdNumberInput(input);
  if (normalized.length === 0) return err({ kind: 'empty' });

  let id18: string;
  let convertedFrom15 = false;
  if (normalized.length === 15) {
    if (!/^\d{15}$/.test(normalized)) return err({ kind: 'characters' });
    id18 = convertIdNumber15To18(normalized);
    convertedFrom15 = true;
  } else if (normalized.length === 18) {
    if (!/^\d{17}[\dX]$/.test(normalized)) return err({ kind: 'characters' });
    const expected = computeIdCheckChar(normalized.slice(0, 17));
    const actual = normalized[17]!;
    if (expected !== actual) return err({ kind: 'checkDigit', expected, actual });
    id18 = normalized;
  } else {
    return err({ kind: 'length', length: normalized.length });
  }

  const holder = holderKindOf(id18);
  // For foreign permanent residents digits 2–3 name the province of the issuing authority.
  const provinceCode = holder === 'foreign-permanent' ? id18.slice(1, 3) : id18.slice(0, 2);
  const provinceName = PROVINCE_NAMES[provinceCode];
  if (provinceName === undefined && holder !== 'hmt-permit') {
    return err({ kind: 'region', code: id18.slice(0, 6) });
  }

  const birthDigits = id18.slice(6, 14);
  const birthDate = `${birthDigits.slice(0, 4)}-${birthDigits.slice(4, 6)}-${birthDigits.slice(6, 8)}`;
  if (!isRealDate(birthDate) || Number(birthDigits.slice(0, 4)) < 1900) {
    return err({ kind: 'birthDate', value: birthDate });
  }
  const today = options.today ?? new Date();
  if (birthDate > isoDate(today)) return err({ kind: 'birthDateInFuture', value: birthDate });
  if (options.expectedBirthDate !== undefined && options.expectedBirthDate !== birthDate) {
    return err({
      kind: 'birthDateMismatch',
      expected: options.expectedBirthDate,
      actual: birthDate,
    });
  }

  return ok({
    idNumber: id18 as IdNumber,
    holder,
    regionCode: id18.slice(0, 6),
    provinceName,
    prefectureName:
      provinceCode === '15' ? INNER_MONGOLIA_PREFECTURES[id18.slice(0, 4)] : undefined,
    birthDate,
    sex: Number(id18[16]) % 2 === 1 ? 'male' : 'female',
    convertedFrom15,
  });
}

/** Last four characters, the second factor of a case lookup. */
export function idNumberLast4(idNumber: string): string {
  return idNumber.slice(-4);
}

/** Masked for display and print: 150102********0015 keeps region and last four. */
export function maskIdNumber(idNumber: string): string {
  if (idNumber.length < 10) return '*'.repeat(idNumber.length);
  return idNumber.slice(0, 6) + '*'.repeat(idNumber.length - 10) + idNumber.slice(-4);
}

export function isRealDate(value: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return false;
  const [, y, m, d] = match;
  const date = new Date(Date.UTC(Number(y), Number(m) - 1, Number(d)));
  return (
    date.getUTCFullYear() === Number(y) &&
    date.getUTCMonth() === Number(m) - 1 &&
    date.getUTCDate() === Number(d)
  );
}

/** YYYY-MM-DD of a Date in China Standard Time (UTC+8, no daylight saving), where we work. */
export function isoDate(date: Date): string {
  return new Date(date.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
}

/**
 * A fictional person's ID number with a valid check character, for sample data and tests.
 * Never use a real person's number. Sequence 9xx is rarely allocated; still, the people are made up.
 */
export function makeSampleIdNumber(
  regionCode: string,
  birthDate: string,
  sequence: number,
): IdNumber {
  if (!/^\d{6}$/.test(regionCode)) throw new Error('region code must be 6 digits');
  if (!isRealDate(birthDate)) throw new Error(`not a date: ${birthDate}`);
  if (!Number.isInteger(sequence) || sequence < 0 || sequence > 999)
    throw new Error('sequence 0..999');
  const first17 = regionCode + birthDate.replaceAll('-', '') + String(sequence).padStart(3, '0');
  return (first17 + computeIdCheckChar(first17)) as IdNumber;
}
