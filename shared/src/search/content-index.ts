/**
 * Bilingual full-text index over the `content` collection (MiniSearch, BM25). Each document
 * is indexed in both languages at once, titles weighing most, so a query in either language
 * (or mixed) finds it. The index is updated in place when sync brings new, changed or
 * withdrawn items, and serializes to one string that a device keeps in its local database.
 */
import MiniSearch, { type Options, type SearchResult } from 'minisearch';
import {
  err,
  ok,
  regionCovers,
  type CaseCategory,
  type Content,
  type ContentKind,
  type DeviceKind,
  type Result,
} from '../domain/index';
import { synonymPhrases } from './synonyms';
import { TOKENIZER_VERSION, isPrefixTerm, tokenize } from './tokenize';

/** Bump when the persisted layout changes; older indexes are rebuilt, never misread. */
export const SEARCH_INDEX_FORMAT = 2;

/** What the index needs of a content document (RxDB may add `_deleted` on replication). */
export type IndexableContent = Pick<
  Content,
  | 'id'
  | 'kind'
  | 'regionCode'
  | 'audiences'
  | 'title'
  | 'summary'
  | 'body'
  | 'categories'
  | 'tags'
  | 'contentRevision'
  | 'updatedAt'
  | 'withdrawn'
> &
  Partial<Pick<Content, 'law'>> & { readonly _deleted?: boolean };

interface IndexedDocument {
  readonly id: string;
  readonly title: string;
  readonly summary: string;
  readonly body: string;
  readonly tags: string;
  readonly kind: ContentKind;
  readonly regionCode: string;
  readonly audiences: readonly DeviceKind[];
  readonly categories: readonly CaseCategory[];
}

type StoredFields = Pick<IndexedDocument, 'kind' | 'regionCode' | 'audiences' | 'categories'>;

/** Field weights: a title match outranks any number of body matches of the same term. */
export const FIELD_BOOST = { title: 4, tags: 2.5, summary: 1.5, body: 1 } as const;
/**
 * Residents need the plain-language answer first; the statute it rests on comes with it.
 * A law article still wins when the query names it (its title then matches far better).
 */
export const KIND_BOOST: Readonly<Record<ContentKind, number>> = {
  faq: 1.3,
  guide: 1.2,
  program: 1,
  case_story: 1,
  template: 1,
  notice: 1,
  law_article: 0.8,
};
/** Weight of terms a query implies through synonyms, relative to the words typed. */
const SYNONYM_WEIGHT = 0.35;

/**
 * Query terms found in more than this share of documents are left out (unless nothing else
 * is left): at 10,000 items they match thousands of documents, cost most of the query time
 * and, with their low IDF, hardly change the ranking. Implied synonym terms get a stricter cut.
 */
const MAX_TYPED_DF = 0.1;
const MAX_IMPLIED_DF = 0.05;
/** When every typed term is common, search with the rarest few of them. */
const FALLBACK_TERMS = 2;
/** Below this size every query is cheap and document frequencies say little: no pruning. */
const MIN_DOCUMENTS_TO_PRUNE = 1000;

export interface ContentSearchIndexOptions {
  /** Index size from which common query terms are pruned (tests force it to 0). */
  readonly minDocumentsToPrune?: number;
}

function miniSearchOptions(
  onIndexTerms: (terms: readonly string[]) => void,
): Options<IndexedDocument> {
  return {
    idField: 'id',
    fields: ['title', 'summary', 'body', 'tags'],
    storeFields: ['kind', 'regionCode', 'audiences', 'categories'],
    tokenize: (text: string) => {
      const terms = tokenize(text);
      onIndexTerms(terms);
      return terms;
    },
    // The tokenizer already lower-cases and folds; MiniSearch must not touch the terms again.
    processTerm: (term: string) => term,
    searchOptions: { boost: { ...FIELD_BOOST }, combineWith: 'OR' },
  };
}

const LONG_CHINESE_WORD = /^\p{Script=Han}{3,}$/u;

function isLongChineseWord(term: string): boolean {
  return LONG_CHINESE_WORD.test(term);
}

function toIndexed(document: IndexableContent): IndexedDocument {
  const law = document.law;
  return {
    id: document.id,
    title: `${document.title.zh}\n${document.title.mn}`,
    summary: `${document.summary.zh}\n${document.summary.mn}`,
    body: `${document.body.zh}\n${document.body.mn}`,
    tags: [...document.tags, ...(law ? [law.lawName.zh, law.lawName.mn] : [])].join('\n'),
    kind: document.kind,
    regionCode: document.regionCode,
    audiences: document.audiences,
    categories: document.categories,
  };
}

/** A document's version as far as the index cares: a new revision or edit re-indexes it. */
function versionOf(document: IndexableContent): string {
  return `${document.contentRevision}:${document.updatedAt}`;
}

