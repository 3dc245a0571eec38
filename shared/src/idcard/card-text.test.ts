import { describe, expect, it } from 'vitest';
import { makeSampleIdNumber } from '../domain/id-number';
import { NATIONS } from '../domain/nations';
import {
  buildReadResponseFrame,
  encodeCardText,
  encodeReadData,
  SAMPLE_CARDS,
  SAMPLE_RESIDENT_2,
  type SimulatedCard,
  type SimulatedCardOf,
} from './card-builder';
import { CARD_TYPE_MARKER_OFFSET, RESIDENT_LAYOUT } from './card-layouts';
import { cardToJson } from './card-json';
import { decodeCardText, describeCardDecodeError } from './card-text';
import { decodeResponseFrame, toHex } from './frame-codec';
import { decodeReadResponse, parseReadData } from './read-response';
import { encodeUcs2Field } from './ucs2';
import type { CardType } from './types';

const today = new Date('2026-01-01T00:00:00Z');

function decode(card: SimulatedCard) {
  return decodeCardText(encodeCardText(card), { today });
}

describe('card text decoder: the four card types', () => {
  it.each(Object.keys(SAMPLE_CARDS) as CardType[])('%s round-trips', (cardType) => {
    const sample = SAMPLE_CARDS[cardType];
    const decoded = decode(sample);
    expect(decoded.ok).toBe(true);
    if (!decoded.ok) return;
    expect(decoded.value).toEqual({ ...sample, idNumberValid: true });
    expect(decoded.value.cardType).toBe(cardType);
  });

  it('resident: fields at the documented offsets, UCS-2 LE, space padded', () => {
    const text = encodeCardText(SAMPLE_CARDS.resident);
    // 巴 = U+5DF4, little-endian F4 5D; the name field is 15 characters.
    expect(toHex(text.subarray(0, 6))).toBe('F4 5D 79 72 14 5C');
    expect(toHex(text.subarray(6, 8))).toBe('20 00');
    // Sex "1" at 30, nation "02" at 32.
    expect(toHex(text.subarray(30, 36))).toBe('31 00 30 00 32 00');
    // 长期 in valid-to, the marker blank.
    expect(toHex(text.subarray(204, 208))).toBe('7F 95 1F 67');
    expect(toHex(text.subarray(CARD_TYPE_MARKER_OFFSET, 250))).toBe('20 00');
  });

  it('resident JSON has the CLI fields, 长期 as long-term, nation code and name', () => {
    const decoded = decode(SAMPLE_CARDS.resident);
    if (!decoded.ok) throw new Error('decode failed');
    expect(cardToJson(decoded.value)).toEqual({
      cardType: 'resident',
      name: '巴特尔',
      sex: 'male',
      nation: { code: '02', name: '蒙古' },
      birthDate: '1968-03-15',
      address: '内蒙古自治区锡林郭勒盟阿巴嘎旗别力古台镇示例嘎查12号',
      idNumber: SAMPLE_CARDS.resident.idNumber,
      idNumberValid: true,
      issuer: '阿巴嘎旗公安局',
      validFrom: '2015-06-01',
      validTo: 'long-term',
    });
  });

  it('foreign-2023: the English name spans both areas; JSON keeps cardType-specific fields', () => {
    const decoded = decode(SAMPLE_CARDS['foreign-2023']);
    if (!decoded.ok) throw new Error('decode failed');
    expect(decoded.value.cardType === 'foreign-2023' && decoded.value.englishName).toBe(
      'ALEXANDRA KATHERINE MONTGOMERY-WORTHINGTON',
    );
    const json = cardToJson(decoded.value);
    expect(Object.keys(json)).toEqual([
      'cardType',
      'name',
      'englishName',
      'sex',
      'nationality',
      'birthDate',
      'idNumber',
      'idNumberValid',
      'validFrom',
      'validTo',
      'renewalCount',
    ]);
    // A space exactly at the seam of the two English-name areas is kept.
    const seam = { ...SAMPLE_CARDS['foreign-2023'], englishName: `${'A'.repeat(34)} BCDEFG` };
    const seamDecoded = decode(seam as SimulatedCardOf<'foreign-2023'>);
    expect(
      seamDecoded.ok &&
        seamDecoded.value.cardType === 'foreign-2023' &&
        seamDecoded.value.englishName,
    ).toBe(`${'A'.repeat(34)} BCDEFG`);
  });

  it('foreign-2017: name falls back to the English name when there is no Chinese name', () => {
    const noChinese = { ...SAMPLE_CARDS['foreign-2017'], name: 'BOLD GANBAATAR' };
    const decoded = decode(noChinese as SimulatedCardOf<'foreign-2017'>);
    expect(decoded.ok && decoded.value.name).toBe('BOLD GANBAATAR');
  });

  it.each(Object.entries(NATIONS))('nation %s → %s', (code, name) => {
    const card = { ...SAMPLE_CARDS.resident, nation: { code, name } };
    const decoded = decode(card as SimulatedCardOf<'resident'>);
    expect(decoded.ok && decoded.value.cardType === 'resident' && decoded.value.nation).toEqual({
      code,
      name,
    });
  });

  it('has all 56 nations plus 97 and 98', () => {
    expect(Object.keys(NATIONS)).toHaveLength(58);
  });

  it('an unlisted nation code is kept, with no name', () => {
    const card = { ...SAMPLE_CARDS.resident, nation: { code: '60', name: null } };
    const decoded = decode(card as SimulatedCardOf<'resident'>);
    expect(decoded.ok && decoded.value.cardType === 'resident' && decoded.value.nation).toEqual({
      code: '60',
      name: null,
    });
  });

  it.each([
    ['1', 'male'],
    ['2', 'female'],
    ['0', 'unknown'],
    ['9', 'unknown'],
  ])('sex code %s → %s', (code, sex) => {
    const text = encodeCardText(SAMPLE_CARDS.resident);
    encodeUcs2Field(text, ...RESIDENT_LAYOUT.sex, code);
    const decoded = decodeCardText(text, { today });
    expect(decoded.ok && decoded.value.sex).toBe(sex);
  });
});

