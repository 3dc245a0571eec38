/**
 * The device fleet as the console and the admin CLI see it: stations (add, edit, region),
 * one-time enrollment codes for a kiosk or a TV household, the device list with its heartbeat,
 * and revocation. Every function takes the caller's scope (console/case-scope.ts: admin all,
 * reviewer their region, station staff their own station) and decides on the server what it
 * may see and change; what lies outside the scope answers exactly like what does not exist.
 * Every change writes its audit entry in the same transaction.
 */
import {
  ok,
  type DeviceKind,
  type Result,
  type RevokeReason,
  type EnrollCodeForm,
} from '@pls/shared/domain';
import type { DeviceHeartbeat } from '@pls/shared/protocol';
import { CHANNELS, type Database, type Queryable } from '../db/database';
import { failure, type ServiceError } from '../errors';
import type { CaseScope } from '../console/case-scope';
import { recordAudit } from './audit';
import { DEFAULT_HOUSEHOLD_REGION, issueEnrollmentCode } from './devices';
import { addStation, type Station } from './stations';
import type { Actor } from './users';

export const ALL: CaseScope = { kind: 'all' };
const CLI_ACTOR: Actor = { name: 'admin-cli' };

/** A region code lies in a reviewer's region when it starts with theirs (行政区划代码 prefix). */
const inRegion = (code: string, region: string): boolean => code.startsWith(region);

/** SQL condition on a row's station and region columns (`d` for devices, `s.id` for stations). */
function scopeSql(
  scope: CaseScope,
  alias: string,
  params: unknown[],
  station = `${alias}.station_id`,
): string {
  const p = (value: unknown) => {
    params.push(value);
    return `$${params.length}`;
  };
  switch (scope.kind) {
    case 'all':
      return 'true';
    case 'region':
      return `${alias}.region_code like ${p(scope.regionCode.replace(/[%_]/g, ''))} || '%'`;
    case 'station':
      return `${station} = ${p(scope.stationId)}`;
    case 'none':
      return 'false';
  }
}

/** Who may change stations and issue codes: station staff only read their own. */
function mayManage(scope: CaseScope): boolean {
  return scope.kind === 'all' || scope.kind === 'region';
}

const notFound = (what: string) => failure('not_found', `no ${what}`);

// ---------------------------------------------------------------------------------- stations

export interface StationSummary extends Station {
  readonly devices: number;
  readonly activeDevices: number;
}

export async function listFleetStations(
  db: Queryable,
  scope: CaseScope,
): Promise<StationSummary[]> {
  const params: unknown[] = [];
  const where = scopeSql(scope, 's', params, 's.id');
  const { rows } = await db.query<{
    id: string;
    name: string;
    region_code: string;
    devices: string;
    active: string;
  }>(
    `select s.id, s.name, s.region_code,
            count(d.id) as devices, count(d.id) filter (where d.revoked_at is null) as active
       from stations s left join devices d on d.station_id = s.id
      where ${where}
      group by s.id order by s.region_code, s.id`,
    params,
  );
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    regionCode: r.region_code,
    devices: Number(r.devices),
    activeDevices: Number(r.active),
  }));
}

export async function createStation(
  db: Database,
  scope: CaseScope,
  station: Station,
  actor: Actor = CLI_ACTOR,
): Promise<Result<Station, ServiceError>> {
  if (!mayManage(scope)) return failure('forbidden', 'station staff cannot add stations');
  if (scope.kind === 'region' && !inRegion(station.regionCode, scope.regionCode))
    return failure('forbidden', `region ${station.regionCode} is outside ${scope.regionCode}`);
  return db.transaction(async (tx) => {
    const added = await addStation(tx, station);
    if (!added.ok) return added;
    await recordAudit(tx, {
      actor: actor.name,
      action: 'station-add',
      subject: station.id,
      after: { name: added.value.name.trim(), regionCode: added.value.regionCode },
      address: actor.address ?? null,
    });
    return added;
  });
}

