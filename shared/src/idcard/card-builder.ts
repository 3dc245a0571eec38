/**
 * Builds card text and complete read replies for fictional people, for the simulator, tests,
 * fixtures and the benchmark. The inverse of card-text.ts, over the same layouts. Every sample
 * person is made up; ID numbers come from `makeSampleIdNumber` (valid check digit, no real
 * person).
 */
import { makeSampleIdNumber } from '../domain/id-number';
import {
  CARD_TEXT_SIZE,
  CARD_TYPE_MARKERS,
  CARD_TYPE_MARKER_OFFSET,
  FOREIGN_2017_LAYOUT,
  FOREIGN_2023_LAYOUT,
  HMT_PERMIT_LAYOUT,
  RESIDENT_LAYOUT,
  type FieldSpan,
} from './card-layouts';
import { LONG_TERM, LONG_TERM_TEXT } from './card-text';
import { encodeResponseFrame } from './frame-codec';
import type { ReadVariant } from './read-response';
import type { CardType, IdCardData, Sex } from './types';
import { encodeUcs2Field } from './ucs2';

type WithoutDerived<T> = T extends unknown ? Omit<T, 'idNumberValid' | 'photo'> : never;

/** A card to put on the simulated reader: the decoded fields, minus what decoding derives. */
export type SimulatedCard = WithoutDerived<IdCardData> & {
  /** Raw WLT bytes; a deterministic fictional block when absent. */
  readonly photo?: Uint8Array;
  /** Fingerprint block returned by `30 10`: 0, 512 or 1024 bytes in the sources. */
  readonly fingerprintLength?: number;
};

export type SimulatedCardOf<T extends CardType> = Extract<SimulatedCard, { cardType: T }>;

export const PHOTO_SIZE = 1024;

function sexCode(sex: Sex): string {
  return sex === 'male' ? '1' : sex === 'female' ? '2' : '0';
}

function compactDate(iso: string): string {
  return iso === LONG_TERM ? LONG_TERM_TEXT : iso.replaceAll('-', '');
}

export function encodeCardText(card: SimulatedCard): Uint8Array {
  const text = new Uint8Array(CARD_TEXT_SIZE);
  encodeUcs2Field(text, 0, CARD_TEXT_SIZE, '');
  const put = (span: FieldSpan, value: string) => encodeUcs2Field(text, span[0], span[1], value);
  switch (card.cardType) {
    case 'resident': {
      const L = RESIDENT_LAYOUT;
      put(L.name, card.name);
      put(L.sex, sexCode(card.sex));
      put(L.nation, card.nation.code);
      put(L.birthDate, compactDate(card.birthDate));
      put(L.address, card.address);
      put(L.idNumber, card.idNumber);
      put(L.issuer, card.issuer);
      put(L.validFrom, compactDate(card.validFrom));
      put(L.validTo, compactDate(card.validTo));
      break;
    }
    case 'hmt-permit': {
      const L = HMT_PERMIT_LAYOUT;
      put(L.name, card.name);
      put(L.sex, sexCode(card.sex));
      put(L.birthDate, compactDate(card.birthDate));
      put(L.address, card.address);
      put(L.idNumber, card.idNumber);
      put(L.issuer, card.issuer);
      put(L.validFrom, compactDate(card.validFrom));
      put(L.validTo, compactDate(card.validTo));
      put(L.passNumber, card.passNumber);
      put(L.issueCount, card.issueCount);
      break;
    }
    case 'foreign-2017': {
      const L = FOREIGN_2017_LAYOUT;
      put(L.englishName, card.englishName);
      put(L.sex, sexCode(card.sex));
      put(L.idNumber, card.idNumber);
      put(L.nationality, card.nationality);
      // `name` falls back to the English name when the card has no Chinese name.
      put(L.name, card.name === card.englishName ? '' : card.name);
      put(L.validFrom, compactDate(card.validFrom));
      put(L.validTo, compactDate(card.validTo));
      put(L.birthDate, compactDate(card.birthDate));
      put(L.cardVersion, card.cardVersion);
      put(L.issuer, card.issuer);
      break;
    }
    case 'foreign-2023': {
      const L = FOREIGN_2023_LAYOUT;
      const headChars = L.englishNameHead[1] / 2;
      put(L.name, card.name === card.englishName ? '' : card.name);
      put(L.sex, sexCode(card.sex));
      put(L.renewalCount, card.renewalCount);
      put(L.birthDate, compactDate(card.birthDate));
      put(L.englishNameHead, card.englishName.slice(0, headChars));
      put(L.idNumber, card.idNumber);
      put(L.validFrom, compactDate(card.validFrom));
      put(L.validTo, compactDate(card.validTo));
      put(L.englishNameTail, card.englishName.slice(headChars));
      put(L.nationality, card.nationality);
      break;
    }
  }
  encodeUcs2Field(text, CARD_TYPE_MARKER_OFFSET, 2, CARD_TYPE_MARKERS[card.cardType]);
  return text;
}

