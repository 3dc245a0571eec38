/**
 * OCR of a photographed ID card front, behind `kiosk.ocr.readIdCard`. The camera view frames
 * the card, so the image is the card: the number line sits in the bottom band (GB 19307 card
 * layout), which the fast `idNumberOnly` mode reads alone with a digit whitelist (about 0.1–0.2 s
 * on a warm worker). The `card` mode also reads the whole card for the name and printed birth
 * date and reads the number line where the page read found it, then cross-checks the readings.
 * A number is accepted only when its check digit validates and nothing contradicts it.
 */
import { err, ok, type Result } from '@pls/shared/domain';
import type { OcrError, OcrIdCardResult, OcrMode } from '@pls/shared/protocol';
import {
  compact,
  decideIdNumber,
  extractIdCandidates,
  extractName,
  extractPrintedBirthDate,
} from './id-card-text';
import { preprocessForOcr } from './image-preprocess';
import type { OcrEngine, RecognizeOptions } from './tesseract-engine';

const ID_WHITELIST = '0123456789X';

export interface IdCardOcr {
  readIdCard(image: Uint8Array, mode: OcrMode): Promise<Result<OcrIdCardResult, OcrError>>;
  status(): 'ready' | 'starting' | 'unavailable';
  terminate(): Promise<void>;
}

/** Bottom band of a card image where the number line is printed. */
export function idLineRegion(
  width: number,
  height: number,
): NonNullable<RecognizeOptions['rectangle']> {
  return {
    left: Math.round(width * 0.28),
    top: Math.round(height * 0.74),
    width: Math.round(width * 0.7),
    height: Math.round(height * 0.22),
  };
}

export interface IdCardOcrDeps {
  /** Starts the engine; called once at launch so the first card does not wait for it. */
  readonly startEngine: () => Promise<OcrEngine>;
  readonly now?: () => number;
  readonly today?: () => Date;
}

export function createIdCardOcr(deps: IdCardOcrDeps): IdCardOcr {
  const now = deps.now ?? (() => performance.now());
  let state: 'starting' | 'ready' | 'unavailable' = 'starting';
  let failure = '';
  const engine = deps.startEngine().then(
    (e) => {
      state = 'ready';
      return e;
    },
    (error: unknown) => {
      state = 'unavailable';
      failure = error instanceof Error ? error.message : String(error);
      return undefined;
    },
  );
  // Calls share one worker: queue them so a second request does not interleave parameters.
  let queue: Promise<unknown> = Promise.resolve();

  async function run(image: Uint8Array, mode: OcrMode): Promise<Result<OcrIdCardResult, OcrError>> {
    const started = now();
    const tesseract = await engine;
    if (!tesseract) return err({ kind: 'engineUnavailable', message: failure });
    const prepared = preprocessForOcr(image, mode === 'idNumberOnly' ? idLineRegion : undefined);
    if (!prepared.ok) return err(prepared.error);
    const { pgm, width, height } = prepared.value;
    try {
      const lineOptions = (rotate: 'auto' | number, rectangle = idLineRegion(width, height)) =>
        ({ rectangle, whitelist: ID_WHITELIST, singleLine: true, rotate }) as const;
      if (mode === 'idNumberOnly') {
        // The image is already the number band: read all of it as one line.
        const line = await tesseract.recognize(pgm, {
          whitelist: ID_WHITELIST,
          singleLine: true,
          rotate: 'auto',
        });
        return ok({
          name: null,
          idNumber: decideIdNumber(extractIdCandidates(line.text), null, deps.today?.()),
          printedBirthDate: null,
          durationMs: Math.round(now() - started),
        });
      }
      const page = await tesseract.recognize(pgm, { rotate: 'auto' });
      const pageCandidates = extractIdCandidates(page.text);
      // Read the number line where the page read found it (tighter, cleaner), else the band.
      const numberLine = page.lines.find((l) => extractIdCandidates(l.text).length > 0);
      const rectangle = numberLine
        ? {
            left: Math.max(0, numberLine.bbox.x0 - 8),
            top: Math.max(0, numberLine.bbox.y0 - 8),
            width: Math.min(width, numberLine.bbox.x1 + 8) - Math.max(0, numberLine.bbox.x0 - 8),
            height: Math.min(height, numberLine.bbox.y1 + 8) - Math.max(0, numberLine.bbox.y0 - 8),
          }
        : idLineRegion(width, height);
      const line = await tesseract.recognize(pgm, lineOptions(page.rotateRadians, rectangle));
      const lineCandidates = extractIdCandidates(line.text);
      const printedBirthDate = extractPrintedBirthDate(page.text);
      return ok({
        name: extractName(page.lines.map((l) => l.text).concat(compact(page.text).split('\n'))),
        idNumber: decideIdNumber(
          [...lineCandidates.slice(0, 1), ...pageCandidates.slice(0, 1)],
          printedBirthDate,
          deps.today?.(),
        ),
        printedBirthDate,
        durationMs: Math.round(now() - started),
      });
    } catch (error) {
      return err({
        kind: 'engineFailed',
        message: error instanceof Error ? error.message : String(error),
      });
    }
  }

  return {
    readIdCard(image, mode) {
      const result = queue.then(() => run(image, mode));
      queue = result.catch(() => undefined);
      return result;
    },
    status: () => state,
    async terminate() {
      const tesseract = await engine;
      await tesseract?.terminate();
      state = 'unavailable';
      failure = 'terminated';
    },
  };
}
