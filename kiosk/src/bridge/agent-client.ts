/**
 * `window.kiosk` in plain Chromium: the bridge over the device agent's WebSocket. Built with the
 * same `createKioskBridge` as Electron's preload, so the renderer gets the same object in both
 * hosts. Calls made while the link is down wait for it (up to `callTimeoutMs`); the link comes
 * back by itself with capped backoff, and the reader status is re-sent to listeners then, since
 * events may have been missed while it was down. A call that gets no answer (timeout, the link
 * dropped with it in flight, the client closed, the agent's service failed) resolves as
 * `host_unavailable`; only a call the agent refuses as invalid rejects.
 */
import { err, ok, type Result } from '@pls/shared/domain';
import {
  AGENT_SUBPROTOCOL,
  createKioskBridge,
  parseRpcMessage,
  RPC_ERRORS,
  TOKEN_PROTOCOL_PREFIX,
  type HostUnavailableReason,
  type KioskApi,
  type KioskMethod,
} from '@pls/shared/protocol';

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

type Answer = Result<unknown, HostUnavailableReason>;

interface Pending {
  resolve(value: Answer): void;
  reject(error: Error): void;
  timer: ReturnType<typeof setTimeout>;
  /** The message, until it is sent (a queued call is not in flight). */
  queued: string | undefined;
}

class AgentCallError extends Error {
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
  const listeners = new Set<(event: unknown) => void>();
  const pending = new Map<number, Pending>();
  let nextId = 1;
  let socket: WebSocketLike | undefined;
  let closed = false;
  let attempts = 0;
  let connectedOnce = false;
  let markReady: () => void = () => {};
  const ready = new Promise<void>((resolve) => (markReady = resolve));

  const emit = (event: unknown) => {
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
      for (const entry of pending.values()) {
        if (entry.queued !== undefined) ws.send(entry.queued);
        entry.queued = undefined;
      }
      markReady();
      if (wasConnected) {
        // Events sent while the link was down are lost: give listeners the current status
        // (raw, as the agent would have pushed it: the bridge parses it like any event).
        void call('reader.getStatus', {}).then(
          (status) => {
            if (status.ok)
              emit({ source: 'reader', event: { type: 'statusChanged', status: status.value } });
          },
          () => {},
        );
      }
    };
    ws.onmessage = ({ data }) => {
      const message = parseRpcMessage(data);
      if (message === undefined) return;
      if (message.kind === 'event') {
        emit(message.params);
        return;
      }
      const id = message.id;
      const entry = typeof id === 'number' ? pending.get(id) : undefined;
      if (!entry || typeof id !== 'number') return;
      pending.delete(id);
      clearTimeout(entry.timer);
      if (message.kind === 'result') entry.resolve(ok(message.result));
      // The agent's service failed (it logged why): no answer, as if the host were away.
      else if (message.error.code === RPC_ERRORS.internal) entry.resolve(err('hostFailed'));
      else
        entry.reject(
          new AgentCallError(message.error.message, message.error.code, message.error.data),
        );
    };
    ws.onerror = () => {};
    ws.onclose = () => {
      if (socket !== ws) return;
      socket = undefined;
      // Calls in flight will not be answered (the agent may or may not have run them): say so
      // now rather than at their timeout. Queued calls wait for the next connection.
      for (const [id, entry] of pending) {
        if (entry.queued !== undefined) continue;
        pending.delete(id);
        clearTimeout(entry.timer);
        entry.resolve(err(closed ? 'closed' : 'disconnected'));
      }
      if (closed) return;
      attempts++;
      const delay =
        Math.min(maxBackoffMs, 250 * 2 ** Math.min(attempts, 5)) * (0.5 + Math.random() / 2);
      setTimeout(connect, delay);
    };
  };

  const call = (method: KioskMethod, input: unknown): Promise<Answer> =>
    new Promise((resolve, reject) => {
      if (closed) {
        resolve(err('closed'));
        return;
      }
      const id = nextId++;
      const message = JSON.stringify({ jsonrpc: '2.0', id, method, params: input });
      const timer = setTimeout(() => {
        pending.delete(id);
        resolve(err('timeout'));
      }, callTimeoutMs);
      const online = socket !== undefined && socket.readyState === OPEN;
      pending.set(id, { resolve, reject, timer, queued: online ? undefined : message });
      if (online) socket!.send(message);
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
        entry.resolve(err('closed'));
      }
      pending.clear();
    },
  };
}
