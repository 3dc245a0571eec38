/**
 * Keeping the index across restarts. The device injects where the serialized index lives
 * (an RxDB local document, IndexedDB, a file in the Electron user-data folder); this module
 * only decides when to reuse it and when to rebuild, so a device never rebuilds on every start
 * and never trusts an index written by another version.
 */
import {
  ContentSearchIndex,
  type IndexableContent,
  type SearchIndexLoadError,
} from './content-index';

export interface SearchIndexStore {
  /** The last saved index, or null when there is none. */
  load(): Promise<string | null>;
  save(serialized: string): Promise<void>;
}

export type OpenedSearchIndex =
  | { readonly index: ContentSearchIndex; readonly source: 'persisted' }
  | {
      readonly index: ContentSearchIndex;
      readonly source: 'rebuilt';
      readonly reason: 'none' | SearchIndexLoadError['kind'];
    };

/**
 * Loads the persisted index, or builds one from the documents the device holds (and saves
 * it). `documents` is only called when a rebuild is needed.
 */
export async function openContentSearchIndex(
  store: SearchIndexStore,
  documents: () => Promise<readonly IndexableContent[]> | readonly IndexableContent[],
): Promise<OpenedSearchIndex> {
  const serialized = await store.load();
  let reason: 'none' | SearchIndexLoadError['kind'] = 'none';
  if (serialized !== null) {
    const loaded = ContentSearchIndex.load(serialized);
    if (loaded.ok) return { index: loaded.value, source: 'persisted' };
    reason = loaded.error.kind;
  }
  const index = ContentSearchIndex.create(await documents());
  await store.save(index.serialize());
  return { index, source: 'rebuilt', reason };
}

/** A store in memory, for tests, benchmarks and devices without persistent storage. */
export function createMemorySearchIndexStore(initial: string | null = null): SearchIndexStore & {
  readonly saved: string | null;
  readonly saves: number;
} {
  let saved = initial;
  let saves = 0;
  return {
    get saved() {
      return saved;
    },
    get saves() {
      return saves;
    },
    load: () => Promise.resolve(saved),
    save: (serialized) => {
      saved = serialized;
      saves += 1;
      return Promise.resolve();
    },
  };
}
