/// <reference lib="dom" />
// The timed functions run inside the TV page (page.evaluate): they use the DOM's globals.
/**
 * The TV renderer in Debian Chromium (the built renderer served as a box loads it, a real sync
 * server in its own process with the sample pack, a box enrolled by remote keys), each figure
 * with a reference measured in the same run (bench/README.md, section tv-renderer):
 * - `tv.coldStart.<n>items`: a new page of the enrolled box → home focused (focus on a home
 *   tile, i.e. keys work); reference: a floor page of the same size served from loopback that
 *   fetches the same JS and CSS bytes and focuses a button, round by round with it;
 * - `tv.heap.<n>items`: JS heap (after a forced GC) of the box on the watch screen with N content
 *   items synced; reference: a blank page holding the same N documents as parsed objects;
 * - `tv.focusMove.p95.row<n>`: key → the frame after focus moved, ArrowRight at 10 keys/s along
 *   a row of 500; reference: the same key stream on a plain row of 500 buttons whose keydown
 *   handler focuses the next one;
 * - `tv.mediaDownload.throughput`: the box's resumable downloader (resumable-download.ts into
 *   the IndexedDB media store, media-store.ts) fetching every program file from the server's
 *   media route, MB/s; reference: a plain copy of the same files from the same server to disk
 *   (Node fetch → file), alternated round by round.
 * Run alone: `npx tsx bench/suites/tv-renderer.ts [--quick]`.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { CaseCategory } from '@pls/shared/domain';
import { sampleContent } from '@pls/shared/testing';
import { launchChromium } from '../../e2e/support/chromium';
import { startSyncServer, type StartedSyncServer } from '../../e2e/support/server';
import { enrollByKeys, press, serveTv, waitScreen, type ServedTv } from '../../e2e/tv-driver';
import { percentile, result, type BenchResult, type RunOptions } from '../framework';

const REPO = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const DIST = join(REPO, 'tv-client', 'dist', 'renderer');
const PROGRAMS = join(REPO, 'assets', 'media', 'programs');
const ROW = 500;
const ROW_CATEGORY: CaseCategory = 'wage_arrears';
const OTHER_CATEGORIES = [
  'work_injury',
  'marriage_family',
  'elderly_support',
  'grassland_land',
  'consumer',
  'other',
] as const;

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

/** A bilingual FAQ item of realistic size (~2.5 KB), marked sample. */
function benchItem(i: number, category: CaseCategory) {
  return sampleContent({
    id: `bench-tv-${String(i).padStart(6, '0')}`,
    regionCode: '15',
    audiences: ['tv'],
    title: { zh: `示例第${i}条：拖欠工资怎么办？`, mn: 'ᠴᠠᠯᠢᠩ ᠬᠥᠯᠥᠰᠦ', mnStatus: 'draft' },
    body: {
      zh: '根据《中华人民共和国法律援助法》，农民工请求支付劳动报酬的，不受经济困难条件的限制。'.repeat(
        8,
      ),
      mn: 'ᠬᠠᠤᠯᠢ ᠶᠢᠨ ᠲᠤᠰᠠᠯᠠᠮᠵᠢ ᠶᠢᠨ ᠲᠤᠬᠠᠢ ᠬᠠᠤᠯᠢ '.repeat(12),
      mnStatus: 'draft',
    },
    categories: [category],
    order: 1000 + i,
    sample: true,
  });
}

/**
 * Loopback pages for the references: `/start.html` fetches the built renderer's JS and CSS
 * (the bytes the TV page loads) and focuses a button; `/row.html` is a plain row of 500
 * buttons, the keydown handler focusing the next one.
 */
