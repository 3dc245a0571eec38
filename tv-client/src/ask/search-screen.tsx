/**
 * 找一找 (想问的): search the content by picking words (OK on a word toggles it) or, where a
 * keyboard is wanted, with the shared on-screen keyboard (pinyin with candidates, traditional
 * Mongolian) whose keys the arrows walk like any other button. Results are one virtualised
 * row of the same tiles as 想看的, from the shared bilingual index over what the box holds
 * (while the keyboard is open, only their count: the keyboard needs the room). Back closes the
 * keyboard first, then leaves.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import { OnScreenKeyboard, ScriptText, Text, useLanguage } from '@pls/shared/ui';
import { ContentSearchIndex } from '@pls/shared/search';
import type { Content } from '@pls/shared/domain';
import type { LocalDatabase } from '@pls/shared/db';
import { focusElement } from '../ui/focus';
import { Tile } from '../ui/tile';
import { useScreenCommands } from '../ui/remote';
import { useCollection } from '../ui/use-collection';
import { VirtualRow } from '../ui/virtual-row';
import { ContentTile } from '../watch/watch-screen';
import { isShownOnTv } from '../watch/rows';
import { SEARCH_WORDS, searchQuery, togglePicked } from './search-words';

const RESULTS = 40;
const MONGOLIAN = /[\u1820-\u18AA]/u;
/** The first focusable of the screen: where the focus fallback puts the viewer. */
const FIRST_KEY = 'search:keyboard';

/** What the viewer picked and typed: kept by the app, so Back from a result finds it again. */
export interface SearchInput {
  readonly picked: readonly string[];
  readonly typed: string;
}

export const EMPTY_SEARCH: SearchInput = { picked: [], typed: '' };

export function SearchScreen({
  db,
  regionCode,
  remembered,
  input,
  onInput,
}: {
  readonly db: LocalDatabase;
  readonly regionCode: string;
  readonly remembered: string | undefined;
  readonly input: SearchInput;
  readonly onInput: (update: (input: SearchInput) => SearchInput) => void;
}) {
  const { language } = useLanguage();
  const content = useCollection(db, 'content') as Content[];
  const shown = useMemo(() => content.filter(isShownOnTv), [content]);
  // Built when the screen opens from what the box holds (a few hundred items: milliseconds).
  const index = useMemo(() => ContentSearchIndex.create(shown), [shown]);
  const byId = useMemo(() => new Map(shown.map((c) => [c.id, c])), [shown]);
  const { picked, typed } = input;
  const setTyped = (next: string) => onInput((i) => ({ ...i, typed: next }));
  const [keyboard, setKeyboard] = useState(false);
  const query = searchQuery(picked, typed);
  const results = useMemo(
    () =>
      query === ''
        ? []
        : index
            .search(query, { audience: 'tv', regionCode, limit: RESULTS })
            .flatMap((hit) => byId.get(hit.id) ?? []),
    [index, byId, query, regionCode],
  );

  // Coming Back from a result: the box's documents load after the first draw, so the app's
  // focus memory found only the bar; put the focus on the remembered result once it is drawn.
  const restored = useRef(false);
  useEffect(() => {
    if (restored.current || results.length === 0) return;
    restored.current = true;
    const active = (document.activeElement as HTMLElement | null)?.dataset['focusKey'];
    if (remembered === undefined || active !== FIRST_KEY) return;
    const el = document.querySelector<HTMLElement>(`[data-focus-key="${CSS.escape(remembered)}"]`);
    if (el) focusElement(el);
  }, [results, remembered]);

  useScreenCommands((command) => {
    if (keyboard && command.kind === 'command' && command.command === 'back') {
      setKeyboard(false);
      return true;
    }
    return false;
  });

  const pickedWords = SEARCH_WORDS.filter((w) => picked.includes(w.id));
  return (
    <div className="tv-page tv-search">
      <div className="tv-search__bar">
        <Text k="tv:search.query" className="tv-search__label" />
        <output className="tv-search__query" data-testid="search-query">
          {pickedWords.length === 0 && typed === '' ? <Text k="tv:search.nothing" /> : null}
          {pickedWords.map((w) => (
            <Text key={w.id} k={w.label} className="tv-search__picked" />
          ))}
          {typed !== '' ? (
            <ScriptText text={typed} language={MONGOLIAN.test(typed) ? 'mn-Mong' : 'zh-Hans'} />
          ) : null}
        </output>
        <Tile
          focusKey={FIRST_KEY}
          className="tv-tile--action"
          pressed={keyboard}
          onOk={() => setKeyboard((k) => !k)}
        >
          <Text k={keyboard ? 'tv:search.closeKeyboard' : 'tv:search.keyboard'} />
        </Tile>
        <Tile
          focusKey="search:clear"
          className="tv-tile--action"
          onOk={() => {
            onInput(() => EMPTY_SEARCH);
          }}
        >
          <Text k="tv:search.clear" />
        </Tile>
      </div>
      {keyboard ? (
        <div className="tv-search__keyboard">
          <OnScreenKeyboard
            value={typed}
            onChange={setTyped}
            modes={language === 'mn-Mong' ? ['mongolian', 'pinyin'] : ['pinyin', 'mongolian']}
            maxLength={30}
            label="tv:search.title"
          />
        </div>
      ) : (
        <div className="tv-rows tv-search__words">
          <VirtualRow
            rowKey="search:word"
            title={<Text k="tv:search.words" as="h2" className="tv-row__title" />}
            items={SEARCH_WORDS}
            itemKey={(word) => word.id}
            remembered={remembered}
            countLabel="tv:watch.position"
            renderItem={(word, i, focusKey) => (
              <Tile
                key={word.id}
                focusKey={focusKey}
                index={i}
                className="tv-tile--word"
                pressed={picked.includes(word.id)}
                onOk={() => onInput((i) => ({ ...i, picked: togglePicked(i.picked, word.id) }))}
              >
                <Text k={word.label} />
              </Tile>
            )}
          />
        </div>
      )}
      <div className="tv-rows tv-search__results" data-testid="search-results">
        {query === '' ? (
          <Text k="tv:search.hint" className="tv-notice" />
        ) : keyboard ? (
          // While typing only the count; the row comes back when the keyboard closes.
          <Text k="tv:search.count" values={{ n: results.length }} className="tv-notice" />
        ) : results.length === 0 ? (
          <Text k="tv:search.none" className="tv-notice" />
        ) : (
          <VirtualRow
            key={query}
            rowKey="search"
            title={
              <Text
                k="tv:search.count"
                values={{ n: results.length }}
                as="h2"
                className="tv-row__title"
              />
            }
            items={results}
            itemKey={(item) => item.id}
            remembered={remembered}
            countLabel="tv:watch.position"
            renderItem={(item, i, focusKey) => (
              <ContentTile key={item.id} item={item} index={i} focusKey={focusKey} />
            )}
          />
        )}
      </div>
    </div>
  );
}
