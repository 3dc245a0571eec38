/**
 * The center's dashboard, in the caller's scope: cases by kind, category, station and week;
 * the share of applications decided within 《法律援助法》第四十三条's seven days; the median time
 * to a first response; satisfaction from the residents' ratings; devices silent for N days.
 * Every figure is computed in SQL from the same tables the inbox reads (no second copy).
 */
import type { Queryable } from '../db/database';
import { scopeParams, type CaseScope } from '../console/case-scope';
import { DECISION_LIMIT_DAYS } from '../console/statutory-clock';
import { listFleetDevices, type FleetDevice } from './fleet';

export interface Count {
  readonly key: string;
  readonly count: number;
}

export interface Dashboard {
  /** Cases received from this instant (inclusive) to `to` (exclusive). */
  readonly from: string;
  readonly to: string;
  readonly byKind: readonly Count[];
  readonly byCategory: readonly Count[];
  readonly byStation: readonly Count[];
  /** Monday of each week (China time), oldest first; weeks without cases count 0. */
  readonly byWeek: readonly Count[];
  readonly decision: {
    readonly limitDays: number;
    /** Applications with a decision (any status after review). */
    readonly decided: number;
    readonly withinLimit: number;
    /** Still undecided past the limit: they count against the share too. */
    readonly overdueUndecided: number;
    /** withinLimit / (decided + overdueUndecided); null when there is nothing to judge. */
    readonly share: number | null;
  };
  readonly firstResponse: {
    /** Cases of any kind with a first response from the center after its receipt. */
    readonly responded: number;
    readonly medianHours: number | null;
  };
  readonly satisfaction: {
    readonly ratings: number;
    readonly average: number | null;
    readonly byRating: readonly Count[];
  };
  readonly silent: { readonly days: number; readonly devices: readonly FleetDevice[] };
}

/** Statuses that are not yet a decision on an application (the clock of 第四十三条 runs). */
const UNDECIDED = ['submitted', 'received', 'under_review', 'needs_materials'];
const DAY_MS = 86_400_000;
/** Weeks begin on Monday in China (UTC+8, no daylight saving). */
const CHINA = "interval '8 hours'";

function caseScope(scope: CaseScope, params: unknown[]): string {
  const p = (value: unknown) => {
    params.push(value);
    return `$${params.length}`;
  };
  const [station, region, deny] = scopeParams(scope);
  if (deny) return 'false';
  if (station !== null) return `c.station_id = ${p(station)}`;
  if (region !== null)
    return `coalesce(s.region_code, h.region_code) like ${p(region.replace(/[%_]/g, ''))} || '%'`;
  return 'true';
}

const SCOPED_CASES = `cases c
  left join stations s on s.id = c.station_id
  left join households h on h.id = c.household_id`;

