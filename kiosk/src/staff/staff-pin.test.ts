import { pbkdf2Sync, randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { isPinShaped, verifyStaffPin } from './staff-pin';

/** The record exactly as the server makes it (sync-server/src/services/staff-pin.ts). */
function record(pin: string, iterations = 10_000) {
  const salt = randomBytes(16);
  return {
    salt: salt.toString('hex'),
    hash: pbkdf2Sync(pin, salt, iterations, 32, 'sha256').toString('hex'),
    iterations,
  };
}

describe('staff PIN', () => {
  it('accepts the PIN the center set and refuses any other', async () => {
    const stored = record('248613');
    expect(await verifyStaffPin('248613', stored)).toBe(true);
    expect(await verifyStaffPin('248612', stored)).toBe(false);
    expect(await verifyStaffPin('2486130', stored)).toBe(false);
  });

  it('refuses what cannot be a PIN without deriving anything', async () => {
    const stored = record('1234');
    expect(isPinShaped('12a4')).toBe(false);
    expect(await verifyStaffPin('', stored)).toBe(false);
    expect(await verifyStaffPin('123456789', stored)).toBe(false);
  });
});
