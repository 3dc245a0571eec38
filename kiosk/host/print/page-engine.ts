/**
 * A place to lay out a print document: a Chromium page, in Electron a hidden BrowserWindow.
 * The print service only needs to load HTML, run a measurement, set the @page rule, and get a
 * PDF; each host supplies an engine. Electron's surface can also print to a device.
 */
export interface PrintSurface {
  /** Evaluates an expression in the page (it may return a promise) and returns its result. */
  evaluate<T>(expression: string): Promise<T>;
  /** PDF of the page with its CSS @page size. */
  pdf(): Promise<Uint8Array>;
  close(): Promise<void>;
}

export interface PageEngine {
  /** Loads a complete HTML document into a page `widthPx` CSS pixels wide. */
  open(html: string, widthPx: number): Promise<PrintSurface>;
  dispose(): Promise<void>;
}
