/**
 * The console's view of received cases: a filtered, scoped page with counts per status, one
 * case with what the resident sent, its photos and its timeline, and a CSV of a filtered list.
 */
import { CASE_KINDS, type CaseKind } from '@pls/shared/domain';
import type { Queryable } from '../db/database';
import type { CaseDetail, InboxItem, InboxPage } from '../console/api-types';
import { scopeParams, type CaseScope } from '../console/case-scope';
import {
  ASSIGNMENT_LIMIT_DAYS,
  caseClock,
  DECISION_LIMIT_DAYS,
  OBJECTION_LIMIT_DAYS,
} from '../console/statutory-clock';
import { holderOf } from './case-holder';

export interface InboxFilter {
  readonly stationId?: string;
  readonly kind?: CaseKind;
  readonly category?: string;
  readonly status?: string;
  readonly language?: string;
  readonly overdue?: boolean;
  /** Only the cases this user holds (首接负责制). */
  readonly heldBy?: string;
  readonly limit?: number;
  readonly offset?: number;
}

interface InboxRow {
  case_kind: CaseKind;
  case_id: string;
  tracking_code: string;
  status: string;
  station_id: string | null;
  region_code: string | null;
  holder_name: string | null;
  language: string | null;
  category: string | null;
  filed_at: string | null;
  received_at: Date;
  updated_at: Date;
}

/** Builds `where` with numbered parameters; scope first, so no filter can widen it. */
function whereClause(scope: CaseScope, filter: InboxFilter, now: Date, withStatus: boolean) {
  const params: unknown[] = [];
  const p = (value: unknown) => {
    params.push(value);
    return `$${params.length}`;
  };
  const [station, region, deny] = scopeParams(scope);
  const parts: string[] = [];
  if (deny) parts.push('false');
  if (station !== null) parts.push(`c.station_id = ${p(station)}`);
  if (region !== null)
    parts.push(
      `coalesce(s.region_code, h.region_code) like ${p(region.replace(/[%_]/g, ''))} || '%'`,
    );
  if (filter.stationId) parts.push(`c.station_id = ${p(filter.stationId)}`);
  if (filter.kind) parts.push(`c.case_kind = ${p(filter.kind)}`);
  // Real columns with indexes (fleet-migrations.ts 120), not the document's json.
  if (filter.category) parts.push(`c.category = ${p(filter.category)}`);
  if (filter.language) parts.push(`c.language = ${p(filter.language)}`);
  if (filter.heldBy) parts.push(`c.holder_user_id = ${p(filter.heldBy)}`);
  if (withStatus && filter.status) parts.push(`c.status = ${p(filter.status)}`);
  if (filter.overdue !== undefined) {
    // The three clocks of caseClock (statutory-clock.ts), in SQL.
    const at = `${p(now.toISOString())}::timestamptz`;
    const cond = `(c.case_kind = 'applications' and (
      (c.status in ('received', 'under_review')
        and c.received_at + interval '${DECISION_LIMIT_DAYS} days' < ${at})
      or (c.status = 'approved' and c.updated_at + interval '${ASSIGNMENT_LIMIT_DAYS} days' < ${at})
      or (c.status = 'objection' and c.updated_at + interval '${OBJECTION_LIMIT_DAYS} days' < ${at})))`;
    parts.push(filter.overdue ? cond : `not ${cond}`);
  }
  return { sql: parts.length ? `where ${parts.join(' and ')}` : '', params };
}

/** Lists and counts need no document body: every column they show or filter is on cases. */
const FROM = `from cases c
  left join stations s on s.id = c.station_id
  left join households h on h.id = c.household_id
  left join users holder on holder.id = c.holder_user_id`;
/**
 * Counts read every case in scope (50,000 in the bench): join the station and household tables
 * only when a region scope needs them, and never the holder's name.
 */
const countFrom = (scope: CaseScope): string =>
  scope.kind === 'region'
    ? `from cases c
  left join stations s on s.id = c.station_id
  left join households h on h.id = c.household_id`
    : 'from cases c';
const FROM_WITH_BODY = `${FROM}
  left join documents d on d.collection = c.case_kind and d.id = c.case_id`;

