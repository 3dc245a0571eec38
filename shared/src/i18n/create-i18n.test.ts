import { describe, expect, it } from 'vitest';
import { createI18n, currentLanguage } from './create-i18n';
import { familyKey } from './key-families';
import { parseLanguageTag } from './languages';

const MONGOLIAN = /[\u1820-\u18AA]/u;
const CYRILLIC = /\p{Script=Cyrillic}/u;

describe('createI18n', () => {
  it('starts in Chinese and switches every namespace to Mongolian at once, synchronously', () => {
    const i18n = createI18n();
    expect(currentLanguage(i18n)).toBe('zh-Hans');
    expect(i18n.t('common:nav.home')).toBe('首页');
    expect(i18n.t(familyKey('domain:caseCategory', 'grassland_land'))).toBe('草场土地');
    void i18n.changeLanguage('mn-Mong');
    // No await: bundled resources make the switch complete within the call.
    expect(currentLanguage(i18n)).toBe('mn-Mong');
    expect(i18n.t('common:nav.home')).toMatch(MONGOLIAN);
    expect(i18n.t(familyKey('domain:caseCategory', 'grassland_land'))).toMatch(MONGOLIAN);
  });

  it('formats interpolated dates and numbers by hand in Mongolian, never in Cyrillic', () => {
    const i18n = createI18n({ language: 'mn-Mong' });
    const date = i18n.t('gallery:dateSample', { date: '2026-11-23T06:30:00Z' });
    expect(date).toContain('2026 ᠣᠨ\u202Fᠤ 11 ᠰᠠᠷ\u180Eᠠ\u202Fᠶᠢᠨ 23 ᠡᠳᠦᠷ᠂ ᠭᠠᠷᠠᠭ\u202Fᠤᠨ ᠨᠢᠭᠡᠨ');
    const amount = i18n.t('gallery:amountSample', { amount: 3200 });
    expect(amount).toContain('3,200.00 ᠶᠤᠸᠠᠨ');
    expect(date + amount).not.toMatch(CYRILLIC);
    void i18n.changeLanguage('zh-Hans');
    expect(i18n.t('gallery:dateSample', { date: '2026-11-23T06:30:00Z' })).toBe(
      '今天是 2026年11月23日星期一',
    );
  });

  it('resolves the language chain without bare mn (which would mean Cyrillic)', () => {
    const i18n = createI18n({ language: 'mn-Mong' });
    expect(i18n.languages).toEqual(['mn-Mong', 'zh-Hans']);
  });
});

describe('parseLanguageTag', () => {
  it('maps tags that mean traditional Mongolian or Simplified Chinese', () => {
    expect(parseLanguageTag('mn-Mong-CN')).toBe('mn-Mong');
    expect(parseLanguageTag('mn-CN')).toBe('mn-Mong');
    expect(parseLanguageTag('zh-CN')).toBe('zh-Hans');
    expect(parseLanguageTag('zh')).toBe('zh-Hans');
  });

  it('refuses Cyrillic Mongolian, Traditional Chinese and garbage', () => {
    expect(parseLanguageTag('mn')).toBeUndefined();
    expect(parseLanguageTag('mn-MN')).toBeUndefined();
    expect(parseLanguageTag('mn-Cyrl-CN')).toBeUndefined();
    expect(parseLanguageTag('zh-TW')).toBeUndefined();
    expect(parseLanguageTag('not a tag!')).toBeUndefined();
  });
});
