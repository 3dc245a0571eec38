/**
 * Several sync-server nodes on one PostgreSQL behind HAProxy, on this host: what
 * `sync-server/deploy/README.md` describes for production, runnable for the test suite, the
 * benchmark and a single-machine installation (`npm run cluster`). Nodes run the production
 * bundle (`dist/server.mjs`, built first) with TRUST_PROXY set to the balancer.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { err, ok, type Result } from '@pls/shared/domain';
import { REPOSITORY_ROOT } from '../config';
import { startChildServer, type ChildServer } from '../testing/child-server';
import { renderHaproxyConfig } from './haproxy-config';

const HAPROXY_BINARY = '/usr/sbin/haproxy';

export interface ClusterOptions {
  readonly databaseUrl: string;
  readonly nodes: number;
  /** Balancer address; port 0 picks a free one. */
  readonly host?: string;
  readonly port?: number;
  /** Extra environment for every node (LOG_LEVEL, ENROLL_RATE_LIMIT, …). */
  readonly env?: Readonly<Record<string, string>>;
}

export interface Cluster {
  /** The balancer: what devices and the console use. */
  readonly url: string;
  readonly nodes: readonly ClusterNode[];
  /**
   * Kills one node (SIGKILL: a crash). The balancer notices within two health checks (2 s);
   * requests sent to the node meanwhile are retried on another (retry-on conn-failure).
   */
  crash(index: number): Promise<void>;
  stop(): Promise<void>;
}

export interface ClusterNode {
  readonly name: string;
  readonly url: string;
  readonly server: ChildServer;
}

/**
 * HAProxy from Debian's packages, installed where apt-get can (as the project's setup does for
 * Chromium); elsewhere a message says what to install.
 */
function ensureHaproxy(): Result<string, string> {
  if (existsSync(HAPROXY_BINARY)) return ok(HAPROXY_BINARY);
  const hasApt = spawnSync('sh', ['-c', 'command -v apt-get'], { stdio: 'ignore' }).status === 0;
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (!hasApt || !isRoot) {
    return err('HAProxy is not installed: run `sudo apt-get install -y haproxy` (Debian/Ubuntu)');
  }
  const install = () =>
    spawnSync('apt-get', ['install', '-y', '--no-install-recommends', 'haproxy'], {
      stdio: 'inherit',
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    }).status === 0;
  if (!install()) {
    spawnSync('apt-get', ['update'], { stdio: 'inherit' });
    if (!install()) return err('apt-get could not install haproxy');
  }
  return existsSync(HAPROXY_BINARY) ? ok(HAPROXY_BINARY) : err('haproxy was not installed');
}

/** Two descriptors per proxied connection, and some for HAProxy itself, within `ulimit -n`. */
function connectionsWithinFdLimit(): number {
  const limit = Number(spawnSync('sh', ['-c', 'ulimit -n'], { encoding: 'utf8' }).stdout.trim());
  if (!Number.isFinite(limit) || limit <= 0) return 20_000; // "unlimited"
  return Math.max(100, Math.min(20_000, Math.floor((limit - 200) / 2)));
}

function freePort(host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, host, () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

async function waitFor(check: () => Promise<boolean>, what: string, ms = 30_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    if (await check()) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`timed out waiting for ${what}`);
}

async function answers(url: string): Promise<boolean> {
  try {
    const response = await fetch(`${url}/api/health`, { signal: AbortSignal.timeout(2000) });
    await response.arrayBuffer();
    return response.ok;
  } catch {
    return false;
  }
}

export async function startCluster(options: ClusterOptions): Promise<Cluster> {
  const haproxy = ensureHaproxy();
  if (!haproxy.ok) throw new Error(haproxy.error);
  const { buildServer } = (await import(
    join(REPOSITORY_ROOT, 'sync-server', 'scripts', 'build-server.mjs')
  )) as { buildServer(): Promise<string> };
  const bundle = await buildServer();
  const host = options.host ?? '127.0.0.1';
  const port = options.port || (await freePort(host));
  const dir = mkdtempSync(join(tmpdir(), 'pls-cluster-'));

  const nodes: ClusterNode[] = [];
  let balancer: ChildProcess | undefined;
  const stopAll = async () => {
    balancer?.kill('SIGTERM');
    await Promise.all(nodes.map((node) => node.server.stop()));
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    const started = await Promise.all(
      Array.from({ length: options.nodes }, () =>
        startChildServer(
          {
            DATABASE_URL: options.databaseUrl,
            TRUST_PROXY: host,
            ...options.env,
          },
          [],
          { bundle },
        ),
      ),
    );
    started.forEach((server, i) => nodes.push({ name: `node-${i + 1}`, url: server.url, server }));
    const config = renderHaproxyConfig({
      bindHost: host,
      bindPort: port,
      maxConnections: connectionsWithinFdLimit(),
      nodes: nodes.map((node) => {
        const url = new URL(node.url);
        return { name: node.name, host: url.hostname, port: Number(url.port) };
      }),
    });
    const configFile = join(dir, 'haproxy.cfg');
    writeFileSync(configFile, config);
    let balancerOutput = '';
    balancer = spawn(haproxy.value, ['-f', configFile, '-db'], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    balancer.stdout?.on('data', (c: Buffer) => (balancerOutput += c.toString()));
    balancer.stderr?.on('data', (c: Buffer) => (balancerOutput += c.toString()));
    const url = `http://${host}:${port}`;
    await waitFor(() => answers(url), `the balancer at ${url}:\n${balancerOutput}`);
    return {
      url,
      nodes,
      async crash(index) {
        const node = nodes[index];
        if (!node) throw new Error(`no node ${index}`);
        await node.server.stop('SIGKILL');
      },
      stop: stopAll,
    };
  } catch (error) {
    await stopAll();
    throw error;
  }
}
