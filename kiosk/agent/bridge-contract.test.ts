/**
 * Contract: the Electron bridge (preload → IPC → main) and the device agent (WebSocket) expose
 * the same typed API and answer the same way, and the agent refuses callers without its token.
 * Both hosts run the real services (simulated reader, file/OS secret stores, print service);
 * IPC is modelled by structured clone, as Electron does.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { KIOSK_METHOD_NAMES, type BridgeReaderEvent, type KioskApi } from '@pls/shared/protocol';
import {
  createFileSecretStore,
  createSafeStorageSecretStore,
  type SafeStoragePort,
} from '@pls/shared/host';
import { AGENT_SUBPROTOCOL } from '@pls/shared/protocol';
import { connectAgent, type AgentClient, type WebSocketLike } from '../src/bridge/agent-client';
import { composeKioskHost } from '../host/compose-kiosk-host';
import type { KioskHost } from '../host/kiosk-handlers';
import { createChromiumPageEngine } from '../host/print';
import { registerKioskIpc } from '../electron/ipc/register-ipc';
import { createPreloadBridge } from '../electron/ipc/preload-bridge';
import { startAgent, type RunningAgent } from './agent-server';

const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const dirs: string[] = [];
const tempDir = () => {
  const dir = mkdtempSync(join(tmpdir(), 'pls-contract-'));
  dirs.push(dir);
  return dir;
};

/** Stands in for the OS keychain, which does not exist in CI; reversible, not a cipher. */
const keychain: SafeStoragePort = {
  isEncryptionAvailable: () => true,
  encryptString: (text) => Buffer.from(Buffer.from(text, 'utf8').map((b) => b ^ 0x5a)),
  decryptString: (bytes) => Buffer.from(bytes.map((b) => b ^ 0x5a)).toString('utf8'),
  getSelectedStorageBackend: () => 'gnome_libsecret',
};

const stops: (() => Promise<void>)[] = [];

function makeHost(secretsFor: 'electron' | 'agent'): KioskHost {
  const dir = tempDir();
  const { host, dispose } = composeKioskHost(
    { repoRoot, simulateReader: true, readerLatencyMs: 0, printers: {} },
    {
      secretStore:
        secretsFor === 'agent'
          ? createFileSecretStore(dir)
          : createSafeStorageSecretStore(keychain, dir),
      pageEngine: createChromiumPageEngine(),
      startOcrEngine: () => Promise.reject(new Error('OCR engine not started in this test')),
    },
  );
  stops.push(dispose);
  return host;
}

/** ipcMain/ipcRenderer in one process: every payload goes through structured clone. */
function electronBridge(host: KioskHost): KioskApi {
  const handlers = new Map<string, (event: unknown, input: unknown) => Promise<unknown>>();
  const listeners = new Map<string, Set<(event: unknown, payload: unknown) => void>>();
  registerKioskIpc(
    { handle: (c, l) => void handlers.set(c, l), removeHandler: (c) => void handlers.delete(c) },
    host,
    {
      isDestroyed: () => false,
      send: (channel, event) => {
        for (const l of listeners.get(channel) ?? []) l({}, structuredClone(event));
      },
    },
  );
  return createPreloadBridge({
    invoke: async (channel, input) => {
      const handler = handlers.get(channel);
      if (!handler) throw new Error(`No handler registered for '${channel}'`);
      return structuredClone(await handler({}, structuredClone(input)));
    },
    on: (channel, l) => {
      if (!listeners.has(channel)) listeners.set(channel, new Set());
      listeners.get(channel)!.add(l);
    },
    removeListener: (channel, l) => void listeners.get(channel)?.delete(l),
  });
}

const TOKEN = 'a'.repeat(64);
let agent: RunningAgent;
let client: AgentClient;
let electron: KioskApi;
let browser: KioskApi;

beforeAll(async () => {
  electron = electronBridge(makeHost('electron'));
  agent = await startAgent({ host: makeHost('agent'), token: TOKEN, port: 0 });
  client = connectAgent({
    url: agent.wsUrl,
    token: TOKEN,
    createSocket: (url, protocols) => new WebSocket(url, protocols) as unknown as WebSocketLike,
  });
  browser = client.kiosk;
  await client.ready;
});

