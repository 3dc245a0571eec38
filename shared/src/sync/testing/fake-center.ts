/**
 * Test support: an in-memory stand-in for the center's sync endpoints (pull with ETag/304,
 * push, probe, attachment PUT) behind a `fetch` function, plus a stream connector that records
 * its connections. For client tests that need faults the real server does not produce on
 * demand (a 503 for minutes, a 500 on one row); convergence against the real server is tested
 * in sync-server.
 */
import type { CollectionName } from '../../domain/collections';
import type { PushRow, RejectedRow, WireDocument } from '../../protocol/index';
import type { StreamConnector, StreamHandlers } from '../sse';

export interface FakeRequest {
  readonly method: string;
  readonly path: string;
  readonly collection: string | null;
  readonly ifNoneMatch: string | null;
  /** Ids of pushed rows, in order (push only). */
  readonly rowIds: readonly string[];
  /** The HTTP status answered. */
  status: number;
}

export interface FakeCenterOptions {
  /** Answer a whole request with this status (e.g. 503) instead of serving it. */
  readonly outage?: (request: FakeRequest) => number | undefined;
  /**
   * How the center treats one pushed row: 'crash' makes the whole push answer 500 without
   * naming a row (as a database write failing on a NUL does); a RejectedRow kind refuses it
   * with 422 naming it.
   */
  readonly judgeRow?: (doc: WireDocument) => 'crash' | RejectedRow['kind'] | undefined;
}

export interface FakeCenter {
  readonly fetch: typeof fetch;
  readonly requests: FakeRequest[];
  /** Documents the center holds, per collection, by id. */
  readonly stored: Map<string, Map<string, WireDocument>>;
  /** Writes a center-side document (a receipt, content) into a collection's feed. */
  write(collection: CollectionName, doc: WireDocument): void;
}

const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json', ...headers },
  });

export function createFakeCenter(options: FakeCenterOptions = {}): FakeCenter {
  const requests: FakeRequest[] = [];
  const stored = new Map<string, Map<string, WireDocument>>();
  /** One feed per collection: seq is the index + 1. */
  const feeds = new Map<string, Array<{ id: string }>>();

  const feedOf = (collection: string) => {
    let feed = feeds.get(collection);
    if (!feed) feeds.set(collection, (feed = []));
    return feed;
  };
  const write = (collection: string, doc: WireDocument) => {
    let docs = stored.get(collection);
    if (!docs) stored.set(collection, (docs = new Map()));
    const id = String(doc['id']);
    docs.set(id, doc);
    const feed = feedOf(collection);
    const at = feed.findIndex((e) => e.id === id);
    if (at >= 0) feed.splice(at, 1);
    feed.push({ id });
  };

  const pull = (collection: string, url: URL, request: FakeRequest): Response => {
    const seq = Number(url.searchParams.get('seq') ?? '0');
    const limit = Number(url.searchParams.get('limit') ?? '500');
    const feed = feedOf(collection);
    const after = feed.slice(Math.min(seq, feed.length)).slice(0, limit);
    const nextSeq = Math.max(seq, Math.min(feed.length, seq + after.length));
    const documents = after.map((e) => stored.get(collection)!.get(e.id)!);
    const etag = `"${collection}.${seq}.${nextSeq}.${documents.length}"`;
    if (request.ifNoneMatch === etag) {
      request.status = 304;
      return new Response(null, { status: 304, headers: { etag } });
    }
    const checkpoint = { seq: nextSeq, id: after.at(-1)?.id ?? url.searchParams.get('id') ?? '' };
    return json(200, { documents, checkpoint }, { etag });
  };

  const push = (collection: string, rows: readonly PushRow[], request: FakeRequest): Response => {
    const judged = rows.map((row) => options.judgeRow?.(row.newDocumentState));
    if (judged.includes('crash')) {
      request.status = 500;
      return json(500, { error: { code: 'internal', message: 'internal server error' } });
    }
    const rejected: RejectedRow[] = judged.flatMap((kind, index) =>
      kind && kind !== 'crash'
        ? [
            {
              index,
              id: String(rows[index]!.newDocumentState['id']),
              kind,
              message: `refused: ${kind}`,
            },
          ]
        : [],
    );
    if (rejected.length > 0) {
      request.status = 422;
      return json(422, {
        error: { code: 'rejected_rows', message: 'rows refused', rejected },
      });
    }
    for (const row of rows) write(collection, row.newDocumentState);
    return json(200, { conflicts: [] });
  };

  const fetchImpl = async (input: RequestInfo | URL, init: RequestInit = {}) => {
    const url = new URL(typeof input === 'string' || input instanceof URL ? input : input.url);
    const method = (init.method ?? 'GET').toUpperCase();
    const headers = new Headers(init.headers);
    const match = /^\/api\/sync\/([a-z_]+)\/(pull|push)$/.exec(url.pathname);
    const body =
      method === 'POST' && typeof init.body === 'string'
        ? (JSON.parse(init.body) as { rows: PushRow[] })
        : undefined;
    const request: FakeRequest = {
      method,
      path: url.pathname,
      collection: match?.[1] ?? null,
      ifNoneMatch: headers.get('if-none-match'),
      rowIds: body?.rows.map((r) => String(r.newDocumentState['id'])) ?? [],
      status: 200,
    };
    requests.push(request);
    const outage = options.outage?.(request);
    if (outage !== undefined) {
      request.status = outage;
      return json(outage, { error: { code: 'internal', message: `HTTP ${outage}` } });
    }
    if (match?.[2] === 'pull') return pull(match[1]!, url, request);
    if (match?.[2] === 'push' && body) return push(match[1]!, body.rows, request);
    if (method === 'PUT' && url.pathname.includes('/attachments/')) {
      request.status = 204;
      return new Response(null, { status: 204 });
    }
    request.status = 404;
    return json(404, { error: { code: 'not_found', message: 'not found' } });
  };

  return { fetch: fetchImpl as typeof fetch, requests, stored, write };
}

