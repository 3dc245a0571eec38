/**
 * Devices: one-time enrollment codes, enrollment (token, device tag, device_config), revocation,
 * the fleet list. Used by the HTTP routes, the admin CLI and (later) the staff console.
 */
import { randomInt } from 'node:crypto';
import {
  REGION_CODE_PATTERN,
  TRACKING_ALPHABET,
  asDeviceId,
  asHouseholdId,
  asStationId,
  deviceTagFor,
  isSlug,
  ok,
  type DeviceConfig,
  type DeviceKind,
  type Result,
} from '@pls/shared/domain';
import { ENROLL_CODE_LENGTH, normalizeEnrollCode, type EnrollResponse } from '@pls/shared/protocol';
import type { Database, Queryable } from '../db/database';
import { failure, type ServiceError } from '../errors';
import { hashSecret, newToken } from '../auth/tokens';
import { lockFeeds, prepareCenterDocuments, writeDocuments } from '../sync/documents';
import { recordAudit } from './audit';

const DEFAULT_ENROLL_TTL_HOURS = 72;
/** Households of the pastoral areas we serve are in Inner Mongolia unless told otherwise. */
export const DEFAULT_HOUSEHOLD_REGION = '15';

export type EnrollTarget =
  | { readonly kind: 'kiosk'; readonly stationId: string }
  | { readonly kind: 'tv'; readonly householdId: string; readonly regionCode?: string };

function formatEnrollCode(code: string): string {
  return `${code.slice(0, 4)}-${code.slice(4)}`;
}

export async function issueEnrollmentCode(
  db: Queryable,
  target: EnrollTarget,
  options: { ttlHours?: number | undefined; now?: Date } = {},
): Promise<Result<{ code: string; expiresAt: string }, ServiceError>> {
  const now = options.now ?? new Date();
  const ttlHours = options.ttlHours ?? DEFAULT_ENROLL_TTL_HOURS;
  if (!(ttlHours > 0 && ttlHours <= 24 * 30))
    return failure('bad_request', 'ttl must be between 0 and 720 hours');
  if (target.kind === 'kiosk') {
    const { rows } = await db.query('select 1 from stations where id = $1', [target.stationId]);
    if (rows.length === 0)
      return failure('not_found', `no station "${target.stationId}" (add it with add-station)`);
  } else {
    if (!isSlug(target.householdId))
      return failure('bad_request', `household id "${target.householdId}" must be a slug`);
    const region = target.regionCode ?? DEFAULT_HOUSEHOLD_REGION;
    if (!REGION_CODE_PATTERN.test(region))
      return failure('bad_request', `region code "${region}" must be 2, 4 or 6 digits`);
    await db.query(
      'insert into households (id, region_code) values ($1, $2) on conflict (id) do nothing',
      [target.householdId, region],
    );
  }
  let code = '';
  for (let i = 0; i < ENROLL_CODE_LENGTH; i++)
    code += TRACKING_ALPHABET[randomInt(TRACKING_ALPHABET.length)];
  const expiresAt = new Date(now.getTime() + ttlHours * 3_600_000).toISOString();
  await db.query(
    'insert into enrollment_codes (code_hash, kind, station_id, household_id, created_at, expires_at) values ($1, $2, $3, $4, $5, $6)',
    [
      hashSecret(code),
      target.kind,
      target.kind === 'kiosk' ? target.stationId : null,
      target.kind === 'tv' ? target.householdId : null,
      now.toISOString(),
      expiresAt,
    ],
  );
  return ok({ code: formatEnrollCode(code), expiresAt });
}

function defaultDeviceConfig(input: {
  deviceId: string;
  kind: DeviceKind;
  stationId: string | null;
  householdId: string | null;
  regionCode: string;
  deviceTag: string;
  now: Date;
}): DeviceConfig {
  const iso = input.now.toISOString();
  return {
    id: input.deviceId,
    schemaVersion: 0,
    createdAt: iso,
    updatedAt: iso,
    // Ids the server made or checked at enrollment.
    deviceId: asDeviceId(input.deviceId),
    kind: input.kind,
    ...(input.stationId ? { stationId: asStationId(input.stationId) } : {}),
    ...(input.householdId ? { householdId: asHouseholdId(input.householdId) } : {}),
    regionCode: input.regionCode,
    deviceTag: input.deviceTag,
    defaultLanguage: 'mn-Mong',
    idleTimeoutSeconds: 120,
    idleWarningSeconds: 20,
    printers: { receiptWidth: '80mm', a4Enabled: true },
    features:
      input.kind === 'kiosk'
        ? ['apply', 'ask', 'track', 'book', 'calculators', 'templates', 'read', 'video', 'feedback']
        : ['ask', 'track', 'read', 'video', 'feedback'],
    retentionDays: 7,
    voiceEnabled: true,
  };
}

