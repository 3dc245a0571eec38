/**
 * Page engine in Electron: each document in a hidden, sandboxed BrowserWindow loaded from the
 * app's own protocol (a data: URL would hit Chromium's 2 MB URL limit with embedded fonts).
 * The window's webContents prints silently or makes the PDF. Electron is passed in as ports,
 * so this file runs in Node tests; main.ts supplies the real BrowserWindow.
 */
import type { WebContentsPrintOptions } from 'electron';
import type { ElectronPrintSurface } from './electron-output';
import type { PageEngine } from './page-engine';

export interface PrintWindowLike {
  loadURL(url: string): Promise<void>;
  close(): void;
  readonly webContents: {
    executeJavaScript(code: string): Promise<unknown>;
    printToPDF(options: {
      preferCSSPageSize: boolean;
      printBackground: boolean;
    }): Promise<Uint8Array>;
    print(
      options: WebContentsPrintOptions,
      callback: (success: boolean, failureReason: string) => void,
    ): void;
  };
}

export interface ElectronPagePorts {
  createWindow(widthPx: number): PrintWindowLike;
  /** Makes the HTML loadable (e.g. app://print/<id>.html); `release` forgets it. */
  host(html: string): { url: string; release(): void };
}

export function createElectronPageEngine(ports: ElectronPagePorts): PageEngine {
  return {
    async open(html, widthPx) {
      const window = ports.createWindow(Math.ceil(widthPx));
      const hosted = ports.host(html);
      try {
        await window.loadURL(hosted.url);
      } catch (error) {
        hosted.release();
        window.close();
        throw error;
      }
      const surface: ElectronPrintSurface = {
        evaluate: <T>(expression: string) =>
          window.webContents.executeJavaScript(expression) as Promise<T>,
        pdf: async () =>
          new Uint8Array(
            await window.webContents.printToPDF({ preferCSSPageSize: true, printBackground: true }),
          ),
        print: (options) =>
          new Promise((resolve) =>
            window.webContents.print(options, (success, failureReason) =>
              resolve({ success, failureReason }),
            ),
          ),
        close: async () => {
          hosted.release();
          window.close();
        },
      };
      return surface;
    },
    async dispose() {},
  };
}
