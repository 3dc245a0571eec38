/**
 * Electron main ↔ renderer wiring, without importing electron (main.ts passes ipcMain and the
 * window in): one `ipcMain.handle` per bridge method, each validating its argument through the
 * shared method table, and reader events pushed on one channel. A bad argument throws, so the
 * renderer's promise rejects: that is a renderer bug, not a Result to show.
 */
import {
  describeKioskCallError,
  dispatchKioskCall,
  KIOSK_EVENT_CHANNEL,
  KIOSK_METHOD_NAMES,
  type KioskEvent,
} from '@pls/shared/protocol';
import type { KioskHost } from '../services/host/kiosk-handlers';

export const ipcChannel = (method: string) => `kiosk:${method}`;

export interface IpcMainLike {
  handle(channel: string, listener: (event: unknown, input: unknown) => Promise<unknown>): void;
  removeHandler(channel: string): void;
}

export interface EventSink {
  send(channel: string, event: KioskEvent): void;
  isDestroyed(): boolean;
}

export function registerKioskIpc(
  ipcMain: IpcMainLike,
  host: KioskHost,
  sink: EventSink,
): () => void {
  for (const method of KIOSK_METHOD_NAMES) {
    ipcMain.handle(ipcChannel(method), async (_event, input) => {
      const outcome = await dispatchKioskCall(host.handlers, method, input);
      if (!outcome.ok) throw new Error(describeKioskCallError(outcome.error));
      return outcome.value;
    });
  }
  const unsubscribe = host.subscribe((event) => {
    if (!sink.isDestroyed()) sink.send(KIOSK_EVENT_CHANNEL, event);
  });
  return () => {
    unsubscribe();
    for (const method of KIOSK_METHOD_NAMES) ipcMain.removeHandler(ipcChannel(method));
  };
}