function toItem(r: InboxRow, now: Date): InboxItem {
  const receivedAt = new Date(r.received_at);
  const filedAt = r.filed_at ? new Date(r.filed_at) : null;
  return {
    caseKind: r.case_kind,
    trackingCode: r.tracking_code,
    status: r.status,
    stationId: r.station_id,
    regionCode: r.region_code,
    holderName: r.holder_name,
    language: r.language,
    category: r.category,
    filedAt: filedAt && !Number.isNaN(filedAt.getTime()) ? filedAt.toISOString() : null,
    receivedAt: receivedAt.toISOString(),
    ...caseClock({
      caseKind: r.case_kind,
      status: r.status,
      receivedAt,
      filedAt: filedAt && !Number.isNaN(filedAt.getTime()) ? filedAt : null,
      statusSince: new Date(r.updated_at),
      now,
    }),
  };
}

const ITEM_COLUMNS = `c.case_kind, c.case_id, c.tracking_code, c.status, c.station_id,
  coalesce(s.region_code, h.region_code) as region_code, holder.name as holder_name,
  c.language, c.category, c.filed_at, c.received_at, c.updated_at`;

export async function listInbox(
  db: Queryable,
  scope: CaseScope,
  filter: InboxFilter,
  now: Date,
): Promise<InboxPage> {
  const limit = Math.min(Math.max(filter.limit ?? 50, 1), 200);
  const offset = Math.max(filter.offset ?? 0, 0);
  const page = whereClause(scope, filter, now, true);
  const { rows } = await db.query<InboxRow>(
    `select ${ITEM_COLUMNS} ${FROM} ${page.sql}
      order by c.received_at desc, c.case_id limit ${limit} offset ${offset}`,
    page.params,
  );
  // Counts per status ignore the status filter, so the tabs show what each would hold.
  const counts = whereClause(scope, filter, now, false);
  const { rows: countRows } = await db.query<{ status: string; n: string }>(
    `select c.status, count(*) as n ${countFrom(scope)} ${counts.sql} group by c.status`,
    counts.params,
  );
  const countsByStatus: Record<string, number> = {};
  for (const r of countRows) countsByStatus[r.status] = Number(r.n);
  const total = filter.status
    ? (countsByStatus[filter.status] ?? 0)
    : Object.values(countsByStatus).reduce((a, b) => a + b, 0);
  return { items: rows.map((r) => toItem(r, now)), total, countsByStatus };
}

export async function getCaseDetail(
  db: Queryable,
  scope: CaseScope,
  trackingCode: string,
  now: Date,
): Promise<CaseDetail | undefined> {
  const where = whereClause(scope, {}, now, false);
  where.params.push(trackingCode);
  const cond = `${where.sql ? `${where.sql} and` : 'where'} c.tracking_code = $${where.params.length}`;
  const { rows } = await db.query<
    InboxRow & { center_reference: string; device_id: string; body: Record<string, unknown> | null }
  >(
    `select ${ITEM_COLUMNS}, c.center_reference, c.device_id, d.body ${FROM_WITH_BODY} ${cond} limit 1`,
    where.params,
  );
  const row = rows[0];
  if (!row) return undefined;
  const { rows: files } = await db.query<{
    attachment_id: string;
    mime_type: string;
    size: number;
  }>(
    `select aa.attachment_id, a.mime_type, a.size from application_attachments aa
       join attachments a on a.sha256 = aa.sha256
      where aa.application_id = $1 order by aa.uploaded_at`,
    [row.case_id],
  );
  const { rows: updates } = await db.query<{ body: Record<string, unknown> }>(
    `select body from documents where collection = 'case_updates'
       and body->>'caseId' = $1 order by seq`,
    [row.case_id],
  );
  // Holds and hand-overs (with their notes) belong on the timeline too.
  const { rows: handovers } = await db.query<{
    at: Date;
    action: string;
    actor: string;
    after_state: { holder?: string; note?: string } | null;
  }>(
    `select at, action, actor, after_state from audit_log
      where subject = $1 and action in ('case-hold', 'case-handover') order by id`,
    [trackingCode],
  );
  const holder = await holderOf(db, trackingCode);
  const timeline = [
    ...updates.map((u) => ({
      at: String(u.body['serverTime'] ?? u.body['createdAt'] ?? ''),
      kind: String(u.body['kind'] ?? ''),
      status: typeof u.body['status'] === 'string' ? u.body['status'] : null,
      staffName: typeof u.body['staffName'] === 'string' ? u.body['staffName'] : null,
      text: localizedText(u.body['answer']) ?? localizedText(u.body['reason']),
      codes: [...codeList(u.body['refusalReasons']), ...codeList(u.body['missingMaterials'])],
      lawyer: providerName(u.body['provider']),
    })),
    ...handovers.map((h) => ({
      at: new Date(h.at).toISOString(),
      kind: h.action === 'case-hold' ? 'hold' : 'handover',
      status: null,
      staffName:
        h.action === 'case-hold'
          ? (h.after_state?.holder ?? h.actor)
          : `${h.actor} → ${h.after_state?.holder ?? ''}`,
      text: h.after_state?.note ?? null,
      codes: [],
      lawyer: null,
    })),
  ].sort((a, b) => a.at.localeCompare(b.at));
  return {
    item: toItem(row, now),
    centerReference: row.center_reference,
    deviceId: row.device_id,
    holder: holder ?? null,
    document: row.body,
    attachments: files.map((f) => ({ id: f.attachment_id, mimeType: f.mime_type, size: f.size })),
    timeline,
  };
}

