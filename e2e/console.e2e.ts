/**
 * The staff console in Chromium against a real sync server process: a simulated kiosk files
 * an application and a question; the admin creates a station staff account; staff sign in,
 * open the case, ask for materials, resume review and approve; answer the question in
 * Mongolian. Each step reaches the kiosk as a case_updates document (pulled with the kiosk's
 * token). Every page is screenshot in both languages at 1920×1080 and audited with axe-core.
 */
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EnrollResponse } from '@pls/shared/protocol';
import { sampleApplication, sampleQuestion } from '@pls/shared/testing';
import { ARTIFACTS_DIR, launchChromium, newPage } from './support/chromium';
import { answerInMongolian, buildConsole, consoleShooter } from './support/console-pages';
import { SAMPLE_STATION_ID, startSyncServer, type StartedSyncServer } from './support/server';

const SHOTS = join(ARTIFACTS_DIR, 'console');
const STAFF_PASSWORD = 'station staff password 1';

describe('staff console in Chromium', () => {
  let server: StartedSyncServer;
  let browser: Browser;
  let page: Page;
  let kiosk: EnrollResponse;
  let applicationCode: string;
  let questionCode: string;

  const { problems, shots, both } = consoleShooter(() => page, SHOTS);

  async function pullUpdates(): Promise<Array<Record<string, unknown>>> {
    const r = await fetch(`${server.url}/api/sync/case_updates/pull?seq=0&limit=500`, {
      headers: { authorization: `Bearer ${kiosk.token}` },
    });
    expect(r.status).toBe(200);
    return ((await r.json()) as { documents: Array<Record<string, unknown>> }).documents;
  }

  beforeAll(async () => {
    buildConsole();
    server = await startSyncServer();
    const added = await server.admin('add-user', 'zhao-admin', '--role', 'admin');
    expect(added.exitCode).toBe(0);
    kiosk = await server.enroll({ kind: 'kiosk', stationId: SAMPLE_STATION_ID });
    // The kiosk filed both two days ago, offline; they reach the center only now.
    const filed = new Date(Date.now() - 2 * 86_400_000).toISOString();
    const application = sampleApplication({
      deviceId: kiosk.deviceId,
      stationId: SAMPLE_STATION_ID,
      submittedAt: filed,
      language: 'mn-Mong',
    });
    const question = sampleQuestion({
      deviceId: kiosk.deviceId,
      source: 'kiosk',
      stationId: SAMPLE_STATION_ID,
      language: 'mn-Mong',
    });
    delete (question as { householdId?: string }).householdId;
    for (const [collection, doc] of [
      ['applications', application],
      ['questions', question],
    ] as const) {
      const r = await fetch(`${server.url}/api/sync/${collection}/push`, {
        method: 'POST',
        headers: { authorization: `Bearer ${kiosk.token}`, 'content-type': 'application/json' },
        body: JSON.stringify({ rows: [{ newDocumentState: { ...doc, _deleted: false } }] }),
      });
      expect(r.status, await r.clone().text()).toBe(200);
    }
    applicationCode = application.trackingCode;
    questionCode = question.trackingCode;
    browser = await launchChromium();
    ({ page } = await newPage(browser));
    // The first admin comes from the CLI; the station account is made in the console below.
    (globalThis as { adminPassword?: string }).adminPassword = added.output.at(-1)!;
  });
  afterAll(async () => {
    // The last screen, to look at when a step failed.
    await page?.screenshot({ path: join(SHOTS, 'last-screen.png') }).catch(() => undefined);
    await browser?.close();
    await server?.stop();
  });

  it('signs in, manages an account, works a case to approval and answers in Mongolian', async () => {
    const adminPassword = (globalThis as { adminPassword?: string }).adminPassword!;
    await page.goto(`${server.url}/console/`);
    await page.locator('input[name="name"]').waitFor();
    await both('login', true); // shows Mongolian and Chinese together
    // A wrong password says so and keeps the user on the page.
    await page.fill('input[name="name"]', 'zhao-admin');
    await page.fill('input[name="password"]', 'wrong password!');
    await page.click('button[type="submit"]');
    await page.locator('.console-alert').waitFor();
    await page.fill('input[name="password"]', adminPassword);
    await page.click('button[type="submit"]');
    await page.locator('.console-table').waitFor();

    // Admin: accounts page, add the station's staff member.
    await page.locator('.console-nav-button').nth(1).click();
    await page.locator('.console-form').waitFor();
    const form = page.locator('.console-form');
    await form.locator('input').first().fill('li-staff');
    await form.locator('[role="radio"]').nth(2).click(); // station staff
    await form.locator('[role="radio"]', { hasText: '白音锡勒' }).click(); // SAMPLE_STATION_ID
    await form.locator('input[type="password"]').fill(STAFF_PASSWORD);
    await form.locator('button[type="submit"]').click();
    await page.locator('.console-ok').waitFor();
    await both('users');
    await page.locator('.console-nav-button').nth(2).click();
    await page.locator('.console-table tbody tr').first().waitFor();
    await both('audit');
    await page.locator('.console-nav-button').nth(3).click();
    await page.locator('.console-form').waitFor();
    await both('password');
    await page.locator('.console-bar__user .console-button--quiet').click();
    await page.locator('input[name="name"]').waitFor();

    // Station staff sign in: the inbox holds the station's two cases, the application flagged.
    await page.fill('input[name="name"]', 'li-staff');
    await page.fill('input[name="password"]', STAFF_PASSWORD);
    await page.click('button[type="submit"]');
    await page.locator(`text=${applicationCode}`).waitFor();
    expect(await page.locator('.console-table tbody tr').count()).toBe(2);
    expect(await page.locator('.console-flag').count()).toBeGreaterThan(0);
    await both('inbox');

    await page.click(`text=${applicationCode}`);
    await page.locator('.console-decide').first().waitFor();
    await page.locator('.console-warning').waitFor(); // waited offline > 1 day
    await both('case');
    const decide = async (index: number, reason?: string) => {
      if (reason !== undefined) await page.locator('.console-decide textarea').first().fill(reason);
      const before = await page.locator('.console-status').innerText();
      await page.locator('.console-decide .console-actions button').nth(index).click();
      await page.waitForFunction(
        (b) => document.querySelector('.console-status')?.textContent !== b,
        before,
      );
    };
    // received → under_review → needs_materials (with the checklist text) → under_review → approved
    await decide(0);
    await decide(0, '请补充：劳动合同或工资欠条；欠薪的证明材料。');
    await decide(0);
    // Approve and assign a lawyer from the (sample) directory in one step (第四十三条).
    await page.locator('.console-assign [role="radio"]').first().click();
    const before = await page.locator('.console-status').innerText();
    await page.locator('.console-assign__submit').click();
    await page.waitForFunction(
      (b) => document.querySelector('.console-status')?.textContent !== b,
      before,
    );
    const statuses = (await pullUpdates())
      .filter((u) => u['trackingCode'] === applicationCode && u['status'] !== 'received')
      .map((u) => u['status']);
    expect(statuses).toEqual([
      'under_review',
      'needs_materials',
      'under_review',
      'approved',
      'assigned',
    ]);
    await both('case-approved');

    // The question, answered in Mongolian.
    const mongolianAnswer = 'ᠲᠠᠨ ᠤ ᠠᠰᠠᠭᠤᠯᠲᠠ ᠳᠤ ᠬᠠᠷᠢᠭᠤ ᠥᠭᠴᠡᠢ᠃';
    await answerInMongolian(page, server.url, questionCode, mongolianAnswer);
    expect(await page.locator('.console-timeline').innerText()).toContain(mongolianAnswer);
    const answer = (await pullUpdates()).find(
      (u) => u['trackingCode'] === questionCode && u['kind'] === 'answer',
    );
    expect(answer?.['answer']).toEqual({ text: mongolianAnswer, language: 'mn-Mong' });
    await both('question-answered');

    expect(problems).toEqual([]);
    expect(shots.length).toBe(15);
  });
});
