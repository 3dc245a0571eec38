/**
 * Electron main process: wiring only. The host is composed by `composeKioskHost` (kiosk/host,
 * tested in Node through the agent and the bridge contract test); this file gives it Electron's
 * ports: the kiosk window, the app:// protocol (renderer files and print documents), IPC,
 * safeStorage, printers.
 * Start: `electron kiosk` (out/main/index.js after `electron-vite build`), `--simulate-reader`
 * for the simulated reader.
 */
import { app, BrowserWindow, ipcMain, net, protocol, safeStorage } from 'electron';
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { dirname, join, normalize, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createSafeStorageSecretStore } from '@pls/shared/host';
import { composeKioskHost } from '../host/compose-kiosk-host';
import { createElectronOutput, createElectronPageEngine } from '../host/print';
import { registerKioskIpc } from './ipc/register-ipc';

const here = dirname(fileURLToPath(import.meta.url));
/** Packaged: resources next to the asar; development: the repository. */
const repoRoot = app.isPackaged ? process.resourcesPath : join(here, '..', '..');
const rendererDir = join(repoRoot, 'kiosk', 'dist', 'renderer');
const simulateReader = process.argv.includes('--simulate-reader');

protocol.registerSchemesAsPrivileged([
  { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } },
]);

const printDocuments = new Map<string, string>();

function serveApp(request: Request): Response | Promise<Response> {
  const url = new URL(request.url);
  if (url.host === 'print') {
    const html = printDocuments.get(url.pathname.slice(1));
    return html === undefined
      ? new Response('not found', { status: 404 })
      : new Response(html, { headers: { 'content-type': 'text/html; charset=utf-8' } });
  }
  const file = normalize(join(rendererDir, decodeURIComponent(url.pathname)));
  if (!file.startsWith(rendererDir + sep)) return new Response('forbidden', { status: 403 });
  return net.fetch(
    pathToFileURL(existsSync(file) ? file : join(rendererDir, 'index.html')).toString(),
  );
}

async function start(): Promise<void> {
  await app.whenReady();
  protocol.handle('app', serveApp);

  const window = new BrowserWindow({
    kiosk: !process.argv.includes('--windowed'),
    width: 1920,
    height: 1080,
    backgroundColor: '#ffffff',
    webPreferences: {
      preload: join(here, '..', 'preload', 'index.cjs'),
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
    },
  });

  const engine = createElectronPageEngine({
    createWindow: (widthPx) =>
      new BrowserWindow({
        show: false,
        width: widthPx,
        height: 1000,
        webPreferences: { sandbox: true, contextIsolation: true, nodeIntegration: false },
      }),
    host: (html) => {
      const id = `${randomUUID()}.html`;
      printDocuments.set(id, html);
      return { url: `app://print/${id}`, release: () => printDocuments.delete(id) };
    },
  });
  const { host, dispose } = composeKioskHost(
    {
      repoRoot,
      simulateReader,
      printers: {
        ...(process.env['KIOSK_RECEIPT_PRINTER']
          ? { receipt: process.env['KIOSK_RECEIPT_PRINTER'] }
          : {}),
        ...(process.env['KIOSK_A4_PRINTER'] ? { a4: process.env['KIOSK_A4_PRINTER'] } : {}),
      },
    },
    {
      secretStore: createSafeStorageSecretStore(safeStorage, app.getPath('userData')),
      pageEngine: engine,
      printerOutput: createElectronOutput({
        getPrinters: () => window.webContents.getPrintersAsync(),
      }),
    },
  );
  const unregister = registerKioskIpc(ipcMain, host, window.webContents);
  window.on('closed', () => {
    unregister();
    void dispose();
  });
  await window.loadURL('app://kiosk/index.html');
}

app.on('window-all-closed', () => app.quit());
void start();
