import { describe, expect, it } from 'vitest';
import { ContentSearchIndex } from '@pls/shared/search';
import type { Content } from '@pls/shared/domain';
import pack from '../../../assets/content/content.json';
import { isShownOnTv } from '../watch/rows';
import { SEARCH_WORDS, searchQuery, togglePicked } from './search-words';

const shown = (pack as unknown as Content[]).filter(isShownOnTv);
const index = ContentSearchIndex.create(shown);

describe('search by picking words', () => {
  it('builds the query from the picked words, then what was typed', () => {
    expect(searchQuery([], '')).toBe('');
    expect(searchQuery(['injury'], '')).toBe('工伤');
    expect(searchQuery(['injury', 'evidence'], ' 工地 ')).toBe('工伤 证据 工地');
    expect(searchQuery(['unknown'], 'ᠮᠠᠯ')).toBe('ᠮᠠᠯ');
  });

  it('toggles a word in and out, keeping the order of picking', () => {
    expect(togglePicked([], 'a')).toEqual(['a']);
    expect(togglePicked(['a', 'b'], 'a')).toEqual(['b']);
    expect(togglePicked(['b'], 'a')).toEqual(['b', 'a']);
  });

  it('finds something on the TV for every word of the list in the real content pack', () => {
    for (const word of SEARCH_WORDS) {
      const hits = index.search(searchQuery([word.id], ''), {
        audience: 'tv',
        regionCode: '152502',
      });
      expect(hits.length, word.id).toBeGreaterThan(0);
    }
  });

  it('puts the wage items first for the wages word', () => {
    const hits = index.search(searchQuery(['wages'], ''), { audience: 'tv', limit: 5 });
    const first = shown.find((c) => c.id === hits[0]?.id);
    expect(first?.categories).toContain('wage_arrears');
  });
});
