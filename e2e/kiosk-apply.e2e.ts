/**
 * The kiosk's first service end to end, in Debian Chromium against a real sync server and the
 * device agent with its simulated reader: apply for legal aid (card reader, OCR, staff typing),
 * offline submission, tracking, idle reset, retention purge. Screenshots of every step in both
 * languages go to e2e/artifacts/kiosk/; every screen is audited (axe-core, targets, text size).
 *
 *   node_modules/.bin/vitest run --config e2e/vitest.config.ts kiosk-apply
 */
import { execFile } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import {
  formatTrackingCode,
  idNumberLast4,
  makeSampleIdNumber,
  parseTrackingCode,
  trackingCheckChar,
} from '@pls/shared/domain';
import { DEGRADATIONS, renderSyntheticCard } from '../kiosk/host/ocr/testing/synthetic-card';
import { KioskDriver, type AuditProblem } from './kiosk-driver';
import { apply, CARD, eventually, PHONE, track, waitForStaffPin } from './support/kiosk-flows';
import {
  A4_PRINTER,
  KIOSK_ARTIFACTS,
  type KioskAgent,
  openKiosk,
  pngToY4m,
  type PrinterSpool,
  RECEIPT_PRINTER,
  startKioskStack,
  stopKioskStack,
} from './kiosk-harness';
import type { StartedSyncServer } from './support/server';

const exec = promisify(execFile);
const CARD_ADDRESS = 'address' in CARD ? CARD.address : '';
/** The person on the photographed card (made up; a valid number). */
const OCR_PERSON = {
  name: '乌云',
  sex: '女',
  nation: '蒙古',
  birthDate: '1972-08-19',
  address: '内蒙古自治区锡林浩特市宝力根苏木示例嘎查',
  idNumber: makeSampleIdNumber('152502', '1972-08-19', 924),
};

let server: StartedSyncServer;
let spool: PrinterSpool;
let agent: KioskAgent;
let browser: Browser;
const problems: AuditProblem[] = [];

beforeAll(async () => {
  let video: string;
  ({ server, spool, agent, browser, video } = await startKioskStack('card'));
  // The camera file must exist before a page opens the camera; the browser renders the card.
  writeFileSync(
    video,
    pngToY4m(await renderSyntheticCard(browser, OCR_PERSON, DEGRADATIONS.clean)),
  );
});

afterAll(() => stopKioskStack({ server, spool, agent, browser }));

// ---- helpers -----------------------------------------------------------------------------------

async function pdfText(file: string): Promise<string> {
  return (await exec('pdftotext', ['-layout', file, '-'])).stdout;
}

async function pdfQrCodes(file: string): Promise<string[]> {
  const base = join(tmpdir(), `pls-e2e-qr-${process.pid}-${Date.now()}`);
  await exec('pdftoppm', ['-r', '200', '-png', file, base]); // every page: the form's QR is on its last
  const { stdout } = await exec('sh', ['-c', `zbarimg -q ${base}*.png || true`]);
  await exec('sh', ['-c', `rm -f ${base}*.png`]);
  return stdout
    .split('\n')
    .filter(Boolean)
    .map((line) => line.replace(/^QR-Code:/, ''));
}

async function keepPdf(file: string, name: string): Promise<string> {
  const target = join(KIOSK_ARTIFACTS, `${name}.pdf`);
  writeFileSync(target, readFileSync(file));
  await exec('pdftoppm', ['-r', '110', '-png', target, join(KIOSK_ARTIFACTS, name)]);
  return target;
}

function lastJob(printer: string) {
  const jobs = spool.jobs().filter((j) => j.printer === printer);
  return jobs.at(-1);
}

