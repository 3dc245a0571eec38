/**
 * The whole case loop in Debian Chromium, with a real sync server, the device agent and a real
 * kiosk page: a resident applies in Mongolian while the center is unreachable; the kiosk
 * delivers when the server is back; staff open the case in the console, ask for the missing
 * materials once (by code), then approve and assign a sample lawyer; the kiosk's track screen
 * shows each step in both languages; the 给予法律援助决定书 prints to PDF and reads back with
 * pdftotext. Then a question is answered in Mongolian in the console and reaches the device.
 * Console pages: screenshot and axe in both languages (e2e/artifacts/console-loop/).
 *
 *   node_modules/.bin/vitest run --config e2e/vitest.config.ts e2e/console-loop.e2e.ts
 */
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatTrackingCode, idNumberLast4 } from '@pls/shared/domain';
import { sampleQuestion } from '@pls/shared/testing';
import { KioskDriver, type AuditProblem } from './kiosk-driver';
import {
  openKiosk,
  startKioskStack,
  stopKioskStack,
  type KioskAgent,
  type KioskLanguage,
  type PrinterSpool,
} from './kiosk-harness';
import { ARTIFACTS_DIR } from './support/chromium';
import { answerInMongolian, buildConsole, consoleShooter, signIn } from './support/console-pages';
import { apply, CARD, eventually, track } from './support/kiosk-flows';
import { SAMPLE_STATION_ID, type StartedSyncServer } from './support/server';

const SHOTS = join(ARTIFACTS_DIR, 'console-loop');
/** Labels the kiosk must show (locales/<lang>/domain.json), in each language. */
const LABELS = {
  'zh-Hans': {
    needs_materials: ['劳动合同、工资欠条等劳动关系证明', '身份证件'],
    assigned: ['已指派法律援助律师', '巴图'],
  },
  'mn-Mong': {
    needs_materials: ['ᠬᠥᠳᠡᠯᠮᠦᠷᠢ\u202fᠶᠢᠨ ᠭᠡᠷ᠎ᠡ', 'ᠪᠡᠶ᠎ᠡ\u202fᠶᠢᠨ ᠦᠨᠡᠮᠯᠡᠯ'],
    assigned: ['ᠬᠠᠤᠯᠢᠴᠢ ᠲᠣᠮᠢᠯᠠᠭᠰᠠᠨ', 'ᠪᠠᠲᠤ'],
  },
} as const;

let server: StartedSyncServer;
let spool: PrinterSpool;
let agent: KioskAgent;
let browser: Browser;
let consolePage: Page;
const kioskProblems: AuditProblem[] = [];
const shooter = consoleShooter(() => consolePage, SHOTS);

beforeAll(async () => {
  // Before the server starts: it serves the console's build only if the build exists.
  buildConsole();
  ({ server, spool, agent, browser } = await startKioskStack('console-loop'));
});
afterAll(async () => {
  await consolePage?.screenshot({ path: join(SHOTS, 'last-screen.png') }).catch(() => undefined);
  await stopKioskStack({ server, spool, agent, browser });
});

