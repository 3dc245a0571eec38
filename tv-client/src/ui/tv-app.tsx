/**
 * The TV app once enrolled: header (title, quiet sync line, answer notification), the current
 * screen inside the 5% safe area, the colour-key legend. Owns the remote: a key becomes a
 * command (key map + technician bindings); the screen may take it first; otherwise arrows
 * move focus by geometry, OK activates, Back goes up one level, red switches language, green
 * reads aloud, yellow goes home, blue opens help. Focus is remembered per screen.
 */
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { Text, useLanguage } from '@pls/shared/ui';
import type { CaseUpdate, Question } from '@pls/shared/domain';
import type { SyncStatus } from '@pls/shared/sync';
import { parseCustomBindings, type Command, type CustomBinding } from '../keys/key-map';
import { createFocusMemory } from '../nav/focus-memory';
import {
  back,
  current,
  HOME_STACK,
  memoryName,
  push,
  type Screen,
  type Stack,
} from '../nav/screen-stack';
import type { TvRuntime } from '../boot/start-tv';
import { AskFormScreen } from '../ask/ask-form-screen';
import { AskScreen } from '../ask/ask-screen';
import { buildThreads, loadSeen, saveSeen, unseenAnswers } from '../ask/my-questions';
import { MyQuestionsScreen } from '../ask/my-questions-screen';
import { EMPTY_SEARCH, SearchScreen, type SearchInput } from '../ask/search-screen';
import { ChooseScreen } from '../choose/choose-screen';
import { EligibilityScreen } from '../choose/eligibility-screen';
import { StationsScreen } from '../choose/stations-screen';
import { HelpScreen } from '../help/help-screen';
import { HomeScreen } from '../home/home-screen';
import { KeyTesterScreen } from '../tech/key-tester-screen';
import { ReaderScreen } from '../watch/reader-screen';
import { parseRecent, touchRecent } from '../watch/rows';
import { MediaLibraryContext, WatchScreen } from '../watch/watch-screen';
import { PlayerScreen } from '../player/player-screen';
import { parsePins, pinnedFiles, PINS_KEY, togglePin } from '../media/pins';
import {
  continueWatchingIds,
  parsePositions,
  POSITIONS_KEY,
  withPosition,
  type Positions,
} from '../player/positions';
import { isShownOnTv } from '../watch/rows';
import type { Content } from '@pls/shared/domain';
import { focusIsInside, navigateByDefault, restoreFocus, SCREEN_ROOT } from './focus';
import { readAloud } from './read-aloud';
import { resolveWith, TvNavContext, type ScreenCommandHandler, type TvNav } from './remote';
import { SyncLine } from './sync-line';
import { Legend } from './legend';
import { useCollection } from './use-collection';
import type { TranslationKey } from '@pls/shared/i18n';

const BINDINGS_KEY = 'pls-tv-key-bindings';
const RECENT_KEY = 'pls-tv-recent';
export const LANGUAGE_KEY = 'pls-tv-language';

const TITLE: Readonly<Record<Screen['id'], TranslationKey>> = {
  home: 'tv:app.title',
  watch: 'tv:home.watch',
  reader: 'tv:home.watch',
  player: 'tv:home.watch',
  ask: 'tv:home.ask',
  askForm: 'tv:ask.new',
  faq: 'tv:ask.faq',
  search: 'tv:search.title',
  myQuestions: 'tv:home.myQuestions',
  choose: 'tv:home.choose',
  eligibility: 'tv:choose.eligibility',
  stations: 'tv:choose.stations',
  help: 'tv:help.title',
  technician: 'tv:tech.title',
};

function useSyncStatus(runtime: TvRuntime): SyncStatus {
  const [status, setStatus] = useState<SyncStatus>(runtime.sync.status);
  useEffect(() => {
    const subscription = runtime.sync.status$.subscribe(setStatus);
    return () => subscription.unsubscribe();
  }, [runtime]);
  return status;
}

