/**
 * Preload (sandboxed, context-isolated; bundled to one CJS file by electron-vite): exposes the
 * kiosk bridge and nothing else.
 */
import { contextBridge, ipcRenderer } from 'electron';
import type { KioskApi } from '@pls/shared/protocol';
import { createPreloadBridge } from './ipc/preload-bridge';

const kiosk: KioskApi = createPreloadBridge(ipcRenderer);
contextBridge.exposeInMainWorld('kiosk', kiosk);
