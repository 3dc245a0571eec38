/**
 * The object the preload exposes as `window.kiosk`, built from ipcRenderer without importing
 * electron (preload.ts passes it in). Only the bridge methods are reachable; raw ipcRenderer
 * never is.
 */
import { err, isRecord, ok } from '@pls/shared/domain';
import { createKioskBridge, KIOSK_EVENT_CHANNEL, type KioskApi } from '@pls/shared/protocol';
import { ipcChannel, type IpcAnswer } from './register-ipc';

/** The envelope main answers with (register-ipc.ts); the bridge parses the answer inside it. */
function parseIpcAnswer(raw: unknown): IpcAnswer | ReturnType<typeof err<'badAnswer'>> {
  if (isRecord(raw) && raw['ok'] === true) return ok(raw['value']);
  if (isRecord(raw) && raw['ok'] === false && raw['error'] === 'hostFailed')
    return err('hostFailed');
  return err('badAnswer');
}

export interface IpcRendererLike {
  invoke(channel: string, input: unknown): Promise<unknown>;
  on(channel: string, listener: (event: unknown, payload: unknown) => void): void;
  removeListener(channel: string, listener: (event: unknown, payload: unknown) => void): void;
}

export function createPreloadBridge(ipcRenderer: IpcRendererLike): KioskApi {
  return createKioskBridge({
    // IPC in Electron has no link to drop: main answers, or rejects an invalid call.
    call: async (method, input) =>
      parseIpcAnswer(await ipcRenderer.invoke(ipcChannel(method), input)),
    subscribe(listener) {
      const handler = (_event: unknown, payload: unknown) => listener(payload);
      ipcRenderer.on(KIOSK_EVENT_CHANNEL, handler);
      return () => ipcRenderer.removeListener(KIOSK_EVENT_CHANNEL, handler);
    },
  });
}
