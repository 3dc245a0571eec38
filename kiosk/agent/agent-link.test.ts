/**
 * host_unavailable over a real WebSocket to a real agent: a call in flight when the agent goes
 * away, and a call the agent never answers, resolve as values the screens can show (no
 * try/catch), while the agent keeps serving other calls.
 */
import { afterEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { ok } from '@pls/shared/domain';
import type { KioskHandlers } from '@pls/shared/protocol';
import { connectAgent, type AgentClient, type WebSocketLike } from '../src/bridge/agent-client';
import type { KioskHost } from '../host/kiosk-handlers';
import { startAgent, type RunningAgent } from './agent-server';

const TOKEN = 'c'.repeat(64);
const never = () => new Promise<never>(() => {});

/** A host whose database key never comes (a hung keyring) and whose token answers at once. */
const host: KioskHost = {
  handlers: {
    'secrets.getDatabaseKey': never,
    'secrets.getDeviceToken': async () => ok('device-token-0123456789'),
  } as unknown as KioskHandlers, // only these two are called
  subscribe: () => () => {},
};

let agent: RunningAgent | undefined;
let client: AgentClient | undefined;
afterEach(async () => {
  client?.close();
  await agent?.close();
});

const connect = async (callTimeoutMs: number) => {
  agent = await startAgent({ host, token: TOKEN, port: 0 });
  client = connectAgent({
    url: agent.wsUrl,
    token: TOKEN,
    callTimeoutMs,
    createSocket: (url, protocols) => new WebSocket(url, protocols) as unknown as WebSocketLike,
  });
  await client.ready;
  return client.kiosk;
};

describe('agent link failures', () => {
  it('a call in flight when the agent stops is host_unavailable (disconnected)', async () => {
    const kiosk = await connect(60_000);
    const key = kiosk.secrets.getDatabaseKey();
    // The token answers, so the key's call was sent and is waiting on the host.
    expect(await kiosk.secrets.getDeviceToken()).toEqual(ok('device-token-0123456789'));
    await agent!.close();
    agent = undefined;
    expect(await key).toEqual({
      ok: false,
      error: { kind: 'hostUnavailable', code: 'host_unavailable', reason: 'disconnected' },
    });
  });

  it('a call the agent never answers is host_unavailable (timeout)', async () => {
    const kiosk = await connect(200);
    expect(await kiosk.secrets.getDatabaseKey()).toEqual({
      ok: false,
      error: { kind: 'hostUnavailable', code: 'host_unavailable', reason: 'timeout' },
    });
    expect(await kiosk.secrets.getDeviceToken()).toEqual(ok('device-token-0123456789'));
  });
});
