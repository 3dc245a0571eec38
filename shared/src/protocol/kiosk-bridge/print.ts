/** `print.*`: printing and PDF rendering of print documents on the host, and printer status. */
import { isRecord } from '../../domain/is-record';
import { err, ok } from '../../domain/result';
import { parsePrintDocumentSpec, type PrintDocumentSpec } from '../../print/spec';
import {
  kindMessageSchema,
  schemaParser,
  type InputIssue,
  type Parser,
  resultMethod,
  statusMethod,
} from './common';

export const PRINT_TARGETS = ['receipt', 'a4'] as const;
export type PrintTarget = (typeof PRINT_TARGETS)[number];

/** A printer is a status, not an exception: the UI shows it before the resident presses print. */
export type PrinterStatus =
  | { readonly kind: 'ready'; readonly printer: string; readonly paperLow: boolean }
  | { readonly kind: 'busy'; readonly printer: string; readonly paperLow: boolean }
  | { readonly kind: 'noPaper'; readonly printer: string }
  | { readonly kind: 'paperJam'; readonly printer: string }
  | { readonly kind: 'coverOpen'; readonly printer: string }
  | { readonly kind: 'paused'; readonly printer: string }
  | { readonly kind: 'disconnected'; readonly printer: string }
  | { readonly kind: 'error'; readonly printer: string; readonly reasons: readonly string[] }
  /** The platform does not report state (Windows through Chromium): printing may still work. */
  | { readonly kind: 'unknown'; readonly printer: string; readonly detail: string }
  | { readonly kind: 'notConfigured'; readonly target: PrintTarget };

export type PrinterStatusKind = PrinterStatus['kind'];

export interface PageSizeMm {
  readonly widthMm: number;
  readonly heightMm: number;
}

export interface PrintJobDone {
  readonly printer: string;
  readonly title: string;
  readonly pageSize: PageSizeMm;
  /** Spooler job id where the platform gives one (CUPS). */
  readonly jobId: string | null;
}

export interface RenderedPdf {
  readonly title: string;
  readonly pageSize: PageSizeMm;
  readonly pdfBase64: string;
}

export type PrintError =
  | { readonly kind: 'printerNotReady'; readonly status: PrinterStatus }
  | { readonly kind: 'printFailed'; readonly printer: string; readonly reason: string }
  | { readonly kind: 'renderFailed'; readonly message: string };

export interface PrintDocumentInput {
  readonly document: PrintDocumentSpec;
  /** Queue name from device_config; the host's configured printer otherwise. */
  readonly printerName?: string;
  readonly copies: number;
}

export interface RenderPdfInput {
  readonly document: PrintDocumentSpec;
}

export interface PrinterStatusInput {
  readonly target: PrintTarget;
  readonly printerName?: string;
}

// ---- input -------------------------------------------------------------------------------------

/** Queue names as CUPS and Windows spell them; no control characters, no option injection. */
const printerName = {
  type: 'string',
  pattern: '^[^\\s\\x00-\\x1f\\x7f/#-][^\\x00-\\x1f\\x7f/#]{0,119}$',
} as const;

/**
 * The print document has its own parser (shared/src/print/spec.ts, which also checks the
 * application inside with the document schemas); the schema checks the call around it.
 */
function withDocument<T extends { readonly document: PrintDocumentSpec }>(
  envelope: Parser<Omit<T, 'document'> & { readonly document: unknown }>,
): Parser<T> {
  return (raw) => {
    const outer = envelope(raw);
    const issues: InputIssue[] = outer.ok ? [] : [...outer.error];
    const document = parsePrintDocumentSpec(isRecord(raw) ? raw['document'] : undefined);
    if (!document.ok)
      issues.push(...document.error.map((i) => ({ ...i, path: `/document${i.path}` })));
    if (!outer.ok || !document.ok) return err(issues);
    return ok({ ...outer.value, document: document.value } as T);
  };
}

export const printDocumentInputSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['document'],
  properties: {
    document: { type: 'object' },
    printerName,
    copies: { type: 'integer', minimum: 1, maximum: 5 },
  },
} as const;

export const renderPdfInputSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['document'],
  properties: { document: { type: 'object' } },
} as const;

export const printerStatusInputSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['target'],
  properties: { target: { enum: PRINT_TARGETS }, printerName },
} as const;

// ---- answers -----------------------------------------------------------------------------------

const name = { type: 'string', maxLength: 200 } as const;
const withPrinter = (kind: string, fields: Record<string, object> = {}) => ({
  type: 'object',
  additionalProperties: false,
  required: ['kind', 'printer', ...Object.keys(fields)],
  properties: { kind: { const: kind }, printer: name, ...fields },
});
const paperLow = { paperLow: { type: 'boolean' } };

export const printerStatusSchema = {
  oneOf: [
    withPrinter('ready', paperLow),
    withPrinter('busy', paperLow),
    withPrinter('noPaper'),
    withPrinter('paperJam'),
    withPrinter('coverOpen'),
    withPrinter('paused'),
    withPrinter('disconnected'),
    withPrinter('error', { reasons: { type: 'array', items: name, maxItems: 50 } }),
    withPrinter('unknown', { detail: { type: 'string', maxLength: 2000 } }),
    {
      type: 'object',
      additionalProperties: false,
      required: ['kind', 'target'],
      properties: { kind: { const: 'notConfigured' }, target: { enum: PRINT_TARGETS } },
    },
  ],
} as const;

const pageSize = {
  type: 'object',
  additionalProperties: false,
  required: ['widthMm', 'heightMm'],
  properties: { widthMm: { type: 'number', minimum: 0 }, heightMm: { type: 'number', minimum: 0 } },
} as const;

export const printJobDoneSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['printer', 'title', 'pageSize', 'jobId'],
  properties: {
    printer: name,
    title: name,
    pageSize,
    jobId: { anyOf: [name, { type: 'null' }] },
  },
} as const;

export const renderedPdfSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['title', 'pageSize', 'pdfBase64'],
  properties: { title: name, pageSize, pdfBase64: { type: 'string' } },
} as const;

export const printErrorSchema = {
  oneOf: [
    {
      type: 'object',
      additionalProperties: false,
      required: ['kind', 'status'],
      properties: { kind: { const: 'printerNotReady' }, status: printerStatusSchema },
    },
    {
      type: 'object',
      additionalProperties: false,
      required: ['kind', 'printer', 'reason'],
      properties: {
        kind: { const: 'printFailed' },
        printer: name,
        reason: { type: 'string', maxLength: 2000 },
      },
    },
    kindMessageSchema(['renderFailed']),
  ],
} as const;

const parsePrintError = schemaParser<PrintError>(printErrorSchema);

export const PRINT_METHODS = {
  'print.printDocument': resultMethod<PrintDocumentInput, PrintJobDone, PrintError>(
    withDocument<PrintDocumentInput>(
      schemaParser(printDocumentInputSchema, (input: PrintDocumentInput) => ({
        ...input,
        copies: input.copies ?? 1,
      })),
    ),
    schemaParser(printJobDoneSchema),
    parsePrintError,
  ),
  'print.renderPdf': resultMethod<RenderPdfInput, RenderedPdf, PrintError>(
    withDocument<RenderPdfInput>(schemaParser(renderPdfInputSchema)),
    schemaParser(renderedPdfSchema),
    parsePrintError,
  ),
  'print.getPrinterStatus': statusMethod<PrinterStatusInput, PrinterStatus>(
    schemaParser(printerStatusInputSchema),
    schemaParser(printerStatusSchema),
  ),
} as const;
