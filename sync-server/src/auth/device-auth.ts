/**
 * Bearer-token authentication of devices. Lookups are cached for a few seconds (idle polls
 * must not each cost a query); a revocation evicts at once in every process (NOTIFY), so a
 * revoked token stops working immediately. Last-seen/last-sync times are written in batches.
 */
import { ok, REVOKE_REASONS, type Result, type RevokeReason } from '@pls/shared/domain';
import type { DeviceHeartbeat } from '@pls/shared/protocol';
import type { Database } from '../db/database';
import { failure, type ServiceError } from '../errors';
import type { ChangeFeed } from '../sync/change-feed';
import type { DeviceIdentity } from '../sync/scope';
import { hashSecret } from './tokens';

interface DeviceRow {
  id: string;
  kind: 'kiosk' | 'tv';
  name: string;
  station_id: string | null;
  household_id: string | null;
  region_code: string;
  device_tag: string;
  revoked_at: Date | null;
  revoke_reason: string | null;
}

const CACHE_MS = 5_000;
const FLUSH_MS = 10_000;

export class DeviceAuth {
  private readonly cache = new Map<
    string,
    { device: DeviceIdentity | { revoked: string | null } | 'unknown'; until: number }
  >();
  private readonly hashByDevice = new Map<string, string>();
  private readonly synced = new Map<string, Date>();
  private readonly heartbeats = new Map<string, DeviceHeartbeat>();
  private readonly flushTimer: NodeJS.Timeout;
  private readonly stopRevocations: () => void;

  constructor(
    private readonly db: Database,
    feed: ChangeFeed,
  ) {
    this.stopRevocations = feed.onRevocation((deviceId) => {
      const hash = this.hashByDevice.get(deviceId);
      if (hash) this.cache.delete(hash);
    });
    this.flushTimer = setInterval(() => void this.flush().catch(() => undefined), FLUSH_MS);
    this.flushTimer.unref();
  }

  async authenticate(token: string | undefined): Promise<Result<DeviceIdentity, ServiceError>> {
    if (!token)
      return failure('unauthorized', 'missing bearer token (Authorization: Bearer <token>)');
    return this.authenticateHash(hashSecret(token));
  }

  /** The device whose token hashes to `hash` (a redeemed stream ticket names it so). */
  async authenticateHash(hash: string): Promise<Result<DeviceIdentity, ServiceError>> {
    const now = Date.now();
    let entry = this.cache.get(hash);
    if (!entry || entry.until < now) {
      const { rows } = await this.db.query<DeviceRow>(
        'select id, kind, name, station_id, household_id, region_code, device_tag, revoked_at, revoke_reason from devices where token_hash = $1',
        [hash],
      );
      const row = rows[0];
      const device: DeviceIdentity | { revoked: string | null } | 'unknown' = !row
        ? 'unknown'
        : row.revoked_at
          ? { revoked: row.revoke_reason }
          : {
              id: row.id,
              kind: row.kind,
              name: row.name,
              stationId: row.station_id,
              householdId: row.household_id,
              regionCode: row.region_code,
              deviceTag: row.device_tag,
            };
      entry = { device, until: now + CACHE_MS };
      this.cache.set(hash, entry);
      if (row) this.hashByDevice.set(row.id, hash);
      if (this.cache.size > 50_000) this.cache.clear();
    }
    if (entry.device === 'unknown')
      return failure('unauthorized', 'unknown token: enroll the device again');
    if ('revoked' in entry.device) {
      // The reason goes to the device as a code, which its staff screen says in their language.
      const reason = entry.device.revoked;
      return failure(
        'device_revoked',
        `this device was revoked by the center${reason ? ` (${reason})` : ''}`,
        reason && (REVOKE_REASONS as readonly string[]).includes(reason)
          ? { revokeReason: reason as RevokeReason }
          : {},
      );
    }
    return ok(entry.device);
  }

  /**
   * Records a successful sync call (and the heartbeat the device sent with it); written to
   * `devices.last_sync_at` / `devices.heartbeat` in batches.
   */
  noteSync(deviceId: string, at: Date = new Date(), heartbeat?: DeviceHeartbeat): void {
    this.synced.set(deviceId, at);
    if (heartbeat) this.heartbeats.set(deviceId, heartbeat);
  }

  async flush(): Promise<void> {
    if (this.synced.size === 0) return;
    const batch = [...this.synced].map(([id, at]) => ({
      id,
      at: at.toISOString(),
      heartbeat: this.heartbeats.get(id) ?? null,
    }));
    this.synced.clear();
    this.heartbeats.clear();
    await this.db.query(
      `update devices d set last_sync_at = greatest(d.last_sync_at, r.at), last_seen_at = greatest(d.last_seen_at, r.at),
              heartbeat = coalesce(r.heartbeat, d.heartbeat),
              heartbeat_at = case when r.heartbeat is null then d.heartbeat_at else r.at end
         from jsonb_to_recordset($1::jsonb) as r(id text, at timestamptz, heartbeat jsonb) where d.id = r.id`,
      [JSON.stringify(batch)],
    );
  }

  async stop(): Promise<void> {
    clearInterval(this.flushTimer);
    this.stopRevocations();
    await this.flush().catch(() => undefined);
  }
}
