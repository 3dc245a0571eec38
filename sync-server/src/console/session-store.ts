/**
 * @fastify/session store on the server's database (PGlite or PostgreSQL): sessions survive a
 * restart, are shared by every server process, and one can be ended by deleting its row
 * (disabling a user or resetting their password deletes all of theirs in the same transaction).
 */
import type { SessionStore } from '@fastify/session';
import type { Session } from 'fastify';
import type { Queryable } from '../db/database';

export const SESSION_MAX_AGE_MS = 8 * 60 * 60 * 1000;

type Callback = (error?: unknown) => void;

export class DatabaseSessionStore implements SessionStore {
  constructor(
    private readonly db: Queryable,
    private readonly now: () => Date,
  ) {}

  set(sessionId: string, session: Session, callback: Callback): void {
    const expires = session.cookie.expires
      ? new Date(session.cookie.expires)
      : new Date(this.now().getTime() + SESSION_MAX_AGE_MS);
    this.db
      .query(
        `insert into console_sessions (id, user_id, data, expires_at, updated_at)
         values ($1, $2, $3::json, $4, now())
         on conflict (id) do update set user_id = excluded.user_id, data = excluded.data,
           expires_at = excluded.expires_at, updated_at = now()`,
        [sessionId, session.userId ?? null, JSON.stringify(session), expires.toISOString()],
      )
      .then(() => callback(), callback);
  }

  get(sessionId: string, callback: (error: unknown, session?: Session | null) => void): void {
    this.db
      .query<{ data: Session }>(
        'select data from console_sessions where id = $1 and expires_at > $2',
        [sessionId, this.now().toISOString()],
      )
      .then(
        ({ rows }) => callback(null, rows[0]?.data ?? null),
        (error: unknown) => callback(error),
      );
  }

  destroy(sessionId: string, callback: Callback): void {
    this.db
      .query('delete from console_sessions where id = $1', [sessionId])
      .then(() => callback(), callback);
  }
}

/** Expired rows are dead weight only; the console deletes them now and then. */
export async function deleteExpiredSessions(db: Queryable, now: Date): Promise<number> {
  const { rows } = await db.query<{ id: string }>(
    'delete from console_sessions where expires_at <= $1 returning id',
    [now.toISOString()],
  );
  return rows.length;
}
