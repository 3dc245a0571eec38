/**
 * Which element had focus on each screen, kept in a small key-value store (localStorage on
 * the box) so going Back, and restarting the box, puts focus where the viewer left it.
 * Stored values are parsed like any input; a broken entry is forgotten, never thrown.
 */
export interface KeyValueStore {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

const STORE_KEY = 'pls-tv-focus';
/** Screens are few; a cap keeps a long-lived box from growing the entry without end. */
const MAX_SCREENS = 50;

export interface FocusMemory {
  recall(screen: string): string | undefined;
  remember(screen: string, focusKey: string): void;
}

export function createFocusMemory(store: KeyValueStore): FocusMemory {
  const load = (): Record<string, string> => {
    try {
      const parsed: unknown = JSON.parse(store.getItem(STORE_KEY) ?? '{}');
      if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return {};
      return Object.fromEntries(
        Object.entries(parsed).filter(
          (entry): entry is [string, string] =>
            typeof entry[1] === 'string' && entry[1].length <= 200,
        ),
      );
    } catch {
      return {};
    }
  };
  let entries = load();
  return {
    recall: (screen) => entries[screen],
    remember(screen, focusKey) {
      if (entries[screen] === focusKey) return;
      const { [screen]: _previous, ...rest } = entries;
      void _previous;
      // The newest last; drop the oldest beyond the cap.
      const next = Object.entries({ ...rest, [screen]: focusKey }).slice(-MAX_SCREENS);
      entries = Object.fromEntries(next);
      try {
        store.setItem(STORE_KEY, JSON.stringify(entries));
      } catch {
        // A full store loses focus memory, nothing else.
      }
    },
  };
}

/** A store in memory (tests, and a browser with storage disabled). */
export function memoryStore(): KeyValueStore & { readonly data: Map<string, string> } {
  const data = new Map<string, string>();
  return {
    data,
    getItem: (key) => data.get(key) ?? null,
    setItem: (key, value) => void data.set(key, value),
  };
}
