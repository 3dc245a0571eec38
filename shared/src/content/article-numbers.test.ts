import { describe, expect, it } from 'vitest';
import {
  chineseArticleLabel,
  chineseNumber,
  mongolianArticleLabel,
  mongolianOrdinalSuffix,
} from './article-numbers';

describe('chineseNumber', () => {
  it.each([
    [1, '一'],
    [10, '十'],
    [12, '十二'],
    [20, '二十'],
    [42, '四十二'],
    [105, '一百零五'],
    [110, '一百一十'],
    [188, '一百八十八'],
    [1000, '一千'],
    [1008, '一千零八'],
    [1067, '一千零六十七'],
    [1208, '一千二百零八'],
    [1260, '一千二百六十'],
  ])('%i → %s', (value, text) => {
    expect(chineseNumber(value)).toBe(text);
  });

  it('writes the statute label', () => {
    expect(chineseArticleLabel(42)).toBe('第四十二条');
  });

  it('refuses numbers a statute cannot have', () => {
    expect(() => chineseNumber(0)).toThrow(RangeError);
    expect(() => chineseNumber(1.5)).toThrow(RangeError);
  });
});

describe('Mongolian article label', () => {
  it('follows the vowel harmony of the last number word', () => {
    expect(mongolianOrdinalSuffix(1)).toBe('ᠳᠦᠭᠡᠷ'); // nigedüger
    expect(mongolianOrdinalSuffix(42)).toBe('ᠳᠤᠭᠠᠷ'); // qoyaduγar
    expect(mongolianOrdinalSuffix(40)).toBe('ᠳᠦᠭᠡᠷ'); // döčidüger
    expect(mongolianOrdinalSuffix(30)).toBe('ᠳᠤᠭᠠᠷ');
    expect(mongolianOrdinalSuffix(1000)).toBe('ᠳᠤᠭᠠᠷ');
    expect(mongolianOrdinalSuffix(1049)).toBe('ᠳᠦᠭᠡᠷ');
  });

  it('joins the suffix with a narrow no-break space', () => {
    expect(mongolianArticleLabel(42)).toBe('42\u202Fᠳᠤᠭᠠᠷ ᠵᠦᠢᠯ');
  });
});
