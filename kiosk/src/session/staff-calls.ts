/**
 * "Call staff" requests, kept for the station's staff mode. They outlive the resident's visit
 * (staff need to see that someone waited) but hold nothing personal: when, and from which screen.
 */
export interface StaffCall {
  readonly id: number;
  readonly at: string;
  readonly screen: string;
}

export interface StaffCallLog {
  readonly calls: () => readonly StaffCall[];
  raise(screen: string, now?: Date): StaffCall;
  answer(id: number): void;
  subscribe(listener: () => void): () => void;
}

export const MAX_KEPT_CALLS = 50;

export function createStaffCallLog(): StaffCallLog {
  let calls: readonly StaffCall[] = [];
  let next = 1;
  const listeners = new Set<() => void>();
  const changed = () => {
    for (const listener of listeners) listener();
  };
  return {
    calls: () => calls,
    raise(screen, now = new Date()) {
      const call = { id: next++, at: now.toISOString(), screen };
      calls = [call, ...calls].slice(0, MAX_KEPT_CALLS);
      changed();
      return call;
    },
    answer(id) {
      calls = calls.filter((c) => c.id !== id);
      changed();
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
