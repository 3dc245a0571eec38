/**
 * The kiosk's layout in both languages, on a landscape and a portrait screen and at the largest
 * font size: the voice caption shows all it says, a step's primary action is whole on screen
 * and clear of the content (the Mongolian review page's Submit too), long Mongolian pages show
 * that they scroll sideways, the staff dashboard names screens instead of showing route ids,
 * says nothing left over from the resident, and shows Mongolian upright in vertical columns.
 * Every screen is audited with no allowlist (axe, targets, text size, layout).
 *
 *   node_modules/.bin/vitest run --config e2e/vitest.config.ts kiosk-layout
 *
 * Screenshots: e2e/artifacts/kiosk/layout-<lang>-<nn>-<step>.png.
 */
import { join } from 'node:path';
import { readFileSync, writeFileSync } from 'node:fs';
import { PNG } from 'pngjs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KioskDriver, type AuditProblem } from './kiosk-driver';
import {
  type KioskAgent,
  type KioskLanguage,
  openKiosk,
  pngToY4m,
  type PrinterSpool,
  REPO_ROOT,
  startKioskStack,
  stopKioskStack,
} from './kiosk-harness';
import type { StartedSyncServer } from './support/server';

const PHONE = '13904790000';

interface KioskStrings {
  readonly apply: { readonly frameTitle: string };
  readonly review: { readonly title: string; readonly readIntro: string };
}

/** The kiosk's strings as the locale files have them (NNBSP and MVS included). */
function kioskStrings(language: KioskLanguage): KioskStrings {
  return JSON.parse(
    readFileSync(join(REPO_ROOT, 'locales', language, 'kiosk.json'), 'utf8'),
  ) as KioskStrings;
}
const LANDSCAPE = { width: 1920, height: 1080 };
const PORTRAIT = { width: 1080, height: 1920 };

let server: StartedSyncServer;
let spool: PrinterSpool;
let agent: KioskAgent;
let browser: Browser;
const problems: AuditProblem[] = [];

beforeAll(async () => {
  let video: string;
  ({ server, spool, agent, browser, video } = await startKioskStack('layout'));
  // The camera shows a plain grey frame: these tests look at the screens, not at photos.
  const frame = new PNG({ width: 320, height: 240 });
  frame.data.fill(128);
  writeFileSync(video, pngToY4m(PNG.sync.write(frame)));
});

afterAll(() => stopKioskStack({ server, spool, agent, browser }));

/** The primary action of the visible step: its box, and whether it is whole and uncovered. */
async function primaryAction(page: Page) {
  return page.evaluate(() => {
    const step = [...document.querySelectorAll('.k-step')].find(
      (s) => s.closest('[hidden]') === null,
    );
    const button = step?.querySelector(':scope > .k-step__actions button');
    const area = step?.querySelector(':scope > .k-step__scroll');
    if (!button || !area) return undefined;
    const r = button.getBoundingClientRect();
    const a = area.getBoundingClientRect();
    const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
    return {
      box: { left: r.left, top: r.top, right: r.right, bottom: r.bottom },
      whole: r.left >= 0 && r.top >= 0 && r.right <= innerWidth && r.bottom <= innerHeight,
      clearOfContent:
        Math.min(r.right, a.right) <= Math.max(r.left, a.left) ||
        Math.min(r.bottom, a.bottom) <= Math.max(r.top, a.top),
      reachable: hit !== null && button.contains(hit),
    };
  });
}

async function expectPrimaryWhole(page: Page, step: string): Promise<void> {
  const primary = await primaryAction(page);
  expect(primary, step).toMatchObject({ whole: true, clearOfContent: true, reachable: true });
}

async function waitForStaffPin(d: KioskDriver): Promise<void> {
  // The PIN arrives with the device config through sync.
  await d.click('.k-act--staff-entry');
  await d.expectScreen('staff-pin');
  await d.page.waitForFunction(
    () => !document.querySelector('[data-testid=staff-pin] [role=alert]'),
    undefined,
    { timeout: 30_000 },
  );
  await d.click('.k-act--pin-cancel');
  await d.expectScreen('home');
}

