/**
 * The UI-kit gallery (shared/gallery) in Debian Chromium, in both languages: fonts are the bundled
 * ones (no fallback, no system Mongolian v2, no Japanese forms), Mongolian is vertical and
 * joined, targets and text are large enough, axe finds nothing serious, the language switch
 * changes the page at once, voice plays a Chinese clip and captions Mongolian. Screenshots land
 * in e2e/artifacts/ to be looked at.
 */
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createRequire } from 'node:module';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { build } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ARTIFACTS_DIR,
  CHROMIUM_ARGS,
  CHROMIUM_PATH,
  newPage,
  screenshot,
} from './support/chromium';

const require = createRequire(import.meta.url);
const galleryConfig = fileURLToPath(new URL('../shared/gallery/vite.config.ts', import.meta.url));
const dist = fileURLToPath(new URL('../shared/gallery/dist', import.meta.url));

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.woff2': 'font/woff2',
  '.ogg': 'audio/ogg',
  '.json': 'application/json',
};

function serve(root: string): Promise<Server> {
  const server = createServer((req, res) => {
    const path = normalize(decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname));
    const file = join(root, path === '/' ? 'index.html' : path);
    if (!file.startsWith(root)) {
      res.writeHead(403).end();
      return;
    }
    try {
      if (!statSync(file).isFile()) throw new Error('not a file');
      res.writeHead(200, { 'content-type': MIME[extname(file)] ?? 'application/octet-stream' });
      res.end(readFileSync(file));
    } catch {
      res.writeHead(404).end();
    }
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

interface PlatformFont {
  familyName: string;
  postScriptName?: string;
  isCustomFont: boolean;
  glyphCount: number;
}

/** Fonts Chromium actually used to draw the text of the first element matching `selector`. */
async function fontsOf(page: Page, selector: string): Promise<PlatformFont[]> {
  const cdp = await page.context().newCDPSession(page);
  try {
    await cdp.send('DOM.enable');
    await cdp.send('CSS.enable');
    const { root } = await cdp.send('DOM.getDocument', { depth: -1 });
    const { nodeId } = await cdp.send('DOM.querySelector', { nodeId: root.nodeId, selector });
    if (nodeId === 0) throw new Error(`no element ${selector}`);
    const { fonts } = await cdp.send('CSS.getPlatformFontsForNode', { nodeId });
    return fonts as PlatformFont[];
  } finally {
    await cdp.detach();
  }
}

/** Every font used anywhere on the page: each text-bearing element, through CDP. */
async function allFonts(page: Page): Promise<Map<string, PlatformFont>> {
  const count = await page.evaluate(() => {
    let n = 0;
    for (const el of document.querySelectorAll('body *')) {
      if ([...el.childNodes].some((c) => c.nodeType === 3 && (c.textContent ?? '').trim() !== '')) {
        el.setAttribute('data-font-probe', String(n++));
      }
    }
    return n;
  });
  const used = new Map<string, PlatformFont>();
  for (let i = 0; i < count; i++) {
    for (const font of await fontsOf(page, `[data-font-probe="${i}"]`)) {
      used.set(`${font.familyName}|${font.isCustomFont}`, font);
    }
  }
  return used;
}

describe('UI-kit gallery in Chromium', () => {
  let browser: Browser;
  let server: Server;
  let base: string;

  beforeAll(async () => {
    await build({ configFile: galleryConfig, logLevel: 'warn' });
    server = await serve(dist);
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
    browser = await chromium.launch({
      executablePath: CHROMIUM_PATH,
      args: [...CHROMIUM_ARGS, '--autoplay-policy=no-user-gesture-required'],
      headless: true,
    });
  });

  afterAll(async () => {
    await browser?.close();
    await new Promise((resolve) => server?.close(resolve));
  });

  /** The kiosk screen is 1920×1080; `tall` shows the whole gallery in one screenshot. */
  async function open(
    lang: 'zh-Hans' | 'mn-Mong',
    query = '',
    initScript?: () => void,
    tall = true,
  ) {
    const { context, page } = await newPage(browser, {
      viewport: { width: 1920, height: tall ? 3000 : 1080 },
      locale: lang === 'mn-Mong' ? 'mn-CN' : 'zh-CN',
    });
    const offsite: string[] = [];
    const failed: string[] = [];
    page.on('request', (r) => {
      if (!r.url().startsWith(base) && !r.url().startsWith('data:')) offsite.push(r.url());
    });
    page.on('response', (r) => {
      if (r.status() >= 400) failed.push(`${r.status()} ${r.url()}`);
    });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    if (initScript) await page.addInitScript(initScript);
    await page.goto(`${base}?lang=${lang}${query}`);
    await page.evaluate(() => document.fonts.ready);
    return { context, page, offsite, failed, errors };
  }

  for (const lang of ['zh-Hans', 'mn-Mong'] as const) {
    it(`draws every text with the bundled fonts only (${lang})`, async () => {
      const { context, page, offsite, failed, errors } = await open(lang);
      expect(await page.evaluate(() => document.documentElement.lang)).toBe(`${lang}-CN`);
      const used = [...(await allFonts(page)).values()];
      // Only our two web fonts: no system Noto Sans Mongolian v2, no Noto Sans CJK JP, no tofu.
      expect(used.filter((f) => !f.isCustomFont)).toEqual([]);
      // Fontsource's SC slices carry the name "Noto Sans SC Thin" (instances of the variable
      // font); the weight drawn is the one the @font-face asks for.
      expect(new Set(used.map((f) => f.familyName.replace(/ Thin$/, '')))).toEqual(
        new Set(['Noto Sans Mongolian', 'Noto Sans SC']),
      );
      expect(offsite).toEqual([]);
      expect(failed).toEqual([]);
      expect(errors).toEqual([]);
      await screenshot(page, `ui-gallery-${lang}`);
      await context.close();
    });

    it(`fits the frame on a 1920×1080 kiosk screen (${lang})`, async () => {
      const { context, page } = await open(lang, '', undefined, false);
      await screenshot(page, `ui-gallery-kiosk-${lang}`);
      const bar = await page.locator('.pls-frame__bar').boundingBox();
      // The always-visible controls leave most of the screen to the content.
      expect(bar?.height ?? 0).toBeLessThan(lang === 'mn-Mong' ? 320 : 200);
      await context.close();
    });
  }

  it('shapes NNBSP suffixes and MVS in the bundled font (probe for the eye)', async () => {
    const { context, page } = await open('mn-Mong');
    await page.evaluate(() => {
      const probe = document.createElement('div');
      probe.id = 'shaping-probe';
      probe.style.cssText =
        'position:fixed;left:0;top:0;background:#fff;padding:16px;display:flex;gap:24px;z-index:1000';
      // mongγol-un (NNBSP + suffix), sar-a (MVS), qauli-yin, on-u, 2026 on-u
      for (const word of [
        'ᠮᠣᠩᠭᠣᠯ\u202Fᠤᠨ',
        'ᠰᠠᠷ\u180Eᠠ',
        'ᠬᠠᠤᠯᠢ\u202Fᠶᠢᠨ',
        'ᠣᠨ\u202Fᠤ',
        'ᠮᠣᠩᠭᠣᠯ ᠤᠨ',
      ]) {
        const span = document.createElement('span');
        span.lang = 'mn-Mong-CN';
        span.className = 'pls-mong';
        span.style.fontSize = '72px';
        span.textContent = word;
        probe.append(span);
      }
      document.body.append(probe);
    });
    await page
      .locator('#shaping-probe')
      .screenshot({ path: join(ARTIFACTS_DIR, 'ui-gallery-shaping-probe.png') });
    await context.close();
  });

  it('draws Han inside Mongolian with the Chinese font, and Mongolian with v3 of its font', async () => {
    const { context, page } = await open('mn-Mong');
    const han = await fontsOf(page, '.gallery-mixed .pls-han-run');
    expect(han.map((f) => [f.familyName.replace(/ Thin$/, ''), f.isCustomFont])).toEqual([
      ['Noto Sans SC', true],
    ]);
    const heading = await fontsOf(page, '.gallery-heading');
    expect(heading.map((f) => [f.familyName, f.isCustomFont])).toEqual([
      ['Noto Sans Mongolian', true],
    ]);
    await page
      .locator('.gallery-card')
      .first()
      .screenshot({ path: join(ARTIFACTS_DIR, 'ui-gallery-mn-text-card.png') });
    await context.close();
  });

  it('lays Mongolian out in vertical, joined columns and Chinese horizontally', async () => {
    const { context, page } = await open('mn-Mong');
    const result = await page.evaluate(() => {
      const heading = document.querySelector<HTMLElement>('.gallery-heading');
      if (heading === null) throw new Error('no heading');
      const box = heading.getBoundingClientRect();
      // Joined cursive is shorter than the same letters kept apart by ZWNJ.
      const probe = (text: string) => {
        const span = document.createElement('span');
        span.lang = 'mn-Mong-CN';
        span.className = 'pls-mong';
        span.style.fontSize = '40px';
        span.textContent = text;
        document.body.append(span);
        const height = span.getBoundingClientRect().height;
        span.remove();
        return height;
      };
      const word = 'ᠮᠣᠩᠭᠣᠯ';
      return {
        writingMode: getComputedStyle(heading).writingMode,
        tall: box.height > box.width,
        joined: probe(word),
        apart: probe([...word].join('\u200C')),
        switchMode: getComputedStyle(
          document.querySelector('.pls-language-switch .pls-text') as Element,
        ).writingMode,
      };
    });
    expect(result.writingMode).toBe('vertical-lr');
    expect(result.tall).toBe(true);
    expect(result.joined).toBeLessThan(result.apart * 0.8);
    expect(result.switchMode).toBe('horizontal-tb'); // "中文" on the switch stays horizontal
    await context.close();
  });

  it('has large targets, large body text and no serious accessibility violations', async () => {
    for (const lang of ['zh-Hans', 'mn-Mong'] as const) {
      const { context, page } = await open(lang);
      const small = await page.evaluate(() =>
        [...document.querySelectorAll('button, [role="option"]')]
          .map((el) => ({ el, box: el.getBoundingClientRect() }))
          .filter(({ box }) => box.width > 0 && (box.width < 59.5 || box.height < 59.5))
          .map(
            ({ el, box }) => `${el.className} ${Math.round(box.width)}×${Math.round(box.height)}`,
          ),
      );
      expect(small).toEqual([]);
      const bodySizes = await page.evaluate(() =>
        [...document.querySelectorAll('.gallery-card__body .pls-text')]
          .filter((el) => el.closest('.pls-key, .pls-sync-badge, .pls-keyboard__preview') === null)
          .map((el) => Number.parseFloat(getComputedStyle(el).fontSize)),
      );
      expect(Math.min(...bodySizes)).toBeGreaterThanOrEqual(24);
      await page.addScriptTag({ path: require.resolve('axe-core/axe.min.js') });
      const violations = await page.evaluate(async () => {
        // axe is a global once the script tag ran.
        const axe = (
          window as unknown as {
            axe: {
              run: (
                c: Document,
              ) => Promise<{ violations: { id: string; impact: string; nodes: unknown[] }[] }>;
            };
          }
        ).axe;
        const result = await axe.run(document);
        return result.violations.map((v) => ({
          id: v.id,
          impact: v.impact,
          nodes: v.nodes.length,
        }));
      });
      writeFileSync(
        join(ARTIFACTS_DIR, `ui-gallery-axe-${lang}.json`),
        JSON.stringify(violations, null, 2),
      );
      expect(violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')).toEqual(
        [],
      );
      await context.close();
    }
  });

  it('switches every string and the page language in one step', async () => {
    const { context, page } = await open('zh-Hans');
    await page.getByRole('button', { name: /切换语言/ }).click();
    const state = await page.evaluate(() => ({
      lang: document.documentElement.lang,
      chinese: [...document.querySelectorAll('.pls-text')]
        // The switch offers 中文 in Chinese; BilingualText shows both languages on purpose.
        .filter((el) => el.closest('.pls-language-switch, .pls-bilingual') === null)
        .filter((el) => el.getAttribute('lang') !== 'mn-Mong-CN')
        .map((el) => el.textContent),
    }));
    expect(state.lang).toBe('mn-Mong-CN');
    expect(state.chinese).toEqual([]);
    await context.close();
  });

  it('types 工资 by pinyin and a Mongolian word with an NNBSP suffix on the keyboards', async () => {
    const { context, page } = await open('zh-Hans');
    const board = page.locator('.pls-keyboard').first();
    for (const letter of 'gongzi') await board.locator(`[data-key="${letter}"]`).click();
    await expect
      .poll(() => board.locator('.pls-key--candidate').first().textContent())
      .toBe('工资');
    await board.locator('.pls-key--candidate').first().click();
    for (const letter of 'taoxin') await board.locator(`[data-key="${letter}"]`).click();
    await board.locator('[data-key="space"]').click(); // first candidate
    expect(await board.locator('.pls-keyboard__value').textContent()).toBe('工资讨薪');
    await board.screenshot({ path: join(ARTIFACTS_DIR, 'ui-gallery-keyboard-pinyin.png') });

    await page.getByRole('button', { name: /切换语言/ }).click();
    const mn = page.locator('.pls-keyboard').first();
    await mn.locator('[data-key="AE06"]').waitFor(); // Mongolian layout is the first mode in Mongolian
    await mn.locator('[data-key="AB09"]').click(); // full stop clears nothing: just a key press
    await mn.locator('[data-key="backspace"]').click();
    // m o (shift) ng g o l NNBSP u n: mongγol-un
    for (const key of [
      'AB07',
      'AD01',
      'shift',
      'AB06',
      'AC05',
      'AD01',
      'AC09',
      'AE11',
      'AB04',
      'AB06',
    ]) {
      await mn.locator(`[data-key="${key}"]`).click();
    }
    expect(await mn.locator('.pls-keyboard__value').textContent()).toBe('工资讨薪ᠮᠣᠩᠭᠣᠯ\u202Fᠤᠨ');
    await mn.screenshot({ path: join(ARTIFACTS_DIR, 'ui-gallery-keyboard-mongolian.png') });

    const id = page.locator('.pls-keyboard').nth(1);
    // 15253019850312001X is valid; 150102198001011235 has a wrong check digit (should be 6).
    for (const d of '150102198001011235') await id.locator(`[data-key="${d}"]`).click();
    await id.locator('[data-key="enter"]').click();
    await expect.poll(() => id.locator('[role="alert"]').count()).toBe(1);
    await id.locator('[data-key="clear"]').click();
    for (const d of '15253019850312001') await id.locator(`[data-key="${d}"]`).click();
    await id.locator('[data-key="X"]').click();
    await id.locator('[data-key="enter"]').click();
    expect(await id.locator('[role="alert"]').count()).toBe(0);
    expect(await id.locator('.pls-keyboard__value').textContent()).toBe('15253019850312001X');
    await id.screenshot({ path: join(ARTIFACTS_DIR, 'ui-gallery-keyboard-id-mn.png') });
    await context.close();
  });

  it('plays the Chinese clip and captions Mongolian (which has no synthetic voice)', async () => {
    // Clips play from `new Audio()` elements outside the DOM: wrap the constructor to log them.
    const { context, page } = await open('zh-Hans', '&speech=off', () => {
      const log: string[] = [];
      const Original = window.Audio;
      (window as unknown as { audioLog: string[] }).audioLog = log;
      window.Audio = function (src?: string) {
        const audio = new Original(src);
        for (const type of ['play', 'playing', 'ended', 'error']) {
          audio.addEventListener(type, () => log.push(`${type} ${(src ?? '').split('/').pop()}`));
        }
        return audio;
      } as unknown as typeof Audio;
    });
    await page.getByRole('button', { name: '再听一遍' }).click();
    await expect
      .poll(
        () => page.evaluate(() => (window as unknown as { audioLog: string[] }).audioLog.join(',')),
        { timeout: 20_000 },
      )
      .toMatch(/ended idle\.warning-/);
    await expect.poll(() => page.locator('.pls-caption').textContent()).toContain('长时间没有操作');

    await page.getByRole('button', { name: /切换语言/ }).click();
    await page.getByRole('button', { name: /ᠳᠠᠬᠢᠨ ᠰᠣᠨᠣᠰᠬᠤ/ }).click();
    await expect.poll(() => page.locator('.pls-caption--highlighted').count()).toBe(1);
    expect(await page.locator('.pls-caption--highlighted').textContent()).toMatch(/ᠲᠡᠷᠢᠭᠦᠨ ᠨᠢᠭᠤᠷ/);
    await page
      .locator('.pls-caption')
      .screenshot({ path: join(ARTIFACTS_DIR, 'ui-gallery-caption-mn.png') });
    await context.close();
  });

  it('warns before the idle reset, in Mongolian', async () => {
    const { context, page } = await open('mn-Mong', '&idle=4');
    await page.getByRole('alertdialog').waitFor({ timeout: 10_000 });
    await screenshot(page, 'ui-gallery-idle-mn-Mong');
    await page.mouse.click(5, 1000);
    await expect.poll(() => page.getByRole('alertdialog').count()).toBe(0);
    await context.close();
  });

  it('measures what the fonts cost to load', async () => {
    const { context, page } = await open('zh-Hans');
    const metrics = await page.evaluate(async () => {
      await document.fonts.ready;
      const fonts = performance
        .getEntriesByType('resource')
        .filter((e) => e.name.endsWith('.woff2')) as PerformanceResourceTiming[];
      return {
        files: fonts.length,
        bytes: fonts.reduce((sum, f) => sum + f.encodedBodySize, 0),
        mongolianBytes: fonts
          .filter((f) => f.name.includes('mongolian'))
          .reduce((s, f) => s + f.encodedBodySize, 0),
        lastFontLoadedMs: Math.round(Math.max(...fonts.map((f) => f.responseEnd))),
        domContentLoadedMs: Math.round(
          performance.getEntriesByType('navigation')[0]?.duration ?? 0,
        ),
      };
    });
    writeFileSync(join(ARTIFACTS_DIR, 'ui-gallery-fonts.json'), JSON.stringify(metrics, null, 2));
    console.log('gallery font load', metrics);
    expect(metrics.files).toBeGreaterThan(1);
    // The sliced Chinese font loads only what the page uses, far less than the 4.9 MB shipped.
    expect(metrics.bytes).toBeLessThan(3_000_000);
    await context.close();
  });
});
