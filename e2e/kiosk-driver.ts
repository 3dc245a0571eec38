/**
 * Drives the kiosk renderer the way a resident (or station staff) does: taps on the screen,
 * cards on the simulated reader. Every step can be photographed into e2e/artifacts/kiosk/ and
 * audited: axe-core (no serious or critical violations), touch targets ≥ 60×60 px, text ≥ 24 px,
 * and the layout (kiosk-layout.ts: caption not clipped, actions whole and clear of the content).
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import type { CardType } from '@pls/shared/idcard';
import type { KioskApi } from '@pls/shared/protocol';
import { KIOSK_ARTIFACTS, STAFF_PIN, type KioskLanguage } from './kiosk-harness';
import { layoutProblems } from './kiosk-layout';
import { axeProblems } from './support/axe';

export interface AuditProblem {
  readonly step: string;
  readonly kind: 'axe' | 'target' | 'text' | 'layout';
  readonly detail: string;
}

/** Smallest touch target (MIIT 适老化 ≥ 60×60 dp) and body text (kiosk ≥ 24 px). */
const MIN_TARGET_PX = 60;
const MIN_TEXT_PX = 24;

export class KioskDriver {
  private shots = 0;
  readonly problems: AuditProblem[] = [];

  constructor(
    readonly page: Page,
    readonly prefix: string,
  ) {
    mkdirSync(KIOSK_ARTIFACTS, { recursive: true });
  }

  async language(): Promise<KioskLanguage> {
    const lang = await this.page.evaluate(() => document.documentElement.lang);
    return lang.startsWith('mn') ? 'mn-Mong' : 'zh-Hans';
  }

  async setLanguage(language: KioskLanguage): Promise<void> {
    if ((await this.language()) === language) return;
    await this.page.locator('.pls-frame__bar .pls-language-switch').click();
    await this.page.waitForFunction(
      (want) => document.documentElement.lang.startsWith(want === 'mn-Mong' ? 'mn' : 'zh'),
      language,
    );
  }

  /** Full-viewport screenshot, numbered in order: kiosk/<prefix>-<nn>-<step>.png. */
  async shot(step: string): Promise<string> {
    this.shots += 1;
    const path = join(
      KIOSK_ARTIFACTS,
      `${this.prefix}-${String(this.shots).padStart(2, '0')}-${step}.png`,
    );
    // Let fonts and pictures (photo thumbnails decode after they appear) settle.
    await this.page.evaluate(() => document.fonts.ready.then(() => undefined));
    await this.page.waitForFunction(() => [...document.images].every((image) => image.complete));
    await this.page.screenshot({ path });
    return path;
  }

  /** A screenshot and the accessibility checks of the screen as it is now. */
  async step(step: string): Promise<void> {
    await this.shot(step);
    await this.audit(step);
  }

