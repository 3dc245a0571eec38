import { Text } from '@pls/shared/ui';
import type { DirectoryEntry } from '@pls/shared/domain';

export function StationCard({ entry }: { readonly entry: DirectoryEntry }) {
  return (
    <>
      <Text text={entry.name} as="strong" />
      {entry.address ? <Text text={entry.address} /> : null}
      {entry.openingHours ? <Text text={entry.openingHours} className="tv-quiet" /> : null}
      {entry.phone ? <Text k="tv:stations.phone" values={{ phone: entry.phone }} /> : null}
    </>
  );
}
