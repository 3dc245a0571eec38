/**
 * Changes to devices' configuration (device_config, written by the center only): one change
 * applied to a kiosk or to every kiosk of a station, validated against the schema before it is
 * written, replicated to the devices by the normal pull stream, and audited.
 */
import { ok, type DeviceConfig, type Result } from '@pls/shared/domain';
import type { Database } from '../db/database';
import { failure, type ServiceError } from '../errors';
import { loadDocuments, prepareCenterDocuments } from '../sync/documents';
import { writeCenter } from './center-writes';
import { audit } from './devices';

export type DeviceTarget = { readonly stationId: string } | { readonly deviceId: string };

/** Fields the center may change; identity fields (deviceId, kind, station, tag) never change here. */
export type DeviceConfigPatch = Partial<
  Pick<
    DeviceConfig,
    | 'defaultLanguage'
    | 'idleTimeoutSeconds'
    | 'idleWarningSeconds'
    | 'staffPin'
    | 'printers'
    | 'features'
    | 'retentionDays'
    | 'voiceEnabled'
  >
>;

export async function updateDeviceConfig(
  db: Database,
  target: DeviceTarget,
  patch: DeviceConfigPatch,
  action: string,
  now: Date = new Date(),
  /** Printer fields merged into each device's current printer settings. */
  printers?: Partial<DeviceConfig['printers']>,
): Promise<Result<{ devices: string[]; lastSeq: number | null }, ServiceError>> {
  return db.transaction(async (tx) => {
    const { rows } = await tx.query<{ id: string }>(
      "select id from devices where kind = 'kiosk' and revoked_at is null and (id = $1 or station_id = $2) order by id",
      [
        'deviceId' in target ? target.deviceId : null,
        'stationId' in target ? target.stationId : null,
      ],
    );
    if (rows.length === 0) return failure('not_found', 'no enrolled kiosk matches');
    const stored = await loadDocuments(
      tx,
      'device_config',
      rows.map((r) => r.id),
    );
    const updated = [...stored.values()].map((doc) => {
      const { _deleted: _unused, ...body } = doc.body as unknown as DeviceConfig & {
        _deleted: boolean;
      };
      return {
        ...body,
        ...patch,
        ...(printers ? { printers: { ...body.printers, ...printers } } : {}),
        updatedAt: now.toISOString(),
      };
    });
    const prepared = prepareCenterDocuments('device_config', updated);
    // A patch the schema refuses (e.g. a retention of 400 days) is the caller's error: say why.
    if (!prepared.ok) {
      return failure('bad_request', prepared.error.map((e) => `${e.id}: ${e.message}`).join('; '));
    }
    const lastSeq = await writeCenter(tx, 'device_config', prepared.value);
    const devices = rows.map((r) => r.id);
    await audit(tx, 'admin', action, 'deviceId' in target ? target.deviceId : target.stationId, {
      devices,
      fields: [...Object.keys(patch), ...(printers ? ['printers'] : [])],
    });
    return ok({ devices, lastSeq });
  });
}
