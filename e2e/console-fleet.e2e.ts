/**
 * The console's fleet pages in Chromium against a real sync server process: the admin adds and
 * edits a station, issues a kiosk enrollment code shown as text and QR (the QR decoded from a
 * screenshot with zbarimg), a device enrolls with it and sends its heartbeat; the device list
 * shows what the heartbeat said; the admin revokes it with a reason and the device is refused
 * with device_revoked; the dashboard draws its charts. Every page in both languages at
 * 1920×1080, screenshot and audited with axe-core.
 */
import { execFile, spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HEARTBEAT_HEADER, formatHeartbeat } from '@pls/shared/protocol';
import { sampleApplication, sampleFeedback } from '@pls/shared/testing';
import { ARTIFACTS_DIR, launchChromium, newPage } from './support/chromium';
import { axeProblems } from './support/axe';
import { SAMPLE_STATION_ID, startSyncServer, type StartedSyncServer } from './support/server';

const exec = promisify(execFile);
const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const SHOTS = join(ARTIFACTS_DIR, 'console-fleet');

describe('console fleet pages in Chromium', () => {
  let server: StartedSyncServer;
  let browser: Browser;
  let page: Page;
  let adminPassword: string;
  const problems: string[] = [];
  const shots: string[] = [];

  /** Screenshot + axe of the page in the current language, then in the other one. */
  async function both(name: string): Promise<void> {
    for (const round of [0, 1]) {
      await page.evaluate(() => document.fonts.ready.then(() => undefined));
      const lang = await page.evaluate(() => document.documentElement.lang);
      const path = join(SHOTS, `${name}-${lang}.png`);
      await page.screenshot({ path, fullPage: false });
      shots.push(path);
      for (const p of await axeProblems(page)) problems.push(`${name} ${lang}: ${p}`);
      if (round === 0) {
        await page.locator('.pls-language-switch').first().click();
        await page.waitForFunction((before) => document.documentElement.lang !== before, lang);
      }
    }
  }

  const nav = (page_: 'stations' | 'devices' | 'dashboard') =>
    page.locator('.console-nav-button').nth({ dashboard: 4, stations: 5, devices: 6 }[page_]);

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    const build = spawnSync('npm', ['run', 'console:build', '-w', 'sync-server'], {
      cwd: ROOT,
      encoding: 'utf8',
    });
    if (build.status !== 0) throw new Error(`console build failed: ${build.stderr}`);
    server = await startSyncServer();
    const added = await server.admin('add-user', 'zhao-admin', '--role', 'admin');
    expect(added.exitCode).toBe(0);
    adminPassword = added.output.at(-1)!;
    // A kiosk with a case and a rating, so the dashboard has something to draw.
    const kiosk = await server.enroll({ kind: 'kiosk', stationId: SAMPLE_STATION_ID });
    for (const [collection, doc] of [
      [
        'applications',
        sampleApplication({ deviceId: kiosk.deviceId, stationId: SAMPLE_STATION_ID }),
      ],
      [
        'feedback',
        sampleFeedback({ deviceId: kiosk.deviceId, stationId: SAMPLE_STATION_ID, rating: 5 }),
      ],
    ] as const) {
      const r = await fetch(`${server.url}/api/sync/${collection}/push`, {
        method: 'POST',
        headers: { authorization: `Bearer ${kiosk.token}`, 'content-type': 'application/json' },
        body: JSON.stringify({ rows: [{ newDocumentState: { ...doc, _deleted: false } }] }),
      });
      expect(r.status, await r.clone().text()).toBe(200);
    }
    browser = await launchChromium();
    ({ page } = await newPage(browser));
  });
  afterAll(async () => {
    await page?.screenshot({ path: join(SHOTS, 'last-screen.png') }).catch(() => undefined);
    await browser?.close();
    await server?.stop();
  });

  it('adds a station, enrolls a kiosk by QR code, shows its heartbeat, revokes it', async () => {
    await page.goto(`${server.url}/console/`);
    await page.locator('input[name="name"]').waitFor();
    await page.fill('input[name="name"]', 'zhao-admin');
    await page.fill('input[name="password"]', adminPassword);
    await page.click('button[type="submit"]');
    await page.locator('.console-table').waitFor();

    // Stations: add one, then move it to another region.
    await nav('stations').click();
    const add = page.locator('form.console-form').first();
    await add.waitFor();
    await add.locator('input').nth(0).fill('station-e2e-fleet');
    await add.locator('input').nth(1).fill('锡林浩特示例站（示例）');
    await add.locator('input').nth(2).fill('152501');
    await add.locator('button[type="submit"]').click();
    const row = page.locator('tr', { hasText: 'station-e2e-fleet' });
    await row.waitFor();
    await row.locator('button').click();
    await row.locator('input').nth(1).fill('152502');
    await row.locator('button[type="submit"]').click();
    await page.locator('tr', { hasText: 'station-e2e-fleet' }).locator('text=152502').waitFor();

    // A one-time kiosk code for it, as text and QR.
    const issue = page.locator('form.console-form').nth(1);
    await issue.locator('[role="radio"]', { hasText: '锡林浩特示例站' }).click();
    await issue.locator('button[type="submit"]').click();
    const codeText = (await page.locator('[data-testid="enroll-code"]').innerText()).trim();
    expect(codeText).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}$/);
    const qrFile = join(SHOTS, 'enroll-qr.png');
    await page.locator('.console-issued svg.qr').screenshot({ path: qrFile });
    const { stdout } = await exec('zbarimg', ['-q', '--raw', qrFile]);
    expect(stdout.trim()).toBe(codeText);
    await both('stations');

    // The kiosk enrolls with the code and pulls once with its heartbeat.
    const enrolled = await fetch(`${server.url}/api/devices/enroll`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ code: codeText, kind: 'kiosk', name: '新站自助机（示例）' }),
    });
    expect(enrolled.status).toBe(201);
    const device = (await enrolled.json()) as { deviceId: string; token: string };
    const pull = () =>
      fetch(`${server.url}/api/sync/content/pull?limit=1`, {
        headers: {
          authorization: `Bearer ${device.token}`,
          [HEARTBEAT_HEADER]: formatHeartbeat({
            outboxDepth: 4,
            freeBytes: 3_200_000_000,
            appVersion: '0.1.0',
            contentVersion: 'sample-1',
            lastSyncedAt: new Date(Date.now() - 5 * 60_000).toISOString(),
          }),
        },
      });
    expect((await pull()).status).toBe(200);

    // The device list shows the heartbeat (written in batches: reload until it is there).
    await nav('devices').click();
    const deviceRow = page.locator('tr', { hasText: device.deviceId });
    await deviceRow.waitFor();
    await expect
      .poll(
        async () => {
          await nav('stations').click();
          await nav('devices').click();
          await deviceRow.waitFor();
          return deviceRow.innerText();
        },
        { timeout: 30_000, interval: 1000 },
      )
      .toContain('sample-1');
    expect(await deviceRow.innerText()).toContain('0.1.0');
    await both('devices');

    // Revoke with a reason: the device is refused at once.
    await deviceRow.locator('button').click();
    await deviceRow.locator('[role="radio"]').nth(0).click(); // lost
    await deviceRow.locator('.console-revoke .console-button').first().click();
    // Revoked: the row keeps no action (the revoke form and its button are gone).
    await expect
      .poll(() => deviceRow.locator('.console-actions button').count(), { timeout: 15_000 })
      .toBe(0);
    const refused = await pull();
    expect(refused.status).toBe(401);
    expect(((await refused.json()) as { error: { code: string } }).error.code).toBe(
      'device_revoked',
    );
    await both('devices-revoked');

    // Dashboard: charts drawn, figures in tables.
    await nav('dashboard').click();
    await page.locator('.console-chart canvas').first().waitFor();
    expect(await page.locator('.console-chart canvas').count()).toBeGreaterThanOrEqual(4);
    await both('dashboard');

    expect(problems).toEqual([]);
    expect(shots.length).toBe(8);
  });
});
