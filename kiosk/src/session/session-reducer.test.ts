import { describe, expect, it } from 'vitest';
import {
  INITIAL_SESSION,
  sessionReducer,
  type SessionAction,
  type SessionState,
} from './session-reducer';

const run = (actions: SessionAction[], from: SessionState = INITIAL_SESSION) =>
  actions.reduce(sessionReducer, from);

describe('session', () => {
  it('asks before Home throws away an application in progress, and only then', () => {
    const fresh = run([{ type: 'open', service: 'apply' }, { type: 'home' }]);
    expect(fresh.screen).toEqual({ kind: 'home' }); // nothing entered yet: no question
    const started = run([
      { type: 'open', service: 'apply' },
      { type: 'applyStarted' },
      { type: 'home' },
    ]);
    expect(started.screen).toEqual({ kind: 'leave' });
    expect(sessionReducer(started, { type: 'leaveCancelled' }).screen).toEqual({ kind: 'apply' });
    const left = sessionReducer(started, { type: 'leaveConfirmed' });
    expect(left).toMatchObject({ screen: { kind: 'home' }, applyActive: false });
  });

  it('unlocks staff to help inside the form and locks again on hand back', () => {
    const asking = run([
      { type: 'open', service: 'apply' },
      { type: 'applyStarted' },
      { type: 'staffRequested', purpose: 'help' },
    ]);
    expect(asking.screen).toEqual({ kind: 'staffPin', purpose: 'help' });
    const helping = sessionReducer(asking, { type: 'staffUnlocked', purpose: 'help' });
    expect(helping).toMatchObject({ screen: { kind: 'apply' }, staffUnlocked: true });
    // From the form to the dashboard and back to the form, without the PIN again.
    const dashboard = sessionReducer(helping, { type: 'staffRequested', purpose: 'dashboard' });
    expect(dashboard.screen).toEqual({ kind: 'staff' });
    const back = sessionReducer(dashboard, { type: 'takeOver' });
    expect(back).toMatchObject({ screen: { kind: 'apply' }, staffUnlocked: true });
    expect(sessionReducer(back, { type: 'handBack' })).toMatchObject({
      screen: { kind: 'apply' },
      staffUnlocked: false,
      applyActive: true,
    });
  });

  it('returns to where staff were asked for when the PIN is cancelled', () => {
    const state = run([
      { type: 'open', service: 'track' },
      { type: 'staffRequested', purpose: 'dashboard' },
    ]);
    expect(sessionReducer(state, { type: 'staffPinCancelled' }).screen).toEqual({ kind: 'track' });
    // An unlock message for a screen that is not the PIN screen changes nothing.
    expect(sessionReducer(INITIAL_SESSION, { type: 'staffUnlocked', purpose: 'dashboard' })).toBe(
      INITIAL_SESSION,
    );
  });

  it('cannot take over when no application is in progress, and Home ends staff mode', () => {
    const unlocked = run([
      { type: 'staffRequested', purpose: 'dashboard' },
      { type: 'staffUnlocked', purpose: 'dashboard' },
    ]);
    expect(unlocked.staffUnlocked).toBe(true);
    expect(sessionReducer(unlocked, { type: 'takeOver' })).toBe(unlocked);
    expect(sessionReducer(unlocked, { type: 'home' })).toMatchObject({
      screen: { kind: 'home' },
      staffUnlocked: false,
    });
  });

  it('keeps the staff call until it is answered', () => {
    const called = run([
      { type: 'open', service: 'track' },
      { type: 'callStaff' },
      { type: 'home' },
    ]);
    expect(called.staffCalled).toBe(true);
    expect(sessionReducer(called, { type: 'staffCallAnswered' }).staffCalled).toBe(false);
  });
});
