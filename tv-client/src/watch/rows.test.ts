import { describe, expect, it } from 'vitest';
import contentPack from '../../../assets/content/content.json';
import type { Content } from '@pls/shared/domain';
import { buildRows, parseRecent, touchRecent } from './rows';

const pack = contentPack as unknown as Content[];

describe('watch rows', () => {
  it('groups the content pack by first topic, programs before FAQ before law articles', () => {
    const rows = buildRows(pack, []);
    expect(rows.map((r) => r.id)).toContain('wage_arrears');
    expect(rows.map((r) => r.id)).toContain('grassland_land');
    const wages = rows.find((r) => r.id === 'wage_arrears')!;
    const kinds = wages.items.map((i) => i.kind);
    expect(kinds[0]).toBe('program');
    expect(kinds.lastIndexOf('program')).toBeLessThan(kinds.indexOf('faq'));
    expect(kinds.lastIndexOf('faq')).toBeLessThan(kinds.indexOf('law_article'));
    // Every TV item is in exactly one row.
    const total = rows.reduce((n, r) => n + r.items.length, 0);
    expect(total).toBe(pack.filter((c) => !c.withdrawn && c.audiences.includes('tv')).length);
  });

  it('leaves out withdrawn items and puts recently opened ones first', () => {
    const [first, second] = pack;
    const withdrawn = { ...second!, withdrawn: true };
    const rows = buildRows([first!, withdrawn], [withdrawn.id, first!.id]);
    expect(rows[0]).toEqual({ id: 'continue', items: [first] });
    expect(rows.flatMap((r) => r.items)).not.toContain(withdrawn);
  });

  it('keeps the recent list newest first, without repeats, bounded', () => {
    expect(touchRecent(['a', 'b', 'c'], 'b')).toEqual(['b', 'a', 'c']);
    expect(
      touchRecent(
        Array.from({ length: 20 }, (_, i) => `x${i}`),
        'new',
      ),
    ).toHaveLength(20);
    expect(parseRecent('{"x":1}')).toEqual([]);
    expect(parseRecent('["a",2,"b"]')).toEqual(['a', 'b']);
    expect(parseRecent('nope')).toEqual([]);
  });
});
