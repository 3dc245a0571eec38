/**
 * Server-Sent Events for the sync stream. In the browser the native EventSource, which cannot
 * send headers: it first fetches a one-time stream ticket with the bearer token and puts only
 * the ticket in the URL (the device token never appears in a URL, where proxies would log it);
 * in Node, which has no EventSource, a reader over a streaming fetch that sends the
 * Authorization header.
 */
export interface SseMessage {
  readonly event: string;
  readonly data: string;
}

/** Incremental parser of the text/event-stream format (WHATWG HTML §9.2.6), id/retry ignored. */
export class SseParser {
  private buffer = '';
  private event = '';
  private data: string[] = [];

  push(chunk: string): SseMessage[] {
    this.buffer += chunk;
    const out: SseMessage[] = [];
    for (;;) {
      const match = /\r\n|\r|\n/.exec(this.buffer);
      // A lone \r at the end may be the first half of \r\n: wait for more.
      if (!match || (match[0] === '\r' && match.index === this.buffer.length - 1)) break;
      const line = this.buffer.slice(0, match.index);
      this.buffer = this.buffer.slice(match.index + match[0].length);
      if (line === '') {
        if (this.data.length > 0)
          out.push({ event: this.event || 'message', data: this.data.join('\n') });
        this.event = '';
        this.data = [];
        continue;
      }
      if (line.startsWith(':')) continue;
      const colon = line.indexOf(':');
      const field = colon < 0 ? line : line.slice(0, colon);
      let value = colon < 0 ? '' : line.slice(colon + 1);
      if (value.startsWith(' ')) value = value.slice(1);
      if (field === 'event') this.event = value;
      else if (field === 'data') this.data.push(value);
    }
    return out;
  }
}

export interface StreamHandlers {
  onOpen(): void;
  onMessage(message: SseMessage): void;
  /** The connection failed or ended. `status` when an HTTP status was seen (fetch reader only). */
  onClosed(info: { status?: number }): void;
}

export interface StreamConnection {
  close(): void;
}

export type StreamConnector = (
  url: string,
  token: string,
  handlers: StreamHandlers,
) => StreamConnection;

export const STREAM_EVENT_NAMES = ['hello', 'resync', 'changes', 'heartbeat', 'closing'] as const;

export function fetchStreamConnector(
  fetchImpl: typeof fetch = globalThis.fetch.bind(globalThis),
): StreamConnector {
  return (url, token, handlers) => {
    const controller = new AbortController();
    let done = false;
    const finish = (info: { status?: number }) => {
      if (done) return;
      done = true;
      handlers.onClosed(info);
    };
    void (async () => {
      try {
        const response = await fetchImpl(url, {
          headers: { authorization: `Bearer ${token}`, accept: 'text/event-stream' },
          signal: controller.signal,
        });
        if (!response.ok || !response.body) {
          await response.body?.cancel().catch(() => undefined);
          finish({ status: response.status });
          return;
        }
        handlers.onOpen();
        const parser = new SseParser();
        const decoder = new TextDecoder();
        const reader = response.body.getReader();
        for (;;) {
          const { value, done: ended } = await reader.read();
          if (ended) break;
          for (const message of parser.push(decoder.decode(value, { stream: true }))) {
            if (done) return;
            handlers.onMessage(message);
          }
        }
        finish({});
      } catch {
        finish({});
      }
    })();
    return {
      close() {
        done = true;
        controller.abort();
      },
    };
  };
}

/** Minimal shape of the browser's EventSource that we use. */
export interface EventSourceLike {
  readyState: number;
  onopen: ((event: unknown) => void) | null;
  onerror: ((event: unknown) => void) | null;
  addEventListener(type: string, listener: (event: { data: string }) => void): void;
  close(): void;
}
export type EventSourceConstructor = new (url: string) => EventSourceLike;

/** `…/api/sync/stream` → `…/api/sync/stream-ticket` (same origin and path prefix). */
export function streamTicketUrl(streamUrl: string): string {
  const url = new URL(streamUrl);
  url.pathname = `${url.pathname.replace(/\/+$/, '')}-ticket`;
  url.search = '';
  return url.toString();
}

function parseTicket(body: unknown): string | undefined {
  const ticket = (body as { ticket?: unknown } | null)?.ticket;
  return typeof ticket === 'string' && ticket.length > 0 && ticket.length <= 128
    ? ticket
    : undefined;
}

export function eventSourceConnector(
  EventSourceImpl: EventSourceConstructor,
  fetchImpl: typeof fetch = globalThis.fetch.bind(globalThis),
): StreamConnector {
  return (url, token, handlers) => {
    let done = false;
    let source: EventSourceLike | undefined;
    const closed = (info: { status?: number }) => {
      if (done) return;
      done = true;
      source?.close();
      handlers.onClosed(info);
    };
    void (async () => {
      let ticket: string | undefined;
      try {
        const response = await fetchImpl(streamTicketUrl(url), {
          method: 'POST',
          headers: { authorization: `Bearer ${token}` },
        });
        // 401/403 (revoked, unknown token) reach the caller as a status, like the fetch reader's.
        if (!response.ok) return closed({ status: response.status });
        ticket = parseTicket(await response.json());
      } catch {
        return closed({});
      }
      if (ticket === undefined) return closed({});
      if (done) return;
      const withTicket = `${url}${url.includes('?') ? '&' : '?'}ticket=${encodeURIComponent(ticket)}`;
      const opened = new EventSourceImpl(withTicket);
      source = opened;
      opened.onopen = () => handlers.onOpen();
      for (const name of STREAM_EVENT_NAMES) {
        opened.addEventListener(name, (event) => {
          if (!done) handlers.onMessage({ event: name, data: event.data });
        });
      }
      // EventSource would reconnect by itself at its own pace, with a used ticket: we close and
      // reconnect (a new ticket) with backoff.
      opened.onerror = () => closed({});
    })();
    return {
      close() {
        done = true;
        source?.close();
      },
    };
  };
}

/** The native EventSource where there is one (browser, Electron renderer), else the fetch reader. */
export function defaultStreamConnector(fetchImpl?: typeof fetch): StreamConnector {
  const native = (globalThis as { EventSource?: EventSourceConstructor }).EventSource;
  return native ? eventSourceConnector(native, fetchImpl) : fetchStreamConnector(fetchImpl);
}
