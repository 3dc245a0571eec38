/**
 * The agent's secrets: one file per secret under `<dataDir>/secrets/`, the directory 0700 and
 * the files 0600, written atomically (temp file + rename).
 *
 * What this protects against, honestly: other non-root users of the PC reading the key, and a
 * secret ending up in logs or the renderer's storage. It does NOT protect against root, against
 * malware running as the kiosk's user, or against someone who takes the disk (use full-disk
 * encryption for that); the key is in plain text in the file. Electron's safeStorage is better
 * where it has an OS keyring.
 */
import { chmod, mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { err, ok } from '../../domain/result';
import type { SecretStore } from './secret-store';

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export function createFileSecretStore(dataDir: string): SecretStore {
  const dir = join(dataDir, 'secrets');
  const ready = async () => {
    await mkdir(dir, { recursive: true, mode: 0o700 });
    // mkdir's mode is masked by umask and ignored for an existing directory.
    await chmod(dir, 0o700);
  };
  return {
    protection: () => 'file-0600',
    async get(name) {
      try {
        return ok((await readFile(join(dir, name), 'utf8')).trim());
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return ok(null);
        return err({ kind: 'ioFailed', message: message(error) });
      }
    },
    async set(name, value) {
      try {
        await ready();
        const temp = join(dir, `.${name}.${process.pid}.tmp`);
        await writeFile(temp, value, { mode: 0o600 });
        await chmod(temp, 0o600);
        await rename(temp, join(dir, name));
        return ok();
      } catch (error) {
        return err({ kind: 'ioFailed', message: message(error) });
      }
    },
    async delete(name) {
      try {
        await rm(join(dir, name), { force: true });
        return ok();
      } catch (error) {
        return err({ kind: 'ioFailed', message: message(error) });
      }
    },
  };
}
