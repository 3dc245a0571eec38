/**
 * Electron main for a TV box: one fullscreen window loading the same renderer a box's Chromium
 * loads, nothing else (no Node in the renderer; the token and database key stay in the
 * renderer's profile as in the browser build until a preload with safeStorage is added).
 * Type-checked only on machines without the Electron binary.
 */
import { app, BrowserWindow } from 'electron';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const rendererIndex = join(here, '..', 'dist', 'renderer', 'index.html');

function open(): void {
  const window = new BrowserWindow({
    fullscreen: true,
    kiosk: true,
    backgroundColor: '#0e131b',
    autoHideMenuBar: true,
    webPreferences: {
      contextIsolation: true,
      nodeIntegration: false,
      sandbox: true,
      autoplayPolicy: 'no-user-gesture-required',
    },
  });
  void window.loadFile(rendererIndex, {
    search: process.env['SYNC_SERVER_URL']
      ? `server=${encodeURIComponent(process.env['SYNC_SERVER_URL'])}`
      : '',
  });
}

void app.whenReady().then(open);
app.on('window-all-closed', () => app.quit());
