/**
 * Builds the kiosk services for a Node host (the device agent; Electron main builds its own
 * with safeStorage and its print window). Business code never chooses real vs simulated: the
 * reader factory does, from `simulateReader`.
 */
import { join } from 'node:path';
import { openIdCardReader } from '../electron/services/idcard';
import { createKioskHost, type KioskHost } from '../electron/services/host/kiosk-handlers';
import { createIdCardOcr, type IdCardOcr } from '../electron/services/ocr/id-card-ocr';
import { createTesseractEngine, type OcrEngine } from '../electron/services/ocr/tesseract-engine';
import {
  createChromiumPageEngine,
  createCupsOutput,
  createDocumentRenderer,
  createPrintService,
  type PrinterConfig,
} from '../electron/services/print';
import { createFileSecretStore, createSecretsService } from '../electron/services/secure-storage';

export interface NodeHostOptions {
  readonly repoRoot: string;
  readonly dataDir: string;
  readonly simulateReader: boolean;
  readonly printers: PrinterConfig;
  /** Replaces the tesseract worker start (tests that do not exercise OCR). */
  readonly startOcrEngine?: () => Promise<OcrEngine>;
}

export interface NodeHost {
  readonly host: KioskHost;
  readonly ocr: IdCardOcr;
  dispose(): Promise<void>;
}

export function composeNodeHost(options: NodeHostOptions): NodeHost {
  const { reader, control } = openIdCardReader({ simulate: options.simulateReader });
  const ocr = createIdCardOcr({
    startEngine: options.startOcrEngine ?? (() => createTesseractEngine()),
  });
  const engine = createChromiumPageEngine();
  const print = createPrintService({
    render: createDocumentRenderer(options.repoRoot),
    engine,
    output: createCupsOutput(),
    printers: options.printers,
  });
  const secrets = createSecretsService(createFileSecretStore(join(options.dataDir)));
  const host = createKioskHost({
    reader,
    ...(control ? { simulator: control } : {}),
    ocr,
    print,
    secrets,
  });
  reader.start();
  return {
    host,
    ocr,
    async dispose() {
      await reader.stop();
      await ocr.terminate();
      await engine.dispose();
    },
  };
}
