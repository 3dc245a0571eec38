/**
 * What the kiosk e2e suites and the kiosk benchmark run against: the renderer built once, a
 * real sync server (e2e/support/server.ts), the device agent in its own process with the
 * simulated reader, and Debian Chromium with a fake camera that shows a card image.
 *
 * Printing goes through the agent's real CUPS path (render → lay out → PDF → `lp`), with `lp`
 * and `lpstat` replaced on the agent's PATH by a spool that keeps each job's PDF: the receipt
 * and form a real printer would have received, to read back with pdftotext and zbarimg.
 */
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { PNG } from 'pngjs';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { ARTIFACTS_DIR, CHROMIUM_ARGS, CHROMIUM_PATH } from './support/chromium';
import { SAMPLE_STATION_ID, startSyncServer, type StartedSyncServer } from './support/server';

const run = promisify(execFile);
export const REPO_ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
export const KIOSK_ARTIFACTS = join(ARTIFACTS_DIR, 'kiosk');
export const RECEIPT_PRINTER = 'E2E_RECEIPT_80MM';
export const A4_PRINTER = 'E2E_A4';
export const STAFF_PIN = '246813';

/** `vite build` of the kiosk renderer into kiosk/dist/renderer (what the agent serves). */
export async function buildRenderer(): Promise<void> {
  await run(
    join(REPO_ROOT, 'node_modules', '.bin', 'vite'),
    ['build', '--config', 'kiosk/vite.config.ts'],
    {
      cwd: REPO_ROOT,
      timeout: 180_000,
    },
  );
}

// ---- printers ------------------------------------------------------------------------------

export interface SpooledJob {
  readonly file: string;
  readonly printer: string;
}

export interface PrinterSpool {
  readonly binDir: string;
  readonly spoolDir: string;
  /** Makes `lpstat` report a printer out of paper (or ready again). */
  setPaper(printer: string, present: boolean): void;
  jobs(): SpooledJob[];
  dispose(): void;
}

/**
 * `lp -d P -n N -t T -o media=… -- file` copies the PDF into the spool; `lpstat -l -p P` says
 * the printer is idle, or stopped with `media-empty-error` when its "paper" file is gone.
 */
function createPrinterSpool(): PrinterSpool {
  const root = mkdtempSync(join(tmpdir(), 'pls-e2e-print-'));
  const binDir = join(root, 'bin');
  const spoolDir = join(root, 'spool');
  const stateDir = join(root, 'state');
  for (const dir of [binDir, spoolDir, stateDir]) mkdirSync(dir, { recursive: true });
  const lp = `#!/bin/sh
printer=""; file=""
while [ $# -gt 0 ]; do
  case "$1" in
    -d) printer="$2"; shift 2;;
    -n|-t|-o) shift 2;;
    --) file="$2"; shift 2;;
    *) shift;;
  esac
done
[ -f "${stateDir}/$printer.nopaper" ] && { echo "lp: printer out of paper" >&2; exit 1; }
n=$(ls "${spoolDir}" | wc -l)
cp "$file" "${spoolDir}/$(printf '%03d' $((n + 1)))-$printer.pdf"
echo "request id is $printer-$((n + 1)) (1 file(s))"
`;
  const lpstat = `#!/bin/sh
for last; do true; done
if [ -f "${stateDir}/$last.nopaper" ]; then
  echo "printer $last disabled since Mon 23 Nov 2026 10:00:00 AM CST -"
  echo "	Alerts: media-empty-error"
else
  echo "printer $last is idle.  enabled since Mon 23 Nov 2026 10:00:00 AM CST"
  echo "	Alerts: none"
fi
`;
  writeFileSync(join(binDir, 'lp'), lp);
  writeFileSync(join(binDir, 'lpstat'), lpstat);
  chmodSync(join(binDir, 'lp'), 0o755);
  chmodSync(join(binDir, 'lpstat'), 0o755);
  return {
    binDir,
    spoolDir,
    setPaper(printer, present) {
      const flag = join(stateDir, `${printer}.nopaper`);
      if (present) rmSync(flag, { force: true });
      else writeFileSync(flag, '');
    },
    jobs() {
      return readdirSync(spoolDir)
        .sort()
        .map((name) => ({
          file: join(spoolDir, name),
          printer: name.replace(/^\d+-|\.pdf$/g, ''),
        }));
    },
    dispose() {
      rmSync(root, { recursive: true, force: true });
    },
  };
}

