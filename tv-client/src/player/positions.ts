/**
 * Where the viewer stopped in each program (continue-watching), kept in the box's settings
 * (localStorage): a program started and not finished is "continue watching", its file is never
 * evicted, and playing it again starts where it stopped.
 */
export const POSITIONS_KEY = 'pls-tv-positions';

export interface Position {
  readonly at: number;
  readonly duration: number;
  readonly updatedAt: number;
}
export type Positions = Readonly<Record<string, Position>>;

/** Seconds from either end that count as "not started" / "finished". */
const EDGE = 3;

export function parsePositions(raw: string | null): Positions {
  try {
    const value: unknown = JSON.parse(raw ?? '{}');
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return {};
    const out: Record<string, Position> = {};
    for (const [id, p] of Object.entries(value as Record<string, unknown>)) {
      const { at, duration, updatedAt } = (p ?? {}) as Record<string, unknown>;
      if ([at, duration, updatedAt].every((n) => typeof n === 'number' && Number.isFinite(n)))
        out[id] = {
          at: at as number,
          duration: duration as number,
          updatedAt: updatedAt as number,
        };
    }
    return out;
  } catch {
    return {};
  }
}

function isContinueWatching(p: Position | undefined): boolean {
  return p !== undefined && p.at > EDGE && p.at < p.duration - EDGE;
}

/** Where playback should start: the saved position, or 0 when finished or never started. */
export function resumeAt(p: Position | undefined): number {
  return isContinueWatching(p) ? p!.at : 0;
}

export function continueWatchingIds(positions: Positions): string[] {
  return Object.entries(positions)
    .filter(([, p]) => isContinueWatching(p))
    .sort(([, a], [, b]) => b.updatedAt - a.updatedAt)
    .map(([id]) => id);
}

export function withPosition(
  positions: Positions,
  id: string,
  at: number,
  duration: number,
  now: number,
): Positions {
  return { ...positions, [id]: { at, duration, updatedAt: now } };
}