/** A stream connector that never connects anywhere; it counts what the client opens and closes. */
export function recordingStreamConnector(): {
  readonly connector: StreamConnector;
  readonly opened: number;
  readonly open: number;
  readonly handlers: StreamHandlers[];
} {
  const state = { opened: 0, open: 0, handlers: [] as StreamHandlers[] };
  const connector: StreamConnector = (_url, _token, handlers) => {
    state.opened++;
    state.open++;
    state.handlers.push(handlers);
    let closed = false;
    return {
      close() {
        if (closed) return;
        closed = true;
        state.open--;
      },
    };
  };
  return {
    connector,
    get opened() {
      return state.opened;
    },
    get open() {
      return state.open;
    },
    handlers: state.handlers,
  };
}

/**
 * A clock whose time passes only when told: `step()` jumps to the earliest pending timer and
 * runs it. Driven by a test, it makes minutes of backoff pass in a few real milliseconds.
 */
export class SteppingClock {
  private time: number;
  private readonly timers = new Map<number, { at: number; callback: () => void }>();
  private nextId = 1;

  constructor(start: number) {
    this.time = start;
  }

  now(): number {
    return this.time;
  }

  setTimeout(callback: () => void, ms: number): unknown {
    const id = this.nextId++;
    this.timers.set(id, { at: this.time + Math.max(0, ms), callback });
    return id;
  }

  clearTimeout(handle: unknown): void {
    this.timers.delete(handle as number);
  }

  /** Runs the earliest pending timer (time jumps to it); false when none is pending. */
  step(): boolean {
    let first: [number, { at: number; callback: () => void }] | undefined;
    for (const entry of this.timers) if (!first || entry[1].at < first[1].at) first = entry;
    if (!first) return false;
    this.timers.delete(first[0]);
    this.time = Math.max(this.time, first[1].at);
    first[1].callback();
    return true;
  }
}