async function startFloorServer(): Promise<{ url: string; close(): Promise<void> }> {
  const index = readFileSync(join(DIST, 'index.html'), 'utf8');
  const assets = [...index.matchAll(/(?:src|href)="(\/assets\/[^"]+\.(?:js|css))"/g)].map(
    (m) => m[1]!,
  );
  const start = `<!doctype html><html><head><meta charset="utf-8"><title>floor</title></head>
<body style="background:#101820"><button id="b">OK</button><script>
Promise.all(${JSON.stringify(assets)}.map((a) => fetch(a).then((r) => r.arrayBuffer()))).then(() => {
  const b = document.getElementById('b');
  document.addEventListener('focusin', () => { window.__interactive ??= performance.now(); }, { once: true });
  b.focus();
});
</script></body></html>`;
  const row = `<!doctype html><html><head><meta charset="utf-8"><title>row</title><style>
body{margin:0;background:#101820;color:#fff;font:28px sans-serif}
.r{display:flex;gap:24px;overflow:hidden;padding:96px}
.r button{flex:0 0 320px;height:200px;font:inherit;background:#223;color:#fff;border:0}
.r button:focus{outline:6px solid #ffd600;transform:scale(1.08)}
</style></head><body><div class="r">${Array.from(
    { length: ROW },
    (_, i) => `<button data-i="${i}">示例 ${i + 1}</button>`,
  ).join('')}</div><script>
document.addEventListener('keydown', (e) => {
  const n = document.activeElement?.nextElementSibling;
  if (e.key === 'ArrowRight' && n) { e.preventDefault(); n.focus(); }
});
document.querySelector('button').focus();
</script></body></html>`;
  const server: Server = createServer((request, response) => {
    const path = new URL(request.url ?? '/', 'http://x').pathname;
    if (path === '/start.html' || path === '/row.html') {
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      response.end(path === '/start.html' ? start : row);
      return;
    }
    if (assets.includes(path)) {
      response.writeHead(200, {
        'content-type': extname(path) === '.js' ? 'text/javascript' : 'text/css',
      });
      response.end(readFileSync(join(DIST, path)));
      return;
    }
    response.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/** Page load → the first focus on a home tile (the init script records it). */
async function timeColdStart(context: BrowserContext, url: string): Promise<number> {
  const page = await context.newPage();
  await page.addInitScript(() => {
    document.addEventListener(
      'focusin',
      (event) => {
        const w = window as unknown as { __interactive?: number };
        const target = event.target as HTMLElement;
        if (w.__interactive === undefined && target.closest('[data-screen=home]') !== null)
          w.__interactive = performance.now();
      },
      true,
    );
  });
  await page.goto(url);
  const handle = await page.waitForFunction(
    () => (window as unknown as { __interactive?: number }).__interactive,
    undefined,
    { timeout: 60_000 },
  );
  const ms = (await handle.jsonValue()) as number;
  await page.close();
  return ms;
}

async function timeFloorStart(context: BrowserContext, url: string): Promise<number> {
  const page = await context.newPage();
  await page.goto(url);
  const handle = await page.waitForFunction(
    () => (window as unknown as { __interactive?: number }).__interactive,
  );
  const ms = (await handle.jsonValue()) as number;
  await page.close();
  return ms;
}

/** JS heap in use after a forced garbage collection, MiB. */
async function heapMiB(page: Page): Promise<number> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('HeapProfiler.collectGarbage');
  const usage = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number };
  await cdp.detach();
  return usage.usedSize / 1024 ** 2;
}

/**
 * Installed in the page as source text: tsx names the functions of code it compiles
 * (`__name(...)`), which the page does not have. Each keydown's own timestamp → the task after
 * the first frame drawn with the focus moved; one MessageChannel held by the page (an
 * unreferenced one may be collected before its message arrives).
 */
const LATENCY_PROBE = `(() => {
  window.__latencies = [];
  window.__misses = 0;
  const stamps = [];
  window.__channel = new MessageChannel();
  window.__channel.port1.onmessage = () => window.__latencies.push(performance.now() - stamps.shift());
  window.addEventListener('keydown', (event) => {
    const before = document.activeElement;
    const stamp = event.timeStamp;
    const check = () => {
      if (document.activeElement !== before) {
        requestAnimationFrame(() => {
          stamps.push(stamp);
          window.__channel.port2.postMessage(0);
        });
      } else if (performance.now() - stamp < 2000) requestAnimationFrame(check);
      else window.__misses += 1;
    };
    setTimeout(check, 0);
  }, true);
})()`;