  async audit(step: string): Promise<void> {
    const page = this.page;
    const violations = await axeProblems(page);
    for (const detail of violations) this.problems.push({ step, kind: 'axe', detail });
    const sizes = await page.evaluate(
      ({ minTarget, minText }) => {
        const visible = (el: Element) => {
          const style = getComputedStyle(el);
          const rect = el.getBoundingClientRect();
          return (
            style.visibility !== 'hidden' &&
            style.display !== 'none' &&
            rect.width > 0 &&
            rect.height > 0 &&
            !el.closest('[hidden]')
          );
        };
        const describe = (el: Element) =>
          `${el.tagName.toLowerCase()}.${[...el.classList].join('.')} "${(el.textContent ?? '').trim().slice(0, 30)}"`;
        const targets: string[] = [];
        for (const el of document.querySelectorAll(
          'button, [role=option], [role=button], a[href], input:not([type=file]), label.pls-button',
        )) {
          if (!visible(el)) continue;
          const rect = el.getBoundingClientRect();
          if (rect.width < minTarget - 0.5 || rect.height < minTarget - 0.5) {
            targets.push(`${describe(el)} ${Math.round(rect.width)}×${Math.round(rect.height)}`);
          }
        }
        const texts: string[] = [];
        const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
        const seen = new Set<Element>();
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
          const el = node.parentElement;
          if (!el || seen.has(el) || (node.textContent ?? '').trim() === '') continue;
          seen.add(el);
          if (el.closest('script, style')) continue;
          if (!visible(el)) continue;
          const size = parseFloat(getComputedStyle(el).fontSize);
          if (size < minText - 0.5) texts.push(`${describe(el)} ${size}px`);
        }
        return { targets, texts };
      },
      { minTarget: MIN_TARGET_PX, minText: MIN_TEXT_PX },
    );
    for (const detail of sizes.targets) this.problems.push({ step, kind: 'target', detail });
    for (const detail of sizes.texts) this.problems.push({ step, kind: 'text', detail });
    for (const detail of await layoutProblems(page)) {
      this.problems.push({ step, kind: 'layout', detail });
    }
  }

  /**
   * After a screen change the kiosk ignores, for a moment, a tap where the last one landed
   * (input-guard.ts): tap when a person's next deliberate tap would.
   */
  async settled(): Promise<void> {
    await this.page.waitForFunction(() => !document.documentElement.dataset['inputGuard']);
  }

  /** Reads the consent notice to its end (Accept waits for that), then accepts. */
  async acceptConsent(): Promise<void> {
    await this.expectScreen('step-consent');
    await this.settled();
    for (let i = 0; i < 40; i++) {
      // The pager's own button (a DOM click: the step's "more" hint may sit over it at the
      // largest font; the layout suite checks that separately, with real taps).
      const paged = await this.page.evaluate(() => {
        const next = document.querySelector<HTMLButtonElement>(
          '.pls-reading__next:not([disabled])',
        );
        next?.click();
        return next !== null;
      });
      if (!paged) break;
    }
    await this.click('.k-act--accept:not([disabled])');
  }

  /** Leaves the done step: says the code was written down unless the receipt printed. */
  async finishDone(): Promise<void> {
    await this.settled();
    const have = this.page.locator('.k-act--have-code');
    if ((await have.count()) > 0) await have.first().click();
    await this.click('.k-act--finish:not([disabled])');
  }

  /**
   * Opens a service from the bilingual home by its name in the page's language (each tile
   * carries both names, and the one tapped decides the language that follows).
   */
  async startService(service: string): Promise<void> {
    const lang = await this.page.evaluate(() => document.documentElement.lang);
    const tag = lang.startsWith('mn') ? 'mn-Mong' : 'zh-Hans';
    await this.click(`[data-service=${service}] [data-lang=${tag}]`);
  }

  async click(selector: string): Promise<void> {
    await this.settled();
    await this.page.locator(selector).first().click();
  }

  async expectScreen(testId: string, timeout = 15_000): Promise<void> {
    await this.page.locator(`[data-testid=${testId}]`).first().waitFor({ timeout });
  }

  async placeCard(cardType: CardType = 'resident'): Promise<void> {
    await this.page.evaluate(
      (type) =>
        (window as unknown as { kiosk: KioskApi }).kiosk.simulator.placeCard({ cardType: type }),
      cardType,
    );
  }

  /** Takes the card off the reader, and waits until the reader is ready for the next one. */
  async liftCard(): Promise<void> {
    await this.page.evaluate(() =>
      (window as unknown as { kiosk: KioskApi }).kiosk.simulator.liftCard(),
    );
    await this.page.waitForFunction(async () => {
      const status = await (window as unknown as { kiosk: KioskApi }).kiosk.reader.getStatus();
      return status.kind === 'waitingForCard';
    });
  }

  async readerStatus(): Promise<string> {
    return this.page.evaluate(
      async () => (await (window as unknown as { kiosk: KioskApi }).kiosk.reader.getStatus()).kind,
    );
  }

  /** Keys of the UI kit's on-screen keyboard, by their data-key. */
  async keyboard(keys: readonly string[]): Promise<void> {
    await this.settled();
    for (const key of keys)
      await this.page.locator(`.pls-keyboard [data-key="${key}"]`).first().click();
  }

  /** Keys of the kiosk's code keypad or digit pad. */
  async keypad(chars: string): Promise<void> {
    await this.settled();
    for (const char of chars)
      await this.page.locator(`.k-keypad [data-key="${char}"]`).first().click();
  }

  async home(): Promise<void> {
    await this.page.locator('.pls-frame__nav button').first().click();
  }

  async back(): Promise<void> {
    await this.page.locator('.pls-frame__nav button').nth(1).click();
  }

  async unlockStaff(pin = STAFF_PIN): Promise<void> {
    await this.expectScreen('staff-pin');
    await this.keypad(pin);
    await this.click('.k-act--unlock');
  }

  async visibleText(): Promise<string> {
    return this.page.evaluate(() => document.body.innerText);
  }
}
