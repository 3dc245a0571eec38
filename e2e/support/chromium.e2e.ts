import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchChromium, newPage } from './chromium';

// Guards the harness itself: if Chromium or its fonts are missing, every other suite would fail
// with a less useful message.
describe('Chromium harness', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('renders a page with Chinese text using a CJK font, not boxes', async () => {
    const { context, page } = await newPage(browser);
    await page.setContent(
      '<html lang="zh-Hans"><body style="font-size:32px"><span id="t">法律援助</span></body></html>',
    );
    const width = await page.locator('#t').evaluate((el) => el.getBoundingClientRect().width);
    // Four full-width glyphs at 32 px: about 128 px. Tofu boxes or a missing font would differ.
    expect(width).toBeGreaterThan(110);
    expect(width).toBeLessThan(140);
    await context.close();
  });
});
