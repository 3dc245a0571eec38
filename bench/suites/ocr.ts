/**
 * Bench: OCR per ID card image, cold (worker start + first card) and warm (card mode and the
 * number-line-only mode), on fictional cards rendered by Chromium. References from
 * shared/docs/ocr-voice-print-electron.md: worker start 0.75 s, 0.45 s per card, 0.09 s for the
 * ID line alone. Run alone: `tsx bench/suites/ocr.ts [--quick]`.
 */
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { makeSampleIdNumber } from '@pls/shared/domain';
import { createIdCardOcr } from '../../kiosk/electron/services/ocr/id-card-ocr';
import { createTesseractEngine } from '../../kiosk/electron/services/ocr/tesseract-engine';
import {
  DEGRADATIONS,
  renderSyntheticCard,
} from '../../kiosk/electron/services/ocr/testing/synthetic-card';
import type { BenchResult } from './print';

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

const result = (name: string, value: number, reference: number): BenchResult => ({
  name,
  value: Math.round(value),
  unit: 'ms',
  reference,
  ratio: Number((value / reference).toFixed(2)),
});

export async function run(options: { quick?: boolean } = {}): Promise<BenchResult[]> {
  const browser = await chromium.launch({
    executablePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--font-render-hinting=none'],
  });
  const card = {
    name: '巴特尔',
    sex: '男',
    nation: '蒙古',
    birthDate: '1961-04-12',
    address: '内蒙古自治区锡林浩特市白音锡勒牧场三分场',
    idNumber: makeSampleIdNumber('152502', '1961-04-12', 913),
  };
  const clean = await renderSyntheticCard(browser, card, DEGRADATIONS.clean);
  const noisy = await renderSyntheticCard(browser, card, DEGRADATIONS.noisy);
  await browser.close();

  const coldStart = performance.now();
  const ocr = createIdCardOcr({ startEngine: () => createTesseractEngine() });
  const first = await ocr.readIdCard(clean, 'card');
  const cold = performance.now() - coldStart;
  if (!first.ok) throw new Error(JSON.stringify(first.error));
  const rounds = options.quick ? 3 : 8;
  const timed = async (image: Uint8Array, mode: 'card' | 'idNumberOnly') => {
    const times: number[] = [];
    for (let i = 0; i < rounds; i++) {
      const started = performance.now();
      const r = await ocr.readIdCard(image, mode);
      if (!r.ok) throw new Error(JSON.stringify(r.error));
      times.push(performance.now() - started);
    }
    return median(times);
  };
  try {
    return [
      result('ocr: ID card, cold worker (start + first card)', cold, 750 + 450),
      result('ocr: ID card, warm worker, clean image', await timed(clean, 'card'), 450),
      result('ocr: ID card, warm worker, noisy image', await timed(noisy, 'card'), 740),
      result('ocr: ID number line only, warm worker', await timed(clean, 'idNumberOnly'), 90),
    ];
  } finally {
    await ocr.terminate();
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  console.table(await run({ quick: process.argv.includes('--quick') }));
}
