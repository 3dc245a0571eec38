/**
 * The one composition of the kiosk's device services: Electron main, the device agent, the
 * bridge contract test and (through the agent) e2e all build their host here, and differ only
 * in the ports they pass in: where secrets are kept, how pages are laid out and printed, and
 * how the OCR engine starts. Business code never chooses real vs simulated: the reader factory
 * does, from `simulateReader`.
 *
 * The shape is the one the TV host follows: `config` (what to run) + `ports` (the platform's
 * pieces) in, `{ host, dispose }` out, with the secret stores from `@pls/shared/host`.
 */
import { createSecretsService, type SecretStore } from '@pls/shared/host';
import { openIdCardReader } from './idcard';
import { createKioskHost, type KioskHost } from './kiosk-handlers';
import { createIdCardOcr } from './ocr/id-card-ocr';
import { createTesseractEngine, type OcrEngine } from './ocr/tesseract-engine';
import {
  createDocumentRenderer,
  createPrintService,
  type PageEngine,
  type PrinterConfig,
  type PrinterOutput,
} from './print';

export interface KioskHostConfig {
  /** Where fonts, locales and print templates are read from (the repository, or resources). */
  readonly repoRoot: string;
  readonly simulateReader: boolean;
  /** Simulated reader's reply delay (tests: 0). */
  readonly readerLatencyMs?: number;
  /** Printer queue per target; a target without one reports `notConfigured`. */
  readonly printers: PrinterConfig;
}

export interface KioskHostPorts {
  readonly secretStore: SecretStore;
  readonly pageEngine: PageEngine;
  /** Absent: the host only makes PDFs (tests, a kiosk without printers). */
  readonly printerOutput?: PrinterOutput;
  /** Starts the OCR engine; the tesseract worker by default. */
  readonly startOcrEngine?: () => Promise<OcrEngine>;
}

export interface ComposedKioskHost {
  readonly host: KioskHost;
  /** Stops the reader, the OCR worker and the page engine. */
  dispose(): Promise<void>;
}

export function composeKioskHost(
  config: KioskHostConfig,
  ports: KioskHostPorts,
): ComposedKioskHost {
  const { reader, control } = openIdCardReader({
    simulate: config.simulateReader,
    ...(config.readerLatencyMs !== undefined ? { latencyMs: config.readerLatencyMs } : {}),
  });
  const ocr = createIdCardOcr({
    startEngine: ports.startOcrEngine ?? (() => createTesseractEngine()),
  });
  const print = createPrintService({
    render: createDocumentRenderer(config.repoRoot),
    engine: ports.pageEngine,
    ...(ports.printerOutput ? { output: ports.printerOutput } : {}),
    printers: config.printers,
  });
  const host = createKioskHost({
    reader,
    ...(control ? { simulator: control } : {}),
    ocr,
    print,
    secrets: createSecretsService(ports.secretStore),
  });
  reader.start();
  return {
    host,
    async dispose() {
      await reader.stop();
      await ocr.terminate();
      await ports.pageEngine.dispose();
    },
  };
}