describe('ID number validation on the card', () => {
  it('a wrong check digit is read but flagged', () => {
    const good = SAMPLE_RESIDENT_2.idNumber;
    const wrong = good.slice(0, 17) + (good[17] === '0' ? '1' : '0');
    const decoded = decode({
      ...SAMPLE_RESIDENT_2,
      idNumber: wrong,
    } as SimulatedCardOf<'resident'>);
    expect(decoded.ok && [decoded.value.idNumber, decoded.value.idNumberValid]).toEqual([
      wrong,
      false,
    ]);
  });

  it('a number whose birth date disagrees with the card is flagged', () => {
    const other = makeSampleIdNumber('150105', '1991-11-02', 924);
    const decoded = decode({
      ...SAMPLE_RESIDENT_2,
      idNumber: other,
    } as SimulatedCardOf<'resident'>);
    expect(decoded.ok && decoded.value.idNumberValid).toBe(false);
  });

  it('an HMT permit needs an 81/82/83 number; a 2023 foreigner card a 9… number', () => {
    const hmt = {
      ...SAMPLE_CARDS['hmt-permit'],
      idNumber: makeSampleIdNumber('150102', '1995-07-21', 902),
    };
    expect(decode(hmt as SimulatedCardOf<'hmt-permit'>)).toMatchObject({
      ok: true,
      value: { idNumberValid: false },
    });
    const y = {
      ...SAMPLE_CARDS['foreign-2023'],
      idNumber: makeSampleIdNumber('150102', '1979-12-30', 902),
    };
    expect(decode(y as SimulatedCardOf<'foreign-2023'>)).toMatchObject({
      ok: true,
      value: { idNumberValid: false },
    });
  });

  it('a 2017 permit number must be 3 letters equal to the nationality + 12 digits', () => {
    const wrongCountry = { ...SAMPLE_CARDS['foreign-2017'], idNumber: 'RUS150850412013' };
    expect(decode(wrongCountry as SimulatedCardOf<'foreign-2017'>)).toMatchObject({
      ok: true,
      value: { idNumberValid: false },
    });
    const short = { ...SAMPLE_CARDS['foreign-2017'], idNumber: 'MNG15085041201' };
    expect(decode(short as SimulatedCardOf<'foreign-2017'>)).toMatchObject({
      ok: true,
      value: { idNumberValid: false },
    });
  });
});

