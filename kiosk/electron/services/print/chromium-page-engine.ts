/**
 * Page engine on a headless Chromium driven by playwright-core: the device agent's renderer for
 * print-to-PDF and the test/bench path. The browser starts on first use and is kept warm;
 * `dispose` closes it. Debian's /usr/bin/chromium unless CHROMIUM_PATH says otherwise.
 */
import { chromium, type Browser } from 'playwright-core';
import type { PageEngine, PrintSurface } from './page-engine';

export const DEFAULT_CHROMIUM_PATH = '/usr/bin/chromium';

const ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--font-render-hinting=none',
];

export function createChromiumPageEngine(
  executablePath = process.env['CHROMIUM_PATH'] ?? DEFAULT_CHROMIUM_PATH,
): PageEngine {
  let browser: Promise<Browser> | undefined;
  const getBrowser = () => {
    browser ??= chromium.launch({ executablePath, args: ARGS, headless: true });
    return browser;
  };
  return {
    async open(html, widthPx) {
      const context = await (
        await getBrowser()
      ).newContext({
        viewport: { width: Math.ceil(widthPx), height: 600 },
        deviceScaleFactor: 1,
        // Print documents need no network: everything is inline.
        offline: true,
        javaScriptEnabled: true,
      });
      const page = await context.newPage();
      await page.setContent(html, { waitUntil: 'load' });
      await page.emulateMedia({ media: 'print' });
      const surface: PrintSurface = {
        evaluate: <T>(expression: string) => page.evaluate(expression) as Promise<T>,
        async pdf() {
          const buffer = await page.pdf({ preferCSSPageSize: true, printBackground: true });
          return new Uint8Array(buffer);
        },
        close: () => context.close(),
      };
      return surface;
    },
    async dispose() {
      const pending = browser;
      browser = undefined;
      if (pending) await (await pending).close();
    },
  };
}
