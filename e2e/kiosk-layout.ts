/**
 * Layout checks of a kiosk screen as it is drawn, for every audited step (kiosk-driver.ts) and
 * the layout suite (kiosk-layout.e2e.ts). Each returns what is wrong, in words:
 *
 * - the voice caption shows all of its text: nothing scrolled out of its box, the box on screen;
 * - the bar's buttons are whole on screen, and no button's label spills out of it;
 * - a step's actions are whole on screen, clear of the scrolling content, and not covered;
 * - in every scrolling area, vertical Mongolian is not cut off at the bottom, and the "there is
 *   more" hints match what is really hidden.
 */
import type { Page } from 'playwright-core';

export function layoutProblems(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const problems: string[] = [];
    const vw = window.innerWidth;
    const vh = window.innerHeight;
    const round = (r: DOMRect) =>
      `${Math.round(r.left)},${Math.round(r.top)} ${Math.round(r.width)}×${Math.round(r.height)}`;
    const describe = (el: Element | null) =>
      el === null
        ? 'nothing'
        : `${el.tagName.toLowerCase()}.${[...el.classList].join('.')} "${(el.textContent ?? '').trim().slice(0, 20)}"`;
    const shown = (el: Element) => {
      const style = getComputedStyle(el);
      const rect = el.getBoundingClientRect();
      return (
        style.visibility !== 'hidden' &&
        style.display !== 'none' &&
        rect.width > 0 &&
        rect.height > 0 &&
        el.closest('[hidden]') === null
      );
    };
    const onScreen = (r: DOMRect) =>
      r.left >= -0.5 && r.top >= -0.5 && r.right <= vw + 0.5 && r.bottom <= vh + 0.5;
    const overlap = (a: DOMRect, b: DOMRect) =>
      Math.min(a.right, b.right) - Math.max(a.left, b.left) > 0.5 &&
      Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top) > 0.5;

    // The caption: every word of what is being said is visible.
    const caption = document.querySelector('.pls-frame > .pls-caption');
    if (caption instanceof HTMLElement && shown(caption)) {
      const box = caption.getBoundingClientRect();
      if (
        caption.scrollHeight > caption.clientHeight + 1 ||
        caption.scrollWidth > caption.clientWidth + 1
      ) {
        problems.push(
          `caption clipped: content ${caption.scrollWidth}×${caption.scrollHeight} in ${caption.clientWidth}×${caption.clientHeight}`,
        );
      }
      if (!onScreen(box)) problems.push(`caption off screen: ${round(box)}`);
      for (const text of caption.querySelectorAll('.pls-text')) {
        const r = text.getBoundingClientRect();
        if (r.right > box.right + 1 || r.bottom > box.bottom + 1 || r.top < box.top - 1) {
          problems.push(`caption text outside its box: ${round(r)} in ${round(box)}`);
        }
      }
    }

    // The bar's controls (Home, Call staff…) are always there, whole, on any screen.
    const bar = document.querySelector('.pls-frame__bar');
    for (const button of bar?.querySelectorAll('button') ?? []) {
      if (!shown(button)) continue;
      const r = button.getBoundingClientRect();
      const b = bar!.getBoundingClientRect();
      if (!onScreen(r) || r.bottom > b.bottom + 0.5 || r.right > b.right + 0.5) {
        problems.push(`bar: ${describe(button)} not whole on screen: ${round(r)}`);
      }
    }

    // A button's label stays inside the button (a label wider than its box spills over others).
    // The text's own boxes, not the label element's: text can overflow a box sized too small.
    for (const label of document.querySelectorAll('button .pls-text')) {
      const button = label.closest('button')!;
      if (!shown(button) || !shown(label)) continue;
      const range = document.createRange();
      range.selectNodeContents(label);
      const r = range.getBoundingClientRect();
      const b = button.getBoundingClientRect();
      if (r.width === 0) continue;
      if (
        r.left < b.left - 1 ||
        r.right > b.right + 1 ||
        r.top < b.top - 1 ||
        r.bottom > b.bottom + 1
      ) {
        problems.push(`label spills out of ${describe(button)}: ${round(r)} in ${round(b)}`);
      }
    }

    for (const step of document.querySelectorAll('.k-step')) {
      if (!shown(step)) continue;
      const scroll = step.querySelector(':scope > .k-step__scroll');
      if (!(scroll instanceof HTMLElement)) continue;
      const area = scroll.getBoundingClientRect();
      const name = step.getAttribute('data-testid') ?? 'step';

      // Actions: whole, on screen, beside the content rather than over it, and what a finger hits.
      const actions = step.querySelector(':scope > .k-step__actions');
      for (const button of actions?.querySelectorAll('button') ?? []) {
        if (!shown(button)) continue;
        const r = button.getBoundingClientRect();
        if (!onScreen(r))
          problems.push(`${name}: ${describe(button)} not whole on screen: ${round(r)}`);
        if (overlap(r, area)) {
          problems.push(
            `${name}: ${describe(button)} over the content: ${round(r)} / ${round(area)}`,
          );
        }
        const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
        // A modal dialog (the idle warning) covers everything on purpose.
        if (hit?.closest('[role=alertdialog], .pls-idle')) continue;
        if (hit === null || !button.contains(hit)) {
          problems.push(`${name}: ${describe(button)} covered by ${describe(hit)}`);
        }
      }
    }

    // Every scrolling area (a step's, the home screen's): Mongolian wraps into a new column
    // where the area ends, never cut off at its bottom; the hints say what is hidden (a stale
    // hint would send a resident looking for nothing, a missing one hides the rest of a page).
    for (const scroll of document.querySelectorAll<HTMLElement>('.pls-frame__main .pls-scroll')) {
      if (!shown(scroll)) continue;
      const area = scroll.getBoundingClientRect();
      const name = scroll.closest('[data-testid]')?.getAttribute('data-testid') ?? 'scrolling area';
      for (const text of scroll.querySelectorAll('.pls-mong')) {
        if (!shown(text)) continue;
        const r = text.getBoundingClientRect();
        if (r.bottom > area.bottom + 1 || r.top < area.top - 1) {
          problems.push(`${name}: ${describe(text)} cut off: ${round(r)} in ${round(area)}`);
        }
      }
      const viewport = scroll.querySelector(':scope > .pls-scroll__viewport');
      if (viewport instanceof HTMLElement) {
        const x = scroll.classList.contains('pls-scroll--x');
        const position = x ? viewport.scrollLeft : viewport.scrollTop;
        const client = x ? viewport.clientWidth : viewport.clientHeight;
        const size = x ? viewport.scrollWidth : viewport.scrollHeight;
        const after = position + client < size - 2;
        const before = position > 2;
        if (String(after) !== scroll.dataset['moreAfter']) {
          problems.push(
            `${name}: "more after" hint is ${scroll.dataset['moreAfter']}, content hidden after: ${after}`,
          );
        }
        if (String(before) !== scroll.dataset['moreBefore']) {
          problems.push(
            `${name}: "more before" hint is ${scroll.dataset['moreBefore']}, content hidden before: ${before}`,
          );
        }
      }
    }
    return problems;
  });
}

