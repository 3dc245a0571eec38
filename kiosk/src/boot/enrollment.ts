/**
 * This kiosk's enrollment with the center (shared with the TV box: `@pls/shared/sync`'s
 * device enrollment). The token lives in the host's secret store (`kiosk.secrets`, Electron
 * safeStorage or the agent's 0600 file) and never in the database. A kiosk is enrolled when
 * both the token and the local record are there; with only one, staff enroll it again.
 */
import type { Result } from '@pls/shared/domain';
import type { LocalDatabase } from '@pls/shared/db';
import { describeBridgeError, type KioskApi } from '@pls/shared/protocol';
import {
  enrollDevice,
  loadDeviceEnrollment,
  type DeviceEnrolled,
  type DeviceEnrollError,
  type DeviceEnrollment,
  type DeviceTokenStore,
  type EnrollFailure,
} from '@pls/shared/sync';

export type Enrollment = DeviceEnrollment<'kiosk'>;
export type Enrolled = DeviceEnrolled<'kiosk'>;

export type EnrollError =
  | EnrollFailure
  | { readonly kind: 'notKiosk'; readonly message: string }
  | { readonly kind: 'secretStore'; readonly message: string };

export type KioskSecrets = Pick<KioskApi['secrets'], 'getDeviceToken' | 'setDeviceToken'>;

function tokenStore(secrets: KioskSecrets): DeviceTokenStore {
  return {
    get: async () => {
      const token = await secrets.getDeviceToken();
      return token.ok ? token : { ok: false, error: describeBridgeError(token.error) };
    },
    set: async (token) => {
      const stored = await secrets.setDeviceToken({ token });
      return stored.ok ? stored : { ok: false, error: describeBridgeError(stored.error) };
    },
  };
}

function kioskError(error: DeviceEnrollError): EnrollError {
  switch (error.kind) {
    case 'wrongDevice':
      return { kind: 'notKiosk', message: 'the code enrolled a TV box, not a kiosk' };
    case 'tokenStore':
      return { kind: 'secretStore', message: error.message };
    case 'unreachable':
    case 'refused':
    case 'protocol':
      return error;
  }
}

/** The stored enrollment and token, or undefined when either half is missing. */
export async function loadEnrollment(
  db: LocalDatabase,
  secrets: KioskSecrets,
): Promise<Result<Enrolled | undefined, EnrollError>> {
  const loaded = await loadDeviceEnrollment('kiosk', db, tokenStore(secrets));
  return loaded.ok ? loaded : { ok: false, error: kioskError(loaded.error) };
}

export interface EnrollInput {
  readonly serverUrl: string;
  readonly code: string;
  readonly deviceName: string;
  readonly now?: Date;
  readonly fetch?: typeof fetch;
}

/** Exchanges a one-time code for a token (stored before the record, see enrollDevice). */
export async function enrollKiosk(
  db: LocalDatabase,
  secrets: KioskSecrets,
  input: EnrollInput,
): Promise<Result<Enrolled, EnrollError>> {
  const { deviceName, ...rest } = input;
  const enrolled = await enrollDevice('kiosk', db, tokenStore(secrets), {
    ...rest,
    name: deviceName,
  });
  return enrolled.ok ? enrolled : { ok: false, error: kioskError(enrolled.error) };
}
