/**
 * Wire format between the device agent and the renderer: JSON-RPC 2.0 over one WebSocket.
 * Calls are `{jsonrpc, id, method, params}`; results carry the method's value (which is itself
 * a Result for known failures); protocol errors are JSON-RPC errors; events are notifications
 * with method `event`. The token travels as a WebSocket subprotocol, since browsers cannot set
 * headers on a WebSocket and a query string ends up in logs. The agent (Node) and the renderer's
 * client (browser) both take these from here.
 */
import { isRecord } from '../../domain/is-record';

export const AGENT_PATH = '/agent';
/** Where the agent listens unless told otherwise (`--port`, KIOSK_AGENT_PORT). */
export const AGENT_DEFAULT_PORT = 5710;
export const AGENT_SUBPROTOCOL = 'kiosk-agent.v1';
export const TOKEN_PROTOCOL_PREFIX = 'token.';
/** OCR images are up to 8 MB, 11 MB in base64. */
export const AGENT_MAX_PAYLOAD = 16 * 1024 * 1024;
/** Where the served renderer finds its token. */
export const TOKEN_META_NAME = 'kiosk-agent-token';

export const RPC_ERRORS = {
  parse: -32700,
  invalidRequest: -32600,
  methodNotFound: -32601,
  invalidParams: -32602,
  internal: -32603,
} as const;

export interface RpcRequest {
  readonly jsonrpc: '2.0';
  readonly id: number | string;
  readonly method: string;
  readonly params?: unknown;
}

export type RpcResponse =
  | { readonly jsonrpc: '2.0'; readonly id: number | string | null; readonly result: unknown }
  | {
      readonly jsonrpc: '2.0';
      readonly id: number | string | null;
      readonly error: { readonly code: number; readonly message: string; readonly data?: unknown };
    };

export interface RpcNotification {
  readonly jsonrpc: '2.0';
  readonly method: 'event';
  readonly params: unknown;
}

/** A message from the agent, as the renderer's client tells them apart. */
export type AgentMessage =
  | { readonly kind: 'event'; readonly params: unknown }
  | { readonly kind: 'result'; readonly id: number | string | null; readonly result: unknown }
  | {
      readonly kind: 'error';
      readonly id: number | string | null;
      readonly error: { readonly code: number; readonly message: string; readonly data?: unknown };
    };

const rpcId = (value: unknown): number | string | null =>
  typeof value === 'number' || typeof value === 'string' ? value : null;

/** One WebSocket frame from the agent; undefined for anything that is not JSON-RPC 2.0. */
export function parseRpcMessage(data: unknown): AgentMessage | undefined {
  let message: unknown;
  try {
    message = JSON.parse(String(data));
  } catch {
    return undefined;
  }
  if (!isRecord(message) || message['jsonrpc'] !== '2.0') return undefined;
  if (message['method'] === 'event') return { kind: 'event', params: message['params'] };
  const id = rpcId(message['id']);
  if ('result' in message) return { kind: 'result', id, result: message['result'] };
  const error = message['error'];
  if (
    isRecord(error) &&
    typeof error['code'] === 'number' &&
    typeof error['message'] === 'string'
  ) {
    return {
      kind: 'error',
      id,
      error: { code: error['code'], message: error['message'], data: error['data'] },
    };
  }
  return undefined;
}

/** One WebSocket frame from a client: a request, or the JSON-RPC error to answer it with. */
export function parseRpcRequest(
  data: string,
):
  | { readonly ok: true; readonly request: RpcRequest }
  | { readonly ok: false; readonly response: RpcResponse } {
  let message: unknown;
  try {
    message = JSON.parse(data);
  } catch {
    return {
      ok: false,
      response: {
        jsonrpc: '2.0',
        id: null,
        error: { code: RPC_ERRORS.parse, message: 'parse error' },
      },
    };
  }
  const id = isRecord(message) ? rpcId(message['id']) : null;
  if (
    !isRecord(message) ||
    message['jsonrpc'] !== '2.0' ||
    id === null ||
    typeof message['method'] !== 'string'
  ) {
    return {
      ok: false,
      response: {
        jsonrpc: '2.0',
        id,
        error: { code: RPC_ERRORS.invalidRequest, message: 'invalid request' },
      },
    };
  }
  return {
    ok: true,
    request: { jsonrpc: '2.0', id, method: message['method'], params: message['params'] },
  };
}
