/**
 * Page engine on a headless Chromium driven by playwright-core: the device agent's renderer for
 * print-to-PDF and the test/bench path. The browser and one page start on first use and are
 * kept warm; documents take turns on that page, which is blanked after each; `dispose` closes
 * it. Debian's /usr/bin/chromium unless CHROMIUM_PATH says otherwise.
 */
import { chromium, type Browser, type Page } from 'playwright-core';
import type { PageEngine, PrintSurface } from './page-engine';

const DEFAULT_CHROMIUM_PATH = '/usr/bin/chromium';

const ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--font-render-hinting=none',
];

/** What a page holds between documents: nothing of the last applicant. */
const BLANK = '<!doctype html><html><head><title></title></head><body></body></html>';

export function createChromiumPageEngine(
  executablePath = process.env['CHROMIUM_PATH'] ?? DEFAULT_CHROMIUM_PATH,
): PageEngine {
  let browser: Promise<Browser> | undefined;
  let warmPage: Promise<Page> | undefined;
  // One document at a time on one warm page: a new page costs a renderer process (measured
  // 0.45–0.7 s on the 2-core station PC class), reusing the page about 0.1 s per PDF.
  let queue: Promise<void> = Promise.resolve();

  const getPage = (): Promise<Page> => {
    warmPage ??= (async () => {
      browser ??= chromium.launch({ executablePath, args: ARGS, headless: true });
      const context = await (
        await browser
      ).newContext({
        viewport: { width: 800, height: 600 },
        deviceScaleFactor: 1,
        // Print documents need no network: everything is inline.
        offline: true,
        javaScriptEnabled: true,
      });
      const page = await context.newPage();
      await page.emulateMedia({ media: 'print' });
      return page;
    })();
    // A page that failed to start or has since crashed is replaced on the next document.
    return warmPage.then(
      (page) => {
        if (!page.isClosed()) return page;
        warmPage = undefined;
        return getPage();
      },
      (error: unknown) => {
        warmPage = undefined;
        throw error;
      },
    );
  };

  return {
    async open(html, widthPx) {
      let release: () => void = () => undefined;
      const turn = queue;
      queue = new Promise<void>((resolve) => (release = resolve));
      await turn;
      try {
        const page = await getPage();
        await page.setViewportSize({ width: Math.ceil(widthPx), height: 600 });
        await page.setContent(html, { waitUntil: 'load' });
        let closed = false;
        const surface: PrintSurface = {
          evaluate: <T>(expression: string) => page.evaluate(expression) as Promise<T>,
          async pdf() {
            const buffer = await page.pdf({ preferCSSPageSize: true, printBackground: true });
            return new Uint8Array(buffer);
          },
          async close() {
            if (closed) return;
            closed = true;
            try {
              // The applicant's data leaves the page before the next document comes.
              if (!page.isClosed()) await page.setContent(BLANK);
            } finally {
              release();
            }
          },
        };
        return surface;
      } catch (error) {
        release();
        throw error;
      }
    },
    async dispose() {
      const pending = browser;
      browser = undefined;
      warmPage = undefined;
      if (pending) await (await pending).close();
    },
  };
}
