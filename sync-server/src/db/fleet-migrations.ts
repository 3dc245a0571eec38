/**
 * Migrations of the device fleet and the inbox's columns (numbered from 120, apart from the
 * console's 10x). Append only, like MIGRATIONS.
 */
export const FLEET_MIGRATIONS: readonly { readonly version: number; readonly sql: string }[] = [
  {
    version: 120,
    sql: `
-- The inbox filters on real columns with indexes instead of documents.body->>'…' (50,000
-- cases: a filter on a json field read every body). Filled when a case is received; older
-- cases are filled here from their documents.
alter table cases add column category text;
alter table cases add column language text;
alter table cases add column filed_at text;
update cases c
   set category = coalesce(d.body->>'caseCategory', d.body->>'category'),
       language = d.body->>'language',
       filed_at = d.body->>'submittedAt'
  from documents d
 where d.collection = c.case_kind and d.id = c.case_id;
create index cases_status_inbox on cases (status, received_at desc);
create index cases_category_inbox on cases (category, received_at desc);
create index cases_language_inbox on cases (language, received_at desc);
create index cases_station_status_inbox on cases (station_id, status, received_at desc);

-- The heartbeat a device sends with its pulls (protocol/heartbeat.ts), and why it was revoked.
alter table devices add column heartbeat jsonb;
alter table devices add column heartbeat_at timestamptz;
alter table devices add column revoke_reason text;
`,
  },
];
