/** 想看的 (and the FAQ of 想问的): rows by topic; OK opens an item to read, or plays a program. */
import { createContext, useContext, useMemo, useSyncExternalStore } from 'react';
import { Text } from '@pls/shared/ui';
import type { Content } from '@pls/shared/domain';
import type { LocalDatabase } from '@pls/shared/db';
import type { MediaLibrary } from '../media/media-library';
import { Tile } from '../ui/tile';
import { useTvNav } from '../ui/remote';
import { useCollection } from '../ui/use-collection';
import { VirtualRow } from '../ui/virtual-row';
import { buildRows, type WatchKind } from './rows';
import { kindKey, rowTitleKey } from './topic-keys';

export function ContentTile({
  item,
  index,
  focusKey,
}: {
  item: Content;
  index: number;
  focusKey: string;
}) {
  const nav = useTvNav();
  const library = useMediaLibrary();
  const playable = item.kind === 'program' && item.media.some((m) => m.available);
  const downloaded = library !== undefined && item.media.some((m) => library.isDownloaded(m.file));
  return (
    <Tile
      focusKey={focusKey}
      index={index}
      className={`tv-tile--item tv-kind--${item.kind}`}
      onOk={() => nav.push({ id: playable ? 'player' : 'reader', contentId: item.id })}
    >
      <Text k={kindKey(item.kind)} className="tv-tile__kind" />
      {downloaded ? <Text k="tv:player.downloaded" className="tv-tile__mark" /> : null}
      <Text text={item.title} as="strong" className="tv-tile__title" />
    </Tile>
  );
}

/** The box's program library for the tiles' "downloaded" mark (re-renders when it changes). */
export const MediaLibraryContext = createContext<MediaLibrary | undefined>(undefined);

function useMediaLibrary(): MediaLibrary | undefined {
  const library = useContext(MediaLibraryContext);
  const subscribe = useMemo(
    () => (listener: () => void) => library?.subscribe(listener) ?? (() => {}),
    [library],
  );
  // The version changes whenever a download completes, so the tiles redraw their marks.
  useSyncExternalStore(subscribe, () => library?.version ?? 0);
  return library;
}

export function WatchScreen({
  db,
  recent,
  remembered,
  kinds,
}: {
  readonly db: LocalDatabase;
  readonly recent: readonly string[];
  readonly remembered: string | undefined;
  /** Only these kinds (the FAQ screen); all by default. */
  readonly kinds?: readonly WatchKind[];
}) {
  const content = useCollection(db, 'content') as Content[];
  const rows = useMemo(() => {
    const chosen = kinds
      ? content.filter((c) => (kinds as readonly string[]).includes(c.kind))
      : content;
    return buildRows(chosen, kinds ? [] : recent);
  }, [content, recent, kinds]);
  if (content.length === 0) {
    return (
      <div className="tv-page">
        <Text k="tv:watch.empty" className="tv-notice" />
      </div>
    );
  }
  return (
    <div className="tv-rows">
      {rows.map((row) => (
        <VirtualRow
          key={row.id}
          rowKey={row.id}
          title={<Text k={rowTitleKey(row.id)} as="h2" className="tv-row__title" />}
          items={row.items}
          itemKey={(item) => item.id}
          remembered={remembered}
          countLabel="tv:watch.position"
          renderItem={(item, index, focusKey) => (
            <ContentTile key={item.id} item={item} index={index} focusKey={focusKey} />
          )}
        />
      ))}
    </div>
  );
}
