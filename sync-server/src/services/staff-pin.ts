/**
 * The station staff PIN: stored in device_config.staffPin as PBKDF2-SHA256 {salt, hash,
 * iterations}, never the PIN. The kiosk checks a typed PIN with WebCrypto offline.
 */
import { pbkdf2Sync, randomBytes } from 'node:crypto';
import type { Result } from '@pls/shared/domain';
import type { Database } from '../db/database';
import { failure, type ServiceError } from '../errors';
import { updateDeviceConfig, type DeviceTarget } from './device-config';

/** OWASP's current figure for PBKDF2-HMAC-SHA256; checked once per staff login on the kiosk. */
const STAFF_PIN_ITERATIONS = 600_000;

function hashStaffPin(
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
  target: DeviceTarget,
  pin: string,
  now: Date = new Date(),
): Promise<Result<{ devices: string[]; lastSeq: number | null }, ServiceError>> {
  if (!/^\d{4,8}$/.test(pin)) return failure('bad_request', 'a staff PIN is 4 to 8 digits');
  return updateDeviceConfig(db, target, { staffPin: hashStaffPin(pin) }, 'set-staff-pin', now);
}
