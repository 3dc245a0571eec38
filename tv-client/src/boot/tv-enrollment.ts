/**
 * This box's enrollment with the center: a household's one-time code exchanged for a token
 * (`enrollWithServer`). The token goes to the host (tv-host.ts); what the box knows about
 * itself (device id, tag, household, region, server) is a local document holding nothing
 * personal. Both halves must be there, or the box asks for a code again.
 */
import { err, isDeviceTag, isSlug, ok, type Result } from '@pls/shared/domain';
import {
  LOCAL_KEYS,
  readLocalValue,
  writeLocalValue,
  type LocalDatabase,
  type LocalValue,
} from '@pls/shared/db';
import { enrollWithServer, type EnrollFailure } from '@pls/shared/sync';
import type { TvHost } from './tv-host';

export interface TvEnrollment {
  readonly deviceId: string;
  readonly deviceTag: string;
  readonly householdId: string;
  readonly regionCode: string;
  readonly serverUrl: string;
  readonly enrolledAt: string;
}

export interface TvEnrolled {
  readonly enrollment: TvEnrollment;
  readonly token: string;
}

export type TvEnrollError =
  | EnrollFailure
  | { readonly kind: 'notTv'; readonly message: string }
  | { readonly kind: 'store'; readonly message: string };

export function parseTvEnrollment(value: LocalValue): TvEnrollment | undefined {
  const { deviceId, deviceTag, householdId, regionCode, serverUrl, enrolledAt } = value;
  if (
    typeof deviceId !== 'string' ||
    !isSlug(deviceId) ||
    typeof deviceTag !== 'string' ||
    !isDeviceTag(deviceTag) ||
    typeof householdId !== 'string' ||
    !isSlug(householdId) ||
    typeof regionCode !== 'string' ||
    !/^\d{0,6}$/.test(regionCode) ||
    typeof serverUrl !== 'string' ||
    !/^https?:\/\//.test(serverUrl) ||
    typeof enrolledAt !== 'string' ||
    Number.isNaN(Date.parse(enrolledAt))
  ) {
    return undefined;
  }
  return { deviceId, deviceTag, householdId, regionCode, serverUrl, enrolledAt };
}

export async function loadTvEnrollment(
  db: LocalDatabase,
  host: TvHost,
): Promise<Result<TvEnrolled | undefined, TvEnrollError>> {
  const enrollment = await readLocalValue(db, LOCAL_KEYS.enrollment, parseTvEnrollment);
  const token = host.getDeviceToken();
  if (!token.ok) return err({ kind: 'store', message: token.error });
  if (enrollment === undefined || token.value === null) return ok(undefined);
  return ok({ enrollment, token: token.value });
}

export async function enrollTv(
  db: LocalDatabase,
  host: TvHost,
  input: { serverUrl: string; code: string; name: string; now?: Date; fetch?: typeof fetch },
): Promise<Result<TvEnrolled, TvEnrollError>> {
  const response = await enrollWithServer(
    input.serverUrl,
    { code: input.code, kind: 'tv', name: input.name },
    ...(input.fetch ? [input.fetch] : []),
  );
  if (!response.ok) return response;
  const { deviceId, deviceTag, token, scope } = response.value;
  if (scope.kind !== 'tv')
    return err({ kind: 'notTv', message: 'the code enrolled a kiosk, not a TV box' });
  const enrollment: TvEnrollment = {
    deviceId,
    deviceTag,
    householdId: scope.householdId,
    regionCode: scope.regionCode,
    serverUrl: input.serverUrl,
    enrolledAt: (input.now ?? new Date()).toISOString(),
  };
  if (parseTvEnrollment({ ...enrollment }) === undefined) {
    return err({ kind: 'protocol', message: 'the enrollment answer has invalid fields' });
  }
  // Token first: a record without a token counts as "not enrolled", never the reverse.
  const stored = host.setDeviceToken(token);
  if (!stored.ok) return err({ kind: 'store', message: stored.error });
  await writeLocalValue(db, LOCAL_KEYS.enrollment, { ...enrollment });
  return ok({ enrollment, token });
}