async function setFontSize(page: Page, index: 0 | 1 | 2): Promise<void> {
  await page.locator('.pls-font-size button').nth(index).click();
}

/** Hardship to review: the long Mongolian pages. */
async function toReview(d: KioskDriver, language: KioskLanguage): Promise<void> {
  await d.page.locator('[role=option]').nth(4).click();
  await d.click('.k-act--next');
  await d.expectScreen('step-description');
  if (language === 'zh-Hans') {
    await d.keyboard(['q', 'i', 'a', 'n', 'x', 'i', 'n']);
    // The candidates (a listbox of options, with page buttons beside it) are audited by axe.
    await d.page.locator('.pls-key--candidate').first().waitFor();
    await d.step('description-candidates');
    await d.page.locator('.pls-key--candidate').first().click();
  } else {
    await d.keyboard(['AB03', 'AC01', 'AC09', 'AD08', 'AB06']);
  }
  await d.click('.k-act--next');
  await d.expectScreen('step-photos');
  await d.click('.k-act--next');
  await d.expectScreen('step-review');
}

describe('kiosk layout', () => {
  for (const language of ['mn-Mong', 'zh-Hans'] as const) {
    const tag = language === 'zh-Hans' ? 'zh' : 'mn';
    it(`keeps captions whole and actions in reach, and shows staff a readable dashboard (${tag})`, async () => {
      const { context, page } = await openKiosk(browser, agent, server);
      const d = new KioskDriver(page, `layout-${tag}`);
      try {
        await waitForStaffPin(d);
        await d.setLanguage(language);
        await d.step('home');
        await page.setViewportSize(PORTRAIT);
        await d.step('home-portrait');
        if (language === 'mn-Mong') {
          // Both services do not fit side by side on a portrait screen: the page says so.
          await expect
            .poll(() => page.locator('.k-home__scroll').getAttribute('data-more-after'))
            .toBe('true');
        }
        await page.setViewportSize(LANDSCAPE);

        await d.click('[data-service=apply]');
        await d.expectScreen('step-consent');
        await d.step('consent');
        await d.click('.k-act--accept');
        await d.expectScreen('step-identity');
        // The reader's prompt is the caption (Mongolian has no voice: it is highlighted).
        await page.locator('.pls-caption .pls-text').waitFor();
        await d.step('identity');
        await d.placeCard('resident');
        await d.expectScreen('step-phone');
        await d.liftCard();
        await d.keyboard([...PHONE]);
        await d.click('.k-act--next');
        await d.expectScreen('step-category');
        await d.step('category');
        await d.click('[data-category=wage_arrears]');
        await d.expectScreen('step-hardship');
        await d.step('hardship');
        await expectPrimaryWhole(page, 'hardship');

        if (language === 'mn-Mong') {
          // The hardship page is wider than the screen: it says so, and the hint pages on.
          const scroll = page.locator('[data-testid=step-hardship] .k-step__scroll');
          expect(await scroll.getAttribute('data-more-after')).toBe('true');
          const viewport = scroll.locator('.pls-scroll__viewport');
          const before = await viewport.evaluate((el) => el.scrollLeft);
          await scroll.locator('.pls-scroll__hint--after button').click();
          await expect.poll(() => viewport.evaluate((el) => el.scrollLeft)).toBeGreaterThan(before);
          await expect.poll(() => scroll.getAttribute('data-more-before')).toBe('true');
          await d.step('hardship-scrolled');
          // The wheel scrolls sideways too (mlreq).
          const box = (await viewport.boundingBox())!;
          await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
          const wheeled = await viewport.evaluate((el) => el.scrollLeft);
          await page.mouse.wheel(0, -400);
          await expect.poll(() => viewport.evaluate((el) => el.scrollLeft)).toBeLessThan(wheeled);
        }

        // The largest font, and a portrait screen: still whole, still clear.
        await setFontSize(page, 2);
        await d.step('hardship-extra-large');
        await expectPrimaryWhole(page, 'hardship at the largest size');
        await setFontSize(page, 0);
        await page.setViewportSize(PORTRAIT);
        await d.step('hardship-portrait');
        await expectPrimaryWhole(page, 'hardship in portrait');
        await page.setViewportSize(LANDSCAPE);

        await toReview(d, language);
        await d.step('review');
        await expectPrimaryWhole(page, 'review');
        const submit = await page.locator('.k-act--submit').boundingBox();
        expect(submit!.x + submit!.width).toBeLessThanOrEqual(LANDSCAPE.width);
        // The longest caption there is: the whole application read aloud.
        await d.click('.k-act--read-aloud');
        await expect
          .poll(() => page.locator('.pls-caption').textContent())
          .toContain(kioskStrings(language).review.readIntro);
        await d.step('review-read-aloud');
        await setFontSize(page, 2);
        await d.step('review-extra-large');
        await setFontSize(page, 0);
        await page.setViewportSize(PORTRAIT);
        await d.step('review-portrait');
        await page.setViewportSize(LANDSCAPE);

        // The resident calls staff from the review page; staff come and open their dashboard.
        await page.locator('.pls-frame__tools .pls-button--alert').click();
        await page.locator('[data-testid=staff-called]').waitFor();
        await d.click('.k-act--submit');
        await d.expectScreen('step-done');
        await page
          .locator('[data-testid=print-receipt]:not([data-outcome=printing])')
          .waitFor({ timeout: 60_000 });
        await d.step('done');
        await expectPrimaryWhole(page, 'done');
        await page.locator('.pls-frame__bar .pls-frame__nav button').first().click(); // Home
        await d.expectScreen('home');
        await d.setLanguage(language);
        await d.click('.k-act--staff-entry');
        await d.unlockStaff();
        await d.expectScreen('staff-screen');
        await page.locator('[data-testid=staff-application]').first().waitFor();
        await page.locator('[data-testid=staff-call]').first().waitFor();
        await d.step('staff-dashboard');
        await expectPrimaryWhole(page, 'staff dashboard');

        // Nothing the resident was told is still on the caption.
        await expect
          .poll(() => page.locator('.pls-caption').evaluate((el) => el.textContent ?? ''))
          .toBe('');
        // The call names the screen and step in the interface language, no route ids.
        const call = await page.locator('[data-testid=staff-call]').first().innerText();
        expect(call).not.toMatch(/[A-Za-z]{3,}/);
        const strings = kioskStrings(language);
        expect(call).toContain(strings.apply.frameTitle);
        expect(call).toContain(strings.review.title);
        if (language === 'mn-Mong') {
          // Mongolian in the staff panels stands in vertical columns, not on its side.
          const sideways = await page.evaluate(() =>
            [...document.querySelectorAll('.k-panel [lang="mn-Mong-CN"]')]
              .filter((el) => (el.textContent ?? '').trim() !== '')
              .filter((el) => getComputedStyle(el).writingMode !== 'vertical-lr')
              .map((el) => (el.textContent ?? '').slice(0, 20)),
          );
          expect(sideways).toEqual([]);
          const cell = await page
            .locator('[data-testid=staff-application] [data-status]')
            .first()
            .boundingBox();
          expect(cell!.height).toBeGreaterThan(cell!.width * 0.5);
        }
        // The rest of the dashboard (drafts, device health, simulator), at the far end.
        const staffArea = page.locator('[data-testid=staff-screen] .pls-scroll__viewport');
        await staffArea.evaluate(
          (el, sideways) =>
            el.scrollTo(sideways ? { left: el.scrollWidth } : { top: el.scrollHeight }),
          language === 'mn-Mong',
        );
        await expect
          .poll(() =>
            page
              .locator('[data-testid=staff-screen] .k-step__scroll')
              .getAttribute('data-more-after'),
          )
          .toBe('false');
        await d.step('staff-dashboard-end');
        await page.setViewportSize(PORTRAIT);
        await d.step('staff-dashboard-portrait');
        await page.setViewportSize(LANDSCAPE);
      } finally {
        problems.push(...d.problems);
        await context.close();
      }
    });
  }

  it('has no accessibility or layout problems on any screen, with no allowlist', () => {
    expect([...new Set(problems.map((p) => `${p.step} ${p.kind}: ${p.detail}`))]).toEqual([]);
  });
});
