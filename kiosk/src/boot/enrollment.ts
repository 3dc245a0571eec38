/**
 * This kiosk's enrollment with the center. The token lives in the host's secret store
 * (`kiosk.secrets`, Electron safeStorage or the agent's 0600 file) and never in the database;
 * what the kiosk needs to know about itself (device id, tracking-code tag, station, server)
 * is a local document, which holds nothing personal.
 *
 * A kiosk is enrolled when both halves are there. With only one (a new browser profile, a
 * wiped secret store) it is treated as not enrolled and staff enroll it again: guessing the
 * missing half could make two kiosks share a tracking-code tag.
 */
import { err, isDeviceTag, isSlug, ok, type Result } from '@pls/shared/domain';
import {
  LOCAL_KEYS,
  readLocalValue,
  writeLocalValue,
  type LocalDatabase,
  type LocalValue,
} from '@pls/shared/db';
import { describeBridgeError, type KioskApi } from '@pls/shared/protocol';
import { enrollWithServer, type EnrollFailure } from '@pls/shared/sync';

export interface Enrollment {
  readonly deviceId: string;
  /** Prefix of this kiosk's tracking codes. */
  readonly deviceTag: string;
  readonly stationId: string;
  readonly regionCode: string;
  readonly serverUrl: string;
  readonly enrolledAt: string;
}

export interface Enrolled {
  readonly enrollment: Enrollment;
  readonly token: string;
}

export type EnrollError =
  | EnrollFailure
  | { readonly kind: 'notKiosk'; readonly message: string }
  | { readonly kind: 'secretStore'; readonly message: string };

export type KioskSecrets = Pick<KioskApi['secrets'], 'getDeviceToken' | 'setDeviceToken'>;

export function parseEnrollment(value: LocalValue): Enrollment | undefined {
  const { deviceId, deviceTag, stationId, regionCode, serverUrl, enrolledAt } = value;
  if (
    typeof deviceId !== 'string' ||
    !isSlug(deviceId) ||
    typeof deviceTag !== 'string' ||
    !isDeviceTag(deviceTag) ||
    typeof stationId !== 'string' ||
    !isSlug(stationId) ||
    typeof regionCode !== 'string' ||
    !/^\d{0,6}$/.test(regionCode) ||
    typeof serverUrl !== 'string' ||
    !/^https?:\/\//.test(serverUrl) ||
    typeof enrolledAt !== 'string' ||
    Number.isNaN(Date.parse(enrolledAt))
  ) {
    return undefined;
  }
  return { deviceId, deviceTag, stationId, regionCode, serverUrl, enrolledAt };
}

/** The stored enrollment and token, or undefined when either half is missing. */
export async function loadEnrollment(
  db: LocalDatabase,
  secrets: KioskSecrets,
): Promise<Result<Enrolled | undefined, EnrollError>> {
  const enrollment = await readLocalValue(db, LOCAL_KEYS.enrollment, parseEnrollment);
  const token = await secrets.getDeviceToken();
  if (!token.ok) return err({ kind: 'secretStore', message: describeBridgeError(token.error) });
  if (enrollment === undefined || token.value === null) return ok(undefined);
  return ok({ enrollment, token: token.value });
}

export interface EnrollInput {
  readonly serverUrl: string;
  readonly code: string;
  readonly deviceName: string;
  readonly now?: Date;
  readonly fetch?: typeof fetch;
}

/**
 * Exchanges a one-time code for a token. The token is stored before the enrollment record: if
 * the second write fails the kiosk is "not enrolled" again (a token alone counts for nothing),
 * never enrolled without a way to authenticate.
 */
export async function enrollKiosk(
  db: LocalDatabase,
  secrets: KioskSecrets,
  input: EnrollInput,
): Promise<Result<Enrolled, EnrollError>> {
  const response = await enrollWithServer(
    input.serverUrl,
    { code: input.code, kind: 'kiosk', name: input.deviceName },
    ...(input.fetch ? [input.fetch] : []),
  );
  if (!response.ok) return response;
  const { deviceId, deviceTag, token, scope } = response.value;
  if (scope.kind !== 'kiosk') {
    return err({ kind: 'notKiosk', message: 'the code enrolled a TV box, not a kiosk' });
  }
  const enrollment: Enrollment = {
    deviceId,
    deviceTag,
    stationId: scope.stationId,
    regionCode: scope.regionCode,
    serverUrl: input.serverUrl,
    enrolledAt: (input.now ?? new Date()).toISOString(),
  };
  if (parseEnrollment({ ...enrollment }) === undefined) {
    return err({ kind: 'protocol', message: 'the enrollment answer has invalid fields' });
  }
  const stored = await secrets.setDeviceToken({ token });
  if (!stored.ok) return err({ kind: 'secretStore', message: describeBridgeError(stored.error) });
  await writeLocalValue(db, LOCAL_KEYS.enrollment, { ...enrollment });
  return ok({ enrollment, token });
}