/**
 * Presses ArrowRight `count` times at 10 keys/s (trusted key events over CDP) and returns each
 * key's latency: the event's own timestamp → the task after the first frame drawn with the
 * focus moved (what the viewer sees).
 */
async function focusLatencies(page: Page, count: number): Promise<number[]> {
  // A tab in the background draws no frames (new headless Chromium has real tabs).
  await page.bringToFront();
  await page.evaluate(LATENCY_PROBE);
  const started = Date.now();
  for (let i = 0; i < count; i++) {
    const due = started + i * 100;
    const wait = due - Date.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    await page.keyboard.press('ArrowRight');
  }
  await new Promise((resolve) => setTimeout(resolve, 2500));
  const { latencies, misses } = await page.evaluate(() => {
    const w = window as unknown as { __latencies: number[]; __misses: number };
    return { latencies: w.__latencies, misses: w.__misses };
  });
  if (misses > 0 || latencies.length !== count) {
    const where = await page.evaluate(
      () =>
        `${document.activeElement?.outerHTML.slice(0, 100)} now=${performance.now()} hasFocus=${document.hasFocus()}`,
    );
    throw new Error(
      `focus moved on ${latencies.length} of ${count} keys (${misses} never moved); focus: ${where}`,
    );
  }
  return latencies;
}

/** The box's own downloader and media store as one script for the page. */
async function downloaderBundle(): Promise<string> {
  const built = await build({
    stdin: {
      contents: `import { downloadResuming } from './tv-client/src/media/resumable-download';
import { openMediaStore } from './tv-client/src/media/media-store';
window.__tvMedia = { downloadResuming, openMediaStore };`,
      resolveDir: REPO,
      loader: 'ts',
    },
    bundle: true,
    format: 'iife',
    write: false,
    platform: 'browser',
    target: 'es2022',
  });
  return built.outputFiles[0]!.text;
}

/** Downloads every file through the box's downloader into a fresh IndexedDB store; ms. */
function timeBoxDownload(page: Page, urls: readonly string[], round: number): Promise<number> {
  return page.evaluate(
    async ({ urls, round }) => {
      type Store = {
        partial(f: string, t: number | undefined, n: number): Promise<unknown>;
        markComplete(f: string): Promise<void>;
      };
      const media = (
        window as unknown as {
          __tvMedia: {
            openMediaStore(f: IDBFactory, name: string): Promise<Store>;
            downloadResuming(url: string, file: unknown): Promise<{ ok: boolean }>;
          };
        }
      ).__tvMedia;
      const store = await media.openMediaStore(indexedDB, `pls-bench-media-${round}`);
      const t0 = performance.now();
      for (const url of urls) {
        const target = await store.partial(url, undefined, Date.now());
        const outcome = await media.downloadResuming(url, target);
        if (!outcome.ok) throw new Error(`download failed: ${url}`);
        await store.markComplete(url);
      }
      const ms = performance.now() - t0;
      return ms;
    },
    { urls, round },
  );
}

/** A plain copy of the same files from the same server to disk; ms. */
async function timePlainCopy(urls: readonly string[], dir: string): Promise<number> {
  const t0 = performance.now();
  for (const [i, url] of urls.entries()) {
    const response = await fetch(url);
    writeFileSync(join(dir, `copy-${i}`), new Uint8Array(await response.arrayBuffer()));
  }
  return performance.now() - t0;
}

/** The row counts the watch screen shows ("第 n / total 项"), summed. */
async function itemsOnWatch(page: Page): Promise<number> {
  return page.evaluate(() =>
    Array.from(document.querySelectorAll('.tv-row__count'))
      .map((el) => Number(/\/\s*(\d+)/.exec(el.textContent ?? '')?.[1] ?? 0))
      .reduce((a, b) => a + b, 0),
  );
}

