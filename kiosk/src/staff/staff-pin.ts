/**
 * The station staff PIN, checked offline: device_config carries PBKDF2-SHA256 {salt, hash,
 * iterations} set in the console (sync-server/src/services/staff-pin.ts); the kiosk derives the
 * same bits from the typed PIN with WebCrypto and compares in constant time. The PIN itself is
 * never stored on the kiosk.
 */
import type { DeviceConfig } from '@pls/shared/domain';

export type StaffPinRecord = NonNullable<DeviceConfig['staffPin']>;

export function isPinShaped(pin: string): boolean {
  return /^\d{4,8}$/.test(pin);
}

function hexToBytes(hex: string): Uint8Array<ArrayBuffer> {
  const bytes = new Uint8Array(hex.length / 2);
  for (let i = 0; i < bytes.length; i++)
    bytes[i] = Number.parseInt(hex.slice(i * 2, i * 2 + 2), 16);
  return bytes;
}

function toHex(buffer: ArrayBuffer): string {
  return [...new Uint8Array(buffer)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

export async function verifyStaffPin(pin: string, record: StaffPinRecord): Promise<boolean> {
  if (!isPinShaped(pin)) return false;
  const key = await globalThis.crypto.subtle.importKey(
    'raw',
    new TextEncoder().encode(pin),
    'PBKDF2',
    false,
    ['deriveBits'],
  );
  const bits = await globalThis.crypto.subtle.deriveBits(
    {
      name: 'PBKDF2',
      salt: hexToBytes(record.salt),
      iterations: record.iterations,
      hash: 'SHA-256',
    },
    key,
    256,
  );
  const candidate = toHex(bits);
  if (candidate.length !== record.hash.length) return false;
  let diff = 0;
  for (let i = 0; i < candidate.length; i++)
    diff |= candidate.charCodeAt(i) ^ record.hash.charCodeAt(i);
  return diff === 0;
}
