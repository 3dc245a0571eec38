/**
 * Migrations of the staff console (numbered from 100 so they never collide with the sync
 * server's own). Append only, like MIGRATIONS.
 */
export const CONSOLE_MIGRATIONS: readonly { readonly version: number; readonly sql: string }[] = [
  {
    version: 101,
    sql: `
-- Server-side console sessions: one row per signed-in browser, so one can be revoked at once.
create table console_sessions (
  id text primary key,
  user_id text references users (id),
  data json not null,
  expires_at timestamptz not null,
  updated_at timestamptz not null default now()
);
create index console_sessions_user on console_sessions (user_id);
create index console_sessions_expiry on console_sessions (expires_at);

-- Secrets the console keeps between restarts and shares between processes (cookie signing).
create table console_secrets (
  name text primary key,
  value text not null,
  created_at timestamptz not null default now()
);

-- A reviewer sees the cases of the stations whose region code starts with theirs.
alter table users add column region_code text;
alter table users add column password_changed_at timestamptz;

-- Who, what, when, before → after, from which address.
alter table audit_log add column before_state jsonb;
alter table audit_log add column after_state jsonb;
alter table audit_log add column address text;
create index audit_log_at on audit_log (at desc, id desc);
create index audit_log_actor on audit_log (actor, at desc);

-- The inbox pages newest first; station staff page within their station.
create index cases_inbox on cases (received_at desc, case_id);
create index cases_station_inbox on cases (station_id, received_at desc);
`,
  },
  {
    version: 102,
    sql: `
-- 首接负责制: the first staff member who opens a case holds it until they hand it on.
alter table cases add column holder_user_id text references users (id);
alter table cases add column held_at timestamptz;
create index cases_holder on cases (holder_user_id, received_at desc) where holder_user_id is not null;
`,
  },
  {
    // 131, not 103: other console work appends its own numbers; the gap keeps merges apart.
    version: 131,
    sql: `
-- case_updates schema v0 → v1 (shared/src/domain/case-update-migration.ts does the same step
-- on the devices): every v0 update is valid v1, only the version stamp changes. The stored
-- text is edited in place, not re-serialised through jsonb, so key order stays as written; seq
-- stays too (devices migrate their own copies, nothing needs to be pulled again).
update documents
   set body = regexp_replace(body::text, '"schemaVersion":0([,}])', '"schemaVersion":1\\1')::json
 where collection = 'case_updates' and body->>'schemaVersion' = '0';
`,
  },
];
