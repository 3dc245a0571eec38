/**
 * Relevance of the search over the real content pack: every query of the relevance set must
 * find its expected items in the top five, recall@5 ≥ 0.9 overall.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Content } from '../domain/index';
import { ContentSearchIndex } from './content-index';
import { RELEVANCE_SET } from './relevance-set';

const CONTENT = path.resolve(import.meta.dirname, '../../../assets/content/content.json');

describe('relevance set', () => {
  it('has at least 40 queries in both languages, each expecting items that exist', async () => {
    const documents = JSON.parse(await readFile(CONTENT, 'utf8')) as Content[];
    const known = new Set(documents.map((document) => document.id));
    expect(RELEVANCE_SET.length).toBeGreaterThanOrEqual(40);
    expect(RELEVANCE_SET.filter((q) => q.language === 'mn-Mong').length).toBeGreaterThanOrEqual(10);
    for (const query of RELEVANCE_SET) {
      for (const id of query.expected) expect(known, `${query.query} → ${id}`).toContain(id);
    }
  });

  it.each([
    ['as a device indexes it', {}],
    // Large indexes prune common query terms; pruning must not cost relevance.
    ['with common-term pruning forced on', { minDocumentsToPrune: 0 }],
  ])(
    'reaches recall@5 ≥ 0.9 over the content pack, %s',
    async (_, options) => {
      const documents = JSON.parse(await readFile(CONTENT, 'utf8')) as Content[];
      const index = ContentSearchIndex.create(documents, options);
      const misses: string[] = [];
      let recall = 0;
      for (const query of RELEVANCE_SET) {
        const top = index.search(query.query, { limit: 5 }).map((hit) => hit.id);
        const found = query.expected.filter((id) => top.includes(id));
        recall += found.length / query.expected.length;
        if (found.length < query.expected.length) {
          misses.push(`${query.query} (${query.note ?? query.language}): got ${top.join(', ')}`);
        }
      }
      const recallAt5 = recall / RELEVANCE_SET.length;
      expect(recallAt5, misses.join('\n')).toBeGreaterThanOrEqual(0.9);
    },
    30_000,
  );
});
