/**
 * The load balancer in front of several sync-server nodes on one PostgreSQL: HAProxy from
 * Debian (2.6). Why HAProxy rather than nginx: the free nginx has only passive health checks
 * (a node is marked down after requests to it failed), HAProxy checks `/api/health` actively and
 * cuts the event streams of a node that went down, so its devices reconnect to a live one at once.
 * Pure: renders the configuration text; `cluster.ts` runs it.
 */
import { STREAM_HEARTBEAT_SECONDS } from '@pls/shared/protocol';

export interface BalancedNode {
  readonly name: string;
  readonly host: string;
  readonly port: number;
}

export interface HaproxyOptions {
  readonly bindHost: string;
  readonly bindPort: number;
  readonly nodes: readonly BalancedNode[];
  /**
   * Most connections the balancer holds at once (event streams are one per device in use).
   * HAProxy needs two file descriptors per connection, within the process's limit (`ulimit -n`).
   */
  readonly maxConnections?: number;
}

const NAME = /^[a-z][a-z0-9-]{0,31}$/;
const HOST = /^[0-9a-zA-Z.:-]{1,253}$/;

function checkPort(port: number, what: string): void {
  if (!Number.isInteger(port) || port < 1 || port > 65535) {
    throw new Error(`${what} port ${port} is not 1–65535`);
  }
}

export function renderHaproxyConfig(options: HaproxyOptions): string {
  if (options.nodes.length === 0) throw new Error('a balancer needs at least one node');
  checkPort(options.bindPort, 'bind');
  if (!HOST.test(options.bindHost)) throw new Error(`bind host "${options.bindHost}" is not valid`);
  const names = new Set<string>();
  for (const node of options.nodes) {
    if (!NAME.test(node.name) || names.has(node.name)) {
      throw new Error(`node name "${node.name}" is not a unique lower-case name`);
    }
    names.add(node.name);
    if (!HOST.test(node.host)) throw new Error(`node host "${node.host}" is not valid`);
    checkPort(node.port, node.name);
  }
  // An idle event stream carries a heartbeat every STREAM_HEARTBEAT_SECONDS: three missed
  // heartbeats end it, anything shorter would cut healthy streams.
  const streamIdle = STREAM_HEARTBEAT_SECONDS * 3;
  const maxconn = options.maxConnections ?? 20_000;
  return [
    'global',
    `  maxconn ${maxconn}`,
    '',
    'defaults',
    '  mode http',
    // Clients' addresses reach the nodes in X-Forwarded-For (nodes run with TRUST_PROXY).
    '  option forwardfor',
    '  timeout connect 3s',
    // A request's headers must arrive within 10 s: a trickled request cannot hold a socket.
    '  timeout http-request 10s',
    '  timeout http-keep-alive 15s',
    `  timeout client ${streamIdle}s`,
    `  timeout server ${streamIdle}s`,
    '  timeout queue 10s',
    // A request that could not reach a node (refused, reset before any answer) goes to another.
    // Pushes are idempotent (a replay is a no-op), so retrying them is safe.
    '  retries 2',
    '  option redispatch',
    '  retry-on conn-failure empty-response',
    '',
    'frontend sync',
    `  bind ${options.bindHost}:${options.bindPort}`,
    '  http-request set-header X-Forwarded-Proto http',
    '  default_backend nodes',
    '',
    'backend nodes',
    // Event streams live for hours: spread them by open connections, not by request count.
    '  balance leastconn',
    '  option httpchk GET /api/health',
    '  http-check expect status 200',
    // Checked every second; down after 2 failures; its streams cut so devices reconnect elsewhere.
    '  default-server inter 1s fall 2 rise 2 on-marked-down shutdown-sessions',
    ...options.nodes.map(
      (node) => `  server ${node.name} ${node.host}:${node.port} check maxconn ${maxconn}`,
    ),
    '',
  ].join('\n');
}
