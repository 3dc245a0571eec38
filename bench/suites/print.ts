/**
 * Bench: receipt render-to-PDF (React render + Chromium layout + PDF) on a warm headless
 * Chromium, 80 mm bilingual and 58 mm Chinese. Reference: 0.47 s per PDF measured in
 * shared/docs/ocr-voice-print-electron.md. Run alone: `tsx bench/suites/print.ts [--quick]`.
 */
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sampleTrackingCode } from '@pls/shared/testing';
import type { PrintDocumentSpec } from '@pls/shared/print';
import {
  createChromiumPageEngine,
  createDocumentRenderer,
  createPrintService,
} from '../../kiosk/electron/services/print';

export interface BenchResult {
  readonly name: string;
  readonly value: number;
  readonly unit: string;
  readonly reference: number;
  readonly ratio: number;
}

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

export async function run(options: { quick?: boolean } = {}): Promise<BenchResult[]> {
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
    for (const [name, spec] of [
      ['print: 80 mm receipt (zh + mn) to PDF', receipt('80mm', 'mn-Mong')],
      ['print: 58 mm receipt (zh) to PDF', receipt('58mm', 'zh-Hans')],
    ] as const) {
      const times: number[] = [];
      for (let i = 0; i < rounds; i++) {
        const started = performance.now();
        const result = await service.renderPdf({ document: spec });
        if (!result.ok) throw new Error(JSON.stringify(result.error));
        times.push(performance.now() - started);
      }
      const value = Math.round(median(times));
      results.push({
        name,
        value,
        unit: 'ms',
        reference: 470,
        ratio: Number((value / 470).toFixed(2)),
      });
    }
  } finally {
    await engine.dispose();
  }
  return results;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  console.table(await run({ quick: process.argv.includes('--quick') }));
}