/** The raw IndexedDB of the page, every store, as JSON text (what is on the disk). */
function dumpIndexedDb(page: Page): Promise<Record<string, unknown[]>> {
  return page.evaluate(async () => {
    const out: Record<string, unknown[]> = {};
    for (const info of await indexedDB.databases()) {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const request = indexedDB.open(info.name!);
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
      for (const store of Array.from(db.objectStoreNames)) {
        out[`${info.name}/${store}`] = await new Promise<unknown[]>((resolve, reject) => {
          const request = db.transaction(store).objectStore(store).getAll();
          request.onsuccess = () =>
            resolve(
              JSON.parse(
                JSON.stringify(request.result, (_k, v: unknown) =>
                  v instanceof Blob ? `[blob ${v.size}]` : v,
                ),
              ) as unknown[],
            );
          request.onerror = () => reject(request.error);
        });
      }
      db.close();
    }
    return out;
  });
}

/** Strings in the page's JavaScript heap after a full garbage collection. */
async function heapStrings(page: Page, needles: readonly string[]): Promise<string[]> {
  const cdp = await page.context().newCDPSession(page);
  const chunks: string[] = [];
  cdp.on('HeapProfiler.addHeapSnapshotChunk', (event: { chunk: string }) =>
    chunks.push(event.chunk),
  );
  await cdp.send('HeapProfiler.enable');
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('HeapProfiler.takeHeapSnapshot', { reportProgress: false });
  await cdp.detach();
  const snapshot = chunks.join('');
  return needles.filter((needle) => snapshot.includes(needle));
}

async function casesAtCenter(code: string): Promise<string[]> {
  const listed = await server.admin('cases', '--tracking', code);
  return listed.output.filter((line) => line.startsWith(code));
}

// ---- the suite -----------------------------------------------------------------------------------