/** One photo of a case the scope may see; undefined when it may not (or there is none). */
export async function getCaseAttachment(
  db: Queryable,
  scope: CaseScope,
  trackingCode: string,
  attachmentId: string,
  now: Date,
): Promise<{ mimeType: string; bytes: Buffer } | undefined> {
  const where = whereClause(scope, {}, now, false);
  where.params.push(trackingCode, attachmentId);
  const n = where.params.length;
  const cond = `${where.sql ? `${where.sql} and` : 'where'} c.tracking_code = $${n - 1}`;
  const { rows } = await db.query<{ mime_type: string; bytes: Uint8Array }>(
    `select a.mime_type, a.bytes ${FROM}
       join application_attachments aa on aa.application_id = c.case_id and aa.attachment_id = $${n}
       join attachments a on a.sha256 = aa.sha256
     ${cond} and c.case_kind = 'applications' limit 1`,
    where.params,
  );
  const row = rows[0];
  return row ? { mimeType: row.mime_type, bytes: Buffer.from(row.bytes) } : undefined;
}

const localizedText = (value: unknown): string | null =>
  value !== null &&
  typeof value === 'object' &&
  typeof (value as { text?: unknown }).text === 'string'
    ? (value as { text: string }).text
    : null;

const codeList = (value: unknown): string[] =>
  Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];

const providerName = (value: unknown): CaseDetail['timeline'][number]['lawyer'] => {
  if (value === null || typeof value !== 'object') return null;
  const name = (value as { displayName?: unknown }).displayName;
  if (
    name !== null &&
    typeof name === 'object' &&
    typeof (name as { zh?: unknown }).zh === 'string'
  )
    return name as { zh: string; mn: string; mnStatus: string };
  const plain = (value as { name?: unknown }).name;
  return typeof plain === 'string' ? { zh: plain, mn: '', mnStatus: 'missing' } : null;
};

export const csvCell = (value: string | number | null | boolean): string => {
  const text = value === null ? '' : String(value);
  // A leading =, +, - or @ would run as a formula in a spreadsheet (CSV injection).
  const safe = /^[=+\-@]/.test(text) ? `'${text}` : text;
  return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
};

/** The filtered, scoped list as CSV (header row of field names; at most 50,000 rows). */
export async function inboxCsv(
  db: Queryable,
  scope: CaseScope,
  filter: InboxFilter,
  now: Date,
): Promise<string> {
  const where = whereClause(scope, filter, now, true);
  const { rows } = await db.query<InboxRow>(
    `select ${ITEM_COLUMNS} ${FROM} ${where.sql} order by c.received_at desc limit 50000`,
    where.params,
  );
  const header = [
    'kind',
    'trackingCode',
    'status',
    'stationId',
    'language',
    'category',
    'filedAt',
    'receivedAt',
    'dueAt',
    'overdue',
    'offlineFlag',
  ];
  const lines = rows.map((r) => {
    const i = toItem(r, now);
    return [
      i.caseKind,
      i.trackingCode,
      i.status,
      i.stationId,
      i.language,
      i.category,
      i.filedAt,
      i.receivedAt,
      i.dueAt,
      i.overdue,
      i.offlineFlag,
    ]
      .map(csvCell)
      .join(',');
  });
  return `\uFEFF${[header.join(','), ...lines].join('\r\n')}\r\n`;
}

export function isCaseKind(value: unknown): value is CaseKind {
  return typeof value === 'string' && (CASE_KINDS as readonly string[]).includes(value);
}