describe('the case loop: kiosk → center → kiosk', () => {
  it('files offline, syncs, asks for materials, approves and assigns; the kiosk shows each step', async () => {
    const { context, page } = await openKiosk(browser, agent, server);
    const d = new KioskDriver(page, 'loop');
    const last4 = idNumberLast4(CARD.idNumber);
    let down = false;
    try {
      // Staff PIN set: the kiosk has its config. Then the center goes away.
      await d.click('.k-act--staff-entry');
      await d.unlockStaff();
      await d.click('.k-act--staff-exit');
      await d.home();
      await server.kill();
      down = true;
      const code = await apply(d, {
        language: 'mn-Mong',
        description: 'staff',
        photo: false,
        record: false,
      });
      await d.finishDone();
      await d.expectScreen('home');
      // The center comes back; the kiosk delivers (staff press "sync now" rather than wait).
      await server.restart();
      down = false;
      await d.setLanguage('zh-Hans');
      await d.click('.k-act--staff-entry');
      await d.unlockStaff();
      await d.click('.k-act--sync-now');
      const row = page.locator(`[data-testid=staff-application][data-code="${code}"]`);
      await expect
        .poll(() => row.locator('[data-status]').getAttribute('data-status'), { timeout: 90_000 })
        .toBe('received');
      await d.click('.k-act--staff-exit');
      await d.home();

      /** Looks the case up until the kiosk has the status, then checks it in both languages. */
      const kioskShows = async (status: 'needs_materials' | 'assigned') => {
        const result = page.locator(`[data-testid=case-result][data-status=${status}]`);
        await eventually(
          async () => {
            await d.home();
            await d.setLanguage('zh-Hans');
            await track(d, code, last4);
            await d.expectScreen('track-result');
            return result.count();
          },
          (n) => n > 0,
          60_000,
        );
        for (const language of ['zh-Hans', 'mn-Mong'] as KioskLanguage[]) {
          await d.setLanguage(language);
          const text = await result.innerText();
          for (const label of LABELS[language][status]) expect(text, language).toContain(label);
          await d.step(`track-${status}-${language === 'zh-Hans' ? 'zh' : 'mn'}`);
        }
      };

      // The center: an admin (first account from the CLI) opens the case.
      const added = await server.admin('add-user', 'zhao-admin', '--role', 'admin');
      expect(added.exitCode).toBe(0);
      consolePage = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
      await signIn(consolePage, server.url, 'zhao-admin', added.output.at(-1)!);
      await consolePage.locator(`text=${code}`).waitFor();
      await shooter.both('inbox');
      await consolePage.click(`text=${code}`);
      await consolePage.locator('.console-decide').first().waitFor();
      await shooter.both('case-received');
      const status = () => consolePage.locator('.console-status').innerText();
      const waitChange = (before: string) =>
        consolePage.waitForFunction(
          (b) => document.querySelector('.console-status')?.textContent !== b,
          before,
        );
      const press = async (selector: string) => {
        const before = await status();
        await consolePage.locator(selector).first().click();
        await waitChange(before);
      };
      await press('.console-decide .console-actions button'); // → under review
      // 一次性告知: every missing material at once, as codes.
      await consolePage.locator('[data-code=labor_relation_proof]').click();
      await consolePage.locator('[data-code=id_document]').click();
      await shooter.both('case-materials');
      await press('.console-decide .console-actions button'); // → needs materials
      await kioskShows('needs_materials');

      await press('.console-decide .console-actions button'); // materials came → under review
      await consolePage.locator('.console-assign [role="radio"]').first().click();
      await shooter.both('case-assign');
      await press('.console-assign__submit');
      expect(await consolePage.locator('.console-timeline').innerText()).toContain('巴图');
      await shooter.both('case-assigned');
      await kioskShows('assigned');

      // The decision letter: A4, printed by the browser; here Chromium's print-to-PDF.
      await consolePage.goto(`${server.url}/console/cases/${code}/letter`);
      await consolePage.locator('.letter').waitFor();
      await shooter.both('letter', true); // bilingual: the resident chose Mongolian
      const pdf = join(SHOTS, 'decision-letter.pdf');
      await consolePage.pdf({ path: pdf, preferCSSPageSize: true, printBackground: true });
      const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
      expect(text).toContain('给予法律援助决定书');
      expect(text).toContain(CARD.name);
      expect(text).toContain(formatTrackingCode(code));
      expect(text).toContain('第四十三条');
      expect(text).toContain('巴图');
      expect(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' })).toMatch(/Page size:.*\(A4\)/);
    } finally {
      if (down) await server.restart();
      kioskProblems.push(...d.problems);
      await context.close();
    }
    expect(kioskProblems.filter((p) => p.kind === 'axe')).toEqual([]);
  });

  it('answers a question in Mongolian in the console and the answer reaches the device', async () => {
    // The kiosk has no screen yet to ask a person (only the local knowledge base), so the
    // question comes through the device API of an enrolled kiosk, as a kiosk would send it.
    const device = await server.enroll({ kind: 'kiosk', stationId: SAMPLE_STATION_ID });
    const question = sampleQuestion({
      deviceId: device.deviceId,
      source: 'kiosk',
      stationId: SAMPLE_STATION_ID,
      language: 'mn-Mong',
    });
    delete (question as { householdId?: string }).householdId;
    const pushed = await fetch(`${server.url}/api/sync/questions/push`, {
      method: 'POST',
      headers: { authorization: `Bearer ${device.token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ rows: [{ newDocumentState: { ...question, _deleted: false } }] }),
    });
    expect(pushed.status).toBe(200);
    const answer = 'ᠲᠠᠨ ᠤ ᠠᠰᠠᠭᠤᠯᠲᠠ ᠳᠤ ᠬᠠᠷᠢᠭᠤ ᠥᠭᠴᠡᠢ᠃';
    await answerInMongolian(consolePage, server.url, question.trackingCode, answer);
    await shooter.both('question-answered');
    const pulled = await fetch(`${server.url}/api/sync/case_updates/pull?seq=0&limit=500`, {
      headers: { authorization: `Bearer ${device.token}` },
    });
    const docs = ((await pulled.json()) as { documents: Array<Record<string, unknown>> }).documents;
    const reply = docs.find(
      (u) => u['trackingCode'] === question.trackingCode && u['kind'] === 'answer',
    );
    expect(reply?.['answer']).toEqual({ text: answer, language: 'mn-Mong' });
    expect(shooter.problems).toEqual([]);
  });
});
