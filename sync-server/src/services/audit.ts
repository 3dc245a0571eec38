/**
 * The audit log: who changed what, when, before → after, from which address. Always written
 * with the transaction of the change it records, so there is no change without its entry.
 */
import type { Queryable } from '../db/database';

export interface AuditEntry {
  readonly actor: string;
  readonly action: string;
  readonly subject: string | null;
  readonly detail?: unknown;
  readonly before?: unknown;
  readonly after?: unknown;
  readonly address?: string | null;
}

const json = (value: unknown): string | null =>
  value === undefined || value === null ? null : JSON.stringify(value);

export async function recordAudit(tx: Queryable, entry: AuditEntry): Promise<void> {
  await tx.query(
    `insert into audit_log (actor, action, subject, detail, before_state, after_state, address)
     values ($1, $2, $3, $4::jsonb, $5::jsonb, $6::jsonb, $7)`,
    [
      entry.actor,
      entry.action,
      entry.subject,
      json(entry.detail),
      json(entry.before),
      json(entry.after),
      entry.address ?? null,
    ],
  );
}

export interface AuditRecord {
  readonly id: number;
  readonly at: string;
  readonly actor: string;
  readonly action: string;
  readonly subject: string | null;
  readonly detail: unknown;
  readonly before: unknown;
  readonly after: unknown;
  readonly address: string | null;
}

export interface AuditFilter {
  readonly actor?: string;
  readonly action?: string;
  readonly subject?: string;
  /** ISO dates, inclusive start, exclusive end. */
  readonly from?: string;
  readonly to?: string;
  /** Entries older than this id (paging backwards in time). */
  readonly beforeId?: number;
  readonly limit?: number;
}

export async function listAudit(db: Queryable, filter: AuditFilter = {}): Promise<AuditRecord[]> {
  const { rows } = await db.query<{
    id: string;
    at: Date;
    actor: string;
    action: string;
    subject: string | null;
    detail: unknown;
    before_state: unknown;
    after_state: unknown;
    address: string | null;
  }>(
    `select id, at, actor, action, subject, detail, before_state, after_state, address
       from audit_log
      where ($1::text is null or actor = $1)
        and ($2::text is null or action = $2)
        and ($3::text is null or subject = $3)
        and ($4::timestamptz is null or at >= $4)
        and ($5::timestamptz is null or at < $5)
        and ($6::bigint is null or id < $6)
      order by id desc
      limit $7`,
    [
      filter.actor ?? null,
      filter.action ?? null,
      filter.subject ?? null,
      filter.from ?? null,
      filter.to ?? null,
      filter.beforeId ?? null,
      Math.min(Math.max(filter.limit ?? 100, 1), 500),
    ],
  );
  return rows.map((r) => ({
    id: Number(r.id),
    at: new Date(r.at).toISOString(),
    actor: r.actor,
    action: r.action,
    subject: r.subject,
    detail: r.detail,
    before: r.before_state,
    after: r.after_state,
    address: r.address,
  }));
}
