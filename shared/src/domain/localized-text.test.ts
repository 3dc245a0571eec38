import { describe, expect, it } from 'vitest';
import { checkLocalizedText, isMongolianScript, pickText } from './localized-text';

describe('localized text', () => {
  it('recognises traditional Mongolian script and refuses Chinese or Cyrillic in its place', () => {
    expect(isMongolianScript('ᠬᠠᠤᠯᠢ ᠶᠢᠨ ᠲᠤᠰᠠᠯᠠᠮᠵᠢ')).toBe(true);
    expect(isMongolianScript('ᠮᠣᠩᠭᠣᠯ\u202Fᠤᠨ 12348')).toBe(true);
    expect(isMongolianScript('法律援助')).toBe(false);
    expect(isMongolianScript('Хуулийн туслалцаа')).toBe(false);
    expect(isMongolianScript('ᠬᠠᠤᠯᠢ 法律')).toBe(false);
    expect(isMongolianScript('12348')).toBe(false);
  });

  it('falls back to Chinese when no Mongolian exists, and says so', () => {
    expect(pickText({ zh: '法律援助', mn: '', mnStatus: 'missing' }, 'mn-Mong')).toEqual({
      text: '法律援助',
      language: 'zh-Hans',
      fellBack: true,
    });
    expect(pickText({ zh: '法律援助', mn: 'ᠬᠠᠤᠯᠢ', mnStatus: 'draft' }, 'mn-Mong').language).toBe(
      'mn-Mong',
    );
  });

  it('reports inconsistent review states', () => {
    expect(checkLocalizedText({ zh: '法律', mn: '法律', mnStatus: 'draft' })).toEqual([
      'mnNotMongolian',
    ]);
    expect(checkLocalizedText({ zh: '法律', mn: '', mnStatus: 'reviewed' })).toEqual([
      'mnMissingButMarked',
    ]);
    expect(checkLocalizedText({ zh: '', mn: 'ᠬᠠᠤᠯᠢ', mnStatus: 'missing' })).toEqual([
      'zhEmpty',
      'mnPresentButMarkedMissing',
    ]);
  });
});
