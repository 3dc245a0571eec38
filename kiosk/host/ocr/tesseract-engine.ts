/**
 * One warm tesseract.js worker with chi_sim 4.0.0_best_int loaded from the installed
 * @tesseract.js-data package: a filesystem `langPath`, never a URL, so nothing is fetched, and
 * `cacheMethod: 'none'` so it does not write traineddata into the working directory. In Node
 * (Electron main, the agent) tesseract.js runs its worker in a worker_thread.
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { createWorker, OEM, PSM, type Worker } from 'tesseract.js';

export interface OcrBox {
  readonly x0: number;
  readonly y0: number;
  readonly x1: number;
  readonly y1: number;
}

export interface OcrLine {
  readonly text: string;
  readonly bbox: OcrBox;
}

export interface RecognizeOptions {
  /** Region in pixels of the (deskewed) image. */
  readonly rectangle?: { left: number; top: number; width: number; height: number };
  /** Characters allowed, e.g. `0123456789X` for the number line. */
  readonly whitelist?: string;
  /**
   * `page` (default): find blocks and lines. `singleLine`: the image is one line, but Tesseract
   * still finds it (and its skew) in the image. `rawLine`: the image *is* the line, already cut
   * out and level; Tesseract skips its layout analysis.
   */
  readonly layout?: 'page' | 'singleLine' | 'rawLine';
  /** `auto`: let Tesseract measure the skew; a number: rotate by that many radians. */
  readonly rotate: 'auto' | number;
}

export interface RecognizeOutput {
  readonly text: string;
  readonly lines: readonly OcrLine[];
  readonly rotateRadians: number;
}

export interface OcrEngine {
  recognize(image: Uint8Array, options: RecognizeOptions): Promise<RecognizeOutput>;
  terminate(): Promise<void>;
}

export function chiSimBestIntPath(): string {
  const require = createRequire(import.meta.url);
  return join(
    dirname(require.resolve('@tesseract.js-data/chi_sim/package.json')),
    '4.0.0_best_int',
  );
}

export async function createTesseractEngine(langPath = chiSimBestIntPath()): Promise<OcrEngine> {
  const worker: Worker = await createWorker('chi_sim', OEM.LSTM_ONLY, {
    langPath,
    gzip: true,
    cacheMethod: 'none',
  });
  return {
    async recognize(image, options) {
      // Parameters given per call are restored by tesseract.js after the call.
      const params: Record<string, string> = {};
      if (options.whitelist !== undefined) params['tessedit_char_whitelist'] = options.whitelist;
      if (options.layout === 'singleLine') params['tessedit_pageseg_mode'] = PSM.SINGLE_LINE;
      if (options.layout === 'rawLine') params['tessedit_pageseg_mode'] = PSM.RAW_LINE;
      const result = await worker.recognize(
        Buffer.from(image.buffer, image.byteOffset, image.byteLength),
        {
          ...(options.rotate === 'auto' ? { rotateAuto: true } : { rotateRadians: options.rotate }),
          ...(options.rectangle ? { rectangle: options.rectangle } : {}),
          ...params,
        },
        { text: true, blocks: true },
      );
      const lines: OcrLine[] = [];
      for (const block of result.data.blocks ?? []) {
        for (const paragraph of block.paragraphs) {
          for (const line of paragraph.lines)
            lines.push({ text: line.text.trim(), bbox: line.bbox });
        }
      }
      return { text: result.data.text, lines, rotateRadians: result.data.rotateRadians ?? 0 };
    },
    async terminate() {
      await worker.terminate();
    },
  };
}
