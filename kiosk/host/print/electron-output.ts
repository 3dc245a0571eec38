/**
 * Silent printing in Electron: `webContents.print` to the configured queue with the page size
 * in microns (Electron's unit for print; printToPDF uses inches) and no margins, since the
 * document's @page already has them. Types only from electron: this file runs in Node tests.
 */
import type { PrinterInfo, WebContentsPrintOptions } from 'electron';
import { err, ok } from '@pls/shared/domain';
import type { PageSizeMm } from '@pls/shared/protocol';
import type { PrintSurface } from './page-engine';
import type { PrinterOutput } from './printer-output';
import { statusFromPrinterOptions } from './printer-status';

/** Electron refuses custom page sizes under 353 microns per side. */
const MIN_MICRONS = 353;

export function toElectronPrintOptions(
  printer: string,
  copies: number,
  pageSize: PageSizeMm,
): WebContentsPrintOptions {
  return {
    silent: true,
    deviceName: printer,
    printBackground: true,
    copies,
    margins: { marginType: 'none' },
    pageSize: {
      width: Math.max(MIN_MICRONS, Math.round(pageSize.widthMm * 1000)),
      height: Math.max(MIN_MICRONS, Math.round(pageSize.heightMm * 1000)),
    },
  };
}

/** A surface that can also print to a device: a hidden BrowserWindow's webContents. */
export interface ElectronPrintSurface extends PrintSurface {
  print(options: WebContentsPrintOptions): Promise<{ success: boolean; failureReason: string }>;
}

export interface ElectronPrinterPorts {
  getPrinters(): Promise<PrinterInfo[]>;
}

function isElectronSurface(surface: PrintSurface): surface is ElectronPrintSurface {
  return typeof (surface as Partial<ElectronPrintSurface>).print === 'function';
}

export function createElectronOutput(ports: ElectronPrinterPorts): PrinterOutput {
  return {
    async print({ surface, printer, copies, pageSize }) {
      if (!isElectronSurface(surface)) throw new Error('Electron output needs an Electron surface');
      const result = await surface.print(toElectronPrintOptions(printer, copies, pageSize));
      return result.success ? ok({ jobId: null }) : err(result.failureReason || 'print failed');
    },
    async status(printer) {
      const printers = await ports.getPrinters();
      const info = printers.find((p) => p.name === printer);
      if (!info) return { kind: 'disconnected', printer };
      return statusFromPrinterOptions(printer, info.options as Record<string, string>);
    },
  };
}
