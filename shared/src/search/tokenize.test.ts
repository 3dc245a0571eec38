import { describe, expect, it } from 'vitest';
import { chineseTerms } from './chinese';
import { isPrefixTerm, tokenize } from './tokenize';
import { synonymPhrases } from './synonyms';

describe('Chinese terms', () => {
  it('makes every bigram, so a word inside a longer phrase still matches', () => {
    expect(chineseTerms('要去讨薪')).toEqual(['要去', '去讨', '讨薪']);
    expect(tokenize('讨薪')).toContain('讨薪');
    expect(tokenize('我要讨薪')).toContain('讨薪');
  });

  it('adds the segmenter words of three characters or more', () => {
    expect(chineseTerms('中华人民共和国')).toContain('共和国');
    // Two-character words come from the bigrams only, once each; no single characters.
    const terms = chineseTerms('申请法律援助');
    expect(terms.filter((term) => term === '法律')).toHaveLength(1);
    expect(terms.every((term) => [...term].length >= 2)).toBe(true);
  });

  it('leaves out particle fragments and bigrams every legal text is full of', () => {
    expect(chineseTerms('别人家的狗咬了人')).toEqual(['别人', '人家', '狗咬']);
    expect(chineseTerms('可以申请')).toEqual(['以申', '申请']);
    expect(tokenize('的')).toEqual([]);
  });

  it('keeps a single character as its own term', () => {
    expect(tokenize('税')).toEqual(['税']);
  });
});

describe('tokenize', () => {
  it('handles mixed scripts, digits and full-width input', () => {
    const terms = tokenize('打12348问 ᠬᠠᠤᠯᠢ，ＡＢＣ');
    expect(terms).toEqual(expect.arrayContaining(['12348', 'abc']));
    expect(terms.some((term) => /[\u1820-\u18AA]/.test(term))).toBe(true);
    expect(tokenize('１２３４８')).toEqual(['12348']);
  });

  it('ignores punctuation-only input', () => {
    expect(tokenize('，。！？ ᠂᠃')).toEqual([]);
  });

  it('lets Mongolian stems, Latin words and a lone character, not bigrams, match by prefix', () => {
    expect(isPrefixTerm('讨薪')).toBe(false);
    expect(isPrefixTerm('狗')).toBe(true);
    expect(isPrefixTerm(tokenize('ᠬᠠᠤᠯᠢ')[0]!)).toBe(true);
    expect(isPrefixTerm('abc')).toBe(true);
  });
});

describe('colloquial synonyms', () => {
  it('maps how people say it to how the content says it', () => {
    expect(synonymPhrases('草场被占了')).toEqual(expect.arrayContaining(['草原', '侵占']));
    expect(synonymPhrases('法律援助')).toEqual([]);
  });
});
