/**
 * The printing service behind `kiosk.print.*`, the same in both hosts: render the document,
 * lay it out, then print it (after checking the printer can take it) or return it as a PDF for
 * archiving and tests. Which printer: the one the renderer names (from device_config), else the
 * host's configured one for that paper.
 */
import { err, ok, type Result } from '@pls/shared/domain';
import type { PrintDocumentSpec, RenderedDocument } from '@pls/shared/print';
import type {
  PrintDocumentInput,
  PrinterStatus,
  PrinterStatusInput,
  PrintError,
  PrintJobDone,
  PrintTarget,
  RenderedPdf,
  RenderPdfInput,
} from '@pls/shared/protocol';
import { layOut } from './layout';
import type { PageEngine } from './page-engine';
import type { PrinterOutput } from './printer-output';
import { canPrint } from './printer-status';

export interface PrinterConfig {
  readonly receipt?: string;
  readonly a4?: string;
}

export interface PrintServiceDeps {
  readonly render: (spec: PrintDocumentSpec) => RenderedDocument;
  readonly engine: PageEngine;
  /** Absent: this host can only make PDFs (tests, a kiosk without printers). */
  readonly output?: PrinterOutput;
  readonly printers: PrinterConfig;
}

export interface PrintService {
  printDocument(input: PrintDocumentInput): Promise<Result<PrintJobDone, PrintError>>;
  renderPdf(input: RenderPdfInput): Promise<Result<RenderedPdf, PrintError>>;
  getPrinterStatus(input: PrinterStatusInput): Promise<PrinterStatus>;
}

function targetOf(spec: PrintDocumentSpec): PrintTarget {
  if (spec.kind === 'slip') return spec.slip.paper === 'A4' ? 'a4' : 'receipt';
  return spec.kind === 'receipt' ? 'receipt' : 'a4';
}

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export function createPrintService(deps: PrintServiceDeps): PrintService {
  const printerFor = (target: PrintTarget, named?: string) => named ?? deps.printers[target];

  const status = async (
    target: PrintTarget,
    printer: string | undefined,
  ): Promise<PrinterStatus> => {
    if (printer === undefined || deps.output === undefined)
      return { kind: 'notConfigured', target };
    return deps.output.status(printer);
  };

  const render = (spec: PrintDocumentSpec): Result<RenderedDocument, PrintError> => {
    try {
      return ok(deps.render(spec));
    } catch (error) {
      return err({ kind: 'renderFailed', message: message(error) });
    }
  };

  return {
    async printDocument({ document, printerName, copies }) {
      const target = targetOf(document);
      const printer = printerFor(target, printerName);
      const current = await status(target, printer);
      if (printer === undefined || deps.output === undefined || !canPrint(current)) {
        return err({ kind: 'printerNotReady', status: current });
      }
      const rendered = render(document);
      if (!rendered.ok) return rendered;
      const { surface, pageSize } = await layOut(deps.engine, rendered.value);
      try {
        const sent = await deps.output.print({
          surface,
          printer,
          copies,
          title: rendered.value.title,
          pageSize,
        });
        if (!sent.ok) return err({ kind: 'printFailed', printer, reason: sent.error });
        return ok({ printer, title: rendered.value.title, pageSize, jobId: sent.value.jobId });
      } finally {
        await surface.close();
      }
    },

    async renderPdf({ document }) {
      const rendered = render(document);
      if (!rendered.ok) return rendered;
      const { surface, pageSize } = await layOut(deps.engine, rendered.value);
      try {
        const pdf = await surface.pdf();
        return ok({
          title: rendered.value.title,
          pageSize,
          pdfBase64: Buffer.from(pdf).toString('base64'),
        });
      } finally {
        await surface.close();
      }
    },

    getPrinterStatus: ({ target, printerName }) => status(target, printerFor(target, printerName)),
  };
}
