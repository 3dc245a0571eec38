/**
 * Tap safety across a screen change: a second tap of a double tap (80–250 ms after the first)
 * must not act on the screen the first tap opened (issue 12: a double tap on Submit went
 * straight past the tracking code). For a short time after each step or screen change, a tap
 * that lands where the last tap before the change landed is swallowed; a deliberate tap
 * elsewhere on the new screen goes through, and ends the guard: from then on the resident is
 * working on the new screen, and a quick tap of theirs that happens to land near the old place
 * (the next key of a keypad) must act, not vanish (the Mongolian wage calculator lost digits
 * typed right after the screen opened, where its tile had been). The rule is pure (`createInputGuard`, tested with a
 * fake clock); `useInputGuard` wires one shared guard to the document.
 */
import { useEffect, useLayoutEffect } from 'react';

/** Longer than the slowest double tap measured (250 ms), short enough not to feel sluggish. */
export const INPUT_GUARD_MS = 450;
/** A finger's second tap lands within this many CSS pixels of its first. */
export const INPUT_GUARD_RADIUS_PX = 100;

export interface Tap {
  readonly x: number;
  readonly y: number;
}

export interface InputGuard {
  /** Every tap that was let through (records where the finger was; it ends the guard). */
  tapped(tap: Tap): void;
  /** The screen changed: guard the place of the last tap for a while (true if it did). */
  arm(): boolean;
  /** Whether a tap at this place now acts. */
  allows(tap: Tap): boolean;
}

export function createInputGuard(
  now: () => number,
  ms: number = INPUT_GUARD_MS,
  radius: number = INPUT_GUARD_RADIUS_PX,
): InputGuard {
  let last: (Tap & { at: number }) | undefined;
  let guarded: (Tap & { until: number }) | undefined;
  return {
    tapped(tap) {
      last = { ...tap, at: now() };
      // The first tap that acts on the new screen: the double tap, if any, is over.
      guarded = undefined;
    },
    arm() {
      const t = now();
      // Only a tap that could have caused this change (a recent one) is guarded against.
      if (!last || t - last.at > ms) return false;
      guarded = { x: last.x, y: last.y, until: t + ms };
      return true;
    },
    allows(tap) {
      if (!guarded || now() >= guarded.until) return true;
      return Math.hypot(tap.x - guarded.x, tap.y - guarded.y) > radius;
    },
  };
}

const shared = createInputGuard(() => performance.now());
let installed = 0;

function pointOf(event: Event): Tap | undefined {
  if (event instanceof MouseEvent) return { x: event.clientX, y: event.clientY };
  if (typeof TouchEvent !== 'undefined' && event instanceof TouchEvent) {
    const touch = event.changedTouches[0];
    return touch ? { x: touch.clientX, y: touch.clientY } : undefined;
  }
  return undefined;
}

/** Pointer presses and clicks (keyboard "clicks" have no place and always go through). */
function onInput(event: Event) {
  const point = pointOf(event);
  if (!point || (event instanceof MouseEvent && event.detail === 0 && event.type === 'click'))
    return;
  if (!shared.allows(point)) {
    event.preventDefault();
    event.stopImmediatePropagation();
    return;
  }
  if (event.type === 'pointerdown') shared.tapped(point);
}

const EVENTS = [
  'pointerdown',
  'pointerup',
  'mousedown',
  'mouseup',
  'click',
  'touchstart',
  'touchend',
];

/** Guards taps after each change of `screenKey` (a screen, or a step of one). */
export function useInputGuard(screenKey: string): void {
  useEffect(() => {
    if (installed++ === 0) {
      for (const type of EVENTS) document.addEventListener(type, onInput, { capture: true });
    }
    return () => {
      if (--installed === 0) {
        for (const type of EVENTS) document.removeEventListener(type, onInput, { capture: true });
      }
    };
  }, []);
  // Before paint: the new screen is guarded from its first frame. While it is, the page says
  // so (`data-input-guard` on <html>), so that scripted tests tap when a person could.
  useLayoutEffect(() => {
    if (!shared.arm()) return;
    const root = document.documentElement;
    root.dataset['inputGuard'] = 'on';
    const timer = setTimeout(() => delete root.dataset['inputGuard'], INPUT_GUARD_MS);
    return () => {
      clearTimeout(timer);
      delete root.dataset['inputGuard'];
    };
  }, [screenKey]);
}