interface CodeRow {
  kind: DeviceKind;
  station_id: string | null;
  household_id: string | null;
  expires_at: Date;
  used_at: Date | null;
}

export async function enrollDevice(
  db: Database,
  request: { code: string; kind: DeviceKind; name: string },
  now: Date = new Date(),
): Promise<Result<EnrollResponse & { lastSeq: number | null }, ServiceError>> {
  const name = request.name.trim();
  if (name === '' || name.length > 120)
    return failure('bad_request', 'name must be 1-120 characters');
  const code = normalizeEnrollCode(request.code);
  const codeHash = hashSecret(code);
  return db.transaction(
    async (tx): Promise<Result<EnrollResponse & { lastSeq: number | null }, ServiceError>> => {
      const { rows } = await tx.query<CodeRow>(
        'select kind, station_id, household_id, expires_at, used_at from enrollment_codes where code_hash = $1 for update',
        [codeHash],
      );
      const row = rows[0];
      if (!row)
        return failure(
          'enroll_code_unknown',
          'this enrollment code does not exist; ask the center for a new one',
        );
      if (row.used_at)
        return failure(
          'enroll_code_used',
          'this enrollment code was already used; ask the center for a new one',
        );
      if (new Date(row.expires_at).getTime() <= now.getTime()) {
        return failure(
          'enroll_code_expired',
          'this enrollment code has expired; ask the center for a new one',
        );
      }
      if (row.kind !== request.kind) {
        return failure(
          'enroll_kind_mismatch',
          `this code enrolls a ${row.kind}, not a ${request.kind}`,
        );
      }
      const regionQuery =
        row.kind === 'kiosk'
          ? await tx.query<{ region_code: string }>(
              'select region_code from stations where id = $1',
              [row.station_id],
            )
          : await tx.query<{ region_code: string }>(
              'select region_code from households where id = $1',
              [row.household_id],
            );
      const regionCode = regionQuery.rows[0]?.region_code;
      if (regionCode === undefined)
        throw new Error('enrollment code points at a missing station or household');
      const { rows: numbers } = await tx.query<{ n: number }>(
        "select nextval('device_number_seq')::bigint as n",
      );
      const number = numbers[0]!.n;
      const deviceTag = deviceTagFor(number);
      const deviceId = `${row.kind}-${deviceTag.toLowerCase()}`;
      const token = newToken();
      await tx.query(
        `insert into devices (id, kind, name, station_id, household_id, region_code, device_number, device_tag, token_hash, created_at)
       values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
        [
          deviceId,
          row.kind,
          name,
          row.station_id,
          row.household_id,
          regionCode,
          number,
          deviceTag,
          hashSecret(token),
          now.toISOString(),
        ],
      );
      await tx.query(
        'update enrollment_codes set used_at = $2, device_id = $3 where code_hash = $1',
        [codeHash, now.toISOString(), deviceId],
      );
      const config = prepareCenterDocuments('device_config', [
        {
          ...defaultDeviceConfig({
            deviceId,
            kind: row.kind,
            stationId: row.station_id,
            householdId: row.household_id,
            regionCode,
            deviceTag,
            now,
          }),
        },
      ]);
      if (!config.ok)
        throw new Error(`default device config invalid: ${JSON.stringify(config.error)}`);
      await lockFeeds(tx, ['device_config']);
      const lastSeq = await writeDocuments(tx, 'device_config', config.value);
      await audit(tx, 'device', 'enroll', deviceId, { kind: row.kind, name });
      return ok({
        deviceId,
        token,
        deviceTag,
        ...(row.station_id ? { stationId: row.station_id } : {}),
        ...(row.household_id ? { householdId: row.household_id } : {}),
        scope:
          row.kind === 'kiosk'
            ? { kind: 'kiosk', stationId: row.station_id!, regionCode }
            : { kind: 'tv', householdId: row.household_id!, regionCode },
        lastSeq,
      });
    },
  );
}

export async function audit(
  tx: Queryable,
  actor: string,
  action: string,
  subject: string | null,
  detail: unknown,
): Promise<void> {
  await recordAudit(tx, { actor, action, subject, detail });
}
