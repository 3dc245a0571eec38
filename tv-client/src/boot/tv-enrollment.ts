/**
 * This box's enrollment with the center: a household's one-time code exchanged for a token
 * (shared with the kiosk: `@pls/shared/sync`'s device enrollment). The token goes to the host
 * (tv-host.ts); both it and the local record must be there, or the box asks for a code again.
 */
import type { Result } from '@pls/shared/domain';
import type { LocalDatabase } from '@pls/shared/db';
import {
  enrollDevice,
  loadDeviceEnrollment,
  type DeviceEnrolled,
  type DeviceEnrollError,
  type DeviceEnrollment,
  type DeviceTokenStore,
  type EnrollFailure,
} from '@pls/shared/sync';
import type { TvHost } from './tv-host';

export type TvEnrollment = DeviceEnrollment<'tv'>;
export type TvEnrolled = DeviceEnrolled<'tv'>;

export type TvEnrollError =
  | EnrollFailure
  | { readonly kind: 'notTv'; readonly message: string }
  | { readonly kind: 'store'; readonly message: string };

function tokenStore(host: TvHost): DeviceTokenStore {
  return { get: () => host.getDeviceToken(), set: (token) => host.setDeviceToken(token) };
}

function tvError(error: DeviceEnrollError): TvEnrollError {
  switch (error.kind) {
    case 'wrongDevice':
      return { kind: 'notTv', message: 'the code enrolled a kiosk, not a TV box' };
    case 'tokenStore':
      return { kind: 'store', message: error.message };
    case 'unreachable':
    case 'refused':
    case 'protocol':
      return error;
  }
}

export async function loadTvEnrollment(
  db: LocalDatabase,
  host: TvHost,
): Promise<Result<TvEnrolled | undefined, TvEnrollError>> {
  const loaded = await loadDeviceEnrollment('tv', db, tokenStore(host));
  return loaded.ok ? loaded : { ok: false, error: tvError(loaded.error) };
}

export async function enrollTv(
  db: LocalDatabase,
  host: TvHost,
  input: { serverUrl: string; code: string; name: string; now?: Date; fetch?: typeof fetch },
): Promise<Result<TvEnrolled, TvEnrollError>> {
  const enrolled = await enrollDevice('tv', db, tokenStore(host), input);
  return enrolled.ok ? enrolled : { ok: false, error: tvError(enrolled.error) };
}