export async function run(options: RunOptions = {}): Promise<BenchResult[]> {
  const log = options.log ?? console.log;
  const note = options.note ?? log;
  const quick = options.quick ?? false;
  const total = quick ? 1_000 : 10_000;
  const startRounds = quick ? 2 : 6;
  const keys = quick ? 30 : 120;
  const downloadRounds = quick ? 2 : 5;
  const results: BenchResult[] = [];
  const t = performance.now();
  let server: StartedSyncServer | undefined;
  let tv: ServedTv | undefined;
  let browser: Browser | undefined;
  let floor: { url: string; close(): Promise<void> } | undefined;
  const scratch = mkdtempSync(join(tmpdir(), 'pls-bench-tv-'));
  try {
    server = await startSyncServer();
    tv = await serveTv(server.url);
    browser = await launchChromium();
    floor = await startFloorServer();
    const boxUrl = `${tv.url}?server=${encodeURIComponent(server.url)}`;
    const context = await browser.newContext({
      viewport: { width: 1920, height: 1080 },
      deviceScaleFactor: 1,
      locale: 'zh-CN',
    });
    let page = await context.newPage();
    await page.goto(boxUrl);
    await enrollByKeys(page, server, 'household-bench-tv-renderer', '152502', 'zh');
    await press(page, 'Enter');
    await waitScreen(page, 'watch');
    await page.waitForFunction(() => document.querySelectorAll('.tv-tile--item').length > 3);
    // The background queue fetches the programs after enrollment: let it finish first.
    await page
      .waitForFunction(
        async () => {
          // Never open (and so create) the store before the app has made it.
          const names = (await indexedDB.databases()).map((d) => d.name);
          if (!names.includes('pls-tv-media')) return false;
          const open = indexedDB.open('pls-tv-media');
          const db = await new Promise<IDBDatabase>((resolve) => {
            open.onsuccess = () => resolve(open.result);
          });
          const files = await new Promise<{ complete: boolean }[]>((resolve) => {
            const r = db.transaction('files').objectStore('files').getAll();
            r.onsuccess = () => resolve(r.result as { complete: boolean }[]);
          });
          db.close();
          return files.filter((f) => f.complete).length >= 6;
        },
        undefined,
        { timeout: 90_000, polling: 500 },
      )
      .catch(() => note('tv-renderer: the box had not downloaded its six programs in 90 s'));
    const samplePack = await itemsOnWatch(page);
    const sampleInRow = await page.evaluate(() =>
      Number(/\/\s*(\d+)/.exec(document.querySelector('.tv-row__count')?.textContent ?? '')?.[1]),
    );
    log(
      `tv-renderer: box enrolled, ${samplePack} sample items on screen, in ${((performance.now() - t) / 1000).toFixed(1)} s`,
    );

    // --- cold start, sample pack ---
    const coldStart = async (label: string) => {
      const app: number[] = [];
      const floorTimes: number[] = [];
      await page.close();
      for (let round = 0; round < startRounds; round++) {
        app.push(await timeColdStart(context, boxUrl));
        floorTimes.push(await timeFloorStart(context, `${floor!.url}/start.html`));
      }
      log(`tv-renderer: cold start (${label}) ${app.map(Math.round).join(', ')} ms`);
      results.push(result(`tv.coldStart.${label}`, median(app), 'ms', median(floorTimes)));
      page = await context.newPage();
      await page.goto(boxUrl);
      await waitScreen(page, 'home', 60_000);
    };
    await coldStart('samplePack');

    // --- 10,000 items: the first row gets exactly ROW items, the rest spread over six topics ---
    const inRow = Math.max(0, ROW - sampleInRow);
    const items = Array.from({ length: total }, (_, i) =>
      benchItem(i, i < inRow ? ROW_CATEGORY : OTHER_CATEGORIES[i % OTHER_CATEGORIES.length]!),
    );
    const file = join(scratch, 'content.json');
    writeFileSync(file, JSON.stringify(items));
    const published = await server.admin('publish', 'content', file);
    if (published.exitCode !== 0) throw new Error(published.output.join('\n'));
    const tSync = performance.now();
    await press(page, 'Enter');
    await waitScreen(page, 'watch');
    await page.waitForFunction(
      (want) => {
        const counts = Array.from(document.querySelectorAll('.tv-row__count')).map((el) =>
          Number(/\/\s*(\d+)/.exec(el.textContent ?? '')?.[1] ?? 0),
        );
        return counts[0] === want.row && counts.reduce((a, b) => a + b, 0) >= want.all;
      },
      { all: samplePack + total, row: ROW },
      { timeout: 600_000, polling: 1000 },
    );
    log(
      `tv-renderer: ${total} items synced to the box in ${((performance.now() - tSync) / 1000).toFixed(1)} s`,
    );
    const label = `${total}items`;
    const appHeap = await heapMiB(page);
    const blank = await context.newPage();
    await blank.goto(`${floor.url}/start.html`);
    await blank.evaluate((json) => {
      (window as unknown as { __items: unknown }).__items = JSON.parse(json);
    }, JSON.stringify(items));
    const floorHeap = await heapMiB(blank);
    await blank.close();
    results.push(result(`tv.heap.${label}`, appHeap, 'MiB', floorHeap));

    // --- focus moves along the first row (ROW items) at 10 keys/s ---
    const first = await page.evaluate(() => {
      const count = document.querySelector('.tv-row__count')?.textContent ?? '';
      const tile = document.querySelector<HTMLElement>('.tv-row .tv-tile--item');
      tile?.focus();
      return { count, focused: document.activeElement === tile };
    });
    if (!first.focused || !first.count.includes(`/ ${ROW}`))
      throw new Error(`the first row is not a focused row of ${ROW}: ${first.count}`);
    const appLatencies = await focusLatencies(page, keys);
    const row = await context.newPage();
    await row.goto(`${floor.url}/row.html`);
    const plainLatencies = await focusLatencies(row, keys);
    await row.close();
    results.push(
      result(
        `tv.focusMove.p95.row${ROW}`,
        percentile(appLatencies, 95),
        'ms',
        percentile(plainLatencies, 95),
      ),
    );
    note(
      `tv-renderer: focus move p50 ${percentile(appLatencies, 50).toFixed(1)} ms (plain row ${percentile(plainLatencies, 50).toFixed(1)} ms), ${keys} keys at 10 keys/s`,
    );

    // --- cold start with the items in the box's database ---
    await coldStart(label);

    // --- media download throughput ---
    const files = readdirSync(PROGRAMS).filter((f) => f.endsWith('.mp4'));
    const urls = files.map((f) => `${server!.url}/api/media/programs/${encodeURIComponent(f)}`);
    const bytes = files.reduce((n, f) => n + readFileSync(join(PROGRAMS, f)).byteLength, 0);
    await page.addScriptTag({ content: await downloaderBundle() });
    const boxTimes: number[] = [];
    const copyTimes: number[] = [];
    for (let round = 0; round < downloadRounds; round++) {
      boxTimes.push(await timeBoxDownload(page, urls, round));
      copyTimes.push(await timePlainCopy(urls, scratch));
    }
    const mb = bytes / 1e6;
    results.push(
      result(
        'tv.mediaDownload.throughput',
        mb / (median(boxTimes) / 1000),
        'MB/s',
        mb / (median(copyTimes) / 1000),
      ),
    );
    note(
      `tv-renderer: ${files.length} program files, ${mb.toFixed(2)} MB a round, loopback; targets (not asserted): cold start ≤ 2 s, heap ≤ 150 MB with 10,000 items, focus p95 ≤ 50 ms`,
    );
    await context.close();
  } finally {
    await browser?.close();
    await floor?.close();
    await tv?.stop();
    await server?.stop();
    rmSync(scratch, { recursive: true, force: true });
  }
  return results;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  console.table(
    await run({ quick: process.argv.includes('--quick'), log: console.log, note: console.log }),
  );
}
