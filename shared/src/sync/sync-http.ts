/**
 * HTTP calls of the sync protocol. Every answer is parsed before it is trusted, and every
 * failure is classified (unreachable, revoked, rejected rows, server error…) so the status can
 * say what went wrong and the replication can decide what to retry.
 */
import type { CollectionName } from '../domain/collections';
import { err, ok, type Result } from '../domain/result';
import type { RevokeReason } from '../domain/vocabulary';
import {
  HEARTBEAT_HEADER,
  parseApiErrorBody,
  parsePullResponse,
  parsePushResponse,
  type PullResponse,
  type PushResponse,
  type PushRow,
  type RejectedRow,
  type SyncCheckpoint,
} from '../protocol/index';

export type HttpFailure =
  | { readonly kind: 'unreachable'; readonly message: string }
  | { readonly kind: 'unauthorized'; readonly message: string }
  | {
      readonly kind: 'revoked';
      readonly message: string;
      /** Why, when the center said (a code the staff screen words). */
      readonly revokeReason?: RevokeReason;
    }
  | {
      readonly kind: 'rejected';
      readonly status: number;
      readonly rejected: readonly RejectedRow[];
      readonly message: string;
    }
  | { readonly kind: 'server'; readonly status: number; readonly message: string }
  | {
      readonly kind: 'client';
      readonly status: number;
      readonly code: string;
      readonly message: string;
    }
  | { readonly kind: 'protocol'; readonly message: string };

export interface SyncHttpOptions {
  readonly serverUrl: string;
  readonly token: string;
  readonly fetch?: typeof fetch;
  /** A request without an answer after this long counts as unreachable. */
  readonly timeoutMs?: number;
  /** The heartbeat header's value (protocol/heartbeat.ts), sent with every pull and probe. */
  readonly heartbeat?: () => string;
}

/** A pull's answer: new documents (with the answer's ETag), or a 304 for the ETag sent. */
export type PullResult =
  | { readonly modified: true; readonly response: PullResponse; readonly etag: string | null }
  | { readonly modified: false };

export interface SyncHttp {
  pull(
    collection: CollectionName,
    checkpoint: SyncCheckpoint | undefined,
    limit: number,
    etag?: string,
  ): Promise<Result<PullResult, HttpFailure>>;
  push(
    collection: CollectionName,
    rows: readonly PushRow[],
  ): Promise<Result<PushResponse, HttpFailure>>;
  /** Cheapest authenticated call: tells reachable/revoked apart after a stream failure. */
  probe(): Promise<Result<void, HttpFailure>>;
  putAttachment(
    applicationId: string,
    attachmentId: string,
    mimeType: string,
    bytes: Uint8Array,
  ): Promise<Result<void, HttpFailure>>;
  readonly streamUrl: string;
}

const DEFAULT_TIMEOUT_MS = 30_000;

async function failureOf(response: Response): Promise<HttpFailure> {
  let body: unknown = null;
  try {
    body = await response.json();
  } catch {
    // Not JSON: a proxy's error page, or nothing.
  }
  const parsed = parseApiErrorBody(body);
  const message = parsed?.error.message ?? `HTTP ${response.status}`;
  if (response.status === 401) {
    if (parsed?.error.code !== 'device_revoked') return { kind: 'unauthorized', message };
    const { revokeReason } = parsed.error;
    return { kind: 'revoked', message, ...(revokeReason ? { revokeReason } : {}) };
  }
  if (parsed?.error.code === 'rejected_rows' && parsed.error.rejected) {
    return { kind: 'rejected', status: response.status, rejected: parsed.error.rejected, message };
  }
  if (response.status >= 500 || response.status === 429 || response.status === 408) {
    return { kind: 'server', status: response.status, message };
  }
  return {
    kind: 'client',
    status: response.status,
    code: parsed?.error.code ?? 'unknown',
    message,
  };
}

export function createSyncHttp(options: SyncHttpOptions): SyncHttp {
  const base = options.serverUrl.replace(/\/+$/, '');
  const fetchImpl = options.fetch ?? globalThis.fetch.bind(globalThis);
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const auth = { authorization: `Bearer ${options.token}` };
  const withHeartbeat = (): Record<string, string> => {
    const value = options.heartbeat?.();
    return value ? { ...auth, [HEARTBEAT_HEADER]: value } : auth;
  };

  async function request(url: string, init: RequestInit): Promise<Result<Response, HttpFailure>> {
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), timeoutMs);
    try {
      return ok(await fetchImpl(url, { ...init, signal: controller.signal }));
    } catch (error) {
      const message = controller.signal.aborted
        ? `no answer within ${timeoutMs} ms`
        : (error as Error).message;
      return err({ kind: 'unreachable', message });
    } finally {
      clearTimeout(timer);
    }
  }

  async function json(response: Response): Promise<Result<unknown, HttpFailure>> {
    try {
      return ok(await response.json());
    } catch {
      return err({ kind: 'protocol', message: 'answer is not JSON' });
    }
  }

  return {
    streamUrl: `${base}/api/sync/stream`,

    async pull(collection, checkpoint, limit, etag) {
      const params = new URLSearchParams({ limit: String(limit) });
      if (checkpoint) {
        params.set('seq', String(checkpoint.seq));
        params.set('id', checkpoint.id);
      }
      const sent = await request(`${base}/api/sync/${collection}/pull?${params}`, {
        headers: { ...withHeartbeat(), ...(etag ? { 'if-none-match': etag } : {}) },
      });
      if (!sent.ok) return sent;
      const response = sent.value;
      if (response.status === 304) return ok({ modified: false });
      if (!response.ok) return err(await failureOf(response));
      const body = await json(response);
      if (!body.ok) return body;
      const parsed = parsePullResponse(body.value);
      if (!parsed.ok) return err({ kind: 'protocol', message: parsed.error.message });
      return ok({ modified: true, response: parsed.value, etag: response.headers.get('etag') });
    },

    async push(collection, rows) {
      const sent = await request(`${base}/api/sync/${collection}/push`, {
        method: 'POST',
        headers: { ...auth, 'content-type': 'application/json' },
        body: JSON.stringify({ rows }),
      });
      if (!sent.ok) return sent;
      if (!sent.value.ok) return err(await failureOf(sent.value));
      const body = await json(sent.value);
      if (!body.ok) return body;
      const parsed = parsePushResponse(body.value);
      return parsed.ok
        ? ok(parsed.value)
        : err({ kind: 'protocol', message: parsed.error.message });
    },

    async probe() {
      // A position past any feed: answered from memory, costs the server nothing.
      const sent = await request(
        `${base}/api/sync/device_config/pull?seq=999999999999999&limit=1`,
        { headers: withHeartbeat() },
      );
      if (!sent.ok) return sent;
      if (!sent.value.ok) return err(await failureOf(sent.value));
      await sent.value.body?.cancel().catch(() => undefined);
      return ok();
    },

    async putAttachment(applicationId, attachmentId, mimeType, bytes) {
      const sent = await request(
        `${base}/api/sync/applications/${encodeURIComponent(applicationId)}/attachments/${encodeURIComponent(attachmentId)}`,
        {
          method: 'PUT',
          headers: { ...auth, 'content-type': mimeType },
          body: bytes as Uint8Array<ArrayBuffer>,
        },
      );
      if (!sent.ok) return sent;
      if (!sent.value.ok) return err(await failureOf(sent.value));
      await sent.value.body?.cancel().catch(() => undefined);
      return ok();
    },
  };
}
