/**
 * The box's media storage budget (default 2 GB, set from the console): when a download would
 * exceed it, the least recently watched files go first. Never evicted: what is playing, what
 * the household pinned, and what is in "continue watching" (started, not finished).
 */
export const DEFAULT_MEDIA_BUDGET_BYTES = 2 * 1024 ** 3;

export interface StoredMedia {
  readonly id: string;
  readonly bytes: number;
  /** Epoch ms of the last viewing (or of the download, if never watched). */
  readonly lastWatchedAt: number;
  readonly pinned: boolean;
  readonly playing: boolean;
  readonly continueWatching: boolean;
}

export type EvictionPlan =
  | { readonly ok: true; readonly evict: readonly string[] }
  /** Even after evicting everything evictable the new file does not fit. */
  | { readonly ok: false; readonly short: number };

export function planEviction(
  stored: readonly StoredMedia[],
  incomingBytes: number,
  budget = DEFAULT_MEDIA_BUDGET_BYTES,
): EvictionPlan {
  let used = stored.reduce((n, m) => n + m.bytes, 0);
  const evict: string[] = [];
  const candidates = stored
    .filter((m) => !m.playing && !m.pinned && !m.continueWatching)
    .sort((a, b) => a.lastWatchedAt - b.lastWatchedAt || a.id.localeCompare(b.id));
  for (const candidate of candidates) {
    if (used + incomingBytes <= budget) break;
    evict.push(candidate.id);
    used -= candidate.bytes;
  }
  if (used + incomingBytes > budget) return { ok: false, short: used + incomingBytes - budget };
  return { ok: true, evict };
}
