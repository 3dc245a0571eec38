/**
 * What staff read on the kiosk's setup screen when enrollment fails, in both languages: a used,
 * an expired and an unknown code, and an unreachable server. Fails on any English, raw error
 * code or raw server text reaching the page, and on the screen not fitting 1920×1080 or
 * 1080×1920 (the keypad once ran off the right edge).
 *
 *   node_modules/.bin/vitest run --config e2e/vitest.config.ts error-messages
 *
 * Screenshots: e2e/artifacts/kiosk/setup-<lang>-<landscape|portrait>-<case>.png.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TRACKING_ALPHABET } from '@pls/shared/domain';
import {
  KIOSK_ARTIFACTS,
  type KioskAgent,
  type KioskLanguage,
  REPO_ROOT,
  startKioskStack,
  stopKioskStack,
  type StartedParts,
} from './kiosk-harness';
import { SAMPLE_STATION_ID, type StartedSyncServer } from './support/server';

const LANGUAGES: readonly KioskLanguage[] = ['zh-Hans', 'mn-Mong'];
const SCREENS = {
  landscape: { width: 1920, height: 1080 },
  portrait: { width: 1080, height: 1920 },
} as const;
type Case = 'used' | 'expired' | 'unknown' | 'unreachable';

interface SetupProblems {
  readonly codeUsed: string;
  readonly codeExpired: string;
  readonly codeUnknown: string;
  readonly unreachable: string;
}
const EXPECTED: Readonly<Record<Case, keyof SetupProblems>> = {
  used: 'codeUsed',
  expired: 'codeExpired',
  unknown: 'codeUnknown',
  unreachable: 'unreachable',
};

function problemText(language: KioskLanguage, key: keyof SetupProblems): string {
  const kiosk = JSON.parse(
    readFileSync(join(REPO_ROOT, 'locales', language, 'kiosk.json'), 'utf8'),
  ) as { setup: { problem: SetupProblems } };
  return kiosk.setup.problem[key];
}

/** Every `code` the server can send, to catch a raw code on the page. */
const SERVER_CODES = Object.keys(
  (
    JSON.parse(readFileSync(join(REPO_ROOT, 'locales', 'zh-Hans', 'errors.json'), 'utf8')) as {
      server: Record<string, string>;
    }
  ).server,
);

let stack: StartedParts = {};
let server: StartedSyncServer;
let agent: KioskAgent;
let browser: Browser;

beforeAll(async () => {
  const started = await startKioskStack('error-messages');
  stack = started;
  ({ server, agent, browser } = started);
  mkdirSync(KIOSK_ARTIFACTS, { recursive: true });
});
afterAll(async () => {
  await stopKioskStack(stack);
});

async function issueCode(...extra: string[]): Promise<string> {
  const issued = await server.admin(
    'enroll-code',
    '--kind',
    'kiosk',
    '--station',
    SAMPLE_STATION_ID,
    ...extra,
  );
  expect(issued.exitCode).toBe(0);
  return issued.output.at(-1)!.replace('-', '');
}

async function codeFor(which: Case): Promise<string> {
  switch (which) {
    case 'used': {
      const code = await issueCode();
      const r = await fetch(`${server.url}/api/devices/enroll`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ code, kind: 'kiosk', name: 'e2e first user of the code' }),
      });
      expect(r.status).toBe(201);
      return code;
    }
    case 'expired': {
      const code = await issueCode('--ttl-hours', '0.0002'); // 0.72 s
      await new Promise((resolve) => setTimeout(resolve, 1_200));
      return code;
    }
    case 'unknown':
    case 'unreachable': {
      let code = '';
      for (let i = 0; i < 8; i++)
        code += TRACKING_ALPHABET[Math.floor(Math.random() * TRACKING_ALPHABET.length)];
      return code;
    }
  }
}

