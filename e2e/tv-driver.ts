/**
 * Driving the TV renderer in Chromium with key events only (no mouse, no clicks): the
 * renderer built and served as a box's Chromium loads it (tv-client/scripts/start.ts), a
 * remote's keys, a way to walk focus to a target with arrows, screenshots and axe audits.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { ARTIFACTS_DIR } from './support/chromium';
import type { StartedSyncServer } from './support/server';

export { axeProblems } from './support/axe';

const REPO = join(dirname(fileURLToPath(import.meta.url)), '..');
const TV_ARTIFACTS = join(ARTIFACTS_DIR, 'tv');

export interface ServedTv {
  readonly url: string;
  stop(): Promise<void>;
}

/** Builds the renderer and serves it on a free port (the same script `npm start` runs). */
export async function serveTv(syncServerUrl: string): Promise<ServedTv> {
  const child: ChildProcess = spawn(
    process.execPath,
    ['--import', 'tsx', join(REPO, 'tv-client/scripts/start.ts')],
    {
      cwd: REPO,
      env: { ...process.env, TV_PORT: '0', SYNC_SERVER_URL: syncServerUrl },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  let seen = '';
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`TV renderer not served:\n${seen}`)), 170_000);
    const onData = (chunk: Buffer) => {
      seen += chunk.toString();
      const match = /tv: serving (http:\/\/\S+)/.exec(seen);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]!);
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code) => reject(new Error(`TV server exited ${code}:\n${seen}`)));
  });
  return {
    url,
    async stop() {
      child.kill('SIGTERM');
      await exited;
    },
  };
}

/** Key names as Chromium knows them, with the keyCode a TV remote sends. */
export async function press(page: Page, key: string, times = 1): Promise<void> {
  for (let i = 0; i < times; i++) await page.keyboard.press(key);
}

/** A TV remote's colour key: keyCode 403–406 with key ColorF0Red…, as Tizen/HbbTV send them. */
export async function colourKey(
  page: Page,
  colour: 'red' | 'green' | 'yellow' | 'blue',
): Promise<void> {
  const spec = {
    red: ['ColorF0Red', 403],
    green: ['ColorF1Green', 404],
    yellow: ['ColorF2Yellow', 405],
    blue: ['ColorF3Blue', 406],
  } as const;
  const [key, keyCode] = spec[colour];
  await remoteKey(page, key, keyCode);
}

/** A key as a TV box's browser delivers it (e.g. Tizen Back: key XF86Back, keyCode 10009). */
export async function remoteKey(page: Page, key: string, keyCode: number): Promise<void> {
  await page.evaluate(
    ({ key, keyCode }) => {
      const target = document.activeElement ?? document.body;
      target.dispatchEvent(
        new KeyboardEvent('keydown', {
          key,
          keyCode,
          bubbles: true,
          cancelable: true,
        } as KeyboardEventInit),
      );
    },
    { key, keyCode },
  );
}

export async function focusedKey(page: Page): Promise<string | null> {
  return page.evaluate(
    () => (document.activeElement as HTMLElement | null)?.dataset['focusKey'] ?? null,
  );
}

/**
 * Walks focus to the element with this focus key using arrow keys only: each step presses
 * the arrow pointing from the focused box toward the target. Fails if it does not get there.
 */
export async function walkTo(page: Page, focusKey: string, maxSteps = 40): Promise<void> {
  await walkToSelector(page, `[data-focus-key="${focusKey.replace(/["\\]/g, '\\$&')}"]`, maxSteps);
}

/** The same walk to the element a CSS selector names (keys of the on-screen keyboard). */
export async function walkToSelector(page: Page, selector: string, maxSteps = 40): Promise<void> {
  for (let step = 0; step < maxSteps; step++) {
    const where = await page.evaluate((selector) => {
      const target = document.querySelector<HTMLElement>(selector);
      const active = document.activeElement as HTMLElement | null;
      if (!target) return { missing: true as const };
      if (active === target) return { done: true as const };
      const t = target.getBoundingClientRect();
      const a = (active ?? document.body).getBoundingClientRect();
      return {
        dx: t.left + t.width / 2 - (a.left + a.width / 2),
        dy: t.top + t.height / 2 - (a.top + a.height / 2),
        tr: t,
        ar: a,
      };
    }, selector);
    if ('done' in where) return;
    if ('missing' in where) {
      // A virtualised row draws only a window: keep moving right along it.
      await press(page, 'ArrowRight');
      continue;
    }
    const vertical = where.tr.top >= where.ar.bottom - 4 || where.tr.bottom <= where.ar.top + 4;
    if (vertical && Math.abs(where.dy) > 2)
      await press(page, where.dy > 0 ? 'ArrowDown' : 'ArrowUp');
    else await press(page, where.dx > 0 ? 'ArrowRight' : 'ArrowLeft');
  }
  throw new Error(`could not walk focus to ${selector} (at ${await focusedKey(page)})`);
}

