/**
 * The composition both hosts share: services in, the bridge's handler map and event stream
 * out. Electron main wires it to ipcMain, the agent to its WebSocket; neither adds methods of
 * its own, which is what makes the two bridges the same API.
 */
import { err, ok } from '@pls/shared/domain';
import { SAMPLE_CARDS, type IdCardReader } from '@pls/shared/idcard';
import {
  KIOSK_BRIDGE_VERSION,
  toBridgeReaderEvent,
  type KioskEvent,
  type KioskHandlers,
} from '@pls/shared/protocol';
import type { SimulatorControl } from './idcard';
import type { IdCardOcr } from './ocr/id-card-ocr';
import type { PrintService } from './print/print-service';
import type { SecretsService } from '@pls/shared/host';

export interface KioskServices {
  readonly reader: IdCardReader;
  /** Present only when the host runs the simulated reader (`--simulate-reader`). */
  readonly simulator?: SimulatorControl;
  readonly ocr: IdCardOcr;
  readonly print: PrintService;
  readonly secrets: SecretsService;
}

export interface KioskHost {
  readonly handlers: KioskHandlers;
  /** Events for the renderer(s); returns the unsubscribe function. */
  subscribe(listener: (event: KioskEvent) => void): () => void;
}

const NO_SIMULATOR = err({ kind: 'simulatorUnavailable' } as const);

export function createKioskHost(services: KioskServices): KioskHost {
  const { reader, simulator, ocr, print, secrets } = services;
  const simulated = (action: (control: SimulatorControl) => void) => async () => {
    if (!simulator) return NO_SIMULATOR;
    action(simulator);
    return ok();
  };
  const handlers: KioskHandlers = {
    'host.getInfo': async () => ({
      bridgeVersion: KIOSK_BRIDGE_VERSION,
      simulator: simulator !== undefined,
      ocr: ocr.status(),
    }),
    'reader.getStatus': async () => reader.getStatus(),
    'ocr.readIdCard': ({ image, mode }) =>
      ocr.readIdCard(Buffer.from(image.dataBase64, 'base64'), mode),
    'print.printDocument': (input) => print.printDocument(input),
    'print.renderPdf': (input) => print.renderPdf(input),
    'print.getPrinterStatus': (input) => print.getPrinterStatus(input),
    'secrets.getDatabaseKey': () => secrets.getDatabaseKey(),
    'secrets.getDeviceToken': () => secrets.getDeviceToken(),
    'secrets.setDeviceToken': ({ token }) => secrets.setDeviceToken(token),
    'secrets.clearDeviceToken': () => secrets.clearDeviceToken(),
    'simulator.placeCard': async ({ cardType }) => {
      if (!simulator) return NO_SIMULATOR;
      simulator.placeCard(SAMPLE_CARDS[cardType]);
      return ok();
    },
    'simulator.liftCard': simulated((c) => c.liftCard()),
    'simulator.unplug': simulated((c) => c.unplug()),
    'simulator.replug': simulated((c) => c.replug()),
    'simulator.setLatency': async ({ ms }) => {
      if (!simulator) return NO_SIMULATOR;
      simulator.setLatency(ms);
      return ok();
    },
  };
  return {
    handlers,
    subscribe(listener) {
      return reader.subscribe((event) =>
        listener({ source: 'reader', event: toBridgeReaderEvent(event) }),
      );
    },
  };
}
