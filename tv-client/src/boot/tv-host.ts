/**
 * What the TV renderer needs from its host: a place for the device token and the database
 * key. In Electron the preload provides them from safeStorage; a box running plain Chromium
 * keeps them in its own profile's localStorage (the box has one user and no other secret
 * store; the token is revocable from the console). The renderer sees only this interface.
 */
import { err, ok, type Result } from '@pls/shared/domain';
import type { KeyValueStore } from '../nav/focus-memory';

export interface TvHost {
  getDeviceToken(): Result<string | null, string>;
  setDeviceToken(token: string): Result<void, string>;
  /** A stable key for the encrypted fields of the local database (made once per box). */
  databaseKey(): Result<string, string>;
  /** Local settings (language chosen, focus memory, technician key bindings). */
  readonly settings: KeyValueStore;
}

const TOKEN = 'pls-tv-token';
const DB_KEY = 'pls-tv-db-key';

function randomHex(bytes: number): string {
  const buffer = new Uint8Array(bytes);
  crypto.getRandomValues(buffer);
  return [...buffer].map((b) => b.toString(16).padStart(2, '0')).join('');
}

export function createBrowserTvHost(storage: KeyValueStore): TvHost {
  const guard = <T>(run: () => T): Result<T, string> => {
    try {
      return ok(run());
    } catch (error) {
      return err(error instanceof Error ? error.message : String(error));
    }
  };
  return {
    getDeviceToken: () => guard(() => storage.getItem(TOKEN)),
    setDeviceToken: (token) => guard(() => storage.setItem(TOKEN, token)),
    databaseKey: () =>
      guard(() => {
        const known = storage.getItem(DB_KEY);
        if (known !== null && /^[0-9a-f]{64}$/.test(known)) return known;
        const made = randomHex(32);
        storage.setItem(DB_KEY, made);
        return made;
      }),
    settings: storage,
  };
}
