/**
 * Bench: receipt render-to-PDF (React render + Chromium layout + PDF) on a warm headless
 * Chromium, 80 mm bilingual and 58 mm Chinese.
 *
 * Reference, measured in the same rounds: Chromium printing a minimal page (no text, no fonts,
 * no script) of the same page size through the same page engine and the same warm browser —
 * content on the warm page, PDF, page blanked — the floor of any PDF from this engine.
 * The 0.47 s per PDF in shared/docs/ocr-voice-print-electron.md is a note under the table.
 * Run alone: `tsx bench/suites/print.ts [--quick]`.
 */
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sampleTrackingCode } from '@pls/shared/testing';
import type { PrintDocumentSpec } from '@pls/shared/print';
import type { PageSizeMm } from '@pls/shared/protocol';
import {
  createChromiumPageEngine,
  createDocumentRenderer,
  createPrintService,
  mmToCssPx,
  type PageEngine,
} from '../../kiosk/host/print';
import { result, type BenchResult, type RunOptions } from '../framework';

/** Per PDF in the research note's verified pipeline (setContent → print media → pdf). */
const RESEARCH_NOTE_MS = 470;

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

/** An empty page of exactly `size`: what the engine costs with nothing to lay out or embed. */
function minimalPageHtml(size: PageSizeMm): string {
  return `<!doctype html><html><head><meta charset="utf-8"><style>@page { size: ${size.widthMm}mm ${size.heightMm}mm; margin: 0; } html, body { margin: 0; }</style></head><body></body></html>`;
}

/** Time of one minimal PDF through `engine`, in ms. */
async function minimalPdf(engine: PageEngine, size: PageSizeMm): Promise<number> {
  const started = performance.now();
  const surface = await engine.open(minimalPageHtml(size), mmToCssPx(size.widthMm));
  try {
    const pdf = await surface.pdf();
    // Checked inside the timing, as renderPdf checks its result.
    if (new TextDecoder().decode(pdf.subarray(0, 5)) !== '%PDF-') throw new Error('not a PDF');
  } finally {
    await surface.close();
  }
  return performance.now() - started;
}

export async function run(options: RunOptions = {}): Promise<BenchResult[]> {
  const engine = createChromiumPageEngine();
  const service = createPrintService({
    render: createDocumentRenderer(root),
    engine,
    printers: {},
  });
  const code = sampleTrackingCode('kiosk-bench');
  const receipt = (paper: '80mm' | '58mm', language: 'zh-Hans' | 'mn-Mong'): PrintDocumentSpec => ({
    kind: 'receipt',
    paper,
    receipt: {
      service: 'legalAid',
      trackingCode: code,
      language,
      stationName: { zh: '白音锡勒公共法律服务工作站', mn: '', mnStatus: 'missing' },
      issuedAt: '2026-11-20T09:30:00.000Z',
    },
  });
  const rounds = options.quick ? 3 : 10;
  const results: BenchResult[] = [];
  try {
    await service.renderPdf({ document: receipt('80mm', 'zh-Hans') }); // browser start, not measured
    await minimalPdf(engine, { widthMm: 80, heightMm: 100 }); // the same for the reference path
    const documents: Array<readonly [string, PrintDocumentSpec]> = [
      ['print: 80 mm receipt (zh + mn) to PDF', receipt('80mm', 'mn-Mong')],
    ];
    // Quick keeps the bilingual receipt, the one kiosks print, to stay under a minute.
    if (!options.quick) {
      documents.push(['print: 58 mm receipt (zh) to PDF', receipt('58mm', 'zh-Hans')]);
    }
    for (const [name, spec] of documents) {
      const times: number[] = [];
      const floors: number[] = [];
      for (let i = 0; i < rounds; i++) {
        const started = performance.now();
        const rendered = await service.renderPdf({ document: spec });
        if (!rendered.ok) throw new Error(JSON.stringify(rendered.error));
        times.push(performance.now() - started);
        // Right after, on the same browser: a page as wide and as tall as the receipt came out.
        floors.push(await minimalPdf(engine, rendered.value.pageSize));
      }
      options.log?.(
        `${name}: ${times.map(Math.round).join(', ')} ms; minimal page ${floors.map(Math.round).join(', ')} ms`,
      );
      results.push(result(name, Math.round(median(times)), 'ms', Math.round(median(floors))));
    }
  } finally {
    await engine.dispose();
  }
  options.note?.(
    `the research note measured ${RESEARCH_NOTE_MS} ms per receipt PDF (shared/docs/ocr-voice-print-electron.md); ` +
      `this run: ${results.map((r) => `${r.value} ms`).join(', ')}.`,
  );
  return results;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  console.table(
    await run({
      quick: process.argv.includes('--quick'),
      log: console.log,
      note: (message) => console.log(`note: ${message}`),
    }),
  );
}