function isLive(document: IndexableContent): boolean {
  return !document.withdrawn && document._deleted !== true;
}

export interface SearchQueryOptions {
  /** Only these kinds (e.g. FAQ and law articles on the "ask" screen). */
  readonly kinds?: readonly ContentKind[];
  /** The device's region: items scoped to other regions are left out. */
  readonly regionCode?: string;
  readonly audience?: DeviceKind;
  readonly categories?: readonly CaseCategory[];
  readonly limit?: number;
}

export interface SearchHit {
  readonly id: string;
  readonly score: number;
  readonly kind: ContentKind;
  readonly categories: readonly CaseCategory[];
  /** Index terms that matched, for highlighting or debugging. */
  readonly terms: readonly string[];
}

export interface ApplySummary {
  readonly added: number;
  readonly replaced: number;
  readonly discarded: number;
  readonly unchanged: number;
}

export type SearchIndexLoadError =
  | { readonly kind: 'corrupt'; readonly message: string }
  | { readonly kind: 'outdated'; readonly found: string; readonly expected: string };

interface PersistedSearchIndex {
  readonly format: number;
  readonly tokenizer: string;
  readonly versions: Readonly<Record<string, string>>;
  /** Document frequency of every index term, for pruning common query terms. */
  readonly documentFrequency: Readonly<Record<string, number>>;
  readonly index: ReturnType<MiniSearch<IndexedDocument>['toJSON']>;
}

export class ContentSearchIndex {
  private readonly mini: MiniSearch<IndexedDocument>;
  /** Terms of the document being added, gathered from the tokenizer calls of its fields. */
  private collecting: Set<string> | null = null;

  private constructor(
    build: (options: Options<IndexedDocument>) => MiniSearch<IndexedDocument>,
    private readonly versions: Map<string, string>,
    /**
     * Documents containing each term. Counted when documents are added; a discarded or
     * replaced version is not subtracted (its terms are gone), so between restarts a count
     * may run slightly high, which only makes pruning a little more eager for that term.
     */
    private readonly documentFrequency: Map<string, number>,
    private readonly minDocumentsToPrune: number,
  ) {
    this.mini = build(
      miniSearchOptions((terms) => {
        if (this.collecting) for (const term of terms) this.collecting.add(term);
      }),
    );
  }

  static create(
    documents: readonly IndexableContent[] = [],
    options: ContentSearchIndexOptions = {},
  ): ContentSearchIndex {
    const index = new ContentSearchIndex(
      (miniOptions) => new MiniSearch<IndexedDocument>(miniOptions),
      new Map(),
      new Map(),
      options.minDocumentsToPrune ?? MIN_DOCUMENTS_TO_PRUNE,
    );
    index.applyChanges(documents);
    return index;
  }

  /** Restores a serialized index; a different format or tokenizer means "rebuild". */
  static load(
    serialized: string,
    options: ContentSearchIndexOptions = {},
  ): Result<ContentSearchIndex, SearchIndexLoadError> {
    let persisted: PersistedSearchIndex;
    try {
      persisted = JSON.parse(serialized) as PersistedSearchIndex;
    } catch (error) {
      return err({ kind: 'corrupt', message: String(error) });
    }
    if (typeof persisted !== 'object' || persisted === null) {
      return err({ kind: 'corrupt', message: 'not an object' });
    }
    const found = `${String(persisted.format)}/${String(persisted.tokenizer)}`;
    const expected = `${SEARCH_INDEX_FORMAT}/${TOKENIZER_VERSION}`;
    if (found !== expected) return err({ kind: 'outdated', found, expected });
    try {
      const versions = new Map(Object.entries(persisted.versions));
      const index = new ContentSearchIndex(
        (miniOptions) => MiniSearch.loadJS<IndexedDocument>(persisted.index, miniOptions),
        versions,
        new Map(Object.entries(persisted.documentFrequency)),
        options.minDocumentsToPrune ?? MIN_DOCUMENTS_TO_PRUNE,
      );
      if (index.mini.documentCount !== versions.size) {
        return err({ kind: 'corrupt', message: 'document count does not match versions' });
      }
      return ok(index);
    } catch (error) {
      return err({ kind: 'corrupt', message: String(error) });
    }
  }

  get size(): number {
    return this.versions.size;
  }

  has(id: string): boolean {
    return this.versions.has(id);
  }

