/**
 * `npm run cluster -- [--nodes 3] [--port 8080] [--host 127.0.0.1]`: several server nodes on the
 * PostgreSQL of DATABASE_URL behind HAProxy, on this machine (installs HAProxy with apt-get where
 * it can). Prints the balancer's URL; Ctrl-C stops everything.
 */
import { startCluster } from './cluster';

function option(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

async function main(): Promise<number> {
  const databaseUrl = process.env['DATABASE_URL'];
  if (!databaseUrl?.startsWith('postgres')) {
    console.error('cluster: set DATABASE_URL=postgres://… (PGlite is one process: no cluster)');
    return 2;
  }
  const nodes = Number(option('nodes') ?? '3');
  const port = Number(option('port') ?? '8080');
  if (!Number.isInteger(nodes) || nodes < 1 || nodes > 32) {
    console.error('cluster: --nodes must be 1–32');
    return 2;
  }
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    console.error('cluster: --port must be 0–65535');
    return 2;
  }
  const cluster = await startCluster({
    databaseUrl,
    nodes,
    port,
    host: option('host') ?? '127.0.0.1',
  });
  for (const node of cluster.nodes) console.log(`${node.name}: ${node.url}`);
  console.log(`cluster ready at ${cluster.url} (${nodes} nodes behind HAProxy)`);
  const stop = () => void cluster.stop().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  return -1;
}

main().then(
  (code) => {
    if (code >= 0) process.exit(code);
  },
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
