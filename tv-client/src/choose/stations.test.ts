import { describe, expect, it } from 'vitest';
import directory from '../../../assets/content/directory.json';
import type { DirectoryEntry } from '@pls/shared/domain';
import { nearestOffice, stationsFor } from './stations';

const entries = directory as unknown as DirectoryEntry[];

describe('stations for a household', () => {
  it('lists the 12348 hotline first, then the offices nearest the household', () => {
    const list = stationsFor(entries, '152502'); // a household in Xilinhot
    expect(list[0]!.kind).toBe('hotline');
    expect(list[1]!.regionCode).toBe('152502');
    expect(list.some((e) => e.kind === 'lawyer')).toBe(false);
  });

  it('finds the nearest office by region code', () => {
    expect(nearestOffice(entries, '150602')?.id).toBe('station-ordos-dongsheng');
    expect(nearestOffice(entries, '152522')?.id).toBe('station-abag-beliggutai');
    // An unknown banner of Xilingol still gets a Xilingol office.
    expect(nearestOffice(entries, '152599')?.regionCode.startsWith('1525')).toBe(true);
  });
});
