/**
 * 想看的: the content collection as rows by topic. Each row holds programs first (they are
 * what a TV is for), then questions and answers, then the law articles they rest on, each in
 * its published order. Withdrawn items and items not meant for a TV are left out. A row of
 * recently opened items ("continue") comes first when there is one.
 */
import { CASE_CATEGORIES, type CaseCategory, type Content } from '@pls/shared/domain';

export type WatchKind = 'program' | 'faq' | 'law_article';
const KIND_ORDER: readonly WatchKind[] = ['program', 'faq', 'law_article'];

export interface WatchRow {
  readonly id: 'continue' | CaseCategory;
  readonly items: readonly Content[];
}

export function isShownOnTv(item: Content): boolean {
  return (
    !item.withdrawn &&
    item.audiences.includes('tv') &&
    (KIND_ORDER as readonly string[]).includes(item.kind)
  );
}

export function buildRows(content: readonly Content[], recentIds: readonly string[]): WatchRow[] {
  const shown = content.filter(isShownOnTv);
  const byId = new Map(shown.map((c) => [c.id, c]));
  const rows: WatchRow[] = [];
  const recent = recentIds.flatMap((id) => byId.get(id) ?? []);
  if (recent.length > 0) rows.push({ id: 'continue', items: recent });
  for (const category of CASE_CATEGORIES) {
    const items = shown
      .filter((c) => (c.categories[0] ?? 'other') === category)
      .sort(
        (a, b) =>
          KIND_ORDER.indexOf(a.kind as WatchKind) - KIND_ORDER.indexOf(b.kind as WatchKind) ||
          a.order - b.order ||
          a.id.localeCompare(b.id),
      );
    if (items.length > 0) rows.push({ id: category, items });
  }
  return rows;
}

/** The recently-opened list: newest first, no repeats, bounded. */
export function touchRecent(recent: readonly string[], id: string, max = 20): string[] {
  return [id, ...recent.filter((r) => r !== id)].slice(0, max);
}

export function parseRecent(raw: string | null): string[] {
  try {
    const value: unknown = JSON.parse(raw ?? '[]');
    return Array.isArray(value)
      ? value.filter((v): v is string => typeof v === 'string').slice(0, 20)
      : [];
  } catch {
    return [];
  }
}
