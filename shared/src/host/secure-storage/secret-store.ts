/**
 * Secrets at rest on the kiosk: the device token (sync authentication) and the key RxDB uses to
 * encrypt personal data in the renderer's IndexedDB. One interface, two stores: Electron's
 * safeStorage (OS keychain / DPAPI / libsecret) and, for the agent, a key file.
 */
import { err, ok, type Result } from '../../domain/result';
import type {
  DatabaseKey,
  SecretError,
  SecretProtection,
} from '../../protocol/kiosk-bridge/secrets';

export const SECRET_NAMES = ['deviceToken', 'databaseKey'] as const;
export type SecretName = (typeof SECRET_NAMES)[number];

export interface SecretStore {
  readonly protection: () => SecretProtection;
  get(name: SecretName): Promise<Result<string | null, SecretError>>;
  set(name: SecretName, value: string): Promise<Result<void, SecretError>>;
  delete(name: SecretName): Promise<Result<void, SecretError>>;
}

export interface SecretsService {
  getDatabaseKey(): Promise<Result<DatabaseKey, SecretError>>;
  getDeviceToken(): Promise<Result<string | null, SecretError>>;
  setDeviceToken(token: string): Promise<Result<void, SecretError>>;
  clearDeviceToken(): Promise<Result<void, SecretError>>;
}

function randomHex(bytes: number): string {
  const buffer = new Uint8Array(bytes);
  globalThis.crypto.getRandomValues(buffer);
  return [...buffer].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/**
 * The database key is made once, on first use, and never changes: losing it loses the
 * encrypted data on this kiosk (which the center already has or will get from the outbox only
 * if the key is back), so a corrupt key is reported, never silently replaced.
 */
export function createSecretsService(store: SecretStore): SecretsService {
  let creating: Promise<Result<DatabaseKey, SecretError>> | undefined;
  return {
    getDatabaseKey() {
      creating ??= (async () => {
        const existing = await store.get('databaseKey');
        if (!existing.ok) return existing;
        if (existing.value !== null) {
          if (!/^[0-9a-f]{64}$/.test(existing.value)) {
            return err({ kind: 'corrupt', message: 'stored database key is malformed' } as const);
          }
          return ok({ key: existing.value, protection: store.protection() });
        }
        const key = randomHex(32);
        const saved = await store.set('databaseKey', key);
        return saved.ok ? ok({ key, protection: store.protection() }) : saved;
      })();
      const pending = creating;
      // A failure is not cached: the next call tries again (e.g. the keyring unlocked).
      void pending.then((r) => {
        if (!r.ok && creating === pending) creating = undefined;
      });
      return pending;
    },
    getDeviceToken: () => store.get('deviceToken'),
    setDeviceToken: (token) => store.set('deviceToken', token),
    clearDeviceToken: () => store.delete('deviceToken'),
  };
}
