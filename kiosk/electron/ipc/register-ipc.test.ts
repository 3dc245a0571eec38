/**
 * Electron's link (register-ipc in main, preload-bridge in the renderer) with ipcMain and
 * ipcRenderer modelled in one process: a service that throws is logged in main and reaches the
 * renderer as host_unavailable (hostFailed), an invalid call rejects, and an answer that is not
 * main's envelope is refused (badAnswer).
 */
import { describe, expect, it } from 'vitest';
import { ok } from '@pls/shared/domain';
import type { KioskHandlers } from '@pls/shared/protocol';
import type { KioskHost } from '../../host/kiosk-handlers';
import { createPreloadBridge } from './preload-bridge';
import { ipcChannel, registerKioskIpc } from './register-ipc';

const hostFailed = { kind: 'hostUnavailable', code: 'host_unavailable', reason: 'hostFailed' };

function link(handlers: Partial<KioskHandlers>, override?: (channel: string) => unknown) {
  const registered = new Map<string, (event: unknown, input: unknown) => Promise<unknown>>();
  const logged: string[] = [];
  const host: KioskHost = {
    handlers: handlers as KioskHandlers, // only the methods under test are called
    subscribe: () => () => {},
  };
  registerKioskIpc(
    {
      handle: (channel, listener) => void registered.set(channel, listener),
      removeHandler: (channel) => void registered.delete(channel),
    },
    host,
    { send: () => {}, isDestroyed: () => false },
    (line) => logged.push(line),
  );
  const kiosk = createPreloadBridge({
    invoke: async (channel, input) =>
      override?.(channel) ?? structuredClone(await registered.get(channel)!({}, input)),
    on: () => {},
    removeListener: () => {},
  });
  return { kiosk, logged };
}

describe('Electron IPC link', () => {
  it('passes answers inside main’s envelope', async () => {
    const { kiosk } = link({ 'secrets.getDeviceToken': async () => ok(null) });
    expect(await kiosk.secrets.getDeviceToken()).toEqual({ ok: true, value: null });
  });

  it('a service that throws is logged in main and is host_unavailable in the renderer', async () => {
    const { kiosk, logged } = link({
      'print.getPrinterStatus': async () => {
        throw new Error('lpstat crashed');
      },
      'secrets.getDatabaseKey': async () => {
        throw new Error('keyring gone');
      },
    });
    expect(await kiosk.print.getPrinterStatus({ target: 'receipt' })).toEqual(hostFailed);
    expect(await kiosk.secrets.getDatabaseKey()).toEqual({ ok: false, error: hostFailed });
    expect(logged).toHaveLength(2);
    expect(logged[0]).toMatch(/print\.getPrinterStatus failed/);
  });

  it('an invalid call rejects (a renderer bug)', async () => {
    const { kiosk } = link({});
    await expect(kiosk.secrets.setDeviceToken({ token: 'short' })).rejects.toThrow(/token/);
  });

  it('refuses an answer that is not main’s envelope', async () => {
    const { kiosk } = link({}, (channel) =>
      channel === ipcChannel('host.getInfo') ? { bridgeVersion: 1 } : undefined,
    );
    expect(await kiosk.host.getInfo()).toMatchObject({ reason: 'badAnswer' });
  });
});
