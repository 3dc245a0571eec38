import { describe, expect, it } from 'vitest';
import { buildPinyinDictionary, loadPinyinDictionary } from './pinyin-dictionary';
import { segmentPinyin, tonelessSyllables } from './pinyin';

const words = (list: { word: string }[]) => list.map((c) => c.word);

describe('pinyin helpers', () => {
  it('strips tones and writes ü as v', () => {
    expect(tonelessSyllables('fǎ lǜ yuán zhù')).toEqual(['fa', 'lv', 'yuan', 'zhu']);
  });
  it('segments typed letters, with an unfinished last syllable and forced breaks', () => {
    const s = new Set(['gong', 'zi', 'xi', 'an', 'xian', 'go', 'ong']);
    const p = new Set([
      'g',
      'go',
      'gon',
      'gong',
      'z',
      'zi',
      'x',
      'xi',
      'xia',
      'xian',
      'a',
      'an',
      'o',
      'on',
      'ong',
    ]);
    expect(segmentPinyin('gongzi', s, p)).toEqual({
      syllables: ['gong', 'zi'],
      lastIsPartial: false,
    });
    expect(segmentPinyin('gongz', s, p)).toEqual({ syllables: ['gong', 'z'], lastIsPartial: true });
    expect(segmentPinyin('xian', s, p)).toEqual({ syllables: ['xian'], lastIsPartial: false });
    expect(segmentPinyin("xi'an", s, p)).toEqual({ syllables: ['xi', 'an'], lastIsPartial: false });
    expect(segmentPinyin('qq', s, p)).toBeUndefined();
  });
});

describe('buildPinyinDictionary (small list)', () => {
  it('puts domain words before more common homophones', () => {
    const domainDict = buildPinyinDictionary(
      [
        ['前', 'qián', 9e-9],
        ['欠', 'qiàn', 1e-9],
        ['欠薪', 'qiàn xīn', 1e-10],
        ['前线', 'qián xiàn', 5e-9],
      ],
      new Set(['欠', '欠薪']),
    );
    expect(words(domainDict.candidates('qian'))).toEqual(['欠', '欠薪', '前', '前线']);
  });

  const dict = buildPinyinDictionary([
    ['工', 'gōng', 5e-9],
    ['公', 'gōng', 6e-9],
    ['资', 'zī', 1e-9],
    ['作', 'zuò', 1e-9],
    ['工资', 'gōng zī', 4e-9],
    ['公子', 'gōng zǐ', 1e-9],
    ['工作', 'gōng zuò', 9e-9],
    ['子', 'zǐ', 1e-9],
    ['西', 'xī', 1e-9],
    ['安', 'ān', 1e-9],
    ['先', 'xiān', 2e-9],
    ['西安', 'xī ān', 1e-9],
  ]);

  it('ranks exact words by frequency, then single characters for the first syllable', () => {
    expect(dict.candidates('gongzi')).toEqual([
      { word: '工资', consumed: 6 },
      { word: '公子', consumed: 6 },
      { word: '公', consumed: 4 },
      { word: '工', consumed: 4 },
    ]);
  });

  it('completes an unfinished syllable', () => {
    expect(words(dict.candidates('gongz'))).toEqual(['工作', '工资', '公子', '公', '工']);
  });

  it("tells xian (先) from xi'an (西安)", () => {
    expect(words(dict.candidates('xian'))).toEqual(['先']);
    expect(dict.candidates("xi'an")[0]).toEqual({ word: '西安', consumed: 5 });
    expect(dict.candidates("xi'an")[1]).toEqual({ word: '西', consumed: 3 });
  });

  it('answers initials with whole words', () => {
    expect(words(dict.candidates('gz'))).toEqual(['工作', '工资', '公子']);
    expect(dict.candidates('')).toEqual([]);
  });
});

// Loading the 59,000-word list takes seconds on a busy machine: a budget, not a measurement.
describe('the bundled dictionary', { timeout: 30_000 }, () => {
  it('finds the words residents type, first', async () => {
    const dict = await loadPinyinDictionary();
    expect(dict.size).toBeGreaterThan(50_000);
    expect(dict.candidates('gongzi')[0]?.word).toBe('工资');
    expect(dict.candidates('taoxin')[0]?.word).toBe('讨薪');
    expect(dict.candidates('caochang')[0]?.word).toBe('草场');
    expect(words(dict.candidates('flyz'))).toContain('法律援助');
    expect(words(dict.candidates('falvyuanzhu'))[0]).toBe('法律援助');
    expect(words(dict.candidates('lihun')).slice(0, 3)).toContain('离婚');
  });

  it('ranks this domain before homophones (欠薪, 工资, 草场)', async () => {
    const dict = await loadPinyinDictionary();
    const qian = words(dict.candidates('qian'));
    expect(qian.slice(0, 2)).toEqual(['欠', '欠薪']);
    expect(qian.indexOf('前')).toBeGreaterThan(qian.indexOf('欠薪'));
    expect(words(dict.candidates('qianxin'))[0]).toBe('欠薪');
    expect(words(dict.candidates('gongzi'))[0]).toBe('工资');
    expect(words(dict.candidates('cao')).slice(0, 4)).toContain('草场');
    expect(words(dict.candidates('caochang'))[0]).toBe('草场');
    // Phrase level: a whole phrase in one candidate, so 5 characters take one tap, not five.
    expect(words(dict.candidates('tuoqiangongzi'))[0]).toBe('拖欠工资');
  });
});
