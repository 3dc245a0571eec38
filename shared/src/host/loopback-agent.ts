/**
 * A device agent's server: a host's services for a renderer running in plain Chromium. Listens
 * on loopback only; HTTP serves the renderer's built files (with the agent token put into
 * index.html), the WebSocket at /agent carries the bridge as JSON-RPC. What the calls mean is
 * the caller's (`AgentCallHandler`): the kiosk agent dispatches them to its device services.
 *
 * Who may connect: only a client that presents the token (a 256-bit random value made at each
 * start) — other local users' programs and web pages cannot. The Host header must name the
 * loopback address (defeats DNS rebinding, which would otherwise let a web page read the token
 * from index.html), and a browser client's Origin must be the agent's own.
 */
import { createReadStream, existsSync, readFileSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, sep } from 'node:path';
import { WebSocketServer, type WebSocket } from 'ws';
import type { Result } from '../domain/result';
import {
  AGENT_MAX_PAYLOAD,
  AGENT_PATH,
  AGENT_SUBPROTOCOL,
  parseRpcRequest,
  RPC_ERRORS,
  type RpcResponse,
} from '../protocol/kiosk-bridge/agent-wire';
import {
  AGENT_LOOPBACK,
  allowedHosts,
  injectToken,
  tokenFromProtocols,
  tokenMatches,
} from './agent-token';

/** A call the caller got wrong, as the JSON-RPC error it is answered with. */
export interface AgentCallRefusal {
  readonly code: number;
  readonly message: string;
  readonly data?: unknown;
}

/** What the agent serves: calls (a throw is a service bug) and pushed events. */
export interface AgentCallHandler {
  call(method: string, params: unknown): Promise<Result<unknown, AgentCallRefusal>>;
  subscribe(listener: (event: unknown) => void): () => void;
}

export interface LoopbackAgentOptions {
  readonly handler: AgentCallHandler;
  readonly token: string;
  /** 0 picks a free port (tests). */
  readonly port: number;
  /** Built renderer; `placeholder(token)` is served while it is missing. */
  readonly rendererDir?: string;
  readonly placeholder: (token: string) => string;
  readonly log?: (line: string) => void;
}

export interface RunningAgent {
  readonly port: number;
  readonly url: string;
  readonly wsUrl: string;
  close(): Promise<void>;
}

const LOOPBACK = AGENT_LOOPBACK;

const TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.ogg': 'audio/ogg',
  '.wasm': 'application/wasm',
  '.ico': 'image/x-icon',
};

export async function startLoopbackAgent(options: LoopbackAgentOptions): Promise<RunningAgent> {
  const log = options.log ?? (() => {});
  let port = options.port;
  const sockets = new Set<WebSocket>();

  const serveFile = (req: IncomingMessage, res: ServerResponse) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    const dir = options.rendererDir;
    if (dir === undefined || !existsSync(join(dir, 'index.html'))) {
      res.writeHead(200, { 'content-type': TYPES['.html']!, 'cache-control': 'no-store' });
      res.end(options.placeholder(options.token));
      return;
    }
    let file = normalize(join(dir, path));
    if (!file.startsWith(normalize(dir) + sep) && file !== normalize(dir)) {
      res.writeHead(403).end();
      return;
    }
    // Client-side routes fall back to index.html.
    if (!existsSync(file) || statSync(file).isDirectory()) file = join(dir, 'index.html');
    const type = TYPES[extname(file)] ?? 'application/octet-stream';
    if (file.endsWith('index.html')) {
      res.writeHead(200, { 'content-type': type, 'cache-control': 'no-store' });
      res.end(injectToken(readFileSync(file, 'utf8'), options.token));
      return;
    }
    res.writeHead(200, { 'content-type': type });
    createReadStream(file).pipe(res);
  };

  const server: Server = createServer((req, res) => {
    if (!allowedHosts(port).includes(req.headers.host ?? '')) {
      res.writeHead(421, { 'content-type': 'text/plain' }).end('wrong host');
      return;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405).end();
      return;
    }
    res.setHeader('x-content-type-options', 'nosniff');
    res.setHeader('referrer-policy', 'no-referrer');
    serveFile(req, res);
  });

  const wss = new WebSocketServer({
    noServer: true,
    maxPayload: AGENT_MAX_PAYLOAD,
    handleProtocols: (protocols) => (protocols.has(AGENT_SUBPROTOCOL) ? AGENT_SUBPROTOCOL : false),
  });

  server.on('upgrade', (req, socket, head) => {
    const reject = (status: number, reason: string) => {
      log(`agent: refused a WebSocket (${reason})`);
      socket.end(`HTTP/1.1 ${status} ${reason}\r\nConnection: close\r\n\r\n`);
    };
    const url = new URL(req.url ?? '/', 'http://x');
    if (url.pathname !== AGENT_PATH) return reject(404, 'Not Found');
    if (!allowedHosts(port).includes(req.headers.host ?? ''))
      return reject(421, 'Misdirected Request');
    const origin = req.headers.origin;
    if (origin !== undefined && !allowedHosts(port).some((h) => origin === `http://${h}`)) {
      return reject(403, 'Forbidden');
    }
    const protocols = req.headers['sec-websocket-protocol'];
    if (!tokenMatches(options.token, tokenFromProtocols(protocols)))
      return reject(401, 'Unauthorized');
    wss.handleUpgrade(req, socket, head, (ws) => wss.emit('connection', ws, req));
  });

  wss.on('connection', (ws: WebSocket) => {
    sockets.add(ws);
    const unsubscribe = options.handler.subscribe((event) => {
      if (ws.readyState === ws.OPEN)
        ws.send(JSON.stringify({ jsonrpc: '2.0', method: 'event', params: event }));
    });
    ws.on('close', () => {
      unsubscribe();
      sockets.delete(ws);
    });
    ws.on('message', async (data) => {
      const reply = (response: RpcResponse) => {
        if (ws.readyState === ws.OPEN) ws.send(JSON.stringify(response));
      };
      const parsed = parseRpcRequest(data.toString());
      if (!parsed.ok) return reply(parsed.response);
      const { id, method, params } = parsed.request;
      try {
        const outcome = await options.handler.call(method, params);
        return reply(
          outcome.ok
            ? { jsonrpc: '2.0', id, result: outcome.value }
            : { jsonrpc: '2.0', id, error: outcome.error },
        );
      } catch (error) {
        // A bug in a service: logged here, reported without details (they may carry PII).
        log(
          `agent: ${method} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
        );
        return reply({
          jsonrpc: '2.0',
          id,
          error: { code: RPC_ERRORS.internal, message: `${method} failed` },
        });
      }
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, LOOPBACK, () => resolve());
  });
  port = (server.address() as AddressInfo).port;
  return {
    port,
    url: `http://${LOOPBACK}:${port}/`,
    wsUrl: `ws://${LOOPBACK}:${port}${AGENT_PATH}`,
    async close() {
      for (const ws of sockets) ws.terminate();
      wss.close();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
