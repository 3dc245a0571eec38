/**
 * DOM side of navigation: every focusable thing on a screen carries `data-focus-key` (or is a
 * key of the shared on-screen keyboard); arrows
 * move real DOM focus by geometry (nav/spatial.ts) within the screen root.
 */
import type { Command } from '../keys/key-map';
import { pickNext, type Direction } from '../nav/spatial';

export const SCREEN_ROOT = '[data-screen-root]';

/** Our tiles, and the keys of the shared on-screen keyboard (search), which carry no focus key. */
const FOCUSABLE = '[data-focus-key], .pls-keyboard button';

function focusables(root: ParentNode): HTMLElement[] {
  return [...root.querySelectorAll<HTMLElement>(FOCUSABLE)].filter((el) => {
    const r = el.getBoundingClientRect();
    return r.width > 0 && r.height > 0 && !el.hasAttribute('disabled');
  });
}

export function focusElement(el: HTMLElement): void {
  el.focus({ preventScroll: true });
  el.scrollIntoView({ block: 'nearest', inline: 'nearest' });
}

/** Moves focus one step; false when there is nothing that way. */
function moveFocus(
  direction: Direction,
  root: ParentNode | null = document.querySelector(SCREEN_ROOT),
): boolean {
  if (root === null) return false;
  const all = focusables(root);
  const current = document.activeElement as HTMLElement | null;
  if (current === null || !all.includes(current)) {
    if (all[0]) focusElement(all[0]);
    return all.length > 0;
  }
  const others = all.filter((el) => el !== current);
  const index = pickNext(
    current.getBoundingClientRect(),
    others.map((el) => el.getBoundingClientRect()),
    direction,
  );
  const next = others[index];
  if (next === undefined) return false;
  focusElement(next);
  return true;
}

/** Focus the remembered element of a screen, or its first focusable (the focus fallback). */
export function restoreFocus(
  remembered: string | undefined,
  root: ParentNode | null = document.querySelector(SCREEN_ROOT),
): void {
  if (root === null) return;
  const byKey =
    remembered !== undefined
      ? root.querySelector<HTMLElement>(`[data-focus-key="${CSS.escape(remembered)}"]`)
      : null;
  const target = byKey ?? focusables(root)[0];
  if (target) focusElement(target);
}

export function focusIsInside(
  root: ParentNode | null = document.querySelector(SCREEN_ROOT),
): boolean {
  return (
    root !== null &&
    document.activeElement !== null &&
    root.contains(document.activeElement) &&
    document.activeElement !== root
  );
}

/** What arrows and OK do everywhere: move focus, activate the focused element. True if handled. */
export function navigateByDefault(command: Command): boolean {
  if (command.kind !== 'command') return false;
  switch (command.command) {
    case 'up':
    case 'down':
    case 'left':
    case 'right':
      moveFocus(command.command);
      return true;
    case 'ok':
      (document.activeElement as HTMLElement | null)?.click();
      return true;
    // Back, colours and media keys are the app's or the screen's.
    case 'back':
    case 'red':
    case 'green':
    case 'yellow':
    case 'blue':
    case 'playPause':
    case 'play':
    case 'pause':
    case 'stop':
    case 'rewind':
    case 'fastForward':
      return false;
  }
}
