/**
 * Relevance on the held-out set (relevance-holdout.ts), which the search was never tuned on:
 * reports recall@5 and MRR@10 with the misses, and fails when recall@5 drops below a floor
 * set just under the figure measured when the set was written.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Content } from '../domain/index';
import { ContentSearchIndex } from './content-index';
import { RELEVANCE_HOLDOUT } from './relevance-holdout';
import { RELEVANCE_SET } from './relevance-set';

const CONTENT = path.resolve(import.meta.dirname, '../../../assets/content/content.json');
/**
 * Measured 2026-11-23 when the set was written: recall@5 0.917 in both index setups (MRR@10
 * 0.788 as a device indexes, 0.804 with pruning forced). One more full miss fails the test.
 */
const RECALL_FLOOR = 0.9;

async function loadDocuments(): Promise<Content[]> {
  return JSON.parse(await readFile(CONTENT, 'utf8')) as Content[];
}

describe('held-out relevance set', () => {
  it('has 24–30 queries, a third Mongolian, none from the tuning set, each expecting items that exist', async () => {
    const known = new Set((await loadDocuments()).map((document) => document.id));
    const tuned = new Set(RELEVANCE_SET.map((query) => query.query));
    expect(RELEVANCE_HOLDOUT.length).toBeGreaterThanOrEqual(24);
    expect(RELEVANCE_HOLDOUT.length).toBeLessThanOrEqual(30);
    expect(RELEVANCE_HOLDOUT.filter((q) => q.language === 'mn-Mong').length).toBeGreaterThanOrEqual(
      8,
    );
    for (const query of RELEVANCE_HOLDOUT) {
      expect(tuned, query.query).not.toContain(query.query);
      for (const id of query.expected) expect(known, `${query.query} → ${id}`).toContain(id);
    }
  });

  it.each([
    ['as a device indexes it', {}],
    ['with common-term pruning forced on', { minDocumentsToPrune: 0 }],
  ])(
    `keeps recall@5 ≥ ${RECALL_FLOOR} over the content pack, %s`,
    async (label, options) => {
      const index = ContentSearchIndex.create(await loadDocuments(), options);
      const misses: string[] = [];
      let recall = 0;
      let reciprocalRanks = 0;
      for (const query of RELEVANCE_HOLDOUT) {
        const top = index.search(query.query, { limit: 10 }).map((hit) => hit.id);
        const found = query.expected.filter((id) => top.slice(0, 5).includes(id));
        recall += found.length / query.expected.length;
        const firstRank = top.findIndex((id) => query.expected.includes(id));
        reciprocalRanks += firstRank === -1 ? 0 : 1 / (firstRank + 1);
        if (found.length < query.expected.length) {
          misses.push(
            `  ${query.query} (${query.note ?? query.language}) expected ${query.expected.join(', ')}; got ${top.slice(0, 5).join(', ') || 'nothing'}`,
          );
        }
      }
      const recallAt5 = recall / RELEVANCE_HOLDOUT.length;
      const mrrAt10 = reciprocalRanks / RELEVANCE_HOLDOUT.length;
      // The figure is the point of this test: print it so a run shows it without a failure.
      console.info(
        `held-out relevance (${label}): recall@5 ${recallAt5.toFixed(3)}, MRR@10 ${mrrAt10.toFixed(3)}, ` +
          `${misses.length}/${RELEVANCE_HOLDOUT.length} queries missed something\n${misses.join('\n')}`,
      );
      expect(recallAt5, misses.join('\n')).toBeGreaterThanOrEqual(RECALL_FLOOR);
    },
    30_000,
  );
});
