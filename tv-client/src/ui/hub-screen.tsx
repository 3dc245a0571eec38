/** A section's hub: its title and a row of big tiles, each opening one screen. */
import { Text } from '@pls/shared/ui';
import type { TranslationKey } from '@pls/shared/i18n';
import type { Screen } from '../nav/screen-stack';
import { Tile } from './tile';
import { useTvNav } from './remote';

export interface HubEntry {
  readonly focusKey: string;
  readonly label: TranslationKey;
  readonly opens: Screen;
}

export function HubScreen({
  title,
  entries,
}: {
  readonly title: TranslationKey;
  readonly entries: readonly HubEntry[];
}) {
  const nav = useTvNav();
  return (
    <div className="tv-page">
      <Text k={title} as="h2" className="tv-page__title" />
      <div className="tv-hub">
        {entries.map((entry) => (
          <Tile
            key={entry.focusKey}
            focusKey={entry.focusKey}
            className="tv-tile--section"
            onOk={() => nav.push(entry.opens)}
          >
            <Text k={entry.label} as="strong" />
          </Tile>
        ))}
      </div>
    </div>
  );
}
