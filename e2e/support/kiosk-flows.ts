/**
 * Kiosk journeys that several e2e suites walk: apply for legal aid (card, phone, category,
 * hardship, description, photos, review, done) and look a case up on the track screen.
 */
import type { KioskApi } from '@pls/shared/protocol';
import { SAMPLE_CARDS } from '@pls/shared/idcard';
import type { KioskDriver } from '../kiosk-driver';
import type { KioskLanguage } from '../kiosk-harness';

export const CARD = SAMPLE_CARDS.resident;
export const PHONE = '13904790000';

export async function waitForStaffPin(d: KioskDriver): Promise<void> {
  // The PIN arrives with the device config through sync; staff mode is usable once it is there.
  await d.click('.k-act--staff-entry');
  await d.expectScreen('staff-pin').catch(async (error: unknown) => {
    await d.shot('failed-staff-entry');
    throw error;
  });
  await d.page.waitForFunction(
    () => !document.querySelector('[data-testid=staff-pin] [role=alert]'),
    undefined,
    { timeout: 30_000 },
  );
  await d.click('.k-act--pin-cancel');
  await d.expectScreen('home');
}

export interface ApplyOptions {
  readonly language: KioskLanguage;
  readonly description: 'typed' | 'staff';
  readonly photo: boolean;
  /** Photograph each step and audit it. */
  readonly record: boolean;
  /** How the identity is given; the card reader by default. */
  readonly identity?: (d: KioskDriver) => Promise<void>;
  /** Stop on the review step, before submitting (returns ''). */
  readonly stopAtReview?: boolean;
}

/** Home → … → done. Returns the tracking code shown on the screen. */
export async function apply(d: KioskDriver, options: ApplyOptions): Promise<string> {
  const step = (name: string) => (options.record ? d.step(name) : Promise.resolve());
  await d.setLanguage(options.language);
  await step('home');
  await d.startService('apply');
  await d.expectScreen('step-consent');
  await step('consent');
  await d.acceptConsent();
  await d.expectScreen('step-identity');
  if (options.identity) await options.identity(d);
  else {
    await d.page
      .locator('[data-reader=waitingForCard]')
      .waitFor()
      .catch(async (error: unknown) => {
        const shown = await d.page
          .locator('[data-testid=reader-panel]')
          .getAttribute('data-reader');
        const status = await d.page.evaluate(() =>
          (window as unknown as { kiosk: KioskApi }).kiosk.reader.getStatus(),
        );
        throw new Error(`reader panel shows ${shown}, reader says ${JSON.stringify(status)}`, {
          cause: error,
        });
      });
    await step('identity');
    await d.placeCard('resident');
  }
  await d.expectScreen('step-phone');
  await d.liftCard(); // the resident takes the card back
  await step('phone');
  await d.keyboard([...PHONE]);
  await d.click('.k-act--next');
  await d.expectScreen('step-category');
  await step('category');
  await d.click('[data-category=wage_arrears]');
  await d.expectScreen('step-hardship');
  await step('hardship');
  await d.settled();
  await d.page.locator('[role=option]').nth(4).click(); // migrant worker's wages: exempt
  await d.click('.k-act--next');
  await d.expectScreen('step-description');
  if (options.description === 'typed') {
    if (options.language === 'zh-Hans') {
      await d.keyboard(['q', 'i', 'a', 'n', 'x', 'i', 'n']);
      await d.page.locator('.pls-key--candidate').first().click();
    } else {
      await d.keyboard(['AB03', 'AC01', 'AC09', 'AD08', 'AB06']);
    }
    await step('description');
    await d.click('.k-act--next');
  } else {
    await step('description');
    await d.click('.k-act--by-staff');
  }
  await d.expectScreen('step-photos');
  if (options.photo) {
    await d.page.locator('.k-act--capture:not([disabled])').waitFor({ timeout: 20_000 });
    await step('photos');
    await d.click('.k-act--capture');
    await d.page.locator('[data-testid=photo-list] li').first().waitFor();
    await step('photos-taken');
  } else {
    await step('photos');
  }
  await d.click('.k-act--next');
  await d.expectScreen('step-review');
  await step('review');
  if (options.stopAtReview) return '';
  await d.click('.k-act--submit');
  await d.expectScreen('step-done');
  await d.page
    .locator('[data-testid=print-receipt]:not([data-outcome=printing])')
    .waitFor({ timeout: 60_000 });
  const shown = (await d.page.locator('[data-testid=tracking-code]').textContent()) ?? '';
  return shown.replaceAll('-', '');
}

export async function track(d: KioskDriver, code: string, last4: string): Promise<void> {
  await d.click('[data-service=track]');
  await d.expectScreen('track-code');
  await d.keypad(code);
  await d.click('.k-act--next');
  await d.expectScreen('track-last4');
  await d.keypad(last4);
  await d.click('.k-act--lookup');
}

export async function eventually<T>(
  read: () => Promise<T>,
  ok: (value: T) => boolean,
  timeoutMs = 60_000,
): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (ok(value) || Date.now() > until) return value;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}
