/**
 * A device's enrollment with the center, for kiosks and TV boxes alike. The token lives in the
 * host's store (a kiosk's safeStorage or agent file, a box's storage) and never in the
 * database; what the device needs to know about itself (device id, tracking-code tag, station
 * or household, region, server) is a local document holding nothing personal.
 *
 * A device is enrolled when both halves are there. With only one (a new browser profile, a
 * wiped store) it counts as not enrolled and is enrolled again: guessing the missing half could
 * make two devices share a tracking-code tag.
 */
import { isSlug, type DeviceId, type HouseholdId, type StationId } from '../domain/ids';
import { isDeviceTag } from '../domain/tracking-code';
import { err, ok, type Result } from '../domain/result';
import type { DeviceScope } from '../protocol/enrollment';
import { LOCAL_KEYS, readLocalValue, writeLocalValue, type LocalValue } from '../db/local-store';
import type { LocalDatabase } from '../db/create-local-database';
import { enrollWithServer, type EnrollFailure } from './enroll';

type ScopeOf<K extends DeviceScope['kind']> = Extract<DeviceScope, { kind: K }>;
/** The field naming where the device serves: a kiosk's station, a box's household. */
type PlaceField<K extends DeviceScope['kind']> = Exclude<keyof ScopeOf<K>, 'kind' | 'regionCode'>;

/** A place id, branded: a kiosk's station, a box's household. */
type PlaceId<P> = P extends 'stationId' ? StationId : HouseholdId;

/** Checked by `parseDeviceEnrollment`, so the ids carry their brands. */
export type DeviceEnrollment<K extends DeviceScope['kind']> = {
  readonly deviceId: DeviceId;
  /** Prefix of this device's tracking codes. */
  readonly deviceTag: string;
  readonly regionCode: string;
  readonly serverUrl: string;
  readonly enrolledAt: string;
} & { readonly [P in PlaceField<K>]: PlaceId<P> };

export interface DeviceEnrolled<K extends DeviceScope['kind']> {
  readonly enrollment: DeviceEnrollment<K>;
  readonly token: string;
}

/** Where the host keeps the token; a failure carries a message for the log. */
export interface DeviceTokenStore {
  get(): Promise<Result<string | null, string>> | Result<string | null, string>;
  set(token: string): Promise<Result<unknown, string>> | Result<unknown, string>;
}

export type DeviceEnrollError =
  | EnrollFailure
  | { readonly kind: 'wrongDevice'; readonly message: string }
  | { readonly kind: 'tokenStore'; readonly message: string };

export interface DeviceEnrollInput {
  readonly serverUrl: string;
  readonly code: string;
  readonly name: string;
  readonly now?: Date | undefined;
  readonly fetch?: typeof fetch | undefined;
}

const PLACE_FIELD: { readonly [K in DeviceScope['kind']]: PlaceField<K> } = {
  kiosk: 'stationId',
  tv: 'householdId',
};

/** The stored enrollment of a `kind` device, or undefined when a field is missing or invalid. */
export function parseDeviceEnrollment<K extends DeviceScope['kind']>(
  kind: K,
  value: LocalValue,
): DeviceEnrollment<K> | undefined {
  const place = PLACE_FIELD[kind];
  const { deviceId, deviceTag, regionCode, serverUrl, enrolledAt } = value;
  const placeId = value[place];
  if (
    typeof deviceId !== 'string' ||
    !isSlug(deviceId) ||
    typeof deviceTag !== 'string' ||
    !isDeviceTag(deviceTag) ||
    typeof placeId !== 'string' ||
    !isSlug(placeId) ||
    typeof regionCode !== 'string' ||
    !/^\d{0,6}$/.test(regionCode) ||
    typeof serverUrl !== 'string' ||
    !/^https?:\/\//.test(serverUrl) ||
    typeof enrolledAt !== 'string' ||
    Number.isNaN(Date.parse(enrolledAt))
  ) {
    return undefined;
  }
  return {
    deviceId,
    deviceTag,
    [place]: placeId,
    regionCode,
    serverUrl,
    enrolledAt,
  } as DeviceEnrollment<K>;
}

/** The stored enrollment and token, or undefined when either half is missing. */
export async function loadDeviceEnrollment<K extends DeviceScope['kind']>(
  kind: K,
  db: LocalDatabase,
  tokens: DeviceTokenStore,
): Promise<Result<DeviceEnrolled<K> | undefined, DeviceEnrollError>> {
  const enrollment = await readLocalValue(db, LOCAL_KEYS.enrollment, (value) =>
    parseDeviceEnrollment(kind, value),
  );
  const token = await tokens.get();
  if (!token.ok) return err({ kind: 'tokenStore', message: token.error });
  if (enrollment === undefined || token.value === null) return ok(undefined);
  return ok({ enrollment, token: token.value });
}

/**
 * Exchanges a one-time code for a token. The token is stored before the enrollment record: if
 * the second write fails the device is "not enrolled" again (a token alone counts for nothing),
 * never enrolled without a way to authenticate.
 */
export async function enrollDevice<K extends DeviceScope['kind']>(
  kind: K,
  db: LocalDatabase,
  tokens: DeviceTokenStore,
  input: DeviceEnrollInput,
): Promise<Result<DeviceEnrolled<K>, DeviceEnrollError>> {
  const response = await enrollWithServer(
    input.serverUrl,
    { code: input.code, kind, name: input.name },
    ...(input.fetch ? [input.fetch] : []),
  );
  if (!response.ok) return response;
  const { deviceId, deviceTag, token, scope } = response.value;
  if (scope.kind !== kind) {
    return err({ kind: 'wrongDevice', message: `the code enrolled a ${scope.kind} device` });
  }
  const place = PLACE_FIELD[kind];
  const record: LocalValue = {
    deviceId,
    deviceTag,
    [place]: (scope as Record<string, unknown>)[place],
    regionCode: scope.regionCode,
    serverUrl: input.serverUrl,
    enrolledAt: (input.now ?? new Date()).toISOString(),
  };
  const enrollment = parseDeviceEnrollment(kind, record);
  if (enrollment === undefined) {
    return err({ kind: 'protocol', message: 'the enrollment answer has invalid fields' });
  }
  const stored = await tokens.set(token);
  if (!stored.ok) return err({ kind: 'tokenStore', message: stored.error });
  await writeLocalValue(db, LOCAL_KEYS.enrollment, { ...enrollment });
  return ok({ enrollment, token });
}