export async function editStation(
  db: Database,
  scope: CaseScope,
  id: string,
  patch: { readonly name?: string | undefined; readonly regionCode?: string | undefined },
  actor: Actor = CLI_ACTOR,
): Promise<Result<Station, ServiceError>> {
  if (patch.name === undefined && patch.regionCode === undefined)
    return failure('bad_request', 'nothing to change: give a name or a region');
  if (patch.name !== undefined && (patch.name.trim() === '' || patch.name.length > 120))
    return failure('bad_request', 'station name must be 1-120 characters');
  if (patch.regionCode !== undefined && !/^\d{2}(\d{2}(\d{2})?)?$/.test(patch.regionCode))
    return failure('bad_request', `region code "${patch.regionCode}" must be 2, 4 or 6 digits`);
  return db.transaction(async (tx): Promise<Result<Station, ServiceError>> => {
    const params: unknown[] = [id];
    const { rows } = await tx.query<{ id: string; name: string; region_code: string }>(
      `select s.id, s.name, s.region_code from stations s
        where s.id = $1 and ${scopeSql(scope, 's', params, 's.id')}
        for update`,
      params,
    );
    const before = rows[0];
    if (!before) return notFound(`station "${id}"`);
    if (!mayManage(scope)) return failure('forbidden', 'station staff cannot change stations');
    const next = {
      id,
      name: patch.name?.trim() ?? before.name,
      regionCode: patch.regionCode ?? before.region_code,
    };
    if (scope.kind === 'region' && !inRegion(next.regionCode, scope.regionCode))
      return failure('forbidden', `region ${next.regionCode} is outside ${scope.regionCode}`);
    await tx.query('update stations set name = $2, region_code = $3 where id = $1', [
      id,
      next.name,
      next.regionCode,
    ]);
    // Kiosks carry their station's region (content scope, reviewer scope): move them with it.
    if (next.regionCode !== before.region_code)
      await tx.query('update devices set region_code = $2 where station_id = $1', [
        id,
        next.regionCode,
      ]);
    await recordAudit(tx, {
      actor: actor.name,
      action: 'station-edit',
      subject: id,
      before: { name: before.name, regionCode: before.region_code },
      after: { name: next.name, regionCode: next.regionCode },
      address: actor.address ?? null,
    });
    return ok(next);
  });
}

// ------------------------------------------------------------------------- enrollment codes

export interface IssuedCode {
  /** XXXX-XXXX: shown once, as text and as QR; only its hash is stored. */
  readonly code: string;
  readonly expiresAt: string;
  readonly kind: DeviceKind;
  readonly place: string;
}

export async function issueFleetCode(
  db: Database,
  scope: CaseScope,
  form: EnrollCodeForm,
  actor: Actor = CLI_ACTOR,
  now: Date = new Date(),
): Promise<Result<IssuedCode, ServiceError>> {
  return db.transaction(async (tx): Promise<Result<IssuedCode, ServiceError>> => {
    let target: Parameters<typeof issueEnrollmentCode>[1];
    if (form.kind === 'kiosk') {
      if (!form.stationId) return failure('bad_request', 'a kiosk code needs a station');
      const params: unknown[] = [form.stationId];
      const { rows } = await tx.query(
        `select 1 from stations s where s.id = $1 and ${scopeSql(scope, 's', params, 's.id')}`,
        params,
      );
      if (rows.length === 0) return notFound(`station "${form.stationId}"`);
      target = { kind: 'kiosk', stationId: form.stationId };
    } else {
      if (!form.householdId) return failure('bad_request', 'a TV code needs a household');
      // Station staff enroll the households around their station, in the station's region.
      let region = form.regionCode ?? DEFAULT_HOUSEHOLD_REGION;
      if (scope.kind === 'station') {
        const { rows } = await tx.query<{ region_code: string }>(
          'select region_code from stations where id = $1',
          [scope.stationId],
        );
        if (!rows[0]) return failure('forbidden', 'your station no longer exists');
        region = rows[0].region_code;
      }
      const allowed = (code: string) =>
        scope.kind === 'all' ||
        (scope.kind === 'region' && inRegion(code, scope.regionCode)) ||
        (scope.kind === 'station' && code === region);
      if (scope.kind === 'none' || !allowed(region))
        return failure('forbidden', `region ${region} is outside your scope`);
      // An existing household keeps its region: a code must not enroll into another's.
      const { rows: existing } = await tx.query<{ region_code: string }>(
        'select region_code from households where id = $1',
        [form.householdId],
      );
      if (existing[0] && !allowed(existing[0].region_code))
        return notFound(`household "${form.householdId}"`);
      target = { kind: 'tv', householdId: form.householdId, regionCode: region };
    }
    const issued = await issueEnrollmentCode(tx, target, {
      ttlHours: form.ttlHours,
      now,
    });
    if (!issued.ok) return issued;
    const place = target.kind === 'kiosk' ? target.stationId : target.householdId;
    await recordAudit(tx, {
      actor: actor.name,
      action: 'enroll-code',
      subject: place,
      after: { kind: target.kind, expiresAt: issued.value.expiresAt },
      address: actor.address ?? null,
    });
    return ok({ ...issued.value, kind: target.kind, place });
  });
}