export function TvApp({ runtime }: { readonly runtime: TvRuntime }) {
  const { settings } = runtime.host;
  const { language, setLanguage } = useLanguage();
  const memory = useMemo(() => createFocusMemory(settings), [settings]);
  const [stack, setStack] = useState<Stack>(HOME_STACK);
  const screen = current(stack);
  const screenName = memoryName(screen);
  const [customBindings, setBindingsState] = useState<readonly CustomBinding[]>(() => {
    try {
      return parseCustomBindings(JSON.parse(settings.getItem(BINDINGS_KEY) ?? '[]'));
    } catch {
      return [];
    }
  });
  const [recent, setRecent] = useState<string[]>(() => parseRecent(settings.getItem(RECENT_KEY)));
  const [seen, setSeen] = useState<Set<string>>(() => loadSeen(settings));
  const [positions, setPositions] = useState<Positions>(() =>
    parsePositions(settings.getItem(POSITIONS_KEY)),
  );
  const [searchInput, setSearchInput] = useState<SearchInput>(EMPTY_SEARCH);
  const [pins, setPins] = useState<Set<string>>(() => parsePins(settings.getItem(PINS_KEY)));
  const content = useCollection(runtime.db, 'content') as Content[];
  // The background download queue follows what is shown, the language, continue-watching and
  // the pinned programs (never evicted).
  useEffect(() => {
    const programs = content.filter((c) => c.kind === 'program' && isShownOnTv(c));
    runtime.media.update({
      programs,
      language,
      continueWatching: continueWatchingIds(positions),
      pinned: pinnedFiles(programs, pins),
    });
  }, [runtime, content, language, positions, pins]);
  const onPin = useCallback(
    (id: string) =>
      setPins((p) => {
        const next = togglePin(p, id);
        settings.setItem(PINS_KEY, JSON.stringify([...next]));
        return next;
      }),
    [settings],
  );
  const status = useSyncStatus(runtime);
  const questions = useCollection(runtime.db, 'questions') as Question[];
  const updates = useCollection(runtime.db, 'case_updates') as CaseUpdate[];
  const unseen = unseenAnswers(buildThreads(questions, updates), seen);

  const screenHandler = useRef<ScreenCommandHandler | undefined>(undefined);
  const readAloudText = useRef<{ text: string; language: 'zh-Hans' | 'mn-Mong' } | undefined>(
    undefined,
  );

  const nav: TvNav = useMemo(
    () => ({
      push: (next) => setStack((s) => push(s, next)),
      back: () => setStack((s) => back(s)),
      home: () => setStack(HOME_STACK),
      resolve: resolveWith(customBindings),
      setScreenHandler: (handler) => {
        screenHandler.current = handler;
      },
      setReadAloudText: (text) => {
        readAloudText.current = text;
      },
      customBindings,
      setCustomBindings: (bindings) => {
        settings.setItem(BINDINGS_KEY, JSON.stringify(bindings));
        setBindingsState(bindings);
      },
    }),
    [customBindings, settings],
  );

  const switchLanguage = useCallback(() => {
    const next = language === 'zh-Hans' ? 'mn-Mong' : 'zh-Hans';
    settings.setItem(LANGUAGE_KEY, next);
    setLanguage(next);
  }, [language, setLanguage, settings]);

  // The remote.
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      runtime.scheduler.activity();
      if (event.defaultPrevented) return;
      const command: Command | undefined = nav.resolve(event);
      if (command === undefined) return;
      event.preventDefault();
      if (!focusIsInside()) restoreFocus(memory.recall(screenName));
      if (screenHandler.current?.(command)) return;
      if (command.kind === 'digit' || navigateByDefault(command)) return;
      switch (command.command) {
        case 'back':
          nav.back();
          return;
        case 'red':
          switchLanguage();
          return;
        case 'green': {
          const text = readAloudText.current ?? {
            text: (document.activeElement as HTMLElement | null)?.innerText ?? '',
            language,
          };
          if (text.text.trim() !== '') readAloud(text.text, text.language);
          return;
        }
        case 'yellow':
          nav.home();
          return;
        case 'blue':
          if (screen.id !== 'help') nav.push({ id: 'help' });
          return;
        // Arrows and OK were navigateByDefault's; media keys: only the player uses them.
        case 'up':
        case 'down':
        case 'left':
        case 'right':
        case 'ok':
        case 'playPause':
        case 'play':
        case 'pause':
        case 'stop':
        case 'rewind':
        case 'fastForward':
          return;
      }
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [nav, runtime, memory, screenName, switchLanguage, language, screen.id]);

  // Focus where the viewer left this screen (or its first item) whenever the screen changes.
  useLayoutEffect(() => {
    restoreFocus(memory.recall(screenName));
  }, [memory, screenName]);

  // Focus fallback: content that arrives later (a sync, a re-render that removed the focused
  // tile) must never leave the viewer with no focus at all.
  const screenRef = useRef<HTMLElement>(null);
  useEffect(() => {
    const root = screenRef.current;
    if (root === null) return;
    const observer = new MutationObserver(() => {
      if (!focusIsInside(root)) restoreFocus(memory.recall(screenName), root);
    });
    observer.observe(root, { childList: true, subtree: true });
    return () => observer.disconnect();
  }, [memory, screenName]);

  const onOpened = useCallback(
    (id: string) =>
      setRecent((r) => {
        const next = touchRecent(r, id);
        settings.setItem(RECENT_KEY, JSON.stringify(next));
        return next;
      }),
    [settings],
  );
  const onPosition = useCallback(
    (id: string, at: number, duration: number) =>
      setPositions((p) => {
        const next = withPosition(p, id, at, duration, Date.now());
        settings.setItem(POSITIONS_KEY, JSON.stringify(next));
        return next;
      }),
    [settings],
  );
  const onSeen = useCallback(
    (ids: string[]) =>
      setSeen((s) => {
        if (ids.every((id) => s.has(id))) return s;
        const next = new Set([...s, ...ids]);
        saveSeen(settings, next);
        return next;
      }),
    [settings],
  );

  const { db } = runtime;
  const { enrollment } = runtime.enrolled;
  const remembered = memory.recall(screenName);
  let body;
  switch (screen.id) {
    case 'home':
      body = <HomeScreen unseenAnswers={unseen.length} />;
      break;
    case 'watch':
      body = <WatchScreen db={db} recent={recent} remembered={remembered} />;
      break;
    case 'faq':
      body = <WatchScreen db={db} recent={[]} remembered={remembered} kinds={['faq']} />;
      break;
    case 'search':
      body = (
        <SearchScreen
          db={db}
          regionCode={enrollment.regionCode}
          remembered={remembered}
          input={searchInput}
          onInput={setSearchInput}
        />
      );
      break;
    case 'reader':
      body = (
        <ReaderScreen
          key={screen.contentId}
          db={db}
          contentId={screen.contentId}
          onOpened={onOpened}
        />
      );
      break;
    case 'player':
      body = (
        <PlayerScreen
          key={screen.contentId}
          db={db}
          library={runtime.media}
          contentId={screen.contentId}
          saved={positions[screen.contentId]}
          pinned={pins.has(screen.contentId)}
          onPin={onPin}
          onPosition={onPosition}
          onOpened={onOpened}
        />
      );
      break;
    case 'ask':
      body = <AskScreen />;
      break;
    case 'askForm':
      body = (
        <AskFormScreen
          db={db}
          enrollment={enrollment}
          category={screen.category}
          relatedContentId={screen.relatedContentId}
        />
      );
      break;
    case 'myQuestions':
      body = <MyQuestionsScreen db={db} onSeen={onSeen} />;
      break;
    case 'choose':
      body = <ChooseScreen />;
      break;
    case 'eligibility':
      body = <EligibilityScreen db={db} regionCode={enrollment.regionCode} />;
      break;
    case 'stations':
      body = <StationsScreen db={db} regionCode={enrollment.regionCode} remembered={remembered} />;
      break;
    case 'help':
      body = <HelpScreen />;
      break;
    case 'technician':
      body = <KeyTesterScreen />;
      break;
  }

  return (
    <TvNavContext.Provider value={nav}>
      <MediaLibraryContext.Provider value={runtime.media}>
        <div className="tv-safe" data-language={language}>
          <header className="tv-header">
            <Text k={TITLE[screen.id]} as="h1" className="tv-header__title" />
            {unseen.length > 0 && screen.id !== 'myQuestions' ? (
              <div className="tv-notify" role="status" data-testid="answer-notice">
                <Text k="tv:notify.newAnswers" values={{ n: unseen.length }} />
              </div>
            ) : null}
            <SyncLine status={status} />
          </header>
          <main
            className="tv-screen"
            data-screen-root
            ref={screenRef}
            data-screen={screen.id}
            key={screenName}
            onFocus={(event) => {
              const key = (event.target as HTMLElement).dataset['focusKey'];
              if (key) memory.remember(screenName, key);
            }}
          >
            {body}
          </main>
          <Legend />
        </div>
      </MediaLibraryContext.Provider>
    </TvNavContext.Provider>
  );
}

export { SCREEN_ROOT };
