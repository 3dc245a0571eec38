/**
 * Staff console accounts. Passwords are hashed with scrypt (N=2^15); the console issue adds
 * sessions and login on top of these rows.
 */
import { randomBytes, scryptSync, timingSafeEqual } from 'node:crypto';
import { isSlug, newDocumentId, ok, type Result } from '@pls/shared/domain';
import type { Queryable } from '../db/database';
import { failure, type ServiceError } from '../errors';

export const USER_ROLES = ['admin', 'reviewer', 'station_staff'] as const;
export type UserRole = (typeof USER_ROLES)[number];

const SCRYPT = { N: 2 ** 15, r: 8, p: 1, maxmem: 64 * 1024 * 1024 } as const;

export function hashPassword(password: string, salt: Buffer = randomBytes(16)): string {
  const hash = scryptSync(password, salt, 32, SCRYPT);
  return `scrypt$${SCRYPT.N}$${SCRYPT.r}$${SCRYPT.p}$${salt.toString('hex')}$${hash.toString('hex')}`;
}

export function verifyPassword(password: string, stored: string): boolean {
  const [scheme, n, r, p, saltHex, hashHex] = stored.split('$');
  if (scheme !== 'scrypt' || !n || !r || !p || !saltHex || !hashHex) return false;
  const expected = Buffer.from(hashHex, 'hex');
  const actual = scryptSync(password, Buffer.from(saltHex, 'hex'), expected.length, {
    N: Number(n),
    r: Number(r),
    p: Number(p),
    maxmem: SCRYPT.maxmem,
  });
  return timingSafeEqual(expected, actual);
}

export async function addUser(
  db: Queryable,
  input: { name: string; role: string; password?: string; stationId?: string },
): Promise<
  Result<
    { id: string; name: string; role: UserRole; password: string; generated: boolean },
    ServiceError
  >
> {
  const name = input.name.trim();
  if (!/^[\p{L}\p{N}._-]{2,40}$/u.test(name))
    return failure('bad_request', 'a user name is 2-40 letters, digits, ".", "_" or "-"');
  if (!(USER_ROLES as readonly string[]).includes(input.role)) {
    return failure('bad_request', `role must be one of ${USER_ROLES.join(', ')}`);
  }
  if (input.role === 'station_staff' && !input.stationId)
    return failure('bad_request', 'station staff need --station');
  if (input.stationId && !isSlug(input.stationId))
    return failure('bad_request', 'station id must be a slug');
  if (input.password !== undefined && input.password.length < 10)
    return failure('bad_request', 'a password has at least 10 characters');
  const generated = input.password === undefined;
  const password = input.password ?? randomBytes(12).toString('base64url');
  const id = newDocumentId();
  const { rows } = await db.query<{ id: string }>(
    `insert into users (id, name, role, password_hash, station_id) values ($1, $2, $3, $4, $5)
     on conflict (name) do nothing returning id`,
    [id, name, input.role, hashPassword(password), input.stationId ?? null],
  );
  if (rows.length === 0) return failure('conflict', `user "${name}" already exists`);
  return ok({ id, name, role: input.role as UserRole, password, generated });
}