export interface CodeSummary {
  readonly kind: DeviceKind;
  readonly stationId: string | null;
  readonly householdId: string | null;
  readonly regionCode: string;
  readonly createdAt: string;
  readonly expiresAt: string;
  readonly usedAt: string | null;
  readonly deviceId: string | null;
  readonly state: 'open' | 'used' | 'expired';
}

/** Codes of the last 30 days in scope (never the codes themselves: only hashes are kept). */
export async function listFleetCodes(
  db: Queryable,
  scope: CaseScope,
  now: Date = new Date(),
): Promise<CodeSummary[]> {
  const params: unknown[] = [now.toISOString()];
  const { rows } = await db.query<{
    kind: DeviceKind;
    station_id: string | null;
    household_id: string | null;
    region_code: string;
    created_at: Date;
    expires_at: Date;
    used_at: Date | null;
    device_id: string | null;
  }>(
    `select * from (
       select e.kind, e.station_id, e.household_id, coalesce(s.region_code, h.region_code) as region_code,
              e.created_at, e.expires_at, e.used_at, e.device_id
         from enrollment_codes e
         left join stations s on s.id = e.station_id
         left join households h on h.id = e.household_id
        where e.created_at > $1::timestamptz - interval '30 days') c
      where ${scopeSql(scope, 'c', params)}
      order by c.created_at desc limit 500`,
    params,
  );
  return rows.map((r) => ({
    kind: r.kind,
    stationId: r.station_id,
    householdId: r.household_id,
    regionCode: r.region_code,
    createdAt: new Date(r.created_at).toISOString(),
    expiresAt: new Date(r.expires_at).toISOString(),
    usedAt: r.used_at ? new Date(r.used_at).toISOString() : null,
    deviceId: r.device_id,
    state: r.used_at
      ? 'used'
      : new Date(r.expires_at).getTime() <= now.getTime()
        ? 'expired'
        : 'open',
  }));
}

// ---------------------------------------------------------------------------------- devices

export interface FleetDevice {
  readonly id: string;
  readonly kind: DeviceKind;
  readonly name: string;
  readonly stationId: string | null;
  readonly householdId: string | null;
  readonly regionCode: string;
  readonly deviceTag: string;
  readonly createdAt: string;
  readonly lastSeenAt: string | null;
  /** Days since the device was last heard from (null: never). */
  readonly silentDays: number | null;
  /** How far behind the center the device was at its last contact (its own report), seconds. */
  readonly syncLagSeconds: number | null;
  readonly outboxDepth: number | null;
  readonly freeBytes: number | null;
  readonly appVersion: string | null;
  readonly contentVersion: string | null;
  readonly revokedAt: string | null;
  readonly revokeReason: RevokeReason | null;
}

interface DeviceRow {
  id: string;
  kind: DeviceKind;
  name: string;
  station_id: string | null;
  household_id: string | null;
  region_code: string;
  device_tag: string;
  created_at: Date;
  last_seen_at: Date | null;
  heartbeat: DeviceHeartbeat | null;
  heartbeat_at: Date | null;
  revoked_at: Date | null;
  revoke_reason: RevokeReason | null;
}

