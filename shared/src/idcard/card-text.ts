/**
 * Decodes the 256-byte card text block into `IdCardData`. The card type comes from the marker
 * at byte 248; each type has its own layout (card-layouts.ts). Dates become YYYY-MM-DD, "长期"
 * becomes `long-term`, sex and nation codes are mapped, and the ID number is validated with the
 * domain's `parseIdNumber` (check digit, date, region) against the birth date on the card.
 */
import { err, ok, type Result } from '../domain/result';
import { isRealDate, parseIdNumber, type Sex } from '../domain/id-number';
import { NATIONS } from '../domain/nations';
import {
  CARD_TEXT_SIZE,
  CARD_TYPE_MARKER_OFFSET,
  FOREIGN_2017_LAYOUT,
  FOREIGN_2023_LAYOUT,
  HMT_PERMIT_LAYOUT,
  RESIDENT_LAYOUT,
  cardTypeOfMarker,
  type FieldSpan,
} from './card-layouts';
import { decodeUcs2Field, decodeUcs2Le } from './ucs2';
import type {
  Foreign2017Card,
  Foreign2023Card,
  HmtPermitCard,
  IdCardData,
  ResidentCard,
} from './types';

export type CardField =
  'name' | 'sex' | 'nation' | 'birthDate' | 'validFrom' | 'validTo' | 'idNumber' | 'nationality';

export type CardDecodeError =
  | { readonly kind: 'textLength'; readonly length: number }
  | { readonly kind: 'unknownCardType'; readonly marker: number }
  | { readonly kind: 'invalidField'; readonly field: CardField; readonly value: string }
  | { readonly kind: 'layout'; readonly message: string };

/** Long-term validity as written on the card. */
export const LONG_TERM_TEXT = '长期';
export const LONG_TERM = 'long-term';

export interface DecodeCardTextOptions {
  /** Reference day for "birth date not in the future" in ID number checks. */
  readonly today?: Date;
}

class FieldError {
  constructor(readonly error: CardDecodeError) {}
}

/** Field readers throw FieldError to abort one decode; caught in decodeCardText only. */
function field(text: Uint8Array, span: FieldSpan): string {
  return decodeUcs2Field(text, span[0], span[1]);
}

function invalid(fieldName: CardField, value: string): never {
  throw new FieldError({ kind: 'invalidField', field: fieldName, value });
}

function sexOf(code: string): Sex {
  switch (code) {
    case '1':
      return 'male';
    case '2':
      return 'female';
    // 0 未知 unknown, 9 未说明 not stated (GB/T 2261.1)
    case '0':
    case '9':
      return 'unknown';
    default:
      return invalid('sex', code);
  }
}

function dateOf(fieldName: CardField, value: string): string {
  if (!/^\d{8}$/.test(value)) return invalid(fieldName, value);
  const iso = `${value.slice(0, 4)}-${value.slice(4, 6)}-${value.slice(6, 8)}`;
  return isRealDate(iso) ? iso : invalid(fieldName, value);
}

function validToOf(value: string): string {
  return value === LONG_TERM_TEXT ? LONG_TERM : dateOf('validTo', value);
}

function nonEmpty(fieldName: CardField, value: string): string {
  return value.length > 0 ? value : invalid(fieldName, value);
}

function checkedIdNumber(
  idNumber: string,
  birthDate: string,
  options: DecodeCardTextOptions,
): boolean {
  const parsed = parseIdNumber(idNumber, {
    expectedBirthDate: birthDate,
    ...(options.today !== undefined ? { today: options.today } : {}),
  });
  // A 15-digit number would be "valid" after conversion, but cards carry 18 characters.
  return parsed.ok && idNumber.length === 18 && parsed.value.idNumber === idNumber;
}

/**
 * The 2017 permit number is 3 Latin letters (the nationality code) + 12 digits (National
 * Immigration Administration, 新版外国人永久居留身份证机读信息规则 2023). We found no published
 * check-digit algorithm for it, so only the structure is checked.
 */
function checkedPermit2017(permit: string, nationality: string): boolean {
  const match = /^([A-Z]{3})\d{12}$/.exec(permit);
  return match !== null && match[1] === nationality;
}

function decodeResident(text: Uint8Array, options: DecodeCardTextOptions): ResidentCard {
  const L = RESIDENT_LAYOUT;
  const nationCode = field(text, L.nation);
  if (!/^\d{2}$/.test(nationCode)) invalid('nation', nationCode);
  const birthDate = dateOf('birthDate', field(text, L.birthDate));
  const idNumber = field(text, L.idNumber);
  return {
    cardType: 'resident',
    name: nonEmpty('name', field(text, L.name)),
    sex: sexOf(field(text, L.sex)),
    nation: { code: nationCode, name: NATIONS[nationCode] ?? null },
    birthDate,
    address: field(text, L.address),
    idNumber,
    idNumberValid: checkedIdNumber(idNumber, birthDate, options),
    issuer: field(text, L.issuer),
    validFrom: dateOf('validFrom', field(text, L.validFrom)),
    validTo: validToOf(field(text, L.validTo)),
  };
}

