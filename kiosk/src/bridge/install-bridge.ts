/**
 * Gives the renderer its `window.kiosk`: Electron's preload has already put it there; in plain
 * Chromium it connects to the device agent that served the page (token from the page's meta
 * tag, put there by the agent). The renderer cannot tell which it got.
 */
import { AGENT_PATH, TOKEN_META_NAME, type KioskApi } from '@pls/shared/protocol';
import { connectAgent } from './agent-client';

declare global {
  interface Window {
    kiosk: KioskApi;
  }
}

export function installKioskBridge(win: Window = window): KioskApi {
  if (win.kiosk !== undefined) return win.kiosk;
  const token = win.document.querySelector<HTMLMetaElement>(
    `meta[name="${TOKEN_META_NAME}"]`,
  )?.content;
  if (!token)
    throw new Error('no kiosk bridge: not in Electron and no device agent token in the page');
  const client = connectAgent({ url: `ws://${win.location.host}${AGENT_PATH}`, token });
  win.kiosk = client.kiosk;
  return client.kiosk;
}
