/**
 * Wire format between the device agent and the renderer: JSON-RPC 2.0 over one WebSocket.
 * Calls are `{jsonrpc, id, method, params}`; results carry the method's value (which is itself
 * a Result for known failures); protocol errors are JSON-RPC errors; events are notifications
 * with method `event`. The token travels as a WebSocket subprotocol, since browsers cannot set
 * headers on a WebSocket and a query string ends up in logs.
 */
export const AGENT_PATH = '/agent';
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
