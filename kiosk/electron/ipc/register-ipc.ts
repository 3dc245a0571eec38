/**
 * Electron main ↔ renderer wiring, without importing electron (main.ts passes ipcMain and the
 * window in): one `ipcMain.handle` per bridge method, each validating its argument through the
 * shared method table, and reader events pushed on one channel. A bad argument throws, so the
 * renderer's promise rejects: that is a renderer bug, not a Result to show. A service that
 * throws is a host bug: logged here, and answered as `hostFailed` (the renderer shows
 * host_unavailable), like the agent's JSON-RPC internal error.
 */
import {
  describeKioskCallError,
  dispatchKioskCall,
  KIOSK_EVENT_CHANNEL,
  KIOSK_METHOD_NAMES,
  type KioskEvent,
} from '@pls/shared/protocol';
import { err, ok, type Result } from '@pls/shared/domain';
import type { HostUnavailableReason } from '@pls/shared/protocol';
import type { KioskHost } from '../../host/kiosk-handlers';

/** What crosses IPC for a call that was valid: the answer, or that the service failed. */
export type IpcAnswer = Result<unknown, Extract<HostUnavailableReason, 'hostFailed'>>;

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
  log: (line: string) => void = (line) => console.error(line),
): () => void {
  for (const method of KIOSK_METHOD_NAMES) {
    ipcMain.handle(ipcChannel(method), async (_event, input): Promise<IpcAnswer> => {
      let outcome;
      try {
        outcome = await dispatchKioskCall(host.handlers, method, input);
      } catch (error) {
        // Details stay in the log: they may carry personal data.
        log(
          `kiosk: ${method} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
        );
        return err('hostFailed');
      }
      if (!outcome.ok) throw new Error(describeKioskCallError(outcome.error));
      return ok(outcome.value);
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
