import { describe, expect, it } from 'vitest';
import { computeIdCheckChar, makeSampleIdNumber } from '@pls/shared/domain';
import {
  decideIdNumber,
  decideNumberLine,
  extractIdCandidates,
  extractName,
  extractPrintedBirthDate,
  mendOverlongReading,
} from './id-card-text';
import { adaptiveThreshold, crop, decodeImage, encodePgm, median3 } from './image-preprocess';

const today = new Date('2026-11-20');
const valid = makeSampleIdNumber('152502', '1961-04-12', 913);
const wrong = valid.slice(0, 17) + (computeIdCheckChar(valid.slice(0, 17)) === '0' ? '1' : '0');

describe('ID card OCR text', () => {
  it('finds name, birth date and number candidates in Tesseract output', () => {
    const text = `姓名 ”巴特 尔\n出 生 1961 年 4 月 12 日\n公民 身份 号 码 ${valid.slice(0, 6)} ${valid.slice(6)}\n`;
    expect(extractName(text.split('\n'))).toBe('巴特尔');
    expect(extractPrintedBirthDate(text)).toBe('1961-04-12');
    expect(extractIdCandidates(text)).toEqual([valid]);
    // A doubled digit makes a 19-character run: a misread, not a number to cut down.
    expect(extractIdCandidates(`${valid}5`)).toEqual([]);
  });

  it('accepts only a validating number that nothing contradicts', () => {
    expect(decideIdNumber([valid], '1961-04-12', today)).toEqual({
      status: 'accepted',
      idNumber: valid,
      birthDate: '1961-04-12',
      sex: 'male',
    });
    expect(decideIdNumber([], null, today)).toEqual({
      status: 'needsConfirmation',
      text: '',
      reason: 'notFound',
    });
    expect(decideIdNumber([wrong], null, today)).toMatchObject({
      status: 'needsConfirmation',
      reason: 'checkDigit',
    });
    expect(decideIdNumber([valid, wrong], null, today)).toMatchObject({
      status: 'needsConfirmation',
      reason: 'readsDisagree',
    });
    expect(decideIdNumber([valid], '1962-04-12', today)).toMatchObject({
      status: 'needsConfirmation',
      reason: 'birthDateMismatch',
    });
  });
});

describe('reading the number line alone (fast mode)', () => {
  /** What the fast mode read on the bench's clean card: an extra 9 after 152. */
  const benchMisread = '1529502196104129135';

  it('accepts an exact reading that validates', () => {
    expect(decideNumberLine(`${valid}\n`, today)).toEqual({
      status: 'accepted',
      idNumber: valid,
      birthDate: '1961-04-12',
      sex: 'male',
    });
    expect(decideNumberLine(wrong, today)).toMatchObject({
      status: 'needsConfirmation',
      text: wrong,
      reason: 'checkDigit',
    });
  });

  it('never accepts a mended or picked-out number, but offers it to staff', () => {
    expect(benchMisread.slice(0, 3) + benchMisread.slice(4)).toBe(valid);
    expect(decideNumberLine(benchMisread, today)).toEqual({
      status: 'needsConfirmation',
      text: valid,
      reason: 'invalid',
    });
    // A glyph of the label read as a word of its own in front of the number.
    expect(decideNumberLine(`5 ${valid}`, today)).toEqual({
      status: 'needsConfirmation',
      text: valid,
      reason: 'invalid',
    });
  });

  it('mends one extra character only when exactly one deletion validates', () => {
    let mended = 0;
    for (let at = 0; at <= 18; at++) {
      for (const extra of '0123456789X') {
        const reading = valid.slice(0, at) + extra + valid.slice(at);
        const result = mendOverlongReading(reading, today);
        // One insertion: the only number it can give back is the printed one.
        if (result !== null) {
          expect(result).toBe(valid);
          mended++;
        }
      }
    }
    expect(mended).toBeGreaterThan(140); // 156 of the 209 readings at the time of writing
    expect(mendOverlongReading(valid, today)).toBeNull();
    expect(mendOverlongReading(`${valid}12`, today)).toBeNull();
  });

  it('hands staff the digits as read when nothing can be mended, and nothing for noise', () => {
    const garbled = '15290219610412913599';
    expect(decideNumberLine(garbled, today)).toEqual({
      status: 'needsConfirmation',
      text: garbled,
      reason: 'invalid',
    });
    expect(decideNumberLine('3 0', today)).toEqual({
      status: 'needsConfirmation',
      text: '',
      reason: 'notFound',
    });
  });

  it('does not accept 15 digits: a number line cut short can pass as a legacy number', () => {
    // 18-digit number of someone born 2011-10-05, read without its last three characters.
    const born2011 = makeSampleIdNumber('150121', '2011-10-05', 839);
    const cutShort = born2011.slice(0, 15);
    expect(extractIdCandidates(cutShort)).toEqual([cutShort]);
    expect(decideNumberLine(cutShort, today)).toEqual({
      status: 'needsConfirmation',
      text: cutShort,
      reason: 'invalid',
    });
  });
});

describe('image preprocessing', () => {
  it('removes speckle and binarizes a low-contrast image', () => {
    const width = 40;
    const height = 40;
    const data = new Uint8Array(width * height).fill(150);
    for (let y = 18; y < 22; y++) for (let x = 5; x < 35; x++) data[y * width + x] = 120; // faint ink
    data[3 * width + 3] = 0; // speckle
    const binary = adaptiveThreshold(median3({ width, height, data }));
    expect(binary.data[19 * width + 20]).toBe(0);
    expect(binary.data[3 * width + 3]).toBe(255);
    expect(binary.data[5 * width + 20]).toBe(255);
    expect(
      crop(binary, { left: 12, top: 18, width: 16, height: 4 }).data.every((v) => v === 0),
    ).toBe(true);
    expect(new TextDecoder().decode(encodePgm(binary).slice(0, 11))).toBe('P5\n40 40\n25');
  });

  it('refuses what is not a PNG or JPEG', () => {
    expect(decodeImage(new Uint8Array([1, 2, 3, 4, 5, 6, 7, 8, 9]))).toMatchObject({
      ok: false,
      error: { kind: 'unsupportedImage' },
    });
  });
});