async function openSetup(
  language: KioskLanguage,
  screen: keyof typeof SCREENS,
  serverUrl: string,
): Promise<Page> {
  const context = await browser.newContext({
    viewport: SCREENS[screen],
    locale: 'zh-CN',
    deviceScaleFactor: 1,
  });
  const page = await context.newPage();
  page.on('pageerror', (error) => console.error('setup page error:', error.message));
  await page.goto(`${agent.url}?server=${encodeURIComponent(serverUrl)}`);
  await page.locator('.k-keypad').waitFor({ timeout: 60_000 });
  const lang = () => page.evaluate(() => document.documentElement.lang);
  if (!(await lang()).startsWith(language)) {
    await page.locator('.pls-language-switch').click();
    await page.waitForFunction((l) => document.documentElement.lang.startsWith(l), language);
  }
  return page;
}

async function enrollWith(page: Page, code: string): Promise<void> {
  for (const char of code) await page.locator(`.k-keypad [data-key="${char}"]`).click();
  await page.locator('.k-act--enroll').click();
  await page.locator('[data-testid=setup-problem]').waitFor({ timeout: 30_000 });
}

/** The page's text without what is staff data, not a message: the server URL and the typed code. */
function visibleText(page: Page): Promise<string> {
  return page.evaluate(() => {
    const body = document.body.cloneNode(true) as HTMLElement;
    for (const el of body.querySelectorAll(
      '[data-testid=setup-server], [data-testid=code-value], .k-keypad__keys, script, style',
    ))
      el.remove();
    return body.textContent ?? '';
  });
}

async function fitsScreen(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const problems: string[] = [];
    const { innerWidth, innerHeight } = window;
    const root = document.documentElement;
    if (root.scrollWidth > innerWidth)
      problems.push(`page is ${root.scrollWidth} px wide in ${innerWidth}`);
    for (const selector of ['.k-keypad', '.k-act--enroll', '[data-testid=setup-problem]']) {
      const el = document.querySelector(selector);
      if (!el) continue;
      const box = el.getBoundingClientRect();
      if (box.left < 0 || box.right > innerWidth + 0.5 || box.bottom > innerHeight + 0.5)
        problems.push(
          `${selector} at ${Math.round(box.left)}..${Math.round(box.right)} × ${Math.round(box.top)}..${Math.round(box.bottom)} in ${innerWidth}×${innerHeight}`,
        );
    }
    return problems;
  });
}

describe.each(LANGUAGES)('setup screen in %s', (language) => {
  it.each(['used', 'expired', 'unknown', 'unreachable'] as const)(
    'a %s code gets its message in the screen language, nothing raw',
    async (which) => {
      const code = await codeFor(which);
      const page = await openSetup(
        language,
        'landscape',
        which === 'unreachable' ? 'http://127.0.0.1:9' : server.url,
      );
      try {
        await enrollWith(page, code);
        const shown = (await page.locator('[data-testid=setup-problem]').textContent()) ?? '';
        expect(shown).toContain(problemText(language, EXPECTED[which]));
        const text = await visibleText(page);
        // English words (the server's message), raw codes, and the other language's script.
        expect(text.match(/[A-Za-z]{3,}/g) ?? []).toEqual([]);
        for (const raw of SERVER_CODES) expect(text).not.toContain(raw);
        expect(text).not.toMatch(/HTTP|fetch|Error|ECONNREFUSED/i);
        if (language === 'mn-Mong') expect(shown).toMatch(/[\u1820-\u18AA]/);
        if (language === 'mn-Mong') expect(shown).not.toMatch(/[\u4e00-\u9fff]/);
        else expect(shown).not.toMatch(/[\u1820-\u18AA]/);
        await page.screenshot({
          path: join(KIOSK_ARTIFACTS, `setup-${language}-landscape-${which}.png`),
        });
        expect(await fitsScreen(page)).toEqual([]);
      } finally {
        await page.context().close();
      }
    },
  );

  it('fits a portrait screen with a message shown', async () => {
    const page = await openSetup(language, 'portrait', server.url);
    try {
      await enrollWith(page, await codeFor('used'));
      await page.screenshot({ path: join(KIOSK_ARTIFACTS, `setup-${language}-portrait-used.png`) });
      expect(await fitsScreen(page)).toEqual([]);
    } finally {
      await page.context().close();
    }
  });
});
