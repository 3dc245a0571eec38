/**
 * The browser's way onto the event stream against the real server: EventSource sends no
 * headers, so the client fetches a one-time ticket with its bearer token and only the ticket
 * goes into the URL. The fake EventSource below is what a browser's is to the server: a GET of
 * the URL with no Authorization header.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SseParser, eventSourceConnector, type EventSourceLike } from '@pls/shared/sync';
import type { EnrollResponse } from '@pls/shared/protocol';
import { TEST_STATIONS, startTestServer, type TestServer } from './testing/test-server';

const opened: string[] = [];

class HeaderlessEventSource implements EventSourceLike {
  readyState = 0;
  onopen: ((event: unknown) => void) | null = null;
  onerror: ((event: unknown) => void) | null = null;
  private readonly listeners = new Map<string, (event: { data: string }) => void>();
  private readonly abort = new AbortController();

  constructor(url: string) {
    opened.push(url);
    void this.read(url);
  }

  private async read(url: string): Promise<void> {
    try {
      const response = await fetch(url, { signal: this.abort.signal });
      if (!response.ok || !response.body) throw new Error(String(response.status));
      this.readyState = 1;
      this.onopen?.({});
      const parser = new SseParser();
      const decoder = new TextDecoder();
      const reader = response.body.getReader();
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        for (const message of parser.push(decoder.decode(value, { stream: true }))) {
          this.listeners.get(message.event)?.({ data: message.data });
        }
      }
    } catch {
      if (!this.abort.signal.aborted) this.onerror?.({});
    }
  }

  addEventListener(type: string, listener: (event: { data: string }) => void): void {
    this.listeners.set(type, listener);
  }

  close(): void {
    this.readyState = 2;
    this.abort.abort();
  }
}

describe('event stream from a browser (one-time ticket)', () => {
  let server: TestServer;
  let kiosk: EnrollResponse;
  beforeAll(async () => {
    server = await startTestServer('pglite');
    kiosk = await server.enroll('kiosk', TEST_STATIONS.xilinhot.id);
  });
  afterAll(() => server?.close());

  it('opens with a ticket in the URL, never the token, and the ticket works once', async () => {
    const connect = eventSourceConnector(HeaderlessEventSource);
    const hello = await new Promise<string>((resolve, reject) => {
      const connection = connect(`${server.url}/api/sync/stream`, kiosk.token, {
        onOpen: () => undefined,
        onMessage: (message) => {
          if (message.event === 'hello') {
            connection.close();
            resolve(message.data);
          }
        },
        onClosed: (info) => reject(new Error(`closed ${info.status ?? ''}`)),
      });
    });
    expect(JSON.parse(hello)).toMatchObject({ deviceId: kiosk.deviceId });
    const url = opened.at(-1)!;
    expect(url).toMatch(/[?&]ticket=/);
    expect(url).not.toContain(encodeURIComponent(kiosk.token));
    expect(url).not.toContain(kiosk.token);
    const replay = await fetch(url);
    expect(replay.status).toBe(401);
    await replay.arrayBuffer();
  });

  it('reports a revoked or unknown token as the status of the ticket request', async () => {
    const connect = eventSourceConnector(HeaderlessEventSource);
    const before = opened.length;
    const info = await new Promise<{ status?: number }>((resolve) => {
      connect(`${server.url}/api/sync/stream`, 'not-a-token', {
        onOpen: () => undefined,
        onMessage: () => undefined,
        onClosed: resolve,
      });
    });
    expect(info.status).toBe(401);
    expect(opened.length).toBe(before);
  });
});
