/**
 * Search benchmarks at device scale (10,000 content items):
 * - index build: the real content pack plus items synthesised from it (each mixes one real
 *   item with the summary of another, so vocabulary and lengths stay realistic);
 * - persisted load: restoring the serialized index, what a device does on every start;
 * - incremental update: 100 items edited by sync, replaced in place;
 * - query latency p50/p95 over the relevance set's queries (Chinese and Mongolian).
 * Relevance itself is asserted on the real pack (shared/src/search/relevance.test.ts, with and
 * without common-term pruning): synthetic items mix texts, so they are no ground truth.
 *
 * Every figure has a reference measured here, on the same items (bench/README.md says why each):
 * build vs tokenising the same fields without indexing; persisted size vs the items as JSON;
 * load vs JSON.parse of the same string; sync update vs this run's build from scratch; queries
 * vs a naive linear scan of the same items for the same queries. Targets (the issue's p95 ≤ 30 ms
 * at 10,000 items, our budgets for a station PC) are notes under the table.
 *
 * `--quick` uses 1,000 items so that the quick run of every suite stays under a minute.
 * Runs inside `npm run bench` (export `run`) or alone: `npx tsx bench/suites/search.ts [--quick]`.
 */
import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import type { Content } from '@pls/shared/domain';
import { ContentSearchIndex, tokenize } from '@pls/shared/search';
import { RELEVANCE_SET } from '@pls/shared/testing';
import { percentile, result, type BenchResult, type RunOptions } from '../framework';

/**
 * Targets, printed as notes (never the reference): p95 at 10,000 items is the issue's; the
 * others are our own budgets for a station PC.
 */
const TARGET = {
  items: 10_000,
  buildMs: 30_000,
  loadMs: 2_000,
  updateMs: 500,
  p50Ms: 10,
  p95Ms: 30,
  indexMb: 64,
} as const;

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** The real items first, then synthetic ones until `count`. Deterministic. */
function synthesiseContent(real: readonly Content[], count: number): Content[] {
  const items: Content[] = [...real];
  for (let n = 0; items.length < count; n++) {
    const base = real[n % real.length]!;
    const other = real[(n * 7919 + 13) % real.length]!;
    items.push({
      ...base,
      id: `bench-${n}`,
      title: { ...base.title, zh: `${base.title.zh}（${n % 97}）` },
      body: {
        ...base.body,
        zh: `${base.body.zh}\n${other.summary.zh}`,
        mn: base.body.mn === '' ? base.body.mn : `${base.body.mn}\n${other.summary.mn}`,
      },
      tags: [...new Set([...base.tags, ...other.tags])].slice(0, 30),
    });
  }
  return items;
}

async function loadContent(): Promise<Content[]> {
  return JSON.parse(await readFile(join(root, 'assets/content/content.json'), 'utf8')) as Content[];
}

function buildAndSerialize(
  documents: readonly Content[],
  items: number,
  report: (ms: number) => void,
): string {
  const start = performance.now();
  const built = ContentSearchIndex.create(documents);
  report(performance.now() - start);
  if (built.size !== items) throw new Error('index build lost documents');
  return built.serialize();
}

/**
 * The four texts per item that ContentSearchIndex hands its tokenizer (title, summary, body,
 * tags with the law's name; each in both languages), as in content-index.ts.
 */
function indexedTexts(document: Content): string[] {
  const law = document.law;
  return [
    `${document.title.zh}\n${document.title.mn}`,
    `${document.summary.zh}\n${document.summary.mn}`,
    `${document.body.zh}\n${document.body.mn}`,
    [...document.tags, ...(law ? [law.lawName.zh, law.lawName.mn] : [])].join('\n'),
  ];
}

/**
 * Build reference: the same tokenizer over the same texts, nothing indexed. An inverted index
 * cannot be built for less, so value / reference is what indexing adds to tokenising.
 */
function tokeniseOnly(documents: readonly Content[]): number {
  const start = performance.now();
  let terms = 0;
  for (const document of documents) {
    for (const text of indexedTexts(document)) terms += tokenize(text).length;
  }
  const ms = performance.now() - start;
  if (terms === 0) throw new Error('tokenizer produced no terms: the reference is broken');
  return ms;
}

