/**
 * One resident's visit, as a pure state machine: which screen is up, whether staff unlocked
 * the kiosk (to help this resident or to look at the station's dashboard), whether staff were
 * called. The application form itself has its own reducer (apply/apply-flow.ts); this one only
 * knows whether one is in progress, so Home can ask before throwing it away.
 *
 * Staff mode is part of the visit: staff unlock with the PIN, help ("take over": staff-only
 * actions appear in the form), then hand the kiosk back, which locks it again. An idle reset
 * ends the visit and with it staff mode.
 */
/** Every service a resident can open from Home (the services/ feature folders add theirs). */
const SERVICE_SCREENS = [
  'apply',
  'track',
  'ask',
  'urgent',
  'calculators',
  'book',
  'templates',
] as const;
export type ServiceScreen = (typeof SERVICE_SCREENS)[number];

function isService(kind: Screen['kind']): kind is ServiceScreen {
  return (SERVICE_SCREENS as readonly string[]).includes(kind);
}

export type StaffPurpose = 'dashboard' | 'help';

export type Screen =
  | { readonly kind: 'home' }
  | { readonly kind: ServiceScreen }
  | { readonly kind: 'staffPin'; readonly purpose: StaffPurpose }
  | { readonly kind: 'staff' }
  /** "Leave the application? What you entered will be deleted." — a page, not a pop-up. */
  | { readonly kind: 'leave' };

export interface SessionState {
  readonly screen: Screen;
  /** Where staff screens return to. */
  readonly returnTo: 'home' | ServiceScreen;
  /** An application has been started and not yet submitted or abandoned. */
  readonly applyActive: boolean;
  readonly staffUnlocked: boolean;
  readonly staffCalled: boolean;
}

export type SessionAction =
  | { readonly type: 'open'; readonly service: ServiceScreen }
  | { readonly type: 'home' }
  | { readonly type: 'leaveConfirmed' }
  | { readonly type: 'leaveCancelled' }
  /** Consent given: from now on there is something to lose (and to discard on leaving). */
  | { readonly type: 'applyStarted' }
  | { readonly type: 'applyEnded' }
  | { readonly type: 'staffRequested'; readonly purpose: StaffPurpose }
  | { readonly type: 'staffUnlocked'; readonly purpose: StaffPurpose }
  | { readonly type: 'staffPinCancelled' }
  | { readonly type: 'takeOver' }
  | { readonly type: 'handBack' }
  | { readonly type: 'callStaff' }
  | { readonly type: 'staffCallAnswered' };

export const INITIAL_SESSION: SessionState = {
  screen: { kind: 'home' },
  returnTo: 'home',
  applyActive: false,
  staffUnlocked: false,
  staffCalled: false,
};

function serviceOf(screen: Screen): 'home' | ServiceScreen | undefined {
  return screen.kind === 'home' || isService(screen.kind) ? screen.kind : undefined;
}

function show(state: SessionState, kind: 'home' | ServiceScreen): SessionState {
  return { ...state, screen: { kind } };
}

export function sessionReducer(state: SessionState, action: SessionAction): SessionState {
  switch (action.type) {
    case 'open':
      return { ...state, screen: { kind: action.service }, returnTo: action.service };

    case 'home':
      // Home from a form in progress asks first; everywhere else it simply goes home. Staff
      // mode ends at Home: the next thing on screen is for residents.
      if (state.screen.kind === 'apply' && state.applyActive) {
        return { ...state, screen: { kind: 'leave' } };
      }
      if (state.screen.kind === 'leave') return state;
      return { ...state, screen: { kind: 'home' }, returnTo: 'home', staffUnlocked: false };

    case 'leaveConfirmed':
      if (state.screen.kind !== 'leave') return state;
      return {
        ...state,
        screen: { kind: 'home' },
        returnTo: 'home',
        applyActive: false,
        staffUnlocked: false,
      };

    case 'leaveCancelled':
      if (state.screen.kind !== 'leave') return state;
      return show(state, 'apply');

    case 'applyStarted':
      return { ...state, applyActive: true };

    case 'applyEnded':
      return { ...state, applyActive: false };

    case 'staffRequested': {
      const from = serviceOf(state.screen) ?? state.returnTo;
      if (state.staffUnlocked) {
        return action.purpose === 'dashboard'
          ? { ...state, screen: { kind: 'staff' }, returnTo: from }
          : { ...state, screen: { kind: from === 'home' ? 'home' : from }, returnTo: from };
      }
      return { ...state, screen: { kind: 'staffPin', purpose: action.purpose }, returnTo: from };
    }

    case 'staffUnlocked':
      if (state.screen.kind !== 'staffPin') return state;
      return action.purpose === 'dashboard'
        ? { ...state, staffUnlocked: true, screen: { kind: 'staff' } }
        : { ...state, staffUnlocked: true, screen: { kind: state.returnTo } };

    case 'staffPinCancelled':
      if (state.screen.kind !== 'staffPin') return state;
      return show(state, state.returnTo);

    case 'takeOver':
      // Staff continue the resident's application with staff actions available.
      if (!state.staffUnlocked || !state.applyActive) return state;
      return { ...state, screen: { kind: 'apply' }, returnTo: 'apply' };

    case 'handBack':
      if (!state.staffUnlocked) return state;
      return { ...state, staffUnlocked: false, screen: { kind: state.returnTo } };

    case 'callStaff':
      return { ...state, staffCalled: true };

    case 'staffCallAnswered':
      return { ...state, staffCalled: false };
  }
}