// ---- the device agent ------------------------------------------------------------------------

export interface KioskAgent {
  readonly url: string;
  readonly process: ChildProcess;
  stop(): Promise<void>;
}

/**
 * `tsx kiosk/agent/main.ts --simulate-reader` on a free port, printing through the spool; the
 * agent composes its host with `composeKioskHost` like Electron main does.
 */
function startKioskAgent(spool: PrinterSpool): Promise<KioskAgent> {
  const dataDir = mkdtempSync(join(tmpdir(), 'pls-e2e-agent-'));
  const child = spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      join(REPO_ROOT, 'kiosk', 'agent', 'main.ts'),
      '--simulate-reader',
      '--port=0',
      `--receipt-printer=${RECEIPT_PRINTER}`,
      `--a4-printer=${A4_PRINTER}`,
    ],
    {
      cwd: REPO_ROOT,
      // The agent finds its data under DATA_DIR (token and key in DATA_DIR/agent), as in production.
      env: {
        ...process.env,
        DATA_DIR: dataDir,
        PATH: `${spool.binDir}:${process.env['PATH'] ?? ''}`,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  let output = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`device agent did not start:\n${output}`));
    }, 60_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /device agent: (http:\/\/\S+).*token in (\S+)\)/.exec(output);
      if (match) {
        clearTimeout(timer);
        if (match[2] !== join(dataDir, 'agent', 'agent-token')) {
          child.kill('SIGKILL');
          reject(new Error(`the agent kept its token outside DATA_DIR: ${match[2]}`));
          return;
        }
        resolve({
          url: match[1]!,
          process: child,
          async stop() {
            if (child.exitCode === null) child.kill('SIGTERM');
            await exited;
            rmSync(dataDir, { recursive: true, force: true });
          },
        });
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`device agent exited (${code}):\n${output}`));
    });
  });
}

// ---- a camera that sees a card ---------------------------------------------------------------

/**
 * A PNG as a one-frame Y4M video (4:2:0), which Chromium's fake capture device plays in a loop:
 * `--use-file-for-fake-video-capture=<file>`.
 */
export function pngToY4m(png: Uint8Array): Buffer {
  const image = PNG.sync.read(Buffer.from(png));
  const width = image.width - (image.width % 2);
  const height = image.height - (image.height % 2);
  const y = Buffer.alloc(width * height);
  const u = Buffer.alloc((width / 2) * (height / 2));
  const v = Buffer.alloc((width / 2) * (height / 2));
  const px = (x: number, yy: number) => {
    const i = (yy * image.width + x) * 4;
    return [image.data[i]!, image.data[i + 1]!, image.data[i + 2]!] as const;
  };
  for (let row = 0; row < height; row++) {
    for (let col = 0; col < width; col++) {
      const [r, g, b] = px(col, row);
      y[row * width + col] = Math.round(0.257 * r + 0.504 * g + 0.098 * b + 16);
    }
  }
  for (let row = 0; row < height; row += 2) {
    for (let col = 0; col < width; col += 2) {
      let r = 0;
      let g = 0;
      let b = 0;
      for (const [dx, dy] of [
        [0, 0],
        [1, 0],
        [0, 1],
        [1, 1],
      ] as const) {
        const [pr, pg, pb] = px(col + dx, row + dy);
        r += pr / 4;
        g += pg / 4;
        b += pb / 4;
      }
      const at = (row / 2) * (width / 2) + col / 2;
      u[at] = Math.round(-0.148 * r - 0.291 * g + 0.439 * b + 128);
      v[at] = Math.round(0.439 * r - 0.368 * g - 0.071 * b + 128);
    }
  }
  const header = Buffer.from(`YUV4MPEG2 W${width} H${height} F15:1 Ip A1:1 C420jpeg\nFRAME\n`);
  return Buffer.concat([header, y, u, v]);
}

/** Chromium for the kiosk: the camera shows `fakeVideo` (a .y4m file) once it is written. */
function launchKioskBrowser(fakeVideo: string): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: [
      ...CHROMIUM_ARGS,
      '--use-fake-device-for-media-stream',
      '--use-fake-ui-for-media-stream',
      `--use-file-for-fake-video-capture=${fakeVideo}`,
      '--autoplay-policy=no-user-gesture-required',
    ],
  });
}