export async function shot(page: Page, name: string): Promise<string> {
  mkdirSync(TV_ARTIFACTS, { recursive: true });
  const path = join(TV_ARTIFACTS, `${name}.png`);
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
  await page.screenshot({ path });
  return path;
}

/** Everything drawn outside the 5% safe area (elements with a box), as descriptions. */
export async function outsideSafeArea(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const w = window.innerWidth;
    const h = window.innerHeight;
    const mx = w * 0.05 - 1;
    const my = h * 0.05 - 1;
    const bad: string[] = [];
    for (const el of document.querySelectorAll<HTMLElement>('.tv-safe *')) {
      const r = el.getBoundingClientRect();
      if (r.width === 0 || r.height === 0) continue;
      // What is drawn is the box cut by every clipping ancestor (rows and readers scroll).
      let left = r.left;
      let top = r.top;
      let right = r.right;
      let bottom = r.bottom;
      for (let p = el.parentElement; p; p = p.parentElement) {
        if (getComputedStyle(p).overflow === 'visible') continue;
        const pr = p.getBoundingClientRect();
        left = Math.max(left, pr.left);
        top = Math.max(top, pr.top);
        right = Math.min(right, pr.right);
        bottom = Math.min(bottom, pr.bottom);
      }
      if (right <= left || bottom <= top) continue;
      if (el.matches(':focus')) continue; // the focus scale may touch the margin by design
      if (left < mx || top < my || right > w - mx || bottom > h - my)
        bad.push(
          `${el.tagName}.${el.className} ${Math.round(left)},${Math.round(top)},${Math.round(right)},${Math.round(bottom)}`,
        );
    }
    return bad.slice(0, 5);
  });
}

/** The digit key and press count that type one character of a code (tv-client/src/keys/multitap.ts). */
export function keysFor(char: string): { digit: number; presses: number } {
  const cycles = ['', '', '2ABC', '3DEF', '4GH', '5JKL', '6MN', '7PQRS', '8TV', '9WXYZ'];
  for (const [digit, cycle] of cycles.entries()) {
    const index = cycle.indexOf(char);
    if (index >= 0) return { digit, presses: index + 1 };
  }
  throw new Error(`not typable: ${char}`);
}

export async function waitScreen(page: Page, id: string, timeout = 20_000): Promise<void> {
  await page.waitForFunction(
    (want) => document.querySelector('[data-screen-root]')?.getAttribute('data-screen') === want,
    id,
    { timeout },
  );
}

/** A one-time household code from the server's admin command, without its dash. */
export async function issueTvCode(
  server: StartedSyncServer,
  household: string,
  region: string,
): Promise<string> {
  const issued = await server.admin(
    'enroll-code',
    '--kind',
    'tv',
    '--household',
    household,
    '--region',
    region,
  );
  if (issued.exitCode !== 0) throw new Error(`enroll-code failed: ${issued.output.join('\n')}`);
  return issued.output.at(-1)!.replace('-', '');
}

/** First run on a fresh profile by remote keys: language, the code by number keys, home. */
export async function enrollByKeys(
  page: Page,
  server: StartedSyncServer,
  household: string,
  region: string,
  language: 'mn' | 'zh',
): Promise<void> {
  await waitScreen(page, 'language');
  await page.waitForFunction(
    () => (document.activeElement as HTMLElement | null)?.dataset['focusKey'] === 'lang:mn',
  );
  if (language === 'zh') await press(page, 'ArrowRight');
  if ((await focusedKey(page)) !== `lang:${language}`)
    throw new Error(`language focus is on ${await focusedKey(page)}`);
  await press(page, 'Enter');
  await waitScreen(page, 'enroll');
  const code = await issueTvCode(server, household, region);
  for (const char of code) {
    const { digit, presses } = keysFor(char);
    await press(page, String(digit), presses);
    await press(page, 'ArrowLeft'); // ends the letter; focus stays on the first button
  }
  await page.waitForFunction(
    (c) =>
      document.querySelector('[data-testid=enroll-code]')?.textContent ===
      `${c.slice(0, 4)}-${c.slice(4)}`,
    code,
  );
  await walkTo(page, 'enroll:submit');
  await press(page, 'Enter');
  await waitScreen(page, 'home', 60_000);
}
