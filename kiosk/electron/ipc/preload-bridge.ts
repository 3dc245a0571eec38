/**
 * The object the preload exposes as `window.kiosk`, built from ipcRenderer without importing
 * electron (preload.ts passes it in). Only the bridge methods are reachable; raw ipcRenderer
 * never is.
 */
import {
  createKioskBridge,
  KIOSK_EVENT_CHANNEL,
  type KioskApi,
  type KioskEvent,
} from '@pls/shared/protocol';
import { ipcChannel } from './register-ipc';

export interface IpcRendererLike {
  invoke(channel: string, input: unknown): Promise<unknown>;
  on(channel: string, listener: (event: unknown, payload: unknown) => void): void;
  removeListener(channel: string, listener: (event: unknown, payload: unknown) => void): void;
}

export function createPreloadBridge(ipcRenderer: IpcRendererLike): KioskApi {
  return createKioskBridge({
    call: (method, input) => ipcRenderer.invoke(ipcChannel(method), input),
    subscribe(listener) {
      const handler = (_event: unknown, payload: unknown) => listener(payload as KioskEvent);
      ipcRenderer.on(KIOSK_EVENT_CHANNEL, handler);
      return () => ipcRenderer.removeListener(KIOSK_EVENT_CHANNEL, handler);
    },
  });
}
