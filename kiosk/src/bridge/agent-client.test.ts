/**
 * The agent link as the renderer sees it, over a scripted socket: answers pass through the
 * bridge's parsers; a call in flight when the link drops, a call that outlives its timeout and
 * a call on a closed client resolve as host_unavailable (no try/catch at call sites); a call the
 * agent refuses as invalid still rejects; queued calls go out when the link comes back.
 * Timers are Vitest's fake ones, so nothing here waits.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { AGENT_SUBPROTOCOL, RPC_ERRORS } from '@pls/shared/protocol';
import { connectAgent, type WebSocketLike } from './agent-client';

class ScriptedSocket implements WebSocketLike {
  readyState = 0;
  readonly sent: { id: number; method: string; params: unknown }[] = [];
  onopen: ((event: unknown) => void) | null = null;
  onclose: ((event: unknown) => void) | null = null;
  onerror: ((event: unknown) => void) | null = null;
  onmessage: ((event: { data: unknown }) => void) | null = null;
  constructor(readonly protocols: string[]) {}
  send(data: string) {
    this.sent.push(JSON.parse(data) as { id: number; method: string; params: unknown });
  }
  close() {
    this.drop();
  }
  open() {
    this.readyState = 1;
    this.onopen?.({});
  }
  drop() {
    this.readyState = 3;
    this.onclose?.({});
  }
  answer(id: number, body: { result: unknown } | { error: unknown }) {
    this.onmessage?.({ data: JSON.stringify({ jsonrpc: '2.0', id, ...body }) });
  }
}

const UNAVAILABLE = (reason: string) => ({
  kind: 'hostUnavailable',
  code: 'host_unavailable',
  reason,
});

let sockets: ScriptedSocket[];
const connect = () =>
  connectAgent({
    url: 'ws://127.0.0.1:5710/agent',
    token: 'f'.repeat(64),
    callTimeoutMs: 1_000,
    createSocket: (_url, protocols) => {
      const socket = new ScriptedSocket(protocols);
      sockets.push(socket);
      return socket;
    },
  });
/** Lets the bridge's awaits run (microtasks only: timers stay fake). */
const settle = () => vi.advanceTimersByTimeAsync(0);

beforeEach(() => {
  vi.useFakeTimers();
  sockets = [];
});
afterEach(() => {
  vi.useRealTimers();
});

describe('device agent client', () => {
  it('offers the token as a subprotocol and passes parsed answers', async () => {
    const client = connect();
    expect(sockets[0]!.protocols).toEqual([AGENT_SUBPROTOCOL, `token.${'f'.repeat(64)}`]);
    sockets[0]!.open();
    const info = client.kiosk.host.getInfo();
    await settle();
    const [call] = sockets[0]!.sent;
    expect(call).toMatchObject({ method: 'host.getInfo', params: {} });
    sockets[0]!.answer(call!.id, { result: { bridgeVersion: 1, simulator: false, ocr: 'ready' } });
    expect(await info).toEqual({ bridgeVersion: 1, simulator: false, ocr: 'ready' });
    client.close();
  });

  it('a dropped link answers the call in flight with host_unavailable at once', async () => {
    const client = connect();
    sockets[0]!.open();
    const printing = client.kiosk.print.printDocument({ document: {} as never, copies: 1 });
    const status = client.kiosk.print.getPrinterStatus({ target: 'receipt' });
    await settle();
    expect(sockets[0]!.sent).toHaveLength(2);
    sockets[0]!.drop();
    expect(await printing).toEqual({ ok: false, error: UNAVAILABLE('disconnected') });
    expect(await status).toEqual(UNAVAILABLE('disconnected'));
    client.close();
  });

  it('a call with no answer within the timeout is host_unavailable (timeout)', async () => {
    const client = connect();
    sockets[0]!.open();
    const key = client.kiosk.secrets.getDatabaseKey();
    await vi.advanceTimersByTimeAsync(999);
    const early = await Promise.race([key, Promise.resolve('pending')]);
    expect(early).toBe('pending');
    await vi.advanceTimersByTimeAsync(1);
    expect(await key).toEqual({ ok: false, error: UNAVAILABLE('timeout') });
    // A late answer to the timed-out call is ignored.
    sockets[0]!.answer(sockets[0]!.sent[0]!.id, { result: { ok: true, value: null } });
    client.close();
  });

  it('calls made while the link is down are sent when it comes back', async () => {
    const client = connect();
    const token = client.kiosk.secrets.getDeviceToken();
    await settle();
    expect(sockets[0]!.sent).toHaveLength(0);
    sockets[0]!.open();
    expect(sockets[0]!.sent).toMatchObject([{ method: 'secrets.getDeviceToken' }]);
    sockets[0]!.answer(sockets[0]!.sent[0]!.id, { result: { ok: true, value: null } });
    expect(await token).toEqual({ ok: true, value: null });
    client.close();
  });

  it('reconnects after a drop and re-sends the reader status to listeners', async () => {
    const client = connect();
    sockets[0]!.open();
    const events: unknown[] = [];
    client.kiosk.reader.subscribe((event) => events.push(event));
    sockets[0]!.drop();
    await vi.advanceTimersByTimeAsync(5_000);
    expect(sockets).toHaveLength(2);
    sockets[1]!.open();
    await settle();
    const ask = sockets[1]!.sent.find((m) => m.method === 'reader.getStatus')!;
    sockets[1]!.answer(ask.id, { result: { kind: 'waitingForCard' } });
    await settle();
    expect(events).toEqual([{ type: 'statusChanged', status: { kind: 'waitingForCard' } }]);
    client.close();
  });

  it('a failed service is host_unavailable (hostFailed); an invalid call rejects', async () => {
    const client = connect();
    sockets[0]!.open();
    const ocr = client.kiosk.ocr.readIdCard({
      image: { mimeType: 'image/png', dataBase64: 'iVBORw0KGgo=' },
      mode: 'card',
    });
    const bad = client.kiosk.secrets.setDeviceToken({ token: 'short' });
    await settle();
    const [first, second] = sockets[0]!.sent;
    sockets[0]!.answer(first!.id, {
      error: { code: RPC_ERRORS.internal, message: 'ocr.readIdCard failed' },
    });
    sockets[0]!.answer(second!.id, {
      error: { code: RPC_ERRORS.invalidParams, message: 'invalid input to secrets.setDeviceToken' },
    });
    expect(await ocr).toEqual({ ok: false, error: UNAVAILABLE('hostFailed') });
    await expect(bad).rejects.toThrow(/invalid input/);
    client.close();
  });

  it('a closed client answers host_unavailable (closed), pending calls included', async () => {
    const client = connect();
    sockets[0]!.open();
    const pending = client.kiosk.reader.getStatus();
    await settle();
    client.close();
    expect(await pending).toEqual(UNAVAILABLE('closed'));
    expect(await client.kiosk.simulator.liftCard()).toEqual({
      ok: false,
      error: UNAVAILABLE('closed'),
    });
  });
});
