/**
 * Programs that really play, offline: the TV box downloads the sample program files in the
 * background through a link that drops mid-file (a loopback proxy cuts the first media answer),
 * resumes with a range request, marks the tiles "downloaded", and then plays a program from its
 * own copy with the sync server stopped (`playing` and `timeupdate` observed), by remote keys only.
 * The player is audited (axe serious/critical, the 5% safe area) in both languages, and Down +
 * OK pins the program. Screenshots of the player go to e2e/artifacts/tv/.
 */
import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchChromium } from './support/chromium';
import { startSyncServer, type StartedSyncServer } from './support/server';
import {
  axeProblems,
  colourKey,
  enrollByKeys,
  outsideSafeArea,
  press,
  serveTv,
  shot,
  waitScreen,
  type ServedTv,
} from './tv-driver';

const MONGOLIAN = /[\u1820-\u18AA]/u;
const CUT_AFTER = 60_000;

let server: StartedSyncServer;
let tv: ServedTv;
let browser: Browser;
let proxy: Server;
let proxyUrl: string;
const mediaRequests: { path: string; range: string | undefined; status: number }[] = [];

/** A rural link: forwards everything, but the first media download breaks after CUT_AFTER bytes. */
function startCuttingProxy(target: string): Promise<void> {
  const to = new URL(target);
  let cut = false;
  proxy = createServer((req, res) => {
    const upstream = request(
      { host: to.hostname, port: to.port, path: req.url, method: req.method, headers: req.headers },
      (answer) => {
        const media = req.url?.startsWith('/api/media/') ?? false;
        if (media)
          mediaRequests.push({
            path: req.url!,
            range: req.headers.range,
            status: answer.statusCode ?? 0,
          });
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        if (media && !cut && answer.statusCode === 200) {
          cut = true;
          let sent = 0;
          answer.on('data', (chunk: Buffer) => {
            if (sent >= CUT_AFTER) return;
            const part = chunk.subarray(0, CUT_AFTER - sent);
            sent += part.length;
            res.write(part);
            // The link drops mid-file (after the bytes had time to arrive).
            if (sent >= CUT_AFTER) setTimeout(() => res.socket?.destroy(), 700);
          });
          return;
        }
        answer.pipe(res);
      },
    );
    upstream.on('error', () => res.destroy());
    req.pipe(upstream);
  });
  return new Promise((resolve) =>
    proxy.listen(0, '127.0.0.1', () => {
      proxyUrl = `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`;
      resolve();
    }),
  );
}

beforeAll(async () => {
  server = await startSyncServer();
  await startCuttingProxy(server.url);
  tv = await serveTv(proxyUrl);
  browser = await launchChromium();
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await tv?.stop();
  proxy?.close();
  await server?.stop();
});

describe('TV programs offline', () => {
  it('resumes a cut download with a range request, then plays from the local copy with the server stopped', async () => {
    const context = await browser.newContext({ viewport: { width: 1920, height: 1080 } });
    const page = await context.newPage();
    page.on('pageerror', (e) => console.log('pageerror:', e.message));
    await page.goto(`${tv.url}?server=${encodeURIComponent(proxyUrl)}`);
    // The box's Chromium plays what we made (checked before anything is downloaded).
    expect(
      await page.evaluate(() =>
        document.createElement('video').canPlayType('video/mp4; codecs="avc1.4D401F, mp4a.40.2"'),
      ),
    ).not.toBe('');

    await enrollByKeys(page, server, 'household-e2e-media', '152502', 'zh');
    await press(page, 'Enter');
    await waitScreen(page, 'watch');

    // All six programs downloaded in the background, the first one after a cut.
    await page.waitForFunction(
      () => document.querySelectorAll('.tv-tile__mark').length >= 1,
      undefined,
      {
        timeout: 90_000,
      },
    );
    await expect
      .poll(() => new Set(mediaRequests.filter((r) => r.status < 300).map((r) => r.path)).size, {
        timeout: 90_000,
      })
      .toBe(6);
    const first = mediaRequests[0]!;
    expect(first.range).toBeUndefined();
    const resumed = mediaRequests.find((r) => r.path === first.path && r.range !== undefined);
    expect(resumed).toMatchObject({ range: `bytes=${CUT_AFTER}-`, status: 206 });

    // The center goes away; the program still plays, from the box's copy.
    await server.kill();
    await press(page, 'ArrowDown');
    await page.waitForFunction(() =>
      document.activeElement?.classList.contains('tv-kind--program'),
    );
    await press(page, 'Enter');
    await waitScreen(page, 'player');
    await page.waitForFunction(
      () =>
        document.querySelector('[data-testid=player]')?.getAttribute('data-state') === 'playing',
      undefined,
      { timeout: 20_000 },
    );
    expect(await page.getAttribute('[data-testid=player]', 'data-source')).toBe('local');
    const timeupdate = await page.evaluate(
      () =>
        new Promise<number>((resolve) => {
          const video = document.querySelector('video')!;
          video.addEventListener('timeupdate', () => resolve(video.currentTime), { once: true });
        }),
    );
    expect(timeupdate).toBeGreaterThanOrEqual(0);
    await page.waitForFunction(() => document.querySelector('video')!.currentTime > 1);
    await shot(page, 'player-zh-1080');
    const problems = [...(await axeProblems(page)), ...(await outsideSafeArea(page))];

    // OK pauses, the media key plays again; the red key switches the language while it plays.
    await press(page, 'Enter');
    await page.waitForFunction(() => document.querySelector('video')!.paused);
    await press(page, 'MediaPlayPause');
    await page.waitForFunction(() => !document.querySelector('video')!.paused);
    await colourKey(page, 'red');
    await page.waitForFunction(() => document.documentElement.lang.startsWith('mn'));
    expect(await page.textContent('.tv-player__bar')).toMatch(MONGOLIAN);
    await shot(page, 'player-mn-1080');
    problems.push(...(await axeProblems(page)), ...(await outsideSafeArea(page)));

    // Down reaches the pin button; OK there keeps the program on the box (never evicted).
    await press(page, 'ArrowDown');
    await page.waitForFunction(
      () => document.activeElement?.getAttribute('data-focus-key') === 'player:pin',
    );
    await press(page, 'Enter');
    await page.waitForSelector('.tv-player__pinned');
    expect(
      JSON.parse((await page.evaluate(() => localStorage.getItem('pls-tv-pinned'))) ?? '[]'),
    ).toHaveLength(1);
    expect(await page.evaluate(() => document.querySelector('video')!.paused)).toBe(false);
    await shot(page, 'player-pinned-mn-1080');
    problems.push(...(await axeProblems(page)), ...(await outsideSafeArea(page)));
    expect(problems).toEqual([]);
    await press(page, 'ArrowUp');

    // Back leaves; the position is kept for continue-watching.
    await press(page, 'Escape');
    await waitScreen(page, 'watch');
    const saved = await page.evaluate(() => localStorage.getItem('pls-tv-positions'));
    expect(Object.values(JSON.parse(saved ?? '{}')).length).toBe(1);
    await context.close();
  }, 300_000);
});
