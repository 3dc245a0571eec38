/**
 * Who may talk to a loopback device agent: only a client that presents its token (256 random
 * bits made at each start, handed to the page the agent serves and written 0600 for local
 * tools), from the agent's own Host and Origin (defeats DNS rebinding, which would otherwise let
 * a web page read the token from index.html). Generic: a TV agent checks callers the same way.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { chmod, mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { TOKEN_META_NAME, TOKEN_PROTOCOL_PREFIX } from '../protocol/kiosk-bridge/agent-wire';

export const AGENT_LOOPBACK = '127.0.0.1';
export const AGENT_TOKEN_FILE = 'agent-token';

export function newAgentToken(): string {
  return randomBytes(32).toString('hex');
}

/** Writes the token to `<dir>/agent-token`, readable by this OS user only; returns the path. */
export async function writeAgentToken(dir: string, token: string): Promise<string> {
  await mkdir(dir, { recursive: true, mode: 0o700 });
  const file = join(dir, AGENT_TOKEN_FILE);
  await writeFile(file, token, { mode: 0o600 });
  // writeFile's mode applies only when it creates the file.
  await chmod(file, 0o600);
  return file;
}

export function tokenMatches(expected: string, presented: string | undefined): boolean {
  if (presented === undefined) return false;
  const a = Buffer.from(expected);
  const b = Buffer.from(presented);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** The token from `Sec-WebSocket-Protocol: kiosk-agent.v1, token.<hex>`. */
export function tokenFromProtocols(header: string | undefined): string | undefined {
  return header
    ?.split(',')
    .map((p) => p.trim())
    .find((p) => p.startsWith(TOKEN_PROTOCOL_PREFIX))
    ?.slice(TOKEN_PROTOCOL_PREFIX.length);
}

export function allowedHosts(port: number): string[] {
  return [`${AGENT_LOOPBACK}:${port}`, `localhost:${port}`];
}

export function injectToken(html: string, token: string): string {
  const meta = `<meta name="${TOKEN_META_NAME}" content="${token}">`;
  return html.includes('</head>') ? html.replace('</head>', `${meta}</head>`) : meta + html;
}