/**
 * Query reference: what one would write without an index. Each item's title, summary and body
 * (both languages) tokenised once up front, like the index is built once; a query is tokenised
 * the same way and every item is scanned for each query term (substring match: bigrams inside
 * words, Mongolian stems inside longer words), ranked by the number of terms found.
 */
class NaiveScan {
  private readonly haystacks: readonly string[];

  constructor(documents: readonly Content[]) {
    this.haystacks = documents.map((d) =>
      tokenize(
        [d.title.zh, d.title.mn, d.summary.zh, d.summary.mn, d.body.zh, d.body.mn].join('\n'),
      ).join(' '),
    );
  }

  /** Indexes of the best `limit` items, most query terms first (ties: earlier item first). */
  search(query: string, limit: number): number[] {
    const terms = [...new Set(tokenize(query))];
    const hits: Array<{ readonly item: number; readonly score: number }> = [];
    for (let item = 0; item < this.haystacks.length; item++) {
      const haystack = this.haystacks[item]!;
      let score = 0;
      for (const term of terms) if (haystack.includes(term)) score++;
      if (score > 0) hits.push({ item, score });
    }
    hits.sort((a, b) => b.score - a.score || a.item - b.item);
    return hits.slice(0, limit).map((hit) => hit.item);
  }
}

/** Wall and CPU time of one call, in ms. */
function timeCall<T>(fn: () => T): { value: T; wallMs: number; cpuMs: number } {
  const cpu = process.cpuUsage();
  const start = performance.now();
  const value = fn();
  const wallMs = performance.now() - start;
  const used = process.cpuUsage(cpu);
  return { value, wallMs, cpuMs: (used.user + used.system) / 1000 };
}

