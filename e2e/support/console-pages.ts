/**
 * The staff console in e2e suites: its build, signing in, and a screenshot + axe audit of a
 * page in the language it shows and then in the other one (1920×1080, e2e/artifacts/…).
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { axeProblems } from './axe';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** `npm run console:build -w sync-server`: the server serves the built app under /console/. */
export function buildConsole(): void {
  const build = spawnSync('npm', ['run', 'console:build', '-w', 'sync-server'], {
    cwd: ROOT,
    encoding: 'utf8',
  });
  if (build.status !== 0) throw new Error(`console build failed: ${build.stderr}`);
}

export async function signIn(
  page: Page,
  serverUrl: string,
  name: string,
  password: string,
): Promise<void> {
  await page.goto(`${serverUrl}/console/`);
  await page.locator('input[name="name"]').waitFor();
  await page.fill('input[name="name"]', name);
  await page.fill('input[name="password"]', password);
  await page.click('button[type="submit"]');
  await page.locator('.console-table').waitFor();
}

export interface ConsoleShooter {
  /** axe problems, as "<page> <lang>: <problem>". */
  readonly problems: string[];
  readonly shots: string[];
  /**
   * Screenshot + axe of the page as it is, in the current language, then in the other one (a
   * bilingual page, like the login, once).
   */
  both(name: string, bilingualPage?: boolean): Promise<void>;
}

/** `page` is read at each call: suites open their page in beforeAll. */
export function consoleShooter(currentPage: () => Page, dir: string): ConsoleShooter {
  mkdirSync(dir, { recursive: true });
  const problems: string[] = [];
  const shots: string[] = [];
  return {
    problems,
    shots,
    async both(name, bilingualPage = false) {
      const page = currentPage();
      for (const round of bilingualPage ? [1] : [0, 1]) {
        await page.evaluate(() => document.fonts.ready.then(() => undefined));
        const lang = await page.evaluate(() => document.documentElement.lang);
        const path = join(dir, `${name}-${lang}.png`);
        await page.screenshot({ path, fullPage: false });
        shots.push(path);
        for (const p of await axeProblems(page)) problems.push(`${name} ${lang}: ${p}`);
        if (round === 0) {
          await page.locator('.pls-language-switch').first().click();
          await page.waitForFunction((before) => document.documentElement.lang !== before, lang);
        }
      }
    },
  };
}

/** Opens a question in the console and sends `text` as the answer in Mongolian. */
export async function answerInMongolian(
  page: Page,
  serverUrl: string,
  trackingCode: string,
  text: string,
): Promise<void> {
  await page.goto(`${serverUrl}/console/cases/${trackingCode}`);
  await page.locator('.console-decide textarea').first().waitFor();
  await page.locator('[role="radio"]').first().click(); // Mongolian
  await page.locator('.console-decide textarea').first().fill(text);
  const entries = await page.locator('.console-timeline li').count();
  await page.locator('.console-decide label .console-button').first().click();
  await page.waitForFunction(
    (n) => document.querySelectorAll('.console-timeline li').length > n,
    entries,
  );
}
