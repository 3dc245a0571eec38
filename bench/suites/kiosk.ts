/// <reference lib="dom" />
// The timed functions run inside the kiosk page (page.evaluate): they use the DOM's globals.
/**
 * Kiosk benchmarks, in the real renderer (Debian Chromium) with the device agent's simulated
 * reader and a real sync server, the same setup as the kiosk e2e suite:
 * - card placed → form prefilled: from `simulator.placeCard` until the phone step is on screen
 *   (SAM read, bridge event, the flow's checks, React render); reference: the reader alone,
 *   placeCard → the `cardRead` event in the page, measured in the same rounds;
 * - submit → receipt printed: from the Submit tap until the screen says the receipt printed
 *   (tracking code, encrypted insert, then render → lay out → PDF → spool, the agent's CUPS
 *   path with `lp` captured); reference: `print.renderPdf` of the same receipt straight
 *   through the bridge, the PDF path without the kiosk around it.
 * Times are measured inside the page (performance.now, a MutationObserver), medians of the rounds.
 * Run alone: `tsx bench/suites/kiosk.ts [--quick]`.
 */
import { fileURLToPath } from 'node:url';
import { chromium, type Page } from 'playwright-core';
import type { PrintDocumentSpec } from '@pls/shared/print';
import type { KioskApi } from '@pls/shared/protocol';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../../e2e/support/chromium';
import { startSyncServer } from '../../e2e/support/server';
import {
  buildRenderer,
  createPrinterSpool,
  openKiosk,
  startKioskAgent,
} from '../../e2e/kiosk-harness';
import { result, type BenchContext, type BenchResult } from '../framework';

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

/** Card on the reader → the phone step on screen, and → the reader's own cardRead event. */
function timeCardToForm(page: Page): Promise<{ form: number; read: number }> {
  return page.evaluate(
    () =>
      new Promise<{ form: number; read: number }>((resolve) => {
        const kiosk = (window as unknown as { kiosk: KioskApi }).kiosk;
        let read = Number.NaN;
        const t0 = performance.now();
        const unsubscribe = kiosk.reader.subscribe((event) => {
          if (event.type === 'cardRead') read = performance.now() - t0;
        });
        const observer = new MutationObserver(() => {
          if (!document.querySelector('[data-testid=step-phone]')) return;
          observer.disconnect();
          unsubscribe();
          resolve({ form: performance.now() - t0, read });
        });
        observer.observe(document.body, { childList: true, subtree: true });
        void kiosk.simulator.placeCard({ cardType: 'resident' });
      }),
  );
}

/** Submit tapped → "receipt printed" on screen. */
function timeSubmitToReceipt(page: Page): Promise<number> {
  return page.evaluate(
    () =>
      new Promise<number>((resolve, reject) => {
        const observer = new MutationObserver(() => {
          const notice = document.querySelector('[data-testid=print-receipt]');
          const outcome = notice?.getAttribute('data-outcome');
          if (!outcome || outcome === 'printing') return;
          observer.disconnect();
          if (outcome === 'printed') resolve(performance.now() - t0);
          else reject(new Error(`receipt not printed: ${outcome}`));
        });
        observer.observe(document.body, { childList: true, subtree: true, attributes: true });
        const t0 = performance.now();
        document.querySelector<HTMLButtonElement>('.k-act--submit')?.click();
      }),
  );
}

async function fillToReview(page: Page): Promise<void> {
  for (const key of '13904790000') await page.locator(`.pls-keyboard [data-key="${key}"]`).click();
  await page.locator('.k-act--next').click();
  await page.locator('[data-category=wage_arrears]').click();
  await page.locator('[role=option]').nth(4).click();
  await page.locator('.k-act--next').click();
  await page.locator('.k-act--by-staff').click();
  await page.locator('.k-act--next').click();
  await page.locator('[data-testid=step-review]').waitFor();
}

export async function run(
  options: { quick?: boolean } & Partial<BenchContext> = {},
): Promise<BenchResult[]> {
  const rounds = options.quick ? 3 : 8;
  await buildRenderer();
  const server = await startSyncServer();
  const spool = createPrinterSpool();
  const agent = await startKioskAgent(spool);
  const browser = await chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: CHROMIUM_ARGS,
    headless: true,
  });
  try {
    const { page } = await openKiosk(browser, agent, server);
    const forms: number[] = [];
    const reads: number[] = [];
    const receipts: number[] = [];
    const pdfs: number[] = [];
    for (let round = 0; round < rounds; round++) {
      await page.locator('[data-service=apply]').click();
      await page.locator('.k-act--accept').click();
      await page.locator('[data-reader=waitingForCard]').waitFor();
      const { form, read } = await timeCardToForm(page);
      forms.push(form);
      reads.push(read);
      await page.evaluate(() =>
        (window as unknown as { kiosk: KioskApi }).kiosk.simulator.liftCard(),
      );
      await fillToReview(page);
      receipts.push(await timeSubmitToReceipt(page));
      const code = (
        (await page.locator('[data-testid=tracking-code]').textContent()) ?? ''
      ).replaceAll('-', '');
      const spec: PrintDocumentSpec = {
        kind: 'receipt',
        paper: '80mm',
        receipt: {
          service: 'legalAid',
          trackingCode: code as never,
          language: 'mn-Mong',
          stationName: { zh: '白音锡勒公共法律服务工作站', mn: '', mnStatus: 'missing' },
          issuedAt: new Date().toISOString(),
        },
      };
      pdfs.push(
        await page.evaluate(async (document) => {
          const t0 = performance.now();
          const made = await (window as unknown as { kiosk: KioskApi }).kiosk.print.renderPdf({
            document,
          });
          if (!made.ok) throw new Error(JSON.stringify(made.error));
          return performance.now() - t0;
        }, spec),
      );
      await page.locator('.k-act--finish').click();
      await page.locator('[data-testid=home]').waitFor();
    }
    options.log?.(
      `card→form ${forms.map(Math.round).join(', ')} ms; submit→receipt ${receipts.map(Math.round).join(', ')} ms`,
    );
    return [
      result(
        'kiosk: card placed → form prefilled (simulated reader)',
        median(forms),
        'ms',
        median(reads),
      ),
      result('kiosk: submit → receipt printed (PDF path)', median(receipts), 'ms', median(pdfs)),
    ];
  } finally {
    await browser.close();
    await agent.stop();
    await server.stop();
    spool.dispose();
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  console.table(await run({ quick: process.argv.includes('--quick'), log: console.log }));
}
