/**
 * OCR of a photographed ID card front, behind `kiosk.ocr.readIdCard`. The camera view frames
 * the card, so the image is the card: the number line sits in the bottom band (GB 19307 card
 * layout). The fast `idNumberOnly` mode finds the line in that band, cuts it out level from the
 * grey image and reads it alone with a digit whitelist (number-line.ts; about 0.1 s on a warm
 * worker). The `card` mode also reads the whole card for the name and printed birth date, reads
 * the number line the same way (or, when the band holds no line of glyphs, where the page read
 * found it) and cross-checks the two readings. A number is accepted only when its check digit
 * validates and nothing contradicts it.
 */
import { err, ok, type Result } from '@pls/shared/domain';
import type { OcrError, OcrIdCardResult, OcrIdNumber, OcrMode } from '@pls/shared/protocol';
import {
  compact,
  decideIdNumber,
  decideNumberLine,
  extractIdCandidates,
  extractName,
  extractPrintedBirthDate,
} from './id-card-text';
import {
  adaptiveThreshold,
  crop,
  decodeImage,
  encodePgm,
  median3,
  type GrayImage,
} from './image-preprocess';
import { prepareNumberLine } from './number-line';
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

  /**
   * Finds the number line in a median-filtered band and reads it alone; null when the band holds
   * no line of glyphs.
   */
  async function readLineInBand(tesseract: OcrEngine, band: GrayImage): Promise<string | null> {
    const prepared = prepareNumberLine(band);
    if (!prepared) return null;
    // Cut out and levelled already: Tesseract must neither look for lines nor rotate.
    const line = await tesseract.recognize(encodePgm(prepared.image), {
      whitelist: ID_WHITELIST,
      layout: 'rawLine',
      rotate: 0,
    });
    return line.text;
  }

  async function readNumberOnly(
    tesseract: OcrEngine,
    image: GrayImage,
  ): Promise<{ idNumber: OcrIdNumber }> {
    // Cleaning only the band is most of the speed of this mode.
    const band = median3(crop(image, idLineRegion(image.width, image.height)));
    const text =
      (await readLineInBand(tesseract, band)) ??
      // No line found: let Tesseract look for one in the thresholded band.
      (
        await tesseract.recognize(encodePgm(adaptiveThreshold(band)), {
          whitelist: ID_WHITELIST,
          layout: 'singleLine',
          rotate: 'auto',
        })
      ).text;
    return { idNumber: decideNumberLine(text, deps.today?.()) };
  }

  async function readCard(
    tesseract: OcrEngine,
    image: GrayImage,
  ): Promise<Omit<OcrIdCardResult, 'durationMs'>> {
    const grey = median3(image);
    const { width, height } = grey;
    const pgm = encodePgm(adaptiveThreshold(grey));
    const page = await tesseract.recognize(pgm, { rotate: 'auto' });
    const pageCandidates = extractIdCandidates(page.text);
    const printedBirthDate = extractPrintedBirthDate(page.text);
    let lineText = await readLineInBand(tesseract, crop(grey, idLineRegion(width, height)));
    if (lineText === null) {
      // Read the number line where the page read found it, else the whole band.
      const numberLine = page.lines.find((l) => extractIdCandidates(l.text).length > 0);
      const rectangle = numberLine
        ? {
            left: Math.max(0, numberLine.bbox.x0 - 8),
            top: Math.max(0, numberLine.bbox.y0 - 8),
            width: Math.min(width, numberLine.bbox.x1 + 8) - Math.max(0, numberLine.bbox.x0 - 8),
            height: Math.min(height, numberLine.bbox.y1 + 8) - Math.max(0, numberLine.bbox.y0 - 8),
          }
        : idLineRegion(width, height);
      const line = await tesseract.recognize(pgm, {
        rectangle,
        whitelist: ID_WHITELIST,
        layout: 'singleLine',
        rotate: page.rotateRadians,
      });
      lineText = line.text;
    }
    const lineCandidates = extractIdCandidates(lineText);
    const reads = [...lineCandidates.slice(0, 1), ...pageCandidates.slice(0, 1)];
    return {
      name: extractName(page.lines.map((l) => l.text).concat(compact(page.text).split('\n'))),
      idNumber:
        reads.length > 0
          ? decideIdNumber(reads, printedBirthDate, deps.today?.())
          : // Nothing to cross-check: staff start from what the line read gave, if anything.
            decideNumberLine(lineText, deps.today?.()),
      printedBirthDate,
    };
  }

  async function run(image: Uint8Array, mode: OcrMode): Promise<Result<OcrIdCardResult, OcrError>> {
    const started = now();
    const tesseract = await engine;
    if (!tesseract) return err({ kind: 'engineUnavailable', message: failure });
    const decoded = decodeImage(image);
    if (!decoded.ok) return err(decoded.error);
    try {
      const read =
        mode === 'idNumberOnly'
          ? {
              name: null,
              printedBirthDate: null,
              ...(await readNumberOnly(tesseract, decoded.value)),
            }
          : await readCard(tesseract, decoded.value);
      return ok({ ...read, durationMs: Math.round(now() - started) });
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
