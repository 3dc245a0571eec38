/**
 * Device enrollment: a one-time code issued by the center (admin CLI or console) is exchanged
 * for a revocable bearer token. The token is shown once; the server keeps only its hash.
 */
import type { DeviceKind } from '../domain/vocabulary';
import { err, ok, type Result } from '../domain/result';
import type { EnvelopeError } from './sync-wire';
import { isRecord } from '../domain/is-record';

export interface EnrollRequest {
  readonly code: string;
  readonly kind: DeviceKind;
  /** A name staff recognise ("Baiyinxile station kiosk 1"). */
  readonly name: string;
}

export type DeviceScope =
  | {
      readonly kind: 'kiosk';
      readonly stationId: string;
      readonly regionCode: string;
    }
  | {
      readonly kind: 'tv';
      readonly householdId: string;
      readonly regionCode: string;
    };

export interface EnrollResponse {
  readonly deviceId: string;
  readonly token: string;
  /** Prefix of the device's tracking codes (`deviceTagFor(n)`). */
  readonly deviceTag: string;
  readonly stationId?: string;
  readonly householdId?: string;
  readonly scope: DeviceScope;
}

/** Enrollment codes: 8 characters of the tracking alphabet, shown as XXXX-XXXX. */
export const ENROLL_CODE_LENGTH = 8;

export function normalizeEnrollCode(input: string): string {
  return input
    .normalize('NFKC')
    .toUpperCase()
    .replace(/[\s\-_.·]/g, '');
}

export function parseEnrollResponse(value: unknown): Result<EnrollResponse, EnvelopeError> {
  if (!isRecord(value) || !isRecord(value['scope'])) {
    return err({ kind: 'envelope', message: 'enroll response malformed' });
  }
  const { deviceId, token, deviceTag, stationId, householdId } = value;
  const scope = value['scope'];
  if (
    typeof deviceId !== 'string' ||
    typeof token !== 'string' ||
    typeof deviceTag !== 'string' ||
    typeof scope['regionCode'] !== 'string'
  ) {
    return err({ kind: 'envelope', message: 'enroll response malformed' });
  }
  let parsedScope: DeviceScope;
  if (scope['kind'] === 'kiosk' && typeof scope['stationId'] === 'string') {
    parsedScope = { kind: 'kiosk', stationId: scope['stationId'], regionCode: scope['regionCode'] };
  } else if (scope['kind'] === 'tv' && typeof scope['householdId'] === 'string') {
    parsedScope = {
      kind: 'tv',
      householdId: scope['householdId'],
      regionCode: scope['regionCode'],
    };
  } else {
    return err({ kind: 'envelope', message: 'enroll response scope malformed' });
  }
  return ok({
    deviceId,
    token,
    deviceTag,
    ...(typeof stationId === 'string' ? { stationId } : {}),
    ...(typeof householdId === 'string' ? { householdId } : {}),
    scope: parsedScope,
  });
}
