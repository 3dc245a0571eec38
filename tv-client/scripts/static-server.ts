/**
 * Serves the built TV renderer (tv-client/dist/renderer) over loopback HTTP, as a box running
 * plain Chromium loads it, with runtime-config.json naming the sync server. Used by
 * `npm start` (scripts/start.ts) and by the TV e2e suite. Only files inside the directory are
 * served; anything else is 404.
 */
import { createServer, type Server } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';

const TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ogg': 'audio/ogg',
  '.mp4': 'video/mp4',
  '.webm': 'video/webm',
};

export interface ServedTv {
  readonly url: string;
  close(): Promise<void>;
}

export async function serveTvRenderer(options: {
  readonly dir: string;
  readonly port: number;
  readonly syncServerUrl?: string;
}): Promise<ServedTv> {
  const root = normalize(options.dir);
  const server: Server = createServer((request, response) => {
    const path = decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname);
    if (path === '/runtime-config.json' && options.syncServerUrl) {
      response.writeHead(200, { 'content-type': TYPES['.json']!, 'cache-control': 'no-store' });
      response.end(JSON.stringify({ syncServerUrl: options.syncServerUrl }));
      return;
    }
    const file = normalize(join(root, path === '/' ? 'index.html' : path));
    if (!file.startsWith(root + sep)) {
      response.writeHead(404).end();
      return;
    }
    readFile(file).then(
      (body) => {
        response.writeHead(200, {
          'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
          'cache-control': file.endsWith('index.html') ? 'no-cache' : 'max-age=31536000, immutable',
        });
        response.end(body);
      },
      () => response.writeHead(404).end(),
    );
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, '127.0.0.1', () => resolve());
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : options.port;
  return {
    url: `http://127.0.0.1:${port}/`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
