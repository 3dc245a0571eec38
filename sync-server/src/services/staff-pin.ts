/**
 * The station staff PIN: stored in device_config.staffPin as PBKDF2-SHA256 {salt, hash,
 * iterations}, never the PIN. The kiosk checks a typed PIN with WebCrypto offline.
 */
import { pbkdf2Sync, randomBytes } from 'node:crypto';
import { ok, type DeviceConfig, type Result } from '@pls/shared/domain';
import type { Database } from '../db/database';
import { failure, type ServiceError } from '../errors';
import { loadDocuments, prepareCenterDocuments } from '../sync/documents';
import { audit } from './devices';
import { writeCenter } from './center-writes';

/** OWASP's current figure for PBKDF2-HMAC-SHA256; checked once per staff login on the kiosk. */
export const STAFF_PIN_ITERATIONS = 600_000;

export function hashStaffPin(
  pin: string,
  salt: Buffer = randomBytes(16),
  iterations = STAFF_PIN_ITERATIONS,
) {
  return {
    salt: salt.toString('hex'),
    hash: pbkdf2Sync(pin, salt, iterations, 32, 'sha256').toString('hex'),
    iterations,
  };
}

export async function setStaffPin(
  db: Database,
  target: { stationId: string } | { deviceId: string },
  pin: string,
  now: Date = new Date(),
): Promise<Result<{ devices: string[]; lastSeq: number | null }, ServiceError>> {
  if (!/^\d{4,8}$/.test(pin)) return failure('bad_request', 'a staff PIN is 4 to 8 digits');
  const staffPin = hashStaffPin(pin);
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
      return { ...body, staffPin, updatedAt: now.toISOString() };
    });
    const prepared = prepareCenterDocuments('device_config', updated);
    if (!prepared.ok)
      throw new Error(`device_config invalid after PIN change: ${JSON.stringify(prepared.errors)}`);
    const lastSeq = await writeCenter(tx, 'device_config', prepared.docs);
    await audit(
      tx,
      'admin',
      'set-staff-pin',
      'deviceId' in target ? target.deviceId : target.stationId,
      {
        devices: rows.map((r) => r.id),
      },
    );
    return ok({ devices: rows.map((r) => r.id), lastSeq });
  });
}
