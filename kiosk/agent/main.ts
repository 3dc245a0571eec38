/**
 * The device agent: `tsx kiosk/agent/main.ts [--simulate-reader] [--port=5710]
 * [--data-dir=data/agent] [--receipt-printer=QUEUE] [--a4-printer=QUEUE]`.
 * Serves the kiosk renderer on http://127.0.0.1:<port>/ and the bridge on /agent. The token is
 * new at every start; it is written to <data-dir>/agent-token (0600) for local tools.
 */
import { randomBytes } from 'node:crypto';
import { chmod, mkdir, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startAgent } from './agent-server';
import { composeNodeHost } from './compose-services';

export interface AgentArgs {
  readonly simulateReader: boolean;
  readonly port: number;
  readonly dataDir: string;
  readonly receiptPrinter?: string;
  readonly a4Printer?: string;
}

export function parseAgentArgs(argv: readonly string[], repoRoot: string): AgentArgs {
  const value = (name: string) =>
    argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
  const port = Number(value('port') ?? process.env['KIOSK_AGENT_PORT'] ?? '5710');
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`bad --port: ${port}`);
  const receiptPrinter = value('receipt-printer') ?? process.env['KIOSK_RECEIPT_PRINTER'];
  const a4Printer = value('a4-printer') ?? process.env['KIOSK_A4_PRINTER'];
  return {
    simulateReader: argv.includes('--simulate-reader'),
    port,
    dataDir: resolve(value('data-dir') ?? join(repoRoot, 'data', 'agent')),
    ...(receiptPrinter ? { receiptPrinter } : {}),
    ...(a4Printer ? { a4Printer } : {}),
  };
}

async function main(): Promise<void> {
  const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
  const args = parseAgentArgs(process.argv.slice(2), repoRoot);
  await mkdir(args.dataDir, { recursive: true, mode: 0o700 });
  const token = randomBytes(32).toString('hex');
  const tokenFile = join(args.dataDir, 'agent-token');
  await writeFile(tokenFile, token, { mode: 0o600 });
  await chmod(tokenFile, 0o600);

  const node = composeNodeHost({
    repoRoot,
    dataDir: args.dataDir,
    simulateReader: args.simulateReader,
    printers: {
      ...(args.receiptPrinter ? { receipt: args.receiptPrinter } : {}),
      ...(args.a4Printer ? { a4: args.a4Printer } : {}),
    },
  });
  const agent = await startAgent({
    host: node.host,
    token,
    port: args.port,
    rendererDir: join(repoRoot, 'kiosk', 'dist', 'renderer'),
    log: (line) => console.error(line),
  });
  console.log(
    `device agent: ${agent.url} (reader: ${args.simulateReader ? 'simulated, --simulate-reader' : 'hardware'}; token in ${tokenFile})`,
  );
  const stop = async () => {
    await agent.close();
    await node.dispose();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop());
  process.on('SIGTERM', () => void stop());
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
