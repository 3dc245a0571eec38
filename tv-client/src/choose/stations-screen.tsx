/** Stations and hotlines, nearest first, with hours and phones. */
import { Text } from '@pls/shared/ui';
import type { DirectoryEntry } from '@pls/shared/domain';
import type { LocalDatabase } from '@pls/shared/db';
import { useCollection } from '../ui/use-collection';
import { Tile } from '../ui/tile';
import { VirtualRow } from '../ui/virtual-row';
import { StationCard } from './station-card';
import { stationsFor } from './stations';

export function StationsScreen({
  db,
  regionCode,
  remembered,
}: {
  db: LocalDatabase;
  regionCode: string;
  remembered: string | undefined;
}) {
  const entries = stationsFor(useCollection(db, 'directory') as DirectoryEntry[], regionCode);
  return (
    <div className="tv-page">
      {entries.length === 0 ? <Text k="tv:watch.empty" className="tv-notice" /> : null}
      <VirtualRow
        rowKey="stations"
        title={<Text k="tv:choose.stations" as="h2" className="tv-row__title" />}
        items={entries}
        itemKey={(e) => e.id}
        remembered={remembered}
        countLabel="tv:watch.position"
        renderItem={(entry, index, focusKey) => (
          <Tile key={entry.id} focusKey={focusKey} index={index} className="tv-tile--station">
            <StationCard entry={entry} />
          </Tile>
        )}
      />
    </div>
  );
}
