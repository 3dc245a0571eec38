/**
 * One data root per machine: `DATA_DIR` when set (relative to where the command was typed, as
 * npm reports it in INIT_CWD), `<repo>/data` otherwise. The sync server keeps its database
 * there; a device agent keeps its token and key file in `<root>/agent`.
 */
import { isAbsolute, join, resolve } from 'node:path';

export function resolveDataRoot(
  env: Readonly<Record<string, string | undefined>>,
  repoRoot: string,
  cwd: string = process.cwd(),
): string {
  const setting = env['DATA_DIR'];
  if (!setting) return join(repoRoot, 'data');
  return isAbsolute(setting) ? setting : resolve(env['INIT_CWD'] ?? cwd, setting);
}

/** Where a device agent keeps its files under the data root. */
export function agentDataDir(dataRoot: string): string {
  return join(dataRoot, 'agent');
}