export async function dashboard(
  db: Queryable,
  scope: CaseScope,
  options: { readonly now: Date; readonly weeks?: number; readonly silentDays?: number },
): Promise<Dashboard> {
  const weeks = Math.min(Math.max(options.weeks ?? 12, 1), 104);
  const silentDays = Math.min(Math.max(options.silentDays ?? 3, 1), 365);
  const to = options.now;
  const from = new Date(to.getTime() - weeks * 7 * DAY_MS);
  const base: unknown[] = [from.toISOString(), to.toISOString()];
  const where = (params: unknown[]) =>
    `c.received_at >= $1::timestamptz and c.received_at < $2::timestamptz and ${caseScope(scope, params)}`;

  const grouped = async (expr: string): Promise<Count[]> => {
    const params = [...base];
    const { rows } = await db.query<{ key: string | null; n: string }>(
      `select ${expr} as key, count(*) as n from ${SCOPED_CASES} where ${where(params)}
        group by 1 order by 2 desc, 1`,
      params,
    );
    return rows.map((r) => ({ key: r.key ?? '', count: Number(r.n) }));
  };
  const byKind = await grouped('c.case_kind');
  const byCategory = await grouped("coalesce(c.category, '')");
  const byStation = await grouped("coalesce(c.station_id, '')");
  const weekly = await grouped(
    `to_char(date_trunc('week', c.received_at + ${CHINA}), 'YYYY-MM-DD')`,
  );
  const byWeek = fillWeeks(weekly, from, to);

  // First status change after the receipt of each case: a decision, a request, an answer.
  const params = [...base, UNDECIDED, DECISION_LIMIT_DAYS];
  const { rows: clock } = await db.query<{
    decided: string;
    within: string;
    overdue: string;
    responded: string;
    median_hours: number | null;
  }>(
    `with scoped as (
       select c.case_kind, c.case_id, c.status, c.received_at from ${SCOPED_CASES} where ${where(params)}
     ), updates as (
       select u.body->>'caseKind' as case_kind, u.body->>'caseId' as case_id,
              u.body->>'status' as status,
              coalesce(u.body->>'serverTime', u.body->>'createdAt')::timestamptz as at
         from documents u
        where u.collection = 'case_updates' and u.body->>'kind' is distinct from 'received'
     ), firsts as (
       select sc.case_kind, sc.case_id, sc.status, sc.received_at,
              min(up.at) as first_at,
              min(up.at) filter (where sc.case_kind = 'applications'
                                   and not (up.status = any($3::text[]))) as decided_at
         from scoped sc left join updates up
           on up.case_kind = sc.case_kind and up.case_id = sc.case_id and up.at >= sc.received_at
        group by 1, 2, 3, 4
     )
     select count(*) filter (where decided_at is not null) as decided,
            count(*) filter (where decided_at is not null
                               and decided_at <= received_at + make_interval(days => $4::int)) as within,
            count(*) filter (where case_kind = 'applications' and decided_at is null
                               and status = any($3::text[])
                               and received_at + make_interval(days => $4::int) < $2::timestamptz) as overdue,
            count(first_at) as responded,
            (percentile_cont(0.5) within group (order by extract(epoch from first_at - received_at))
               filter (where first_at is not null)) / 3600 as median_hours
       from firsts`,
    params,
  );
  const c = clock[0]!;
  const decided = Number(c.decided);
  const withinLimit = Number(c.within);
  const overdueUndecided = Number(c.overdue);
  const judged = decided + overdueUndecided;

  // Ratings sent from devices in scope during the same weeks.
  const fParams: unknown[] = [...base];
  const devScope = deviceScope(scope, fParams);
  const { rows: ratings } = await db.query<{ rating: number | null; n: string }>(
    `select (f.body->>'rating')::int as rating, count(*) as n
       from documents f join devices dv on dv.id = f.owner_device_id
      where f.collection = 'feedback'
        and (f.body->>'createdAt')::timestamptz >= $1::timestamptz
        and (f.body->>'createdAt')::timestamptz < $2::timestamptz
        and ${devScope}
      group by 1 order by 1`,
    fParams,
  );
  const byRating = ratings
    .filter((r) => r.rating !== null)
    .map((r) => ({ key: String(r.rating), count: Number(r.n) }));
  const ratingCount = byRating.reduce((a, r) => a + r.count, 0);
  const ratingSum = byRating.reduce((a, r) => a + Number(r.key) * r.count, 0);

  return {
    from: from.toISOString(),
    to: to.toISOString(),
    byKind,
    byCategory,
    byStation,
    byWeek,
    decision: {
      limitDays: DECISION_LIMIT_DAYS,
      decided,
      withinLimit,
      overdueUndecided,
      share: judged > 0 ? withinLimit / judged : null,
    },
    firstResponse: {
      responded: Number(c.responded),
      medianHours: c.median_hours === null ? null : Number(c.median_hours),
    },
    satisfaction: {
      ratings: ratingCount,
      average: ratingCount > 0 ? ratingSum / ratingCount : null,
      byRating,
    },
    silent: {
      days: silentDays,
      devices: await listFleetDevices(db, scope, options.now, { silentDays }),
    },
  };
}

function deviceScope(scope: CaseScope, params: unknown[]): string {
  const [station, region, deny] = scopeParams(scope);
  if (deny) return 'false';
  if (station !== null) {
    params.push(station);
    return `dv.station_id = $${params.length}`;
  }
  if (region !== null) {
    params.push(region.replace(/[%_]/g, ''));
    return `dv.region_code like $${params.length} || '%'`;
  }
  return 'true';
}

/** Every Monday from the week of `from` to the week of `to`, with the counts found. */
function fillWeeks(found: readonly Count[], from: Date, to: Date): Count[] {
  const counts = new Map(found.map((c) => [c.key, c.count]));
  const china = (d: Date) => new Date(d.getTime() + 8 * 3_600_000);
  const monday = (d: Date) => {
    const day = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()));
    day.setUTCDate(day.getUTCDate() - ((day.getUTCDay() + 6) % 7));
    return day;
  };
  const out: Count[] = [];
  const last = monday(china(to));
  for (let d = monday(china(from)); d <= last; d = new Date(d.getTime() + 7 * DAY_MS)) {
    const key = d.toISOString().slice(0, 10);
    out.push({ key, count: counts.get(key) ?? 0 });
  }
  return out;
}
