/**
 * Schema migrations, applied in order, each once, in one transaction under an advisory lock
 * (several server processes may start together on one PostgreSQL). Append only: a shipped
 * migration is never edited.
 */
import { COLLECTION_NAMES } from '@pls/shared/domain';
import { CONSOLE_MIGRATIONS } from './console-migrations';
import { FLEET_MIGRATIONS } from './fleet-migrations';
import type { Database } from './database';

const MIGRATION_LOCK = 804_119_001;

export const MIGRATIONS: readonly { readonly version: number; readonly sql: string }[] = [
  {
    version: 1,
    sql: `
create table documents (
  collection text not null,
  id text not null,
  -- Server-owned position in the collection's change feed, outside the replicated body.
  seq bigint not null,
  -- The document exactly as replicated (RxDB's _deleted included). json, not jsonb: stored and
  -- returned as the very text that was written, so a pull splices it into the answer unparsed.
  body json not null,
  -- Scope columns, copied from the body when written, so pulls filter with an index.
  owner_device_id text,
  household_id text,
  region_code text,
  audiences text[],
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  primary key (collection, id)
);
create unique index documents_feed on documents (collection, seq);
create index documents_owner on documents (collection, owner_device_id, seq) where owner_device_id is not null;
create index documents_household on documents (collection, household_id, seq) where household_id is not null;

-- Last seq per collection. Writers lock their collection's row until commit, so seqs become
-- visible in increasing order and a reader never skips one committed later with a lower seq.
create table collection_seq (
  collection text primary key,
  last_seq bigint not null default 0
);
insert into collection_seq (collection) values ${COLLECTION_NAMES.map((c) => `('${c}')`).join(', ')};

create table stations (
  id text primary key,
  name text not null,
  region_code text not null,
  created_at timestamptz not null default now()
);

create table households (
  id text primary key,
  region_code text not null,
  created_at timestamptz not null default now()
);

-- n of deviceTagFor(n): every enrolled device gets the next one.
create sequence device_number_seq start 1;

create table devices (
  id text primary key,
  kind text not null check (kind in ('kiosk', 'tv')),
  name text not null,
  station_id text references stations (id),
  household_id text references households (id),
  region_code text not null,
  device_number bigint not null unique,
  device_tag text not null unique,
  token_hash text not null unique,
  created_at timestamptz not null default now(),
  revoked_at timestamptz,
  last_seen_at timestamptz,
  last_sync_at timestamptz,
  check ((kind = 'kiosk' and station_id is not null) or (kind = 'tv' and household_id is not null))
);

create table enrollment_codes (
  code_hash text primary key,
  kind text not null check (kind in ('kiosk', 'tv')),
  station_id text references stations (id),
  household_id text references households (id),
  created_at timestamptz not null default now(),
  expires_at timestamptz not null,
  used_at timestamptz,
  device_id text
);

-- Current status of every case the center received; the history is in case_updates.
create table cases (
  case_kind text not null,
  case_id text not null,
  tracking_code text not null,
  device_id text not null,
  station_id text,
  household_id text,
  status text not null,
  center_reference text not null unique,
  received_at timestamptz not null,
  updated_at timestamptz not null,
  primary key (case_kind, case_id)
);
create index cases_tracking on cases (tracking_code);
create sequence center_reference_seq start 1;

-- Photo bytes, content-addressed: one copy per sha256 however many applications name it.
create table attachments (
  sha256 text primary key,
  mime_type text not null,
  size integer not null,
  bytes bytea not null,
  created_at timestamptz not null default now()
);
create table application_attachments (
  application_id text not null,
  attachment_id text not null,
  sha256 text not null references attachments (sha256),
  device_id text not null,
  uploaded_at timestamptz not null default now(),
  primary key (application_id, attachment_id)
);

create table users (
  id text primary key,
  name text not null unique,
  role text not null check (role in ('admin', 'reviewer', 'station_staff')),
  password_hash text not null,
  station_id text references stations (id),
  created_at timestamptz not null default now(),
  disabled_at timestamptz
);

create table audit_log (
  id bigserial primary key,
  at timestamptz not null default now(),
  actor text not null,
  action text not null,
  subject text,
  detail jsonb
);
`,
  },
  {
    version: 2,
    sql: `
-- One-time tickets for the event stream (EventSource sends no headers): a short-lived value in
-- the URL instead of the device token, which proxies would log. In the database, not memory:
-- the stream may reach another server process than the one that issued the ticket.
create table stream_tickets (
  ticket_hash text primary key,
  token_hash text not null,
  expires_at timestamptz not null
);
create index stream_tickets_expiry on stream_tickets (expires_at);
`,
  },
  ...CONSOLE_MIGRATIONS,
  ...FLEET_MIGRATIONS,
];

export async function migrate(db: Database): Promise<number[]> {
  return db.transaction(async (tx) => {
    await tx.query('select pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
    await tx.query(
      'create table if not exists schema_migrations (version integer primary key, applied_at timestamptz not null default now())',
    );
    const { rows } = await tx.query<{ version: number }>('select version from schema_migrations');
    const done = new Set(rows.map((r) => r.version));
    const applied: number[] = [];
    for (const migration of MIGRATIONS) {
      if (done.has(migration.version)) continue;
      await tx.exec(migration.sql);
      await tx.query('insert into schema_migrations (version) values ($1)', [migration.version]);
      applied.push(migration.version);
    }
    return applied;
  });
}
