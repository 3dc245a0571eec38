/**
 * Programs the household pinned ("keep on this box"): never evicted by the storage budget
 * (eviction.ts). Kept as content ids in the box's settings (localStorage `pls-tv-pinned`);
 * the download queue is told the files of those programs.
 */
import type { Content } from '@pls/shared/domain';

export const PINS_KEY = 'pls-tv-pinned';

export function parsePins(raw: string | null): Set<string> {
  try {
    const value: unknown = JSON.parse(raw ?? '[]');
    return new Set(Array.isArray(value) ? value.filter((v) => typeof v === 'string') : []);
  } catch {
    return new Set();
  }
}

export function togglePin(pins: ReadonlySet<string>, contentId: string): Set<string> {
  const next = new Set(pins);
  if (!next.delete(contentId)) next.add(contentId);
  return next;
}

/** The media files of the pinned programs (what the eviction plan must keep). */
export function pinnedFiles(programs: readonly Content[], pins: ReadonlySet<string>): string[] {
  return programs.filter((p) => pins.has(p.id)).flatMap((p) => p.media.map((m) => m.file));
}
