/**
 * Staff console accounts: add, sign in, change or reset a password, disable. The admin CLI and
 * the console call these same functions. Passwords are hashed with Argon2id (OWASP: 19 MiB,
 * t=2, p=1; ~16 ms on a worker thread of @node-rs/argon2, so a login never blocks the event
 * loop). Hashes written by the first version (scrypt) still verify, asynchronously, and are
 * re-hashed with Argon2id at the next successful login.
 */
import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';
import { availableParallelism } from 'node:os';
import { hash as argon2Hash, verify as argon2Verify } from '@node-rs/argon2';
import { isSlug, newDocumentId, ok, type Result } from '@pls/shared/domain';
import type { Database, Queryable } from '../db/database';
import { failure, type ServiceError } from '../errors';
import { recordAudit } from './audit';

const USER_ROLES = ['admin', 'reviewer', 'station_staff'] as const;
export type UserRole = (typeof USER_ROLES)[number];

// @node-rs/argon2's defaults are exactly OWASP's Argon2id minimum; named here so a change shows.
const ARGON2 = { memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

/**
 * At most (cores − 1) hashes at once: each is CPU- and memory-bound on a worker thread, and with
 * one per core the event loop's own thread is starved (20 logins at once on 2 cores delayed
 * every other request by hundreds of ms). Later ones wait their turn in order.
 */
const HASH_SLOTS = Math.max(1, availableParallelism() - 1);
let hashesRunning = 0;
const hashQueue: Array<() => void> = [];

async function inHashSlot<T>(work: () => Promise<T>): Promise<T> {
  if (hashesRunning >= HASH_SLOTS) await new Promise<void>((resolve) => hashQueue.push(resolve));
  hashesRunning++;
  try {
    return await work();
  } finally {
    hashesRunning--;
    hashQueue.shift()?.();
  }
}

function hashPassword(password: string): Promise<string> {
  return inHashSlot(() => argon2Hash(password, ARGON2));
}

function scryptAsync(password: string, salt: Buffer, length: number, options: ScryptOptions) {
  return new Promise<Buffer>((resolve, reject) =>
    scrypt(password, salt, length, options, (error, key) => (error ? reject(error) : resolve(key))),
  );
}

async function verifyPassword(password: string, stored: string): Promise<boolean> {
  if (stored.startsWith('$argon2'))
    return inHashSlot(() => argon2Verify(stored, password)).catch(() => false);
  const [scheme, n, r, p, saltHex, hashHex] = stored.split('$');
  if (scheme !== 'scrypt' || !n || !r || !p || !saltHex || !hashHex) return false;
  const expected = Buffer.from(hashHex, 'hex');
  const actual = await scryptAsync(password, Buffer.from(saltHex, 'hex'), expected.length, {
    N: Number(n),
    r: Number(r),
    p: Number(p),
    maxmem: 64 * 1024 * 1024,
  });
  return timingSafeEqual(expected, actual);
}

/** A hash to compare against when the name is unknown, so both cases take as long. */
let dummyHash: Promise<string> | undefined;

export interface UserRecord {
  readonly id: string;
  readonly name: string;
  readonly role: UserRole;
  readonly stationId: string | null;
  readonly regionCode: string | null;
  readonly createdAt: string;
  readonly disabledAt: string | null;
}

interface UserRow {
  id: string;
  name: string;
  role: UserRole;
  station_id: string | null;
  region_code: string | null;
  created_at: Date;
  disabled_at: Date | null;
  password_hash: string;
}

const USER_COLUMNS =
  'id, name, role, station_id, region_code, created_at, disabled_at, password_hash';

function toUser(r: UserRow): UserRecord {
  return {
    id: r.id,
    name: r.name,
    role: r.role,
    stationId: r.station_id,
    regionCode: r.region_code,
    createdAt: new Date(r.created_at).toISOString(),
    disabledAt: r.disabled_at ? new Date(r.disabled_at).toISOString() : null,
  };
}

/** Who did it and from where: goes into the audit entry of the change. */
export interface Actor {
  readonly name: string;
  readonly address?: string | null;
}

const CLI_ACTOR: Actor = { name: 'admin-cli' };

export async function addUser(
  db: Database,
  input: {
    name: string;
    role: string;
    password?: string;
    stationId?: string;
    regionCode?: string;
  },
  actor: Actor = CLI_ACTOR,
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
  if (input.regionCode !== undefined && !/^\d{2,12}$/.test(input.regionCode))
    return failure('bad_request', 'a region code is 2-12 digits (行政区划代码 prefix)');
  if (input.password !== undefined && input.password.length < 10)
    return failure('bad_request', 'a password has at least 10 characters');
  const generated = input.password === undefined;
  const password = input.password ?? randomBytes(12).toString('base64url');
  const passwordHash = await hashPassword(password);
  return db.transaction(async (tx) => {
    let regionCode = input.regionCode ?? null;
    if (input.stationId) {
      const { rows } = await tx.query<{ region_code: string }>(
        'select region_code from stations where id = $1',
        [input.stationId],
      );
      if (!rows[0]) return failure('not_found', `no station ${input.stationId}`);
      regionCode ??= rows[0].region_code;
    }
    const id = newDocumentId();
    const { rows } = await tx.query<{ id: string }>(
      `insert into users (id, name, role, password_hash, station_id, region_code, password_changed_at)
       values ($1, $2, $3, $4, $5, $6, now()) on conflict (name) do nothing returning id`,
      [id, name, input.role, passwordHash, input.stationId ?? null, regionCode],
    );
    if (rows.length === 0) return failure('conflict', `user "${name}" already exists`);
    await recordAudit(tx, {
      actor: actor.name,
      action: 'user-add',
      subject: name,
      after: { role: input.role, stationId: input.stationId ?? null, regionCode },
      address: actor.address ?? null,
    });
    return ok({ id, name, role: input.role as UserRole, password, generated });
  });
}

export async function getUser(db: Queryable, id: string): Promise<UserRecord | undefined> {
  const { rows } = await db.query<UserRow>(`select ${USER_COLUMNS} from users where id = $1`, [id]);
  return rows[0] ? toUser(rows[0]) : undefined;
}

export async function listUsers(db: Queryable): Promise<UserRecord[]> {
  const { rows } = await db.query<UserRow>(`select ${USER_COLUMNS} from users order by name`);
  return rows.map(toUser);
}

/**
 * Checks a name and password. An unknown name, a wrong password and a disabled account all
 * answer the same `unauthorized`, so the answer does not tell which names exist.
 */
export async function authenticate(
  db: Database,
  name: string,
  password: string,
  address: string | null = null,
): Promise<Result<UserRecord, ServiceError>> {
  const { rows } = await db.query<UserRow>(`select ${USER_COLUMNS} from users where name = $1`, [
    name.trim(),
  ]);
  const row = rows[0];
  dummyHash ??= hashPassword(randomBytes(16).toString('hex'));
  const matches = await verifyPassword(password, row?.password_hash ?? (await dummyHash));
  if (!row || !matches || row.disabled_at) {
    await recordAudit(db, {
      actor: name.trim().slice(0, 40),
      action: 'login-failed',
      subject: row ? row.name : null,
      address,
    });
    return failure('unauthorized', 'wrong name or password');
  }
  await db.transaction(async (tx) => {
    if (!row.password_hash.startsWith('$argon2'))
      await tx.query('update users set password_hash = $2 where id = $1', [
        row.id,
        await hashPassword(password),
      ]);
    await recordAudit(tx, { actor: row.name, action: 'login', subject: row.name, address });
  });
  return ok(toUser(row));
}

export async function changePassword(
  db: Database,
  userId: string,
  input: { current: string; next: string },
  actor: Actor,
): Promise<Result<void, ServiceError>> {
  if (input.next.length < 10)
    return failure('bad_request', 'a password has at least 10 characters');
  const { rows } = await db.query<UserRow>(`select ${USER_COLUMNS} from users where id = $1`, [
    userId,
  ]);
  const row = rows[0];
  if (!row || row.disabled_at) return failure('unauthorized', 'not signed in');
  if (!(await verifyPassword(input.current, row.password_hash)))
    return failure('forbidden', 'the current password is wrong');
  const next = await hashPassword(input.next);
  await db.transaction(async (tx) => {
    await tx.query(
      'update users set password_hash = $2, password_changed_at = now() where id = $1',
      [userId, next],
    );
    await recordAudit(tx, {
      actor: actor.name,
      action: 'password-change',
      subject: row.name,
      address: actor.address ?? null,
    });
  });
  return ok();
}

/** Sets a new password for someone else (admin) and ends all their sessions. */
export async function resetPassword(
  db: Database,
  userId: string,
  password: string,
  actor: Actor,
): Promise<Result<UserRecord, ServiceError>> {
  if (password.length < 10) return failure('bad_request', 'a password has at least 10 characters');
  const next = await hashPassword(password);
  return db.transaction(async (tx) => {
    const { rows } = await tx.query<UserRow>(
      `update users set password_hash = $2, password_changed_at = now() where id = $1
       returning ${USER_COLUMNS}`,
      [userId, next],
    );
    if (!rows[0]) return failure('not_found', 'no such user');
    await tx.query('delete from console_sessions where user_id = $1', [userId]);
    await recordAudit(tx, {
      actor: actor.name,
      action: 'password-reset',
      subject: rows[0].name,
      address: actor.address ?? null,
    });
    return ok(toUser(rows[0]));
  });
}

/** Disables (or enables) an account; disabling ends its sessions in the same transaction. */
export async function setUserDisabled(
  db: Database,
  userId: string,
  disabled: boolean,
  actor: Actor,
): Promise<Result<UserRecord, ServiceError>> {
  return db.transaction(async (tx) => {
    const before = await tx.query<UserRow>(
      `select ${USER_COLUMNS} from users where id = $1 for update`,
      [userId],
    );
    const row = before.rows[0];
    if (!row) return failure('not_found', 'no such user');
    if (row.name === actor.name && disabled)
      return failure('conflict', 'you cannot disable your own account');
    const { rows } = await tx.query<UserRow>(
      `update users set disabled_at = case when $2 then coalesce(disabled_at, now()) else null end
        where id = $1 returning ${USER_COLUMNS}`,
      [userId, disabled],
    );
    if (disabled) await tx.query('delete from console_sessions where user_id = $1', [userId]);
    await recordAudit(tx, {
      actor: actor.name,
      action: disabled ? 'user-disable' : 'user-enable',
      subject: row.name,
      before: { disabled: row.disabled_at !== null },
      after: { disabled },
      address: actor.address ?? null,
    });
    return ok(toUser(rows[0]!));
  });
}
