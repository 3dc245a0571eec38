/**
 * Electron's secrets: values encrypted with `safeStorage` (macOS Keychain, Windows DPAPI,
 * Linux libsecret/kwallet) and the ciphertext kept in files under userData. On Linux without a
 * keyring, safeStorage falls back to `basic_text`, a hard-coded key: we still use it but report
 * `basic-text`, so the UI and logs can say the key is only obfuscated. The port is declared here, so
 * this module is usable by any host.
 */
import { chmod, mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { err, ok } from '../../domain/result';
import type { SecretProtection } from '../../protocol/kiosk-bridge/secrets';
import type { SecretStore } from './secret-store';

/** The part of Electron's `safeStorage` used here (declared here: shared does not depend on electron). */
export interface SafeStoragePort {
  isEncryptionAvailable(): boolean;
  encryptString(plainText: string): Buffer;
  decryptString(encrypted: Buffer): string;
  /** Linux only: `basic_text`, `gnome_libsecret`, `kwallet*` or `unknown`. */
  getSelectedStorageBackend(): string;
}

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export function protectionOf(port: SafeStoragePort, platform = process.platform): SecretProtection {
  if (platform !== 'linux') return 'os-keychain';
  const backend = port.getSelectedStorageBackend();
  return backend === 'basic_text' || backend === 'unknown' ? 'basic-text' : 'os-keychain';
}

export function createSafeStorageSecretStore(
  port: SafeStoragePort,
  userDataDir: string,
): SecretStore {
  const dir = join(userDataDir, 'secrets');
  return {
    protection: () => protectionOf(port),
    async get(name) {
      let bytes: Buffer;
      try {
        bytes = await readFile(join(dir, `${name}.bin`));
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return ok(null);
        return err({ kind: 'ioFailed', message: message(error) });
      }
      if (!port.isEncryptionAvailable())
        return err({ kind: 'unavailable', message: 'safeStorage is not available yet' });
      try {
        return ok(port.decryptString(bytes));
      } catch (error) {
        return err({ kind: 'corrupt', message: message(error) });
      }
    },
    async set(name, value) {
      if (!port.isEncryptionAvailable())
        return err({ kind: 'unavailable', message: 'safeStorage is not available yet' });
      try {
        await mkdir(dir, { recursive: true, mode: 0o700 });
        const temp = join(dir, `.${name}.tmp`);
        await writeFile(temp, port.encryptString(value), { mode: 0o600 });
        await chmod(temp, 0o600);
        await rename(temp, join(dir, `${name}.bin`));
        return ok();
      } catch (error) {
        return err({ kind: 'ioFailed', message: message(error) });
      }
    },
    async delete(name) {
      try {
        await rm(join(dir, `${name}.bin`), { force: true });
        return ok();
      } catch (error) {
        return err({ kind: 'ioFailed', message: message(error) });
      }
    },
  };
}