describe('card text errors', () => {
  it('unknown card type marker', () => {
    const text = encodeCardText(SAMPLE_CARDS.resident);
    encodeUcs2Field(text, CARD_TYPE_MARKER_OFFSET, 2, 'Q');
    const decoded = decodeCardText(text);
    expect(decoded).toEqual({ ok: false, error: { kind: 'unknownCardType', marker: 0x51 } });
    if (!decoded.ok)
      expect(describeCardDecodeError(decoded.error)).toMatch(/unknown card type.*'Q'/);
  });

  it('invalid date, invalid sex, invalid nation, empty name, wrong size', () => {
    const date = encodeCardText({ ...SAMPLE_CARDS.resident, birthDate: '1968-02-30' });
    expect(decodeCardText(date)).toEqual({
      ok: false,
      error: { kind: 'invalidField', field: 'birthDate', value: '19680230' },
    });
    const sex = encodeCardText(SAMPLE_CARDS.resident);
    encodeUcs2Field(sex, ...RESIDENT_LAYOUT.sex, '5');
    expect(decodeCardText(sex)).toMatchObject({ ok: false, error: { field: 'sex' } });
    const nation = encodeCardText(SAMPLE_CARDS.resident);
    encodeUcs2Field(nation, ...RESIDENT_LAYOUT.nation, 'x');
    expect(decodeCardText(nation)).toMatchObject({ ok: false, error: { field: 'nation' } });
    const name = encodeCardText({ ...SAMPLE_CARDS.resident, name: '' });
    expect(decodeCardText(name)).toMatchObject({ ok: false, error: { field: 'name' } });
    expect(decodeCardText(new Uint8Array(255))).toEqual({
      ok: false,
      error: { kind: 'textLength', length: 255 },
    });
  });
});

describe('read replies (§2): lengths from the header', () => {
  it('30 01 is 1295 bytes with LEN 05 08 and the documented header', () => {
    const frame = buildReadResponseFrame(SAMPLE_CARDS.resident, 'text');
    expect(frame).toHaveLength(1295);
    expect(toHex(frame.subarray(0, 14))).toBe('AA AA AA 96 69 05 08 00 00 90 01 00 04 00');
  });

  it.each([
    [0, 1297, '05 0A'],
    [512, 1809, '07 0A'],
    [1024, 2321, '09 0A'],
  ])('30 10 with a %i-byte fingerprint is %i bytes, LEN %s', (fingerprintLength, size, len) => {
    const card = { ...SAMPLE_CARDS.resident, fingerprintLength };
    const frame = buildReadResponseFrame(card, 'textFingerprint');
    expect(frame).toHaveLength(size);
    expect(toHex(frame.subarray(5, 7))).toBe(len);
    if (fingerprintLength === 1024) {
      expect(toHex(frame.subarray(0, 16))).toBe('AA AA AA 96 69 09 0A 00 00 90 01 00 04 00 04 00');
    }
    const response = decodeResponseFrame(frame);
    if (!response.ok) throw new Error('frame');
    const blocks = parseReadData(response.value.data, 'auto');
    expect(blocks.ok && [blocks.value.variant, blocks.value.fingerprint.length]).toEqual([
      'textFingerprint',
      fingerprintLength,
    ]);
    expect(decodeReadResponse(response.value, { today })).toMatchObject({
      ok: true,
      value: { cardType: 'resident' },
    });
  });

  it('keeps the photo only when asked', () => {
    const response = decodeResponseFrame(buildReadResponseFrame(SAMPLE_CARDS.resident));
    if (!response.ok) throw new Error('frame');
    const without = decodeReadResponse(response.value, { today });
    expect(without.ok && 'photo' in without.value).toBe(false);
    const withPhoto = decodeReadResponse(response.value, { today, includePhoto: true });
    expect(withPhoto.ok && withPhoto.value.photo?.bytes.length).toBe(1024);
  });

  it('non-standard block lengths are honoured when they add up', () => {
    const data = encodeReadData(SAMPLE_CARDS.resident, 'text');
    const shorterPhoto = new Uint8Array(4 + 256 + 100);
    shorterPhoto.set(data.subarray(0, 4 + 256 + 100));
    shorterPhoto[2] = 0;
    shorterPhoto[3] = 100;
    expect(parseReadData(shorterPhoto)).toMatchObject({ ok: true, value: { variant: 'text' } });
    expect(parseReadData(shorterPhoto.subarray(0, 300))).toMatchObject({
      ok: false,
      error: { kind: 'layout' },
    });
  });
});
