/**
 * The device agent: `tsx kiosk/agent/main.ts [--simulate-reader] [--port=5710]
 * [--data-dir=DIR] [--receipt-printer=QUEUE] [--a4-printer=QUEUE]`.
 * Serves the kiosk renderer on http://127.0.0.1:<port>/ and the bridge on /agent. Its files
 * (token, database key) live in `--data-dir`, by default `<data root>/agent` where the data root
 * is DATA_DIR or `<repo>/data` (the sync server's root too). The token is new at every start;
 * it is written to <data-dir>/agent-token (0600) for local tools.
 */
import { resolve, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  agentDataDir,
  createFileSecretStore,
  newAgentToken,
  resolveDataRoot,
  writeAgentToken,
} from '@pls/shared/host';
import { AGENT_DEFAULT_PORT } from '@pls/shared/protocol';
import { composeKioskHost } from '../host/compose-kiosk-host';
import { createChromiumPageEngine, createCupsOutput } from '../host/print';
import { startAgent } from './agent-server';

export interface AgentArgs {
  readonly simulateReader: boolean;
  readonly port: number;
  readonly dataDir: string;
  readonly receiptPrinter?: string;
  readonly a4Printer?: string;
}

export function parseAgentArgs(
  argv: readonly string[],
  repoRoot: string,
  env: Readonly<Record<string, string | undefined>> = process.env,
): AgentArgs {
  const value = (name: string) =>
    argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
  const port = Number(value('port') ?? env['KIOSK_AGENT_PORT'] ?? String(AGENT_DEFAULT_PORT));
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`bad --port: ${port}`);
  const receiptPrinter = value('receipt-printer') ?? env['KIOSK_RECEIPT_PRINTER'];
  const a4Printer = value('a4-printer') ?? env['KIOSK_A4_PRINTER'];
  return {
    simulateReader: argv.includes('--simulate-reader'),
    port,
    dataDir: resolve(value('data-dir') ?? agentDataDir(resolveDataRoot(env, repoRoot))),
    ...(receiptPrinter ? { receiptPrinter } : {}),
    ...(a4Printer ? { a4Printer } : {}),
  };
}

async function main(): Promise<void> {
  const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
  const args = parseAgentArgs(process.argv.slice(2), repoRoot);
  const token = newAgentToken();
  const tokenFile = await writeAgentToken(args.dataDir, token);
  const node = composeKioskHost(
    {
      repoRoot,
      simulateReader: args.simulateReader,
      printers: {
        ...(args.receiptPrinter ? { receipt: args.receiptPrinter } : {}),
        ...(args.a4Printer ? { a4: args.a4Printer } : {}),
      },
    },
    {
      secretStore: createFileSecretStore(args.dataDir),
      pageEngine: createChromiumPageEngine(),
      printerOutput: createCupsOutput(),
    },
  );
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
