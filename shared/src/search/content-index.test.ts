import { describe, expect, it } from 'vitest';
import type { Content } from '../domain/index';
import { sampleContent } from '../testing/index';
import { ContentSearchIndex, SEARCH_INDEX_FORMAT } from './content-index';
import { createMemorySearchIndexStore, openContentSearchIndex } from './store';

const LATER = '2026-11-24T08:00:00.000Z';

function item(id: string, zh: string, overrides: Partial<Content> = {}): Content {
  return sampleContent({
    id,
    title: { zh, mn: 'ᠴᠠᠯᠢᠩ', mnStatus: 'draft' },
    summary: { zh: '', mn: '', mnStatus: 'missing' },
    body: { zh: '', mn: '', mnStatus: 'missing' },
    tags: [],
    ...overrides,
  });
}

const ids = (index: ContentSearchIndex, query: string, options = {}) =>
  index.search(query, options).map((hit) => hit.id);

describe('ContentSearchIndex', () => {
  it('finds items in either language', () => {
    const index = ContentSearchIndex.create([
      item('wage', '老板拖欠工资怎么办', {
        title: { zh: '老板拖欠工资怎么办', mn: 'ᠴᠠᠯᠢᠩ ᠥᠭᠬᠦ ᠦᠭᠡᠢ', mnStatus: 'draft' },
      }),
      item('land', '草场被占怎么办', {
        title: { zh: '草场被占怎么办', mn: 'ᠡᠪᠡᠰᠦᠨ ᠬᠡᠭᠡᠷ᠎ᠡ', mnStatus: 'draft' },
      }),
    ]);
    expect(ids(index, '讨要工资')[0]).toBe('wage');
    expect(ids(index, 'ᠡᠪᠡᠰᠦᠨ ᠬᠡᠭᠡᠷᠡ')).toEqual(['land']);
    expect(ids(index, '')).toEqual([]);
  });

  it('ranks a title match above body matches of the same words', () => {
    const index = ContentSearchIndex.create([
      item('body', '关于家庭的问题', {
        body: { zh: '赡养费赡养费，赡养费的问题很多。'.repeat(3), mn: '', mnStatus: 'missing' },
      }),
      item('title', '儿女不给赡养费怎么办'),
    ]);
    expect(ids(index, '赡养费')).toEqual(['title', 'body']);
  });

  it('updates incrementally: adds, replaces, skips unchanged, discards withdrawn and deleted', () => {
    const index = ContentSearchIndex.create([item('a', '草场纠纷'), item('b', '工伤认定')]);
    expect(index.size).toBe(2);

    const summary = index.applyChanges([
      item('a', '草场纠纷'), // same revision and time: unchanged
      item('b', '工伤保险待遇', { contentRevision: 2, updatedAt: LATER }), // edited
      item('c', '离婚孩子抚养'), // new
      item('d', '从未见过的撤回条目', { withdrawn: true }), // withdrawn, never indexed
    ]);
    expect(summary).toEqual({ added: 1, replaced: 1, discarded: 0, unchanged: 2 });
    expect(ids(index, '工伤认定')).toEqual(['b']); // still found by the shared word 工伤
    expect(ids(index, '待遇')).toEqual(['b']);
    expect(ids(index, '抚养')).toEqual(['c']);

    const removal = index.applyChanges([
      item('a', '草场纠纷', { withdrawn: true, contentRevision: 2, updatedAt: LATER }),
      { ...item('c', '离婚孩子抚养'), _deleted: true },
    ]);
    expect(removal).toEqual({ added: 0, replaced: 0, discarded: 2, unchanged: 0 });
    expect(ids(index, '草场')).toEqual([]);
    expect(ids(index, '抚养')).toEqual([]);
    expect(index.size).toBe(1);
    expect(index.discard(['b', 'missing'])).toBe(1);
    expect(index.size).toBe(0);
  });

  it('finds a one-character query inside longer words', () => {
    const index = ContentSearchIndex.create([
      item('dog', '狗咬了人谁负责'),
      item('other', '草场纠纷'),
    ]);
    expect(ids(index, '狗')).toEqual(['dog']);
  });

  it('prunes terms most documents contain, but never all of a query', () => {
    const documents = Array.from({ length: 12 }, (_, n) =>
      item(`doc-${n}`, n === 3 ? '法律援助与草场纠纷' : `法律援助第${n}问`),
    );
    const index = ContentSearchIndex.create(documents, { minDocumentsToPrune: 0 });
    expect(index.queryTerms('法律援助 草场').typed).toEqual(['草场']);
    expect(ids(index, '法律援助 草场')).toEqual(['doc-3']);
    // Only common terms: the rarest ones are kept, so the query still finds something.
    expect(index.queryTerms('法律援助').typed.length).toBeGreaterThan(0);
    expect(ids(index, '法律援助')).toHaveLength(12);
    // Below the size threshold nothing is pruned.
    const small = ContentSearchIndex.create(documents);
    expect(small.queryTerms('法律援助 草场').typed).toContain('法律');
  });

  it('filters by kind, region, audience and category', () => {
    const index = ContentSearchIndex.create([
      item('faq', '法律援助', { kind: 'faq', regionCode: '1525' }),
      item('law', '法律援助', { kind: 'law_article', regionCode: '', categories: ['other'] }),
      item('tv', '法律援助', { audiences: ['tv'], regionCode: '1505' }),
    ]);
    expect(ids(index, '法律援助', { kinds: ['law_article'] })).toEqual(['law']);
    expect(ids(index, '法律援助', { regionCode: '152502' }).sort()).toEqual(['faq', 'law']);
    expect(ids(index, '法律援助', { audience: 'kiosk' })).not.toContain('tv');
    expect(ids(index, '法律援助', { categories: ['other'] })).toEqual(['law']);
    expect(ids(index, '法律援助', { limit: 1 })).toHaveLength(1);
  });

  it('survives serialization and keeps updating afterwards', () => {
    const index = ContentSearchIndex.create([item('a', '草场纠纷'), item('b', '工伤认定')]);
    const loaded = ContentSearchIndex.load(index.serialize());
    if (!loaded.ok) throw new Error(JSON.stringify(loaded.error));
    const restored = loaded.value;
    expect(restored.size).toBe(2);
    expect(restored.search('草场纠纷')).toEqual(index.search('草场纠纷'));
    expect(restored.applyChanges([item('a', '草场纠纷')]).unchanged).toBe(1);
    restored.applyChanges([item('a', '围栏边界', { contentRevision: 2, updatedAt: LATER })]);
    expect(ids(restored, '围栏')).toEqual(['a']);
    expect(ids(restored, '草场纠纷')).toEqual([]);
  });

  it('refuses a corrupt or outdated serialized index', () => {
    const corrupt = ContentSearchIndex.load('{"format":');
    expect(!corrupt.ok && corrupt.error.kind).toBe('corrupt');
    const old = JSON.parse(ContentSearchIndex.create([item('a', '草场')]).serialize()) as {
      format: number;
    };
    old.format = SEARCH_INDEX_FORMAT - 1;
    const outdated = ContentSearchIndex.load(JSON.stringify(old));
    expect(!outdated.ok && outdated.error.kind).toBe('outdated');
  });
});

describe('openContentSearchIndex', () => {
  it('builds and saves once, then reuses the saved index without reading the documents', async () => {
    const store = createMemorySearchIndexStore();
    let reads = 0;
    const documents = () => {
      reads += 1;
      return [item('a', '草场纠纷')];
    };
    const first = await openContentSearchIndex(store, documents);
    expect(first.source).toBe('rebuilt');
    expect(store.saves).toBe(1);

    const second = await openContentSearchIndex(store, documents);
    expect(second.source).toBe('persisted');
    expect(reads).toBe(1);
    expect(ids(second.index, '草场')).toEqual(['a']);
  });

  it('rebuilds when the saved index is damaged', async () => {
    const store = createMemorySearchIndexStore('not json');
    const opened = await openContentSearchIndex(store, () => [item('a', '草场纠纷')]);
    expect(opened).toMatchObject({ source: 'rebuilt', reason: 'corrupt' });
    expect(ContentSearchIndex.load(store.saved ?? '').ok).toBe(true);
  });
});
