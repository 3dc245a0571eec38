/**
 * Branded identifiers. A brand costs nothing at run time and stops a station id from being
 * passed where a device id is expected. Parse at the boundary, then trust the brand inside.
 */
declare const brand: unique symbol;
export type Brand<T, B extends string> = T & { readonly [brand]: B };

export type DeviceId = Brand<string, 'DeviceId'>;
export type StationId = Brand<string, 'StationId'>;
export type HouseholdId = Brand<string, 'HouseholdId'>;
export type DocumentId = Brand<string, 'DocumentId'>;
export type TrackingCode = Brand<string, 'TrackingCode'>;
export type IdNumber = Brand<string, 'IdNumber'>;

/** Ids of stations, households and devices: short, URL-safe, lower-case ASCII. */
export const SLUG_PATTERN = /^[a-z0-9][a-z0-9-]{1,62}[a-z0-9]$/;

export function isSlug(value: string): boolean {
  return SLUG_PATTERN.test(value);
}

export function asDeviceId(value: string): DeviceId {
  return value as DeviceId;
}
export function asStationId(value: string): StationId {
  return value as StationId;
}
export function asHouseholdId(value: string): HouseholdId {
  return value as HouseholdId;
}
export function asDocumentId(value: string): DocumentId {
  return value as DocumentId;
}

/**
 * A new document id: time-ordered (so a device's documents sort by creation) and random enough
 * to be unique across devices without coordination. 26 chars of Crockford base32, like a ULID.
 */
export function newDocumentId(
  now: Date = new Date(),
  random: (bytes: number) => Uint8Array = randomBytes,
): DocumentId {
  const alphabet = '0123456789abcdefghjkmnpqrstvwxyz';
  let time = now.getTime();
  let timePart = '';
  for (let i = 0; i < 10; i++) {
    timePart = alphabet[time % 32] + timePart;
    time = Math.floor(time / 32);
  }
  const bytes = random(16);
  let randomPart = '';
  for (let i = 0; i < 16; i++) randomPart += alphabet[(bytes[i] ?? 0) % 32];
  return (timePart + randomPart) as DocumentId;
}

function randomBytes(count: number): Uint8Array {
  const bytes = new Uint8Array(count);
  globalThis.crypto.getRandomValues(bytes);
  return bytes;
}

/** The branded type of each id field, by the field's name in every document schema. */
interface BrandedFields {
  readonly deviceId: DeviceId;
  readonly stationId: StationId;
  readonly householdId: HouseholdId;
  readonly trackingCode: TrackingCode;
}

/**
 * A document type as `FromSchema` derives it, with its id fields branded. Type-level only: the
 * schemas stay plain JSON Schema (RxDB hashes them; a changed schema object would be refused by
 * a device database created with the old one). The schema checks the field's format, so a
 * parsed document may carry the brand.
 */
export type WithBrandedIds<T> = {
  [K in keyof T]: K extends keyof BrandedFields
    ? T[K] extends string
      ? BrandedFields[K]
      : T[K] extends string | undefined
        ? BrandedFields[K] | undefined
        : T[K]
    : T[K];
};