async function searchSuite(options: RunOptions = {}): Promise<BenchResult[]> {
  const items = options.quick ? 1_000 : 10_000;
  const scale = `${items.toLocaleString('en')} items`;
  const rounds = options.quick ? 1 : 3;
  const documents = synthesiseContent(await loadContent(), items);

  // One build: at 10,000 items it takes long enough that its own variation is small. The
  // built index goes out of scope before the timed parts, so it can be collected.
  let buildMs = 0;
  const serialized = buildAndSerialize(documents, items, (ms) => (buildMs = ms));
  const tokeniseMs = tokeniseOnly(documents);
  const indexBytes = new TextEncoder().encode(serialized).byteLength;
  const itemsBytes = new TextEncoder().encode(JSON.stringify(documents)).byteLength;

  // Load and its reference alternate, so both see the same state of the machine.
  const loadTimes: number[] = [];
  const parseTimes: number[] = [];
  let loaded: ContentSearchIndex | undefined;
  for (let round = 0; round < rounds; round++) {
    const start = performance.now();
    const restored = ContentSearchIndex.load(serialized);
    loadTimes.push(performance.now() - start);
    if (!restored.ok) throw new Error(`persisted index did not load: ${restored.error.kind}`);
    loaded = restored.value;
    const parsed = timeCall(() => JSON.parse(serialized) as unknown);
    if (typeof parsed.value !== 'object') throw new Error('persisted index is not JSON');
    parseTimes.push(parsed.wallMs);
  }

  // Queries run on the restored index, as on a device after a restart. Wall time is what a
  // resident waits; CPU time is reported too because shared CI machines inflate wall time.
  // Each query runs on the index and then on the naive scan, so both see the same conditions.
  const searchIndex = loaded!;
  const scan = new NaiveScan(documents);
  for (let warm = 0; warm < 2; warm++) {
    for (const { query } of RELEVANCE_SET) {
      searchIndex.search(query, { limit: 5 });
      scan.search(query, 5);
    }
  }
  const latencies: number[] = [];
  const cpuTimes: number[] = [];
  const scanLatencies: number[] = [];
  const scanCpuTimes: number[] = [];
  const queryRounds = options.quick ? 3 : 10;
  for (let round = 0; round < queryRounds; round++) {
    for (const { query } of RELEVANCE_SET) {
      const indexed = timeCall(() => searchIndex.search(query, { limit: 5 }));
      latencies.push(indexed.wallMs);
      cpuTimes.push(indexed.cpuMs);
      if (indexed.value.length === 0) throw new Error(`no result for "${query}": search is broken`);
      const scanned = timeCall(() => scan.search(query, 5));
      scanLatencies.push(scanned.wallMs);
      scanCpuTimes.push(scanned.cpuMs);
      if (scanned.value.length === 0) throw new Error(`naive scan found nothing for "${query}"`);
    }
  }

  // Search as you type: every prefix of every relevance query, as a resident's keyboard sends
  // them one character at a time (Array.from: a Mongolian or Chinese character is one key).
  const typedLatencies: number[] = [];
  const typedScanLatencies: number[] = [];
  for (const { query } of RELEVANCE_SET) {
    const chars = Array.from(query);
    for (let i = 1; i <= chars.length; i++) {
      const prefix = chars.slice(0, i).join('');
      typedLatencies.push(timeCall(() => searchIndex.search(prefix, { limit: 5 })).wallMs);
      typedScanLatencies.push(timeCall(() => scan.search(prefix, 5)).wallMs);
    }
  }

  const edited = documents.slice(0, 100).map((document) => ({
    ...document,
    contentRevision: document.contentRevision + 1,
    updatedAt: '2026-12-01T00:00:00.000Z',
    summary: { ...document.summary, zh: `${document.summary.zh}（已更新）` },
  }));
  const updateStart = performance.now();
  const summary = searchIndex.applyChanges(edited);
  const updateMs = performance.now() - updateStart;
  if (summary.replaced !== 100) throw new Error('incremental update did not replace 100 items');

  const queries = `${RELEVANCE_SET.length} relevance queries, ${scale}`;
  const p50 = percentile(latencies, 50);
  const p95 = percentile(latencies, 95);
  const indexMb = indexBytes / 1_048_576;
  const loadMs = percentile(loadTimes, 50);
  const targets: Array<[string, number, number, string]> = [
    ['query p95 (the issue)', p95, TARGET.p95Ms, 'ms'],
    ['query p50', p50, TARGET.p50Ms, 'ms'],
    ['build', buildMs / 1000, TARGET.buildMs / 1000, 's'],
    ['load', loadMs / 1000, TARGET.loadMs / 1000, 's'],
    ['sync update', updateMs, TARGET.updateMs, 'ms'],
    ['persisted size', indexMb, TARGET.indexMb, 'MiB'],
  ];
  options.note?.(
    items >= TARGET.items
      ? `targets at ${TARGET.items.toLocaleString('en')} items (not asserted): ${targets
          .map(([what, value, target, unit]) => {
            const verdict = value <= target ? 'met' : 'MISSED';
            return `${what} ≤ ${target} ${unit}: ${value.toFixed(2)}, ${verdict}`;
          })
          .join('; ')}.`
      : `targets apply at ${TARGET.items.toLocaleString('en')} items, not judged on ${scale}: ${targets
          .map(([what, , target, unit]) => `${what} ≤ ${target} ${unit}`)
          .join(', ')}.`,
  );
  return [
    result(`search: build index, ${scale}`, buildMs, 'ms', tokeniseMs),
    result(`search: persisted index size, ${scale}`, indexMb, 'MiB', itemsBytes / 1_048_576),
    result(`search: load persisted index, ${scale}`, loadMs, 'ms', percentile(parseTimes, 50)),
    result('search: sync update, 100 changed items', updateMs, 'ms', buildMs),
    result(`search: query p50 (${queries})`, p50, 'ms', percentile(scanLatencies, 50)),
    result(`search: query p95 (${queries})`, p95, 'ms', percentile(scanLatencies, 95)),
    result(
      `search: as-you-type p95 (${typedLatencies.length} prefixes, ${scale})`,
      percentile(typedLatencies, 95),
      'ms',
      percentile(typedScanLatencies, 95),
    ),
    result(
      `search: query CPU time p95 (${queries})`,
      percentile(cpuTimes, 95),
      'ms',
      percentile(scanCpuTimes, 95),
    ),
  ];
}

export const run = searchSuite;

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const results = await searchSuite({
    quick: process.argv.includes('--quick'),
    note: (message) => console.log(`note: ${message}`),
  });
  console.table(results);
}
