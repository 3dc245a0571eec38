/**
 * `window.kiosk` in plain Chromium: the bridge over the device agent's WebSocket. Built with the
 * same `createKioskBridge` as Electron's preload, so the renderer gets the same object in both
 * hosts. Calls made while the link is down wait for it (up to `callTimeoutMs`); the link comes
 * back by itself with capped backoff, and the reader status is re-sent to listeners then, since
 * events may have been missed while it was down.
 */
import {
  createKioskBridge,
  type KioskApi,
  type KioskEvent,
  type KioskMethod,
} from '@pls/shared/protocol';

const AGENT_SUBPROTOCOL = 'kiosk-agent.v1';
const TOKEN_PROTOCOL_PREFIX = 'token.';

/** The subset of the WebSocket API used here (browser WebSocket, or `ws` in Node tests). */
export interface WebSocketLike {
  readonly readyState: number;
  send(data: string): void;
  close(): void;
  onopen: ((event: unknown) => void) | null;
  onclose: ((event: unknown) => void) | null;
  onerror: ((event: unknown) => void) | null;
  onmessage: ((event: { data: unknown }) => void) | null;
}

export type WebSocketFactory = (url: string, protocols: string[]) => WebSocketLike;

export interface AgentClientOptions {
  /** ws://127.0.0.1:5710/agent */
  readonly url: string;
  readonly token: string;
  readonly createSocket?: WebSocketFactory;
  readonly callTimeoutMs?: number;
  readonly maxBackoffMs?: number;
}

export interface AgentClient {
  readonly kiosk: KioskApi;
  /** Resolves when the first connection is open. */
  readonly ready: Promise<void>;
  close(): void;
}

interface Pending {
  resolve(value: unknown): void;
  reject(error: Error): void;
  timer: ReturnType<typeof setTimeout>;
}

export class AgentCallError extends Error {
  constructor(
    message: string,
    readonly code: number,
    readonly data?: unknown,
  ) {
    super(message);
    this.name = 'AgentCallError';
  }
}

const OPEN = 1;

export function connectAgent(options: AgentClientOptions): AgentClient {
  const createSocket: WebSocketFactory =
    options.createSocket ??
    ((url, protocols) => new WebSocket(url, protocols) as unknown as WebSocketLike);
  const callTimeoutMs = options.callTimeoutMs ?? 60_000;
  const maxBackoffMs = options.maxBackoffMs ?? 5_000;
  const listeners = new Set<(event: KioskEvent) => void>();
  const pending = new Map<number, Pending>();
  let queue: string[] = [];
  let nextId = 1;
  let socket: WebSocketLike | undefined;
  let closed = false;
  let attempts = 0;
  let connectedOnce = false;
  let markReady: () => void = () => {};
  const ready = new Promise<void>((resolve) => (markReady = resolve));

  const emit = (event: KioskEvent) => {
    for (const listener of listeners) listener(event);
  };

  const connect = () => {
    if (closed) return;
    const ws = createSocket(options.url, [
      AGENT_SUBPROTOCOL,
      `${TOKEN_PROTOCOL_PREFIX}${options.token}`,
    ]);
    socket = ws;
    ws.onopen = () => {
      attempts = 0;
      const wasConnected = connectedOnce;
      connectedOnce = true;
      for (const message of queue) ws.send(message);
      queue = [];
      markReady();
      if (wasConnected) {
        // Events sent while the link was down are lost: give listeners the current status.
        void call('reader.getStatus', {}).then(
          (status) => emit({ source: 'reader', event: { type: 'statusChanged', status } as never }),
          () => {},
        );
      }
    };
    ws.onmessage = ({ data }) => {
      let message: {
        id?: number;
        method?: string;
        params?: unknown;
        result?: unknown;
        error?: { code: number; message: string; data?: unknown };
      };
      try {
        message = JSON.parse(String(data));
      } catch {
        return;
      }
      if (message.method === 'event') {
        emit(message.params as KioskEvent);
        return;
      }
      const entry = message.id === undefined ? undefined : pending.get(message.id);
      if (!entry) return;
      pending.delete(message.id!);
      clearTimeout(entry.timer);
      if (message.error)
        entry.reject(
          new AgentCallError(message.error.message, message.error.code, message.error.data),
        );
      else entry.resolve(message.result);
    };
    ws.onerror = () => {};
    ws.onclose = () => {
      if (socket !== ws) return;
      socket = undefined;
      if (closed) return;
      attempts++;
      const delay =
        Math.min(maxBackoffMs, 250 * 2 ** Math.min(attempts, 5)) * (0.5 + Math.random() / 2);
      setTimeout(connect, delay);
    };
  };

  const call = (method: KioskMethod, input: unknown): Promise<unknown> =>
    new Promise((resolve, reject) => {
      if (closed) {
        reject(new Error('agent client is closed'));
        return;
      }
      const id = nextId++;
      const message = JSON.stringify({ jsonrpc: '2.0', id, method, params: input });
      const timer = setTimeout(() => {
        pending.delete(id);
        queue = queue.filter((m) => m !== message);
        reject(new Error(`${method}: no answer from the device agent within ${callTimeoutMs} ms`));
      }, callTimeoutMs);
      pending.set(id, { resolve, reject, timer });
      if (socket && socket.readyState === OPEN) socket.send(message);
      else queue.push(message);
    });

  connect();
  const kiosk = createKioskBridge({
    call,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  });
  return {
    kiosk,
    ready,
    close() {
      closed = true;
      socket?.close();
      for (const [, entry] of pending) {
        clearTimeout(entry.timer);
        entry.reject(new Error('agent client closed'));
      }
      pending.clear();
    },
  };
}
