/**
 * `npm run admin -- <command>`: honours DATA_DIR / DATABASE_URL like the server. With
 * PostgreSQL it connects directly. With PGlite it never opens files a running server holds:
 * it sends the command to that server (loopback admin RPC) or, when none runs, takes the data
 * directory's lock itself for the duration of the command.
 */
import { isAbsolute, resolve } from 'node:path';
import { loadConfig } from '../config';
import { acquireLock, lockHolder } from '../db/data-dir-lock';
import { openDatabase } from '../db/open-database';
import { runAdminCommand, type AdminOutput } from './admin-commands';

async function viaServer(url: string, adminToken: string, argv: string[]): Promise<AdminOutput> {
  const response = await fetch(`${url}/api/admin/rpc`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-admin-token': adminToken },
    body: JSON.stringify({ argv }),
  });
  const body = (await response.json()) as AdminOutput | { error: { message: string } };
  if ('error' in body) return { exitCode: 1, output: [`error: ${body.error.message}`] };
  return body;
}

async function direct(
  config: Exclude<ReturnType<typeof loadConfig>, string>,
  argv: string[],
): Promise<AdminOutput> {
  const db = await openDatabase(config.database);
  try {
    return await runAdminCommand(argv, {
      db,
      contentDir: config.contentDir,
      now: () => new Date(),
    });
  } finally {
    await db.close();
  }
}

async function main(): Promise<number> {
  const config = loadConfig();
  if (typeof config === 'string') {
    console.error(`admin: ${config}`);
    return 2;
  }
  const argv = process.argv.slice(2);
  // A file named on the command line is read by whichever process runs the command.
  if (argv[0] === 'publish' && argv[2] && !isAbsolute(argv[2])) {
    argv[2] = resolve(process.env['INIT_CWD'] ?? process.cwd(), argv[2]);
  }
  let result: AdminOutput;
  if (config.database.kind === 'postgres') {
    result = await direct(config, argv);
  } else {
    const holder = lockHolder(config.dataDir);
    if (holder) {
      if (!holder.url || !holder.adminToken) {
        console.error(
          `admin: the server (pid ${holder.pid}) is still starting; try again in a moment`,
        );
        return 1;
      }
      result = await viaServer(holder.url, holder.adminToken, argv);
    } else {
      const lock = acquireLock(config.dataDir);
      if (!lock.ok) {
        console.error(`admin: ${config.dataDir} is in use by process ${lock.error.pid}; try again`);
        return 1;
      }
      try {
        result = await direct(config, argv);
      } finally {
        lock.value.release();
      }
    }
  }
  const stream = result.exitCode === 0 ? process.stdout : process.stderr;
  for (const line of result.output) stream.write(`${line}\n`);
  return result.exitCode;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error('admin failed:', error);
    process.exit(1);
  },
);
