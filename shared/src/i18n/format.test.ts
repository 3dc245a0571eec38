import { describe, expect, it } from 'vitest';
import {
  formatDate,
  formatDateTime,
  formatList,
  formatNumber,
  formatTime,
  formatYuan,
  relativeAgo,
} from './format';
import { datePartsIn, formatMongolianDate, toMongolianDigits } from './mongolian-format';

const NNBSP = '\u202F';
const MVS = '\u180E';
const CYRILLIC = /\p{Script=Cyrillic}/u;
// 23 Nov 2026 06:30 UTC is 14:30 in Beijing, a Monday.
const at = '2026-11-23T06:30:00Z';

describe('Mongolian dates, written by hand', () => {
  it('writes year-GEN month-GEN day with NNBSP before the suffixes and MVS in sar-a', () => {
    expect(formatDate(at, 'mn-Mong')).toBe(`2026 ᠣᠨ${NNBSP}ᠤ 11 ᠰᠠᠷ${MVS}ᠠ${NNBSP}ᠶᠢᠨ 23 ᠡᠳᠦᠷ`);
  });

  it('adds the weekday in the full style and can name the month', () => {
    expect(formatDate(at, 'mn-Mong', { style: 'full' })).toBe(
      `2026 ᠣᠨ${NNBSP}ᠤ 11 ᠰᠠᠷ${MVS}ᠠ${NNBSP}ᠶᠢᠨ 23 ᠡᠳᠦᠷ᠂ ᠭᠠᠷᠠᠭ${NNBSP}ᠤᠨ ᠨᠢᠭᠡᠨ`,
    );
    const parts = datePartsIn(new Date(at), 'Asia/Shanghai');
    expect(formatMongolianDate(parts, { month: 'name' })).toBe(
      `2026 ᠣᠨ${NNBSP}ᠤ ᠠᠷᠪᠠᠨ ᠨᠢᠭᠡᠳᠦᠭᠡᠷ ᠰᠠᠷ${MVS}ᠠ${NNBSP}ᠶᠢᠨ 23 ᠡᠳᠦᠷ`,
    );
  });

  it('uses Beijing time, not the machine clock zone', () => {
    // 20:00 UTC on the 22nd is already the 23rd in Beijing.
    expect(formatDate('2026-11-22T20:00:00Z', 'mn-Mong', { style: 'short' })).toBe('2026.11.23');
    expect(formatTime(at, 'mn-Mong')).toBe('14:30');
    expect(formatDate('2026-11-22T20:00:00Z', 'zh-Hans', { style: 'short' })).toBe('2026.11.23');
  });

  it('writes Mongolian digits on request', () => {
    expect(toMongolianDigits('2026.11')).toBe('᠒᠐᠒᠖.᠑᠑');
    expect(formatDate(at, 'mn-Mong', { style: 'monthDay', digits: 'mong' })).toBe(
      `᠑᠑ ᠰᠠᠷ${MVS}ᠠ${NNBSP}ᠶᠢᠨ ᠒᠓ ᠡᠳᠦᠷ`,
    );
  });

  it('never produces Cyrillic, unlike Intl for mn-Mong-CN', () => {
    expect(
      new Intl.DateTimeFormat('mn-Mong-CN', { dateStyle: 'long' }).format(new Date(at)),
    ).toMatch(CYRILLIC);
    for (const style of ['full', 'long', 'short', 'monthDay'] as const) {
      expect(formatDate(at, 'mn-Mong', { style })).not.toMatch(CYRILLIC);
    }
    expect(formatDateTime(at, 'mn-Mong')).not.toMatch(CYRILLIC);
  });
});

describe('Chinese dates through Intl', () => {
  it('formats the usual styles', () => {
    expect(formatDate(at, 'zh-Hans')).toBe('2026年11月23日');
    expect(formatDate(at, 'zh-Hans', { style: 'full' })).toBe('2026年11月23日星期一');
    expect(formatDate(at, 'zh-Hans', { style: 'monthDay' })).toBe('11月23日');
    expect(formatDateTime(at, 'zh-Hans')).toBe('2026年11月23日 14:30');
  });

  it('refuses an invalid date (a bug, not a user error)', () => {
    expect(() => formatDate('not a date', 'zh-Hans')).toThrow(RangeError);
  });
});

describe('numbers, money and lists', () => {
  it('groups as in China in both languages', () => {
    expect(formatNumber(1234567.5, 'zh-Hans')).toBe('1,234,567.5');
    expect(formatNumber(1234567.5, 'mn-Mong')).toBe('1,234,567.5');
    expect(formatNumber(1234.5, 'mn-Mong', { digits: 'mong' })).toBe('᠑,᠒᠓᠔.᠕');
    expect(formatNumber(2026, 'mn-Mong', { useGrouping: false })).toBe('2026');
  });

  it('puts the yuan unit after the amount', () => {
    expect(formatYuan(3200, 'zh-Hans')).toBe('3,200.00 元');
    expect(formatYuan(3200, 'mn-Mong')).toBe('3,200.00 ᠶᠤᠸᠠᠨ');
  });

  it('joins lists with the conjunction of each language', () => {
    expect(formatList(['工资', '工伤', '草场'], 'zh-Hans')).toBe('工资、工伤和草场');
    expect(formatList(['ᠨᠢᠭᠡ', 'ᠬᠣᠶᠠᠷ', 'ᠭᠤᠷᠪᠠ'], 'mn-Mong')).toBe('ᠨᠢᠭᠡ᠂ ᠬᠣᠶᠠᠷ ᠪᠠ ᠭᠤᠷᠪᠠ');
    expect(formatList(['ᠨᠢᠭᠡ'], 'mn-Mong')).toBe('ᠨᠢᠭᠡ');
  });
});

describe('relativeAgo', () => {
  const now = '2026-11-23T12:00:00Z';
  it('picks the coarse unit a resident reads at a glance', () => {
    expect(relativeAgo('2026-11-23T11:59:30Z', now)).toEqual({ key: 'common:time.justNow', n: 0 });
    expect(relativeAgo('2026-11-23T11:57:00Z', now)).toEqual({
      key: 'common:time.minutesAgo',
      n: 3,
    });
    expect(relativeAgo('2026-11-23T09:00:00Z', now)).toEqual({ key: 'common:time.hoursAgo', n: 3 });
    expect(relativeAgo('2026-11-20T12:00:00Z', now)).toEqual({ key: 'common:time.daysAgo', n: 3 });
  });

  it('treats a timestamp from a clock ahead of ours as just now', () => {
    expect(relativeAgo('2026-11-23T12:05:00Z', now)).toEqual({ key: 'common:time.justNow', n: 0 });
  });
});