afterAll(async () => {
  client?.close();
  await agent?.close();
  for (const stop of stops) await stop();
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

function shape(api: KioskApi): string[] {
  return Object.entries(api)
    .flatMap(([ns, methods]) => Object.keys(methods as object).map((m) => `${ns}.${m}`))
    .sort();
}

function nextEvent(api: KioskApi, type: BridgeReaderEvent['type']): Promise<BridgeReaderEvent> {
  return new Promise((resolve) => {
    const off = api.reader.subscribe((event) => {
      if (event.type === type) {
        off();
        resolve(event);
      }
    });
  });
}

describe('kiosk bridge contract', () => {
  it('exposes the same methods in both hosts, all from the method table', () => {
    const expected = [...KIOSK_METHOD_NAMES, 'reader.subscribe'].sort();
    expect(shape(electron)).toEqual(expected);
    expect(shape(browser)).toEqual(expected);
  });

  it('answers the same calls with the same values', async () => {
    for (const api of [electron, browser]) {
      expect(await api.host.getInfo()).toEqual({
        bridgeVersion: 1,
        simulator: true,
        ocr: 'unavailable',
      });
      expect(await api.print.getPrinterStatus({ target: 'receipt' })).toEqual({
        kind: 'notConfigured',
        target: 'receipt',
      });
      expect(await api.secrets.getDeviceToken()).toEqual({ ok: true, value: null });
      expect(await api.secrets.setDeviceToken({ token: 'device-token-0123456789' })).toEqual({
        ok: true,
        value: undefined,
      });
      expect(await api.secrets.getDeviceToken()).toEqual({
        ok: true,
        value: 'device-token-0123456789',
      });
      const key = await api.secrets.getDatabaseKey();
      expect(key.ok && /^[0-9a-f]{64}$/.test(key.value.key)).toBe(true);
      expect(await api.secrets.getDatabaseKey()).toEqual(key);
      const ocr = await api.ocr.readIdCard({
        image: { mimeType: 'image/png', dataBase64: 'iVBORw0KGgo=' },
        mode: 'card',
      });
      expect(ocr).toMatchObject({ ok: false, error: { kind: 'engineUnavailable' } });
    }
    const [e, b] = await Promise.all([
      electron.secrets.getDatabaseKey(),
      browser.secrets.getDatabaseKey(),
    ]);
    expect(e.ok && e.value.protection).toBe('os-keychain');
    expect(b.ok && b.value.protection).toBe('file-0600');
  });

  it('pushes reader events from the simulator to the renderer in both hosts, without the photo', async () => {
    for (const api of [electron, browser]) {
      const read = nextEvent(api, 'cardRead');
      expect(await api.simulator.placeCard({ cardType: 'resident' })).toEqual({
        ok: true,
        value: undefined,
      });
      const event = await read;
      expect(event.type === 'cardRead' && event.card).toMatchObject({
        cardType: 'resident',
        idNumberValid: true,
      });
      expect(event.type === 'cardRead' && 'photo' in event.card).toBe(false);
      const removed = nextEvent(api, 'cardRemoved');
      await api.simulator.liftCard();
      await removed;
    }
  });

  it('rejects invalid input as a bug in both hosts', async () => {
    for (const api of [electron, browser]) {
      await expect(api.print.getPrinterStatus({ target: 'fax' as never })).rejects.toThrow(
        /target/,
      );
      await expect(api.secrets.setDeviceToken({ token: 'short' })).rejects.toThrow(/token/);
      await expect(
        api.ocr.readIdCard({
          image: { mimeType: 'image/gif' as never, dataBase64: '' },
          mode: 'card',
        }),
      ).rejects.toThrow(/mimeType/);
    }
  });
});

describe('device agent access', () => {
  const attempt = (protocols: string[], headers: Record<string, string> = {}) =>
    new Promise<string>((resolve) => {
      const ws = new WebSocket(agent.wsUrl, protocols, { headers });
      ws.on('open', () => {
        ws.close();
        resolve('open');
      });
      ws.on('unexpected-response', (_req, res) => resolve(String(res.statusCode)));
      ws.on('error', () => resolve('error'));
    });

  it('refuses a WebSocket without the token or with a wrong one', async () => {
    expect(await attempt([AGENT_SUBPROTOCOL])).toBe('401');
    expect(await attempt([AGENT_SUBPROTOCOL, `token.${'b'.repeat(64)}`])).toBe('401');
    expect(await attempt([AGENT_SUBPROTOCOL, `token.${TOKEN}`])).toBe('open');
  });

  it('refuses foreign origins and hosts (cross-site pages, DNS rebinding)', async () => {
    expect(
      await attempt([AGENT_SUBPROTOCOL, `token.${TOKEN}`], { origin: 'http://evil.example' }),
    ).toBe('403');
    expect(
      await attempt([AGENT_SUBPROTOCOL, `token.${TOKEN}`], { host: `evil.example:${agent.port}` }),
    ).toBe('421');
    const status = await new Promise<number>((resolve, reject) => {
      const req = request(agent.url, { headers: { host: `evil.example:${agent.port}` } }, (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      });
      req.on('error', reject);
      req.end();
    });
    expect(status).toBe(421);
    const own = await fetch(agent.url);
    expect(own.status).toBe(200);
    // The page served on the agent's own host carries the token the renderer connects with.
    expect(await own.text()).toContain(TOKEN);
  });
});