  /**
   * Brings the index up to date with documents from sync: new ones are added, changed ones
   * replaced, withdrawn or deleted ones discarded, identical versions skipped.
   */
  applyChanges(documents: readonly IndexableContent[]): ApplySummary {
    let added = 0;
    let replaced = 0;
    let discarded = 0;
    let unchanged = 0;
    for (const document of documents) {
      const known = this.versions.get(document.id);
      if (!isLive(document)) {
        if (known === undefined) {
          unchanged += 1;
        } else {
          this.mini.discard(document.id);
          this.versions.delete(document.id);
          discarded += 1;
        }
        continue;
      }
      const version = versionOf(document);
      if (known === version) {
        unchanged += 1;
      } else {
        this.collecting = new Set();
        if (known === undefined) {
          this.mini.add(toIndexed(document));
          added += 1;
        } else {
          this.mini.replace(toIndexed(document));
          replaced += 1;
        }
        for (const term of this.collecting) {
          this.documentFrequency.set(term, (this.documentFrequency.get(term) ?? 0) + 1);
        }
        this.collecting = null;
      }
      this.versions.set(document.id, version);
    }
    return { added, replaced, discarded, unchanged };
  }

  /** Removes documents that left the device's scope. */
  discard(ids: readonly string[]): number {
    let count = 0;
    for (const id of ids) {
      if (!this.versions.delete(id)) continue;
      this.mini.discard(id);
      count += 1;
    }
    return count;
  }

  /** Share of documents containing a term (prefix terms count as rare: they are stems). */
  private frequency(term: string): number {
    return (this.documentFrequency.get(term) ?? 0) / Math.max(1, this.versions.size);
  }

  /**
   * The query's own terms and the ones its colloquial phrases imply. Terms the index has never
   * seen are dropped (unless they may match longer terms by prefix); in a large index, common
   * terms are pruned as well.
   */
  queryTerms(query: string): { readonly typed: string[]; readonly implied: string[] } {
    const prune = this.versions.size >= this.minDocumentsToPrune;
    const usable = (term: string) => this.documentFrequency.has(term) || isPrefixTerm(term);
    const typedAll = [...new Set(tokenize(query))];
    const candidates = typedAll.filter(usable);
    // Words of three or more characters (民法典, 法律援助) are specific enough to keep.
    let typed = prune
      ? candidates.filter((term) => this.frequency(term) <= MAX_TYPED_DF || isLongChineseWord(term))
      : candidates;
    if (typed.length === 0) {
      typed = [...candidates]
        .sort((a, b) => this.frequency(a) - this.frequency(b))
        .slice(0, FALLBACK_TERMS);
    }
    const typedSet = new Set(typedAll);
    const implied = [
      ...new Set(synonymPhrases(query).flatMap((phrase) => tokenize(phrase))),
    ].filter(
      (term) =>
        !typedSet.has(term) &&
        this.documentFrequency.has(term) &&
        (!prune || this.frequency(term) <= MAX_IMPLIED_DF),
    );
    return { typed, implied };
  }

  search(query: string, options: SearchQueryOptions = {}): SearchHit[] {
    const { typed, implied } = this.queryTerms(query);
    const impliedSet = new Set(implied);
    const terms = [...typed, ...implied];
    if (terms.length === 0) return [];

    const kinds = options.kinds ? new Set(options.kinds) : null;
    const categories = options.categories ? new Set(options.categories) : null;
    const results = this.mini.search(query, {
      tokenize: () => terms,
      processTerm: (term) => term,
      boost: { ...FIELD_BOOST },
      combineWith: 'OR',
      // Only a stem the index does not hold as such is looked up by prefix (a suffix written
      // straight on in the content); prefix expansion is the costly part of a query.
      prefix: (term) => isPrefixTerm(term) && !this.documentFrequency.has(term),
      fuzzy: false,
      boostTerm: (term) => (impliedSet.has(term) ? SYNONYM_WEIGHT : 1),
      boostDocument: (_id, _term, stored) => KIND_BOOST[(stored as unknown as StoredFields).kind],
      filter: (result) => {
        const stored = result as SearchResult & StoredFields;
        if (kinds && !kinds.has(stored.kind)) return false;
        if (
          options.regionCode !== undefined &&
          !regionCovers(stored.regionCode, options.regionCode)
        ) {
          return false;
        }
        if (options.audience && !stored.audiences.includes(options.audience)) return false;
        if (categories && !stored.categories.some((category) => categories.has(category))) {
          return false;
        }
        return true;
      },
    });
    return results.slice(0, options.limit ?? 20).map((result) => {
      const stored = result as SearchResult & StoredFields;
      return {
        id: String(result.id),
        score: result.score,
        kind: stored.kind,
        categories: stored.categories,
        terms: result.terms,
      };
    });
  }

  /** One string for the device's local database; see SearchIndexStore. */
  serialize(): string {
    const persisted: PersistedSearchIndex = {
      format: SEARCH_INDEX_FORMAT,
      tokenizer: TOKENIZER_VERSION,
      versions: Object.fromEntries(this.versions),
      documentFrequency: Object.fromEntries(this.documentFrequency),
      index: this.mini.toJSON(),
    };
    return JSON.stringify(persisted);
  }
}