const DAY_MS = 86_400_000;

function toFleetDevice(r: DeviceRow, now: Date): FleetDevice {
  const iso = (d: Date | null) => (d ? new Date(d).toISOString() : null);
  const hb = r.heartbeat ?? {};
  const lag =
    hb.lastSyncedAt && r.heartbeat_at
      ? Math.max(
          0,
          Math.round((new Date(r.heartbeat_at).getTime() - Date.parse(hb.lastSyncedAt)) / 1000),
        )
      : null;
  return {
    id: r.id,
    kind: r.kind,
    name: r.name,
    stationId: r.station_id,
    householdId: r.household_id,
    regionCode: r.region_code,
    deviceTag: r.device_tag,
    createdAt: new Date(r.created_at).toISOString(),
    lastSeenAt: iso(r.last_seen_at),
    silentDays: r.last_seen_at
      ? Math.floor((now.getTime() - new Date(r.last_seen_at).getTime()) / DAY_MS)
      : null,
    syncLagSeconds: lag,
    outboxDepth: hb.outboxDepth ?? null,
    freeBytes: hb.freeBytes ?? null,
    appVersion: hb.appVersion ?? null,
    contentVersion: hb.contentVersion ?? null,
    revokedAt: iso(r.revoked_at),
    revokeReason: r.revoke_reason,
  };
}

const DEVICE_COLUMNS = `d.id, d.kind, d.name, d.station_id, d.household_id, d.region_code, d.device_tag,
  d.created_at, d.last_seen_at, d.heartbeat, d.heartbeat_at, d.revoked_at, d.revoke_reason`;

export async function listFleetDevices(
  db: Queryable,
  scope: CaseScope,
  now: Date = new Date(),
  filter: { readonly silentDays?: number } = {},
): Promise<FleetDevice[]> {
  const params: unknown[] = [];
  const where = [scopeSql(scope, 'd', params)];
  if (filter.silentDays !== undefined) {
    params.push(new Date(now.getTime() - filter.silentDays * DAY_MS).toISOString());
    where.push(
      `d.revoked_at is null and coalesce(d.last_seen_at, d.created_at) < $${params.length}::timestamptz`,
    );
  }
  const { rows } = await db.query<DeviceRow>(
    `select ${DEVICE_COLUMNS} from devices d where ${where.join(' and ')}
      order by d.station_id nulls last, d.household_id, d.created_at, d.id limit 5000`,
    params,
  );
  return rows.map((r) => toFleetDevice(r, now));
}

/**
 * Revokes a device in scope: its token stops at once in every server process (NOTIFY), and
 * the device says why it stopped syncing. Revoking twice keeps the first time and reason.
 */
export async function revokeFleetDevice(
  db: Database,
  scope: CaseScope,
  deviceId: string,
  reason: RevokeReason,
  actor: Actor = CLI_ACTOR,
): Promise<Result<FleetDevice, ServiceError>> {
  return db.transaction(async (tx): Promise<Result<FleetDevice, ServiceError>> => {
    const params: unknown[] = [deviceId];
    const { rows } = await tx.query<DeviceRow>(
      `select ${DEVICE_COLUMNS} from devices d where d.id = $1 and ${scopeSql(scope, 'd', params)} for update`,
      params,
    );
    const before = rows[0];
    if (!before) return notFound(`device "${deviceId}"`);
    const { rows: after } = await tx.query<DeviceRow>(
      `update devices d set revoked_at = coalesce(revoked_at, now()),
              revoke_reason = coalesce(revoke_reason, $2)
        where d.id = $1 returning ${DEVICE_COLUMNS}`,
      [deviceId, reason],
    );
    await tx.query('select pg_notify($1, $2)', [CHANNELS.revoked, deviceId]);
    await recordAudit(tx, {
      actor: actor.name,
      action: 'revoke',
      subject: deviceId,
      before: { revokedAt: before.revoked_at, reason: before.revoke_reason },
      after: { revokedAt: after[0]!.revoked_at, reason: after[0]!.revoke_reason },
      address: actor.address ?? null,
    });
    return ok(toFleetDevice(after[0]!, new Date()));
  });
}
