/**
 * "Call staff" requests, kept for the station's staff mode. They outlive the resident's visit
 * (staff need to see that someone waited) but hold nothing personal: when, and from which screen
 * (and step of the application), as ids that staff mode shows by their names.
 */
import type { ApplyStep } from '../apply/apply-flow';
import type { Screen } from './session-reducer';

export interface CallPlace {
  readonly screen: Screen['kind'];
  /** The step of the application, when the call came from one. */
  readonly step?: ApplyStep;
  /** Raised by the kiosk itself, not the resident: what staff must see to. */
  readonly problem?: 'storageFull';
}

export interface StaffCall {
  readonly id: number;
  readonly at: string;
  readonly place: CallPlace;
}

export interface StaffCallLog {
  readonly calls: () => readonly StaffCall[];
  raise(place: CallPlace, now?: Date): StaffCall;
  answer(id: number): void;
  subscribe(listener: () => void): () => void;
}

const MAX_KEPT_CALLS = 50;

export function createStaffCallLog(): StaffCallLog {
  let calls: readonly StaffCall[] = [];
  let next = 1;
  const listeners = new Set<() => void>();
  const changed = () => {
    for (const listener of listeners) listener();
  };
  return {
    calls: () => calls,
    raise(place, now = new Date()) {
      const call = { id: next++, at: now.toISOString(), place };
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
