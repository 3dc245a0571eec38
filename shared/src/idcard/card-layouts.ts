/**
 * Byte layouts of the 256-byte card text block, one per card type (docs/idcard-protocol.md
 * §2.1–2.2; RDI `tagIDCardInfor`/`tagIDForeigner`/`tagIDCardInfor2023`, YZ `eCardFormatType`).
 * Each field is `[byte offset, byte length]` of UCS-2 LE text. Shared by the decoder and the
 * simulated-card builder so the two cannot drift apart.
 */
import type { CardType } from './types';

export const CARD_TEXT_SIZE = 256;
/** Byte offset of the UCS-2 card-type marker (character 124). */
export const CARD_TYPE_MARKER_OFFSET = 248;

export type FieldSpan = readonly [offset: number, byteLength: number];

export const RESIDENT_LAYOUT = {
  name: [0, 30],
  sex: [30, 2],
  nation: [32, 4],
  birthDate: [36, 16],
  address: [52, 70],
  idNumber: [122, 36],
  issuer: [158, 30],
  validFrom: [188, 16],
  validTo: [204, 16],
} as const satisfies Record<string, FieldSpan>;

export const HMT_PERMIT_LAYOUT = {
  name: [0, 30],
  sex: [30, 2],
  birthDate: [36, 16],
  address: [52, 70],
  idNumber: [122, 36],
  issuer: [158, 30],
  validFrom: [188, 16],
  validTo: [204, 16],
  passNumber: [220, 18],
  issueCount: [238, 4],
} as const satisfies Record<string, FieldSpan>;

export const FOREIGN_2017_LAYOUT = {
  englishName: [0, 120],
  sex: [120, 2],
  idNumber: [122, 30],
  nationality: [152, 6],
  name: [158, 30],
  validFrom: [188, 16],
  validTo: [204, 16],
  birthDate: [220, 16],
  cardVersion: [236, 4],
  issuer: [240, 8],
} as const satisfies Record<string, FieldSpan>;

export const FOREIGN_2023_LAYOUT = {
  name: [0, 30],
  sex: [30, 2],
  renewalCount: [32, 4],
  birthDate: [36, 16],
  /** English name, characters 1–35. */
  englishNameHead: [52, 70],
  idNumber: [122, 36],
  validFrom: [188, 16],
  validTo: [204, 16],
  /** English name, characters 36–46. */
  englishNameTail: [220, 22],
  nationality: [242, 6],
} as const satisfies Record<string, FieldSpan>;

/** The marker character of each card type. A resident card leaves the marker blank. */
export const CARD_TYPE_MARKERS: Readonly<Record<CardType, string>> = {
  resident: ' ',
  'hmt-permit': 'J',
  'foreign-2017': 'I',
  'foreign-2023': 'Y',
};

export function cardTypeOfMarker(marker: string): CardType | undefined {
  switch (marker) {
    // Some writers leave the reserved area zeroed instead of space-padded.
    case ' ':
    case '\0':
      return 'resident';
    case 'J':
      return 'hmt-permit';
    case 'I':
      return 'foreign-2017';
    case 'Y':
      return 'foreign-2023';
    default:
      return undefined;
  }
}
