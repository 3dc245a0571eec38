/**
 * Bench: OCR per ID card image, cold (worker start + first card) and warm (card mode and the
 * number-line-only mode), on fictional cards rendered by Chromium.
 *
 * Reference, measured in the same rounds: a plain tesseract.js worker (the same chi_sim
 * best_int data, default parameters, no preprocessing) recognising the same image once — what
 * "OCR this image" costs without our pipeline. For the number line: the plain worker on the
 * same band (the same `rectangle`). Our card mode does more than one plain pass (clean-up,
 * automatic deskew, a page pass, then a whitelisted pass over the number line), so its ratio is
 * the price of that; a note says which of the two paths read the right number. The figures of
 * shared/docs/ocr-voice-print-electron.md (0.75 s start, 0.45 s per card, 0.09 s for the line)
 * are a note under the table. Run alone: `tsx bench/suites/ocr.ts [--quick]`.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { createWorker, OEM, type Worker } from 'tesseract.js';
import { makeSampleIdNumber } from '@pls/shared/domain';
import type { OcrMode } from '@pls/shared/protocol';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../../e2e/support/chromium';
import { createIdCardOcr, idLineRegion } from '../../kiosk/host/ocr/id-card-ocr';
import { extractIdCandidates } from '../../kiosk/host/ocr/id-card-text';
import { decodeImage } from '../../kiosk/host/ocr/image-preprocess';
import { chiSimBestIntPath, createTesseractEngine } from '../../kiosk/host/ocr/tesseract-engine';
import { DEGRADATIONS, renderSyntheticCard } from '../../kiosk/host/ocr/testing/synthetic-card';
import { result, type BenchResult, type RunOptions } from '../framework';

/** What the research note measured in Node, ms (shared/docs/ocr-voice-print-electron.md). */
const RESEARCH_NOTE = { start: 750, card: 450, line: 90 } as const;

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

/** The reference worker: as tesseract.js comes, only pointed at the installed language data. */
function createPlainWorker(langPath: string): Promise<Worker> {
  return createWorker('chi_sim', OEM.LSTM_ONLY, { langPath, gzip: true, cacheMethod: 'none' });
}

interface Case {
  readonly name: string;
  readonly image: Uint8Array;
  readonly mode: OcrMode;
  /** The plain worker's region: the same band as ours for the number line, else the card. */
  readonly rectangle?: { left: number; top: number; width: number; height: number };
}

export async function run(options: RunOptions = {}): Promise<BenchResult[]> {
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
  const card = {
    name: '巴特尔',
    sex: '男',
    nation: '蒙古',
    birthDate: '1961-04-12',
    address: '内蒙古自治区锡林浩特市白音锡勒牧场三分场',
    idNumber: makeSampleIdNumber('152502', '1961-04-12', 913),
  };
  let clean: Uint8Array;
  // The noisy card costs the plain worker about two seconds a pass: full run only.
  let noisy: Uint8Array | undefined;
  try {
    clean = await renderSyntheticCard(browser, card, DEGRADATIONS.clean);
    if (!options.quick) noisy = await renderSyntheticCard(browser, card, DEGRADATIONS.noisy);
  } finally {
    await browser.close();
  }
  const size = decodeImage(clean);
  if (!size.ok) throw new Error(size.error.message);

  // Both cold starts read the language data; load it into the page cache first so that
  // whichever starts first does not pay the disk for the other.
  const langPath = chiSimBestIntPath();
  for (const file of readdirSync(langPath)) readFileSync(join(langPath, file));

  // Cold: ours first, then the plain worker, each from nothing to the first card's text.
  let started = performance.now();
  const ocr = createIdCardOcr({ startEngine: () => createTesseractEngine(langPath) });
  const first = await ocr.readIdCard(clean, 'card');
  const cold = performance.now() - started;
  if (!first.ok) throw new Error(JSON.stringify(first.error));
  let plain: Worker | undefined;
  try {
    started = performance.now();
    plain = await createPlainWorker(langPath);
    await plain.recognize(Buffer.from(clean));
    const plainCold = performance.now() - started;
    options.log?.(`cold: ours ${Math.round(cold)} ms, plain ${Math.round(plainCold)} ms`);

    const cases: readonly Case[] = [
      { name: 'ocr: ID card, warm worker, clean image', image: clean, mode: 'card' },
      ...(noisy
        ? [{ name: 'ocr: ID card, warm worker, noisy image', image: noisy, mode: 'card' } as const]
        : []),
      {
        name: 'ocr: ID number line only, warm worker',
        image: clean,
        mode: 'idNumberOnly',
        rectangle: idLineRegion(size.value.width, size.value.height),
      },
    ];
    // Odd counts: the first warm pass of each path came out up to 3× slower than the next, and
    // the median of three drops it where the upper median of two would report it.
    const rounds = options.quick ? 3 : 9;
    const results = [
      result('ocr: ID card, cold worker (start + first card)', cold, 'ms', plainCold),
    ];
    const readings: string[] = [];
    for (const item of cases) {
      const ours: number[] = [];
      const theirs: number[] = [];
      let oursRead = false;
      let plainRead = false;
      // Alternating, so that both paths see the same state of the machine.
      for (let round = 0; round < rounds; round++) {
        started = performance.now();
        const read = await ocr.readIdCard(item.image, item.mode);
        ours.push(performance.now() - started);
        if (!read.ok) throw new Error(JSON.stringify(read.error));
        oursRead =
          read.value.idNumber.status === 'accepted' &&
          read.value.idNumber.idNumber === card.idNumber;

        const buffer = Buffer.from(item.image);
        started = performance.now();
        const reference = await plain.recognize(
          buffer,
          item.rectangle ? { rectangle: item.rectangle } : {},
        );
        theirs.push(performance.now() - started);
        plainRead = extractIdCandidates(reference.data.text).includes(card.idNumber);
      }
      options.log?.(
        `${item.name}: ${ours.map(Math.round).join(', ')} ms; plain ${theirs.map(Math.round).join(', ')} ms`,
      );
      results.push(result(item.name, median(ours), 'ms', median(theirs)));
      readings.push(
        `${item.name.replace('ocr: ', '')}: ours ${oursRead ? 'accepted it' : 'did NOT accept it'}, plain ${plainRead ? 'read it' : 'did NOT read it'}`,
      );
    }
    options.note?.(`the right ID number — ${readings.join('; ')}.`);
    options.note?.(
      `the research note measured ${RESEARCH_NOTE.start} ms to start a worker, ${RESEARCH_NOTE.card} ms per card and ${RESEARCH_NOTE.line} ms for the number line (shared/docs/ocr-voice-print-electron.md).`,
    );
    return results;
  } finally {
    await plain?.terminate();
    await ocr.terminate();
  }
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