/**
 * The layout rule of issue 12, for the screen as it is now: the controls of a step (the bar,
 * the step's actions, keyboards, keypads, tile grids and option lists, a reading view's pager)
 * and the tracking code are whole inside the viewport without scrolling; the page is never
 * wider than the screen; and nothing covers a control that is on screen (`elementFromPoint` at
 * its centre). Only reading text may scroll, in its own region.
 */
const STEP_CONTROLS = [
  '.pls-frame__bar button',
  '.k-step__actions button',
  '.pls-keyboard button',
  '.k-keypad button',
  '.k-category__tile',
  '[role=listbox] [role=option]',
  '.pls-reading__pager button',
  '[data-testid=tracking-code]',
].join(', ');

export function wholeScreenProblems(page: Page): Promise<string[]> {
  return page.evaluate((selector) => {
    const problems: string[] = [];
    const vw = document.documentElement.clientWidth;
    const vh = document.documentElement.clientHeight;
    const describe = (el: Element | null) =>
      el === null
        ? 'nothing'
        : `${el.tagName.toLowerCase()}.${[...el.classList].slice(0, 3).join('.')} "${(el.textContent ?? '').trim().slice(0, 16)}"`;
    const round = (r: DOMRect) =>
      `${Math.round(r.left)},${Math.round(r.top)} ${Math.round(r.width)}×${Math.round(r.height)}`;
    const shown = (el: Element) => {
      const style = getComputedStyle(el);
      const rect = el.getBoundingClientRect();
      return (
        style.visibility !== 'hidden' &&
        style.display !== 'none' &&
        rect.width > 0 &&
        rect.height > 0 &&
        el.closest('[hidden], [aria-hidden=true]') === null
      );
    };
    // A modal dialog (the idle warning) covers everything on purpose.
    if (document.querySelector('[role=alertdialog]')) return problems;

    if (document.documentElement.scrollWidth > vw + 1) {
      problems.push(`page wider than the screen: ${document.documentElement.scrollWidth} > ${vw}`);
    }
    if (window.scrollX !== 0) problems.push(`page scrolled sideways by ${window.scrollX}`);

    for (const el of document.querySelectorAll(selector)) {
      if (!shown(el)) continue;
      const r = el.getBoundingClientRect();
      if (r.left < -0.5 || r.top < -0.5 || r.right > vw + 0.5 || r.bottom > vh + 0.5) {
        problems.push(`${describe(el)} not whole on screen: ${round(r)}`);
        continue;
      }
      // Scrolled out of (or cut by) its scrolling area: on the screen's box, but not visible.
      let clip: Element | null = el.parentElement;
      let clipped = false;
      while (clip && clip !== document.body) {
        const style = getComputedStyle(clip);
        if (/(auto|scroll|hidden|clip)/.test(style.overflowX + style.overflowY)) {
          const c = clip.getBoundingClientRect();
          if (
            r.left < c.left - 1 ||
            r.top < c.top - 1 ||
            r.right > c.right + 1 ||
            r.bottom > c.bottom + 1
          ) {
            problems.push(
              `${describe(el)} cut off by ${describe(clip)}: ${round(r)} in ${round(c)}`,
            );
            clipped = true;
            break;
          }
        }
        clip = clip.parentElement;
      }
      if (clipped) continue;
      const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
      if (hit === null || !(el.contains(hit) || hit.contains(el))) {
        problems.push(`${describe(el)} covered by ${describe(hit)}`);
      }
    }

    // Any other control on screen is not covered either (a "more" hint over the content).
    for (const el of document.querySelectorAll('button, [role=option], input, textarea')) {
      if (!shown(el) || el.matches(selector)) continue;
      const r = el.getBoundingClientRect();
      const x = r.left + r.width / 2;
      const y = r.top + r.height / 2;
      if (x < 0 || y < 0 || x > vw || y > vh) continue;
      // Only where it is really visible (not scrolled out of its area).
      let inside = true;
      for (let p = el.parentElement; p && p !== document.body; p = p.parentElement) {
        const style = getComputedStyle(p);
        if (!/(auto|scroll|hidden|clip)/.test(style.overflowX + style.overflowY)) continue;
        const c = p.getBoundingClientRect();
        if (x < c.left || x > c.right || y < c.top || y > c.bottom) inside = false;
      }
      if (!inside) continue;
      const hit = document.elementFromPoint(x, y);
      if (hit === null || !(el.contains(hit) || hit.contains(el))) {
        problems.push(`${describe(el)} covered by ${describe(hit)}`);
      }
    }
    return problems;
  }, STEP_CONTROLS);
}