/** Deterministic filler bytes (xorshift32): a stand-in WLT block or fingerprint, no real data. */
export function fillerBytes(length: number, seed: number): Uint8Array {
  const out = new Uint8Array(length);
  let x = seed >>> 0 || 0x9e3779b9;
  for (let i = 0; i < length; i++) {
    x ^= x << 13;
    x >>>= 0;
    x ^= x >>> 17;
    x ^= x << 5;
    x >>>= 0;
    out[i] = x & 0xff;
  }
  return out;
}

function seedOf(card: SimulatedCard): number {
  let h = 2166136261;
  for (const ch of card.idNumber) h = Math.imul(h ^ ch.charCodeAt(0), 16777619);
  return h >>> 0;
}

/** The data bytes of a successful `30 01` (text) or `30 10` (textFingerprint) reply. */
export function encodeReadData(card: SimulatedCard, variant: ReadVariant): Uint8Array {
  const text = encodeCardText(card);
  const photo = card.photo ?? fillerBytes(PHOTO_SIZE, seedOf(card));
  const fingerprint =
    variant === 'textFingerprint'
      ? fillerBytes(card.fingerprintLength ?? 0, seedOf(card) ^ 0x5a5a5a5a)
      : new Uint8Array();
  const head = variant === 'text' ? 4 : 6;
  const data = new Uint8Array(head + text.length + photo.length + fingerprint.length);
  data[0] = text.length >> 8;
  data[1] = text.length & 0xff;
  data[2] = photo.length >> 8;
  data[3] = photo.length & 0xff;
  if (variant === 'textFingerprint') {
    data[4] = fingerprint.length >> 8;
    data[5] = fingerprint.length & 0xff;
  }
  data.set(text, head);
  data.set(photo, head + text.length);
  data.set(fingerprint, head + text.length + photo.length);
  return data;
}

/** A complete reply frame to a read command, as a reader sends it. */
export function buildReadResponseFrame(
  card: SimulatedCard,
  variant: ReadVariant = 'text',
): Uint8Array {
  return encodeResponseFrame(0x90, encodeReadData(card, variant));
}

const residentBater: SimulatedCardOf<'resident'> = {
  cardType: 'resident',
  name: '巴特尔',
  sex: 'male',
  nation: { code: '02', name: '蒙古' },
  birthDate: '1968-03-15',
  address: '内蒙古自治区锡林郭勒盟阿巴嘎旗别力古台镇示例嘎查12号',
  idNumber: makeSampleIdNumber('152522', '1968-03-15', 913),
  issuer: '阿巴嘎旗公安局',
  validFrom: '2015-06-01',
  validTo: LONG_TERM,
};

const residentSarangoo: SimulatedCardOf<'resident'> = {
  cardType: 'resident',
  name: '萨仁高娃',
  sex: 'female',
  nation: { code: '02', name: '蒙古' },
  birthDate: '1990-11-02',
  address: '内蒙古自治区呼和浩特市赛罕区示例路88号3栋2单元501室',
  idNumber: makeSampleIdNumber('150105', '1990-11-02', 924),
  issuer: '呼和浩特市公安局赛罕区分局',
  validFrom: '2018-01-10',
  validTo: '2038-01-10',
};

const hmtPermit: SimulatedCardOf<'hmt-permit'> = {
  cardType: 'hmt-permit',
  name: '陈嘉欣',
  sex: 'female',
  birthDate: '1995-07-21',
  address: '内蒙古自治区呼和浩特市新城区示例街道7号',
  idNumber: makeSampleIdNumber('810000', '1995-07-21', 902),
  issuer: '呼和浩特市公安局',
  validFrom: '2021-03-01',
  validTo: '2026-03-01',
  passNumber: 'H60000001',
  issueCount: '01',
};

const foreign2017: SimulatedCardOf<'foreign-2017'> = {
  cardType: 'foreign-2017',
  name: '宝力德',
  englishName: 'BOLD GANBAATAR',
  sex: 'male',
  nationality: 'MNG',
  birthDate: '1985-04-12',
  idNumber: 'MNG150850412013',
  issuer: '1500',
  validFrom: '2016-09-01',
  validTo: '2026-09-01',
  cardVersion: '01',
};

const foreign2023: SimulatedCardOf<'foreign-2023'> = {
  cardType: 'foreign-2023',
  name: '安娜',
  // 42 characters: longer than the first English-name area (35), so both areas are used.
  englishName: 'ALEXANDRA KATHERINE MONTGOMERY-WORTHINGTON',
  sex: 'female',
  nationality: 'GBR',
  birthDate: '1979-12-30',
  idNumber: makeSampleIdNumber('915826', '1979-12-30', 902),
  validFrom: '2024-01-15',
  validTo: '2034-01-15',
  renewalCount: '00',
};

/** One fictional person per card type. */
export const SAMPLE_CARDS: Readonly<Record<CardType, SimulatedCard>> = {
  resident: residentBater,
  'hmt-permit': hmtPermit,
  'foreign-2017': foreign2017,
  'foreign-2023': foreign2023,
};

/** A second resident, for "another card was placed" scenarios. */
export const SAMPLE_RESIDENT_2: SimulatedCard = residentSarangoo;
