/**
 * Stations and hotlines in the order a household wants them: hotlines first (they answer
 * anywhere), then offices sharing the longest region-code prefix with the household (same
 * banner/county, then league, then region), in the directory's own order.
 */
import type { DirectoryEntry } from '@pls/shared/domain';

const SHOWN_KINDS = ['hotline', 'station', 'center'] as const;

function sharedPrefix(a: string, b: string): number {
  let n = 0;
  while (n < a.length && n < b.length && a[n] === b[n]) n++;
  return n;
}

export function stationsFor(
  entries: readonly DirectoryEntry[],
  householdRegion: string,
): DirectoryEntry[] {
  return entries
    .filter((e) => !e.withdrawn && (SHOWN_KINDS as readonly string[]).includes(e.kind))
    .sort(
      (a, b) =>
        Number(b.kind === 'hotline') - Number(a.kind === 'hotline') ||
        sharedPrefix(b.regionCode, householdRegion) - sharedPrefix(a.regionCode, householdRegion) ||
        a.order - b.order,
    );
}

/** The office nearest the household (not a hotline), if any. */
export function nearestOffice(
  entries: readonly DirectoryEntry[],
  householdRegion: string,
): DirectoryEntry | undefined {
  return stationsFor(entries, householdRegion).find((e) => e.kind !== 'hotline');
}