describe('kiosk: apply for legal aid', () => {
  for (const language of ['zh-Hans', 'mn-Mong'] as const) {
    const tag = language === 'zh-Hans' ? 'zh' : 'mn';
    it(`goes from a tapped card to a printed receipt and the center's receipt (${tag})`, async () => {
      const { context, page } = await openKiosk(browser, agent, server);
      const d = new KioskDriver(page, `${tag}-reader`);
      try {
        const code = await apply(d, {
          language,
          description: 'typed',
          photo: language === 'zh-Hans',
          record: true,
        });
        expect(code).toMatch(/^[23456789A-HJ-NP-TV-Z]{11}$/);
        await expect
          .poll(() => page.locator('[data-testid=print-receipt]').getAttribute('data-outcome'))
          .toBe('printed');
        // The center has it exactly once, and says so through sync.
        await page
          .locator('[data-testid=center-status][data-status=received]')
          .waitFor({ timeout: 60_000 });
        expect(await casesAtCenter(code)).toHaveLength(1);
        await d.step('done-received');

        // The receipt as the printer got it: code as text and as QR.
        const receipt = lastJob(RECEIPT_PRINTER);
        expect(receipt).toBeDefined();
        const receiptText = await pdfText(receipt!.file);
        expect(receiptText).toContain(formatTrackingCode(code));
        expect(await pdfQrCodes(receipt!.file)).toContain(code);
        await keepPdf(receipt!.file, `${tag}-receipt`);

        // The A4 form with the applicant's data.
        await d.click('.k-act--print-form');
        await page
          .locator('[data-testid=print-form][data-outcome=printed]')
          .waitFor({ timeout: 60_000 });
        const form = lastJob(A4_PRINTER);
        const formText = await pdfText(form!.file);
        expect(formText).toContain(CARD.name);
        expect(formText).toContain(CARD.idNumber);
        expect(formText).toContain(PHONE);
        expect(formText).toContain(formatTrackingCode(code));
        expect(await pdfQrCodes(form!.file)).toContain(code);
        await keepPdf(form!.file, `${tag}-form`);
        await d.shot('done-form-printed');

        // Track it with the code and the last four of the ID number.
        await d.finishDone();
        await d.expectScreen('home');
        await d.setLanguage(language);
        await track(d, code, idNumberLast4(CARD.idNumber));
        await d.expectScreen('track-result');
        await page.locator('[data-testid=case-result][data-status=received]').waitFor();
        await d.step('track-result');

        // A wrong last four and an unknown code get the same refusal, revealing nothing.
        await d.back(); // to the code, which is still there
        await d.expectScreen('track-code');
        await d.click('.k-act--next');
        await d.keypad('0000');
        await d.click('.k-act--lookup');
        const refusal = page.locator('[data-testid=track-last4] [role=alert]');
        await refusal.waitFor();
        const wrong = await refusal.innerText();
        await d.step('track-refused');
        expect(await d.visibleText()).not.toContain(CARD.name);
        expect(await page.locator('[data-testid=case-result]').count()).toBe(0);
        await d.back();
        await d.click('.k-keypad [data-key=clear]');
        // A mistyped code is caught on the spot by its check character…
        const typo = code.slice(0, 10) + (code.endsWith('Z') ? 'Y' : 'Z');
        await d.keypad(typo);
        await d.click('.k-act--next');
        await page.locator('[data-testid=track-code] [role=alert]').waitFor();
        // …a well-formed code that does not exist is refused exactly like a wrong last four.
        await d.click('.k-keypad [data-key=clear]');
        const payload = (code.startsWith('2222') ? '3333' : '2222') + code.slice(4, 10);
        const unknown = payload + trackingCheckChar(payload);
        expect(parseTrackingCode(unknown).ok).toBe(true);
        await d.keypad(unknown);
        await d.click('.k-act--next');
        await d.expectScreen('track-last4');
        await d.keypad(idNumberLast4(CARD.idNumber));
        await d.click('.k-act--lookup');
        await refusal.waitFor();
        expect(await refusal.innerText()).toBe(wrong);

        // Or simply tap the ID card on the tracking screen.
        await d.home();
        await d.setLanguage(language);
        await d.click('[data-service=track]');
        await d.expectScreen('track-code');
        await d.placeCard('resident');
        await page.locator('[data-testid=case-result][data-status=received]').waitFor();
        await d.liftCard();
        await d.shot('track-by-card');
      } finally {
        problems.push(...d.problems);
        await context.close();
      }
    });
  }

  it('reads the card by OCR when there is no reader, and stores a photo of the materials (mn)', async () => {
    const { context, page } = await openKiosk(browser, agent, server);
    const d = new KioskDriver(page, 'mn-ocr');
    try {
      const code = await apply(d, {
        language: 'mn-Mong',
        description: 'staff',
        photo: true,
        record: true,
        identity: async () => {
          await d.click('.k-act--use-photo');
          await page.locator('.k-act--capture:not([disabled])').waitFor({ timeout: 20_000 });
          await d.step('ocr-camera');
          await d.click('.k-act--capture');
          await d.expectScreen('ocr-result', 60_000);
          await d.step('ocr-result');
          const shown = await page.locator('[data-testid=ocr-result]').innerText();
          expect(shown).toContain(OCR_PERSON.idNumber);
          if (
            (await page.locator('[data-testid=ocr-result]').getAttribute('data-verified')) ===
            'true'
          ) {
            await d.click('.k-act--ocr-correct');
          } else {
            // OCR was not sure: staff confirm what it read.
            await d.click('.k-act--ocr-staff');
            await d.unlockStaff();
            await d.click('[data-field=address]');
            await d.keyboard(['AC01']);
            await d.click('.k-act--typed-confirm');
            await d.click('.k-act--hand-back');
          }
        },
      });
      await page
        .locator('[data-testid=center-status][data-status=received]')
        .waitFor({ timeout: 60_000 });
      expect(await casesAtCenter(code)).toHaveLength(1);
      await d.click('.k-act--print-form');
      await page
        .locator('[data-testid=print-form][data-outcome=printed]')
        .waitFor({ timeout: 60_000 });
      const formText = await pdfText(lastJob(A4_PRINTER)!.file);
      expect(formText).toContain(OCR_PERSON.idNumber);
      expect(formText).toContain(OCR_PERSON.name);
      await keepPdf(lastJob(A4_PRINTER)!.file, 'mn-ocr-form');
    } finally {
      problems.push(...d.problems);
      await context.close();
    }
  });

  it('lets only staff type an identity, and refuses an invalid ID number with the reason (zh)', async () => {
    const { context, page } = await openKiosk(browser, agent, server);
    const d = new KioskDriver(page, 'zh-staff');
    try {
      await waitForStaffPin(d);
      await d.setLanguage('zh-Hans');
      await d.startService('apply');
      await d.acceptConsent();
      await d.expectScreen('step-identity');
      // The resident asks for help: a banner, a spoken confirmation, a call in staff mode.
      await page.locator('.pls-frame__tools .pls-button--alert').click();
      await page.locator('[data-testid=staff-called]').waitFor();
      await d.step('staff-called');
      await d.click('.k-act--staff-types');
      await d.step('staff-pin');
      await d.unlockStaff();
      await d.expectScreen('typed-identity');
      await page.locator('[data-testid=staff-helping]').waitFor();
      await d.click('[data-field=name]');
      await d.keyboard(['b', 'a']);
      await page.locator('.pls-key--candidate').first().click();
      const bad =
        OCR_PERSON.idNumber.slice(0, 17) + (OCR_PERSON.idNumber.endsWith('1') ? '2' : '1');
      await d.click('[data-field=idNumber]');
      await d.keyboard([...bad]);
      await d.click('[data-field=address]');
      await d.keyboard(['x', 'i', 'l', 'i', 'n']);
      await page.locator('.pls-key--candidate').first().click();
      await d.click('.k-act--typed-confirm');
      const alert = page.locator('[data-testid=typed-identity] .pls-error-notice');
      await alert.waitFor();
      expect(await alert.innerText()).toContain('校验码');
      expect(await page.locator('[data-testid=step-identity]').isVisible()).toBe(true);
      await d.step('staff-typed-refused');
      // Correct the last character: nothing else needs typing again.
      await d.click('[data-field=idNumber]');
      await d.keyboard(['backspace', OCR_PERSON.idNumber.at(-1)!]);
      await d.click('.k-act--typed-confirm');
      await d.expectScreen('step-phone');
      // From the form to the dashboard (the call is listed, answered) and back: take over.
      await page.locator('[data-testid=staff-called]').waitFor({ state: 'detached' });
      await d.click('.k-act--staff-open');
      await d.expectScreen('staff-screen');
      expect(await page.locator('[data-testid=staff-call]').count()).toBe(1);
      await d.step('staff-dashboard');
      await d.click('.k-act--take-over');
      await d.expectScreen('step-phone');
      await d.click('.k-act--hand-back');
      await page.locator('[data-testid=staff-helping]').waitFor({ state: 'detached' });
      await d.step('handed-back');
      // Leaving asks first, then deletes what was entered.
      await d.home();
      await d.expectScreen('leave');
      await d.step('leave');
      await d.click('.k-act--leave');
      await d.expectScreen('home');
      expect(await d.visibleText()).not.toContain(OCR_PERSON.idNumber.slice(0, 10));
    } finally {
      problems.push(...d.problems);
      await context.close();
    }
  });

  it('submits while the center is unreachable, prints, tracks locally, then delivers exactly once (zh)', async () => {
    const { context, page } = await openKiosk(browser, agent, server);
    const d = new KioskDriver(page, 'zh-offline');
    let down = false;
    try {
      await waitForStaffPin(d);
      await server.kill();
      down = true;
      const code = await apply(d, {
        language: 'zh-Hans',
        description: 'staff',
        photo: false,
        record: false,
      });
      expect(await page.locator('[data-testid=print-receipt]').getAttribute('data-outcome')).toBe(
        'printed',
      );
      expect(await page.locator('[data-testid=center-status]').getAttribute('data-status')).toBe(
        'submitted',
      );
      expect(await pdfText(lastJob(RECEIPT_PRINTER)!.file)).toContain(formatTrackingCode(code));
      await d.step('offline-done');
      await d.finishDone();
      await d.expectScreen('home');
      await d.setLanguage('zh-Hans'); // a new visit starts in the station's language
      // In the outbox.
      await d.click('.k-act--staff-entry');
      await d.unlockStaff();
      await d.expectScreen('staff-screen');
      const row = page.locator(`[data-testid=staff-application][data-code="${code}"]`);
      await expect
        .poll(() => row.locator('[data-outbox]').getAttribute('data-outbox'))
        .toBe('pending');
      await d.step('offline-staff');
      await d.click('.k-act--staff-exit');
      await d.home();
      // Tracking works from local data and says how fresh it is.
      await track(d, code, idNumberLast4(CARD.idNumber));
      await page.locator('[data-testid=case-result][data-status=submitted]').waitFor();
      expect(await page.locator('.k-freshness').innerText()).toContain('没有连上中心');
      await d.step('offline-track');
      // The center comes back: the kiosk delivers by itself (staff may press "sync now").
      await server.restart();
      down = false;
      await d.home();
      await d.click('.k-act--staff-entry');
      await d.unlockStaff();
      await d.click('.k-act--sync-now');
      await expect
        .poll(() => row.locator('[data-status]').getAttribute('data-status'), { timeout: 90_000 })
        .toBe('received');
      await d.step('online-staff');
      expect(await casesAtCenter(code)).toHaveLength(1);
      // Pushed again later (e.g. after a restart of the kiosk) it stays one case.
      await d.click('.k-act--sync-now');
      await page.waitForTimeout(1500);
      expect(await casesAtCenter(code)).toHaveLength(1);
    } finally {
      if (down) await server.restart();
      problems.push(...d.problems);
      await context.close();
    }
  });

  it('killed the moment "submit" is pressed: after a restart one case or one draft, never both, and the center gets it once (zh)', async () => {
    const { context, page } = await openKiosk(browser, agent, server);
    const d = new KioskDriver(page, 'zh-killed-submit');
    let after: KioskDriver | undefined;
    let down = false;
    try {
      await waitForStaffPin(d);
      await server.kill(); // nothing can be pushed before the kill
      down = true;
      await apply(d, {
        language: 'zh-Hans',
        description: 'staff',
        photo: false,
        record: false,
        stopAtReview: true,
      });
      await d.settled();
      // The tap, then the page is gone: no unload, no cleanup, writes cut wherever they were.
      await page.locator('.k-act--submit').click({ noWaitAfter: true });
      await page.close({ runBeforeUnload: false });
      const restarted = await context.newPage();
      after = new KioskDriver(restarted, 'zh-killed-submit-after');
      await restarted.goto(agent.url);
      await after.expectScreen('home', 60_000);
      await after.click('.k-act--staff-entry');
      await after.unlockStaff();
      await after.expectScreen('staff-screen');
      await restarted.locator('[data-testid=panel-drafts]').waitFor();
      await restarted.locator('[data-testid=panel-applications]').waitFor();
      await restarted.waitForTimeout(1000); // both lists read the database once
      const cases = restarted.locator('[data-testid=staff-application]');
      const drafts = restarted.locator('[data-testid=staff-draft]');
      const found = { cases: await cases.count(), drafts: await drafts.count() };
      await after.step('killed-submit-staff');
      // Whole in the outbox, or still a form to finish; never both, never none.
      expect(found.cases + found.drafts, JSON.stringify(found)).toBe(1);
      if (found.drafts === 1) {
        await after.click('.k-act--resume-draft');
        await after.expectScreen('step-review');
        await after.click('.k-act--submit');
        await after.expectScreen('step-done');
        await after.click('.k-act--hand-back');
        await after.finishDone();
        await after.click('.k-act--staff-entry');
        await after.unlockStaff();
      }
      await cases.first().waitFor();
      expect(await cases.count()).toBe(1);
      expect(await cases.first().locator('[data-outbox]').getAttribute('data-outbox')).toBe(
        'pending',
      );
      const code = (await cases.first().getAttribute('data-code')) ?? '';
      await server.restart();
      down = false;
      await after.click('.k-act--sync-now');
      await expect
        .poll(() => cases.first().locator('[data-status]').getAttribute('data-status'), {
          timeout: 90_000,
        })
        .toBe('received');
      expect(await casesAtCenter(code)).toHaveLength(1);
      expect(await drafts.count()).toBe(0);
      console.log(`killed at submit: restarted with ${JSON.stringify(found)}`);
    } finally {
      if (down) await server.restart();
      problems.push(...d.problems, ...(after?.problems ?? []));
      await context.close();
    }
  });

  it('finds an application interrupted by a power cut again, for staff to resume (zh)', async () => {
    const { context, page, deviceId } = await openKiosk(browser, agent, server);
    const d = new KioskDriver(page, 'zh-powercut');
    let second: KioskDriver | undefined;
    try {
      expect(deviceId).toMatch(/^kiosk-/);
      await waitForStaffPin(d);
      await d.setLanguage('zh-Hans');
      await d.startService('apply');
      await d.acceptConsent();
      await d.expectScreen('step-identity');
      await d.placeCard('resident');
      await d.expectScreen('step-phone');
      await d.liftCard();
      await d.keyboard([...PHONE]);
      await d.click('.k-act--next');
      await d.click('[data-category=traffic_accident]');
      await d.expectScreen('step-hardship');
      await page.waitForTimeout(1000); // the draft is written after each step
      // The power goes: no unload, no cleanup, the page is simply gone.
      await page.close({ runBeforeUnload: false });
      const restarted = await context.newPage();
      second = new KioskDriver(restarted, 'zh-powercut-after');
      await restarted.goto(agent.url);
      await second.expectScreen('home', 60_000);
      // Nothing of it on the resident's screens…
      expect(await second.visibleText()).not.toContain(CARD.name);
      // …but staff find it.
      await second.click('.k-act--staff-entry');
      await second.unlockStaff();
      await second.expectScreen('staff-screen');
      await restarted.locator('[data-testid=staff-draft]').first().waitFor();
      await second.step('staff-drafts');
      await second.click('.k-act--resume-draft');
      await second.expectScreen('step-hardship');
      await restarted.locator('[data-testid=staff-helping]').waitFor();
      await restarted.locator('[role=option]').nth(6).click();
      await second.click('.k-act--next');
      await second.click('.k-act--by-staff');
      await second.click('.k-act--next');
      await second.expectScreen('step-review');
      const review = await restarted.locator('[data-testid=step-review]').innerText();
      expect(review).toContain(CARD.name);
      expect(review).toContain(PHONE);
      await second.step('resumed-review');
      await second.click('.k-act--submit');
      await second.expectScreen('step-done');
      await restarted
        .locator('[data-testid=center-status][data-status=received]')
        .waitFor({ timeout: 60_000 });
      // Submitted: the draft is gone.
      await second.click('.k-act--hand-back');
      await second.finishDone();
      await second.click('.k-act--staff-entry');
      await second.unlockStaff();
      await restarted.locator('[data-testid=panel-drafts]').waitFor();
      expect(await restarted.locator('[data-testid=staff-draft]').count()).toBe(0);
    } finally {
      problems.push(...d.problems, ...(second?.problems ?? []));
      await context.close();
    }
  });

  it('clears everything of a resident on idle reset mid-flow (mn)', async () => {
    const { context, page } = await openKiosk(browser, agent, server, { installClock: true });
    const d = new KioskDriver(page, 'mn-idle');
    try {
      await d.setLanguage('mn-Mong');
      await d.startService('apply');
      await d.acceptConsent();
      await d.expectScreen('step-identity');
      await d.placeCard('resident');
      await d.expectScreen('step-phone');
      await d.liftCard();
      await d.keyboard([...PHONE]);
      await d.click('.k-act--next');
      await d.click('[data-category=grassland_land]');
      await d.settled();
      await d.page.locator('[role=option]').nth(6).click();
      await d.click('.k-act--next');
      await d.expectScreen('step-description');
      await d.keyboard(['AB03', 'AC01', 'AC09', 'AD08', 'AB06']);
      const personal = [CARD.name, CARD.idNumber, PHONE, CARD_ADDRESS.slice(-8), 'ᠴᠠᠯᠢᠨ'];
      expect(personal.filter((p) => !p.startsWith('ᠴ')).some((p) => p === CARD.name)).toBe(true);
      // The warning, spoken and counted down, then the reset.
      await page.clock.fastForward(101_000);
      await page.locator('.pls-idle').waitFor();
      await d.step('idle-warning');
      await page.clock.fastForward(21_000);
      await d.expectScreen('home');
      await page.locator('.pls-idle').waitFor({ state: 'detached' });
      await d.step('idle-reset-home');
      const html = await page.evaluate(() => document.documentElement.outerHTML);
      for (const value of personal) expect(html).not.toContain(value);
      // Nothing kept for a crash: the draft of a deliberately ended visit is deleted.
      const stored = await dumpIndexedDb(page);
      const drafts = Object.entries(stored).filter(([name]) => name.includes('drafts'));
      expect(JSON.stringify(drafts)).not.toContain(CARD.idNumber);
      expect(JSON.stringify(stored)).not.toContain(PHONE);
      // And nothing left in the page's memory once garbage is collected.
      expect(await heapStrings(page, [CARD.idNumber, PHONE, CARD.name])).toEqual([]);
    } finally {
      problems.push(...d.problems);
      await context.close();
    }
  });

  it('purges personal data after the acknowledgement and the retention window; tracking still works (zh)', async () => {
    const { context, page } = await openKiosk(browser, agent, server, { installClock: true });
    const d = new KioskDriver(page, 'zh-retention');
    try {
      await waitForStaffPin(d);
      const code = await apply(d, {
        language: 'zh-Hans',
        description: 'staff',
        photo: false,
        record: false,
      });
      await page
        .locator('[data-testid=center-status][data-status=received]')
        .waitFor({ timeout: 60_000 });
      const record = async () => {
        const stored = await dumpIndexedDb(page);
        const store = Object.entries(stored).find(([name]) => name.endsWith('--applications/docs'));
        return (store?.[1] ?? []).find((doc) => JSON.stringify(doc).includes(code)) as
          Record<string, unknown> | undefined;
      };
      const before = await record();
      expect(before).toBeDefined();
      expect(before!['applicant']).toBeDefined(); // present (encrypted at rest)
      expect(JSON.stringify(before)).not.toContain(CARD.idNumber); // never in clear on disk
      // The station's window is 7 days (device_config.retentionDays); the kiosk checks every 10 min.
      await page.clock.fastForward(7 * 86_400_000 + 11 * 60_000);
      const after = await eventually(record, (doc) => doc?.['piiPurgedAt'] !== undefined, 30_000);
      expect(after?.['piiPurgedAt']).toBeDefined();
      expect(after?.['applicant']).toBeUndefined();
      expect(after?.['trackingCode']).toBe(code);
      expect(after?.['lookupVerifier']).toBe(before!['lookupVerifier']);
      await d.home();
      await d.expectScreen('home');
      await track(d, code, idNumberLast4(CARD.idNumber));
      await page.locator('[data-testid=case-result][data-status=received]').waitFor();
      await d.step('retention-track');
      await d.home();
      await d.click('.k-act--staff-entry');
      await d.unlockStaff();
      await page
        .locator(`[data-testid=staff-application][data-code="${code}"] [data-purged=true]`)
        .waitFor();
      await d.step('retention-staff');
      // The center still has the full application.
      expect(await casesAtCenter(code)).toHaveLength(1);
    } finally {
      problems.push(...d.problems);
      await context.close();
    }
  });

  it('has no serious accessibility problems, targets ≥ 60 px, text ≥ 24 px and a sound layout on every screen', () => {
    const found = problems.map((p) => `${p.step} ${p.kind}: ${p.detail}`);
    expect([...new Set(found)]).toEqual([]);
  });
});
