import { describe, expect, it } from 'vitest';
import {
  computeIdCheckChar,
  convertIdNumber15To18,
  makeSampleIdNumber,
  maskIdNumber,
  normalizeIdNumberInput,
  parseIdNumber,
} from './id-number';

const TODAY = new Date('2026-11-23T00:00:00+08:00');

describe('parseIdNumber', () => {
  it('accepts a valid Inner Mongolia number and reads region, birth date and sex from it', () => {
    // 150102199003070015 is the worked example from the protocol notes (15-digit conversion).
    const result = parseIdNumber('150102199003070015', { today: TODAY });
    expect(result).toEqual({
      ok: true,
      value: {
        idNumber: '150102199003070015',
        holder: 'resident',
        regionCode: '150102',
        provinceName: '内蒙古自治区',
        prefectureName: '呼和浩特市',
        birthDate: '1990-03-07',
        sex: 'male', // sequence 001 is odd
        convertedFrom15: false,
      },
    });
  });

  it('computes the GB 11643 check character, including X', () => {
    // Σ(d·w) mod 11 = 2 gives 'X': constructed by searching sequences for that remainder.
    let withX: string | undefined;
    for (let seq = 0; seq < 1000 && !withX; seq++) {
      const id = makeSampleIdNumber('152502', '1961-04-12', seq);
      if (id.endsWith('X')) withX = id;
    }
    expect(withX).toBeDefined();
    expect(parseIdNumber(withX!, { today: TODAY }).ok).toBe(true);
    expect(parseIdNumber(withX!.toLowerCase(), { today: TODAY }).ok).toBe(true);
  });

  it('refuses a wrong check digit and says what was expected', () => {
    const result = parseIdNumber('150102199003070016', { today: TODAY });
    expect(result).toEqual({
      ok: false,
      error: { kind: 'checkDigit', expected: '5', actual: '6' },
    });
  });

  it('detects every single-digit substitution in the body', () => {
    const valid = makeSampleIdNumber('150102', '1985-06-30', 123);
    for (let position = 0; position < 17; position++) {
      for (let digit = 0; digit <= 9; digit++) {
        if (valid[position] === String(digit)) continue;
        const mutated = valid.slice(0, position) + digit + valid.slice(position + 1);
        expect(parseIdNumber(mutated, { today: TODAY }).ok, mutated).toBe(false);
      }
    }
  });

  it('converts a 15-digit number to 18 digits', () => {
    expect(convertIdNumber15To18('150102900307001')).toBe('150102199003070015');
    const result = parseIdNumber('150102900307001', { today: TODAY });
    expect(result.ok && result.value.idNumber).toBe('150102199003070015');
    expect(result.ok && result.value.convertedFrom15).toBe(true);
    expect(result.ok && result.value.sex).toBe('male');
  });

  it('refuses impossible and future birth dates', () => {
    const feb30 = '15010219900230001';
    expect(parseIdNumber(feb30 + computeIdCheckChar(feb30), { today: TODAY })).toEqual({
      ok: false,
      error: { kind: 'birthDate', value: '1990-02-30' },
    });
    const month13 = '15010219901301001';
    expect(parseIdNumber(month13 + computeIdCheckChar(month13), { today: TODAY }).ok).toBe(false);
    const future = '15010220300101001';
    expect(parseIdNumber(future + computeIdCheckChar(future), { today: TODAY })).toEqual({
      ok: false,
      error: { kind: 'birthDateInFuture', value: '2030-01-01' },
    });
    const leapDay = makeSampleIdNumber('150102', '2000-02-29', 7);
    expect(parseIdNumber(leapDay, { today: TODAY }).ok).toBe(true);
  });

  it('refuses a birth date that disagrees with the one read from the card', () => {
    const id = makeSampleIdNumber('152502', '1961-04-12', 913);
    expect(parseIdNumber(id, { today: TODAY, expectedBirthDate: '1961-04-13' })).toEqual({
      ok: false,
      error: { kind: 'birthDateMismatch', expected: '1961-04-13', actual: '1961-04-12' },
    });
    expect(parseIdNumber(id, { today: TODAY, expectedBirthDate: '1961-04-12' }).ok).toBe(true);
  });

  it('refuses unknown regions, wrong lengths and letters', () => {
    // Foreign permanent residence numbers: 9 + province of the issuing authority (15 here).
    const foreign = '91501019900307001';
    const foreignResult = parseIdNumber(foreign + computeIdCheckChar(foreign), { today: TODAY });
    expect(foreignResult.ok && foreignResult.value.holder).toBe('foreign-permanent');
    const foreignBadProvince = '99001019900307001';
    expect(
      parseIdNumber(foreignBadProvince + computeIdCheckChar(foreignBadProvince), { today: TODAY })
        .ok,
    ).toBe(false);
    const region00 = '00010219900307001';
    expect(parseIdNumber(region00 + computeIdCheckChar(region00), { today: TODAY })).toEqual({
      ok: false,
      error: { kind: 'region', code: '000102' },
    });
    expect(parseIdNumber('1501021990', { today: TODAY })).toEqual({
      ok: false,
      error: { kind: 'length', length: 10 },
    });
    expect(parseIdNumber('15010219900307A015', { today: TODAY })).toEqual({
      ok: false,
      error: { kind: 'characters' },
    });
    expect(parseIdNumber('   ', { today: TODAY })).toEqual({ ok: false, error: { kind: 'empty' } });
  });

  it('accepts full-width digits and grouping spaces from input methods and OCR', () => {
    expect(normalizeIdNumberInput('１５０１０２ １９９００３０７ ００１５')).toBe(
      '150102199003070015',
    );
    expect(parseIdNumber('150102-19900307-0015', { today: TODAY }).ok).toBe(true);
  });

  it('recognises HK/Macau/Taiwan permit numbers by their prefix', () => {
    const hk = makeSampleIdNumber('810000', '1988-08-08', 21);
    const result = parseIdNumber(hk, { today: TODAY });
    expect(result.ok && result.value.holder).toBe('hmt-permit');
  });

  it('masks all but region and last four', () => {
    expect(maskIdNumber('150102199003070015')).toBe('150102********0015');
  });
});