function decodeHmtPermit(text: Uint8Array, options: DecodeCardTextOptions): HmtPermitCard {
  const L = HMT_PERMIT_LAYOUT;
  const birthDate = dateOf('birthDate', field(text, L.birthDate));
  const idNumber = field(text, L.idNumber);
  return {
    cardType: 'hmt-permit',
    name: nonEmpty('name', field(text, L.name)),
    sex: sexOf(field(text, L.sex)),
    birthDate,
    address: field(text, L.address),
    idNumber,
    idNumberValid: checkedIdNumber(idNumber, birthDate, options) && /^8[123]/.test(idNumber),
    issuer: field(text, L.issuer),
    validFrom: dateOf('validFrom', field(text, L.validFrom)),
    validTo: validToOf(field(text, L.validTo)),
    passNumber: field(text, L.passNumber),
    issueCount: field(text, L.issueCount),
  };
}

function nationalityOf(value: string): string {
  return /^[A-Z]{3}$/.test(value) ? value : invalid('nationality', value);
}

function decodeForeign2017(text: Uint8Array): Foreign2017Card {
  const L = FOREIGN_2017_LAYOUT;
  const englishName = field(text, L.englishName);
  const chineseName = field(text, L.name);
  const nationality = nationalityOf(field(text, L.nationality));
  const idNumber = field(text, L.idNumber);
  return {
    cardType: 'foreign-2017',
    name: nonEmpty('name', chineseName || englishName),
    englishName,
    sex: sexOf(field(text, L.sex)),
    nationality,
    birthDate: dateOf('birthDate', field(text, L.birthDate)),
    idNumber,
    idNumberValid: checkedPermit2017(idNumber, nationality),
    issuer: field(text, L.issuer),
    validFrom: dateOf('validFrom', field(text, L.validFrom)),
    validTo: validToOf(field(text, L.validTo)),
    cardVersion: field(text, L.cardVersion),
  };
}

function decodeForeign2023(text: Uint8Array, options: DecodeCardTextOptions): Foreign2023Card {
  const L = FOREIGN_2023_LAYOUT;
  // The English name spans two areas; join them before trimming so a space at the seam stays.
  const englishName = (
    decodeUcs2Le(text, L.englishNameHead[0], L.englishNameHead[1]) +
    decodeUcs2Le(text, L.englishNameTail[0], L.englishNameTail[1])
  ).replace(/^[\s\0]+|[\s\0]+$/g, '');
  const chineseName = field(text, L.name);
  const birthDate = dateOf('birthDate', field(text, L.birthDate));
  const idNumber = field(text, L.idNumber);
  return {
    cardType: 'foreign-2023',
    name: nonEmpty('name', chineseName || englishName),
    englishName,
    sex: sexOf(field(text, L.sex)),
    nationality: nationalityOf(field(text, L.nationality)),
    birthDate,
    idNumber,
    idNumberValid: checkedIdNumber(idNumber, birthDate, options) && idNumber.startsWith('9'),
    validFrom: dateOf('validFrom', field(text, L.validFrom)),
    validTo: validToOf(field(text, L.validTo)),
    renewalCount: field(text, L.renewalCount),
  };
}

export function decodeCardText(
  text: Uint8Array,
  options: DecodeCardTextOptions = {},
): Result<IdCardData, CardDecodeError> {
  if (text.length !== CARD_TEXT_SIZE) return err({ kind: 'textLength', length: text.length });
  const markerCode = text[CARD_TYPE_MARKER_OFFSET]! | (text[CARD_TYPE_MARKER_OFFSET + 1]! << 8);
  const cardType = cardTypeOfMarker(String.fromCharCode(markerCode));
  if (cardType === undefined) return err({ kind: 'unknownCardType', marker: markerCode });
  try {
    switch (cardType) {
      case 'resident':
        return ok(decodeResident(text, options));
      case 'hmt-permit':
        return ok(decodeHmtPermit(text, options));
      case 'foreign-2017':
        return ok(decodeForeign2017(text));
      case 'foreign-2023':
        return ok(decodeForeign2023(text, options));
    }
  } catch (e) {
    if (e instanceof FieldError) return err(e.error);
    throw e;
  }
}

export function describeCardDecodeError(error: CardDecodeError): string {
  switch (error.kind) {
    case 'textLength':
      return `card text is ${error.length} bytes, expected ${CARD_TEXT_SIZE}`;
    case 'unknownCardType': {
      const shown =
        error.marker >= 0x20 && error.marker < 0x7f
          ? ` '${String.fromCharCode(error.marker)}'`
          : '';
      return `unknown card type: marker U+${error.marker.toString(16).toUpperCase().padStart(4, '0')}${shown} at byte ${CARD_TYPE_MARKER_OFFSET}`;
    }
    case 'invalidField':
      return `invalid ${error.field}: ${JSON.stringify(error.value)}`;
    case 'layout':
      return `read response layout: ${error.message}`;
  }
}