/** Everything a kiosk e2e file runs against; `video` is the camera's file, for the caller to write. */
export interface KioskStack {
  readonly server: StartedSyncServer;
  readonly spool: PrinterSpool;
  readonly agent: KioskAgent;
  readonly browser: Browser;
  readonly video: string;
}

/** What of a stack has started (all of it, once `startKioskStack` returned). */
export type StartedParts = { readonly [K in keyof KioskStack]?: KioskStack[K] | undefined };

/**
 * Builds the renderer and starts a sync server (on `databaseUrl` when given, else PGlite), the
 * agent and Chromium, all at once: each mostly waits (vite, tsx compiling, a database opening,
 * Chromium), and the agent reads the renderer's files only when a page asks for them. Stops what
 * started when one part fails.
 */
export async function startKioskStack(
  name: string,
  options: { readonly databaseUrl?: string | undefined } = {},
): Promise<KioskStack> {
  const spool = createPrinterSpool();
  const video = join(tmpdir(), `pls-e2e-${name}-${process.pid}.y4m`);
  const [built, server, agent, browser] = await Promise.allSettled([
    buildRenderer(),
    startSyncServer(options.databaseUrl === undefined ? {} : { databaseUrl: options.databaseUrl }),
    startKioskAgent(spool),
    launchKioskBrowser(video),
  ]);
  if (
    built.status === 'rejected' ||
    server.status === 'rejected' ||
    agent.status === 'rejected' ||
    browser.status === 'rejected'
  ) {
    const value = <T>(settled: PromiseSettledResult<T>) =>
      settled.status === 'fulfilled' ? settled.value : undefined;
    await stopKioskStack({
      server: value(server),
      spool,
      agent: value(agent),
      browser: value(browser),
    });
    throw [built, server, agent, browser].find((s) => s.status === 'rejected')?.reason;
  }
  return { server: server.value, spool, agent: agent.value, browser: browser.value, video };
}

export async function stopKioskStack(stack: StartedParts): Promise<void> {
  await stack.browser?.close();
  await stack.agent?.stop();
  await stack.server?.stop();
  stack.spool?.dispose();
}

// ---- one kiosk in the browser ----------------------------------------------------------------

export type KioskLanguage = 'zh-Hans' | 'mn-Mong';

export interface OpenedKiosk {
  readonly context: BrowserContext;
  readonly page: Page;
  readonly deviceId: string;
}

async function knownDevices(server: StartedSyncServer): Promise<string[]> {
  const listed = await server.admin('devices');
  return listed.output.slice(1).map((line) => line.split('\t')[0]!);
}

/**
 * A fresh kiosk: a new browser context (empty IndexedDB), enrolled by the renderer itself with
 * a one-time code, the staff PIN set by the center, waiting on its home screen.
 */
export async function openKiosk(
  browser: Browser,
  agent: KioskAgent,
  server: StartedSyncServer,
  options: { installClock?: boolean } = {},
): Promise<OpenedKiosk> {
  const before = new Set(await knownDevices(server));
  const issued = await server.admin(
    'enroll-code',
    '--kind',
    'kiosk',
    '--station',
    SAMPLE_STATION_ID,
  );
  const code = issued.output.at(-1)!;
  const context = await browser.newContext({
    viewport: { width: 1920, height: 1080 },
    locale: 'zh-CN',
    deviceScaleFactor: 1,
  });
  if (options.installClock) await context.clock.install();
  const page = await context.newPage();
  page.on('pageerror', (error) => console.error('kiosk page error:', error.message));
  await page.goto(`${agent.url}?server=${encodeURIComponent(server.url)}&enroll=${code}`);
  await page.locator('[data-testid=home]').waitFor({ timeout: 60_000 });
  // The center's device config (station language) comes with the first pull; wait for it so a
  // test's first tap does not meet the screen switching language under it.
  await page
    .locator('html[data-device-config=center]')
    .waitFor({ state: 'attached', timeout: 60_000 });
  const deviceId = (await knownDevices(server)).find((id) => !before.has(id));
  if (!deviceId) throw new Error('the kiosk did not enroll');
  const pin = await server.admin('set-staff-pin', '--device', deviceId, '--pin', STAFF_PIN);
  if (pin.exitCode !== 0) throw new Error(pin.output.join('\n'));
  return { context, page, deviceId };
}
