/**
 * Stream tickets: `POST /api/sync/stream-ticket` (bearer token) gives a ticket that opens one
 * event stream within STREAM_TICKET_SECONDS, once. The long-lived token never goes in a URL.
 * Stored hashed, like tokens; redeeming deletes it, so a ticket copied from a log is dead.
 */
import type { Queryable } from '../db/database';
import { hashSecret, newToken } from '../auth/tokens';

const STREAM_TICKET_SECONDS = 60;

export interface StreamTicket {
  readonly ticket: string;
  readonly expiresAt: string;
}

export async function issueStreamTicket(
  db: Queryable,
  tokenHash: string,
  now: Date,
): Promise<StreamTicket> {
  const ticket = newToken();
  const expiresAt = new Date(now.getTime() + STREAM_TICKET_SECONDS * 1000);
  // Expired tickets of anyone go with each issue: the table stays as small as the live ones.
  await db.query('delete from stream_tickets where expires_at < $1', [now.toISOString()]);
  await db.query(
    'insert into stream_tickets (ticket_hash, token_hash, expires_at) values ($1, $2, $3)',
    [hashSecret(ticket), tokenHash, expiresAt.toISOString()],
  );
  return { ticket, expiresAt: expiresAt.toISOString() };
}

/** The token hash the ticket was issued for, or null (unknown, used or expired). */
export async function redeemStreamTicket(
  db: Queryable,
  ticket: string,
  now: Date,
): Promise<string | null> {
  const { rows } = await db.query<{ token_hash: string; expires_at: Date | string }>(
    'delete from stream_tickets where ticket_hash = $1 returning token_hash, expires_at',
    [hashSecret(ticket)],
  );
  const row = rows[0];
  if (!row) return null;
  return new Date(row.expires_at).getTime() >= now.getTime() ? row.token_hash : null;
}
