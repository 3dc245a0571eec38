/**
 * The lawyer directory the console assigns from: the published `directory` entries of kind
 * lawyer or mediator (sample entries say so), each with how many open cases it holds now, so
 * a reviewer spreads the work (12348's 中台分配). Open = the case's current status is
 * `assigned` (or 先行提供 with a lawyer) and its latest assignment names this entry.
 */
import type { LocalizedText } from '@pls/shared/domain';
import type { Queryable } from '../db/database';

export interface Lawyer {
  readonly id: string;
  readonly kind: 'lawyer' | 'mediator';
  readonly name: LocalizedText;
  readonly stationId: string | null;
  readonly regionCode: string;
  readonly phone: string | null;
  readonly languages: readonly string[];
  readonly specialties: readonly string[];
  /** Made up for demonstration: to be replaced by the center's real directory. */
  readonly sample: boolean;
  readonly openCases: number;
}

interface LawyerRow {
  id: string;
  body: {
    kind: 'lawyer' | 'mediator';
    name: LocalizedText;
    stationId?: string;
    regionCode: string;
    phone?: string;
    languages: string[];
    specialties: string[];
    sample: boolean;
    order: number;
  };
  open_cases: string | null;
}

const OPEN_WITH_LAWYER = `('assigned', 'urgent_aid')`;

export async function listLawyers(db: Queryable): Promise<Lawyer[]> {
  const { rows } = await db.query<LawyerRow>(
    `with latest as (
       select distinct on (u.body->>'caseId') u.body->>'caseId' as case_id,
              u.body->'provider'->>'directoryId' as lawyer_id
         from documents u
        where u.collection = 'case_updates' and u.body->>'kind' = 'provider_assigned'
        order by u.body->>'caseId', u.seq desc
     ), open as (
       select l.lawyer_id, count(*) as n from latest l
         join cases c on c.case_id = l.case_id and c.case_kind = 'applications'
        where c.status in ${OPEN_WITH_LAWYER}
        group by l.lawyer_id
     )
     select d.id, d.body, o.n as open_cases
       from documents d left join open o on o.lawyer_id = d.id
      where d.collection = 'directory' and d.body->>'kind' in ('lawyer', 'mediator')
        and coalesce(d.body->>'withdrawn', 'false') <> 'true'
        and coalesce(d.body->>'_deleted', 'false') <> 'true'
      order by (d.body->>'order')::int, d.id`,
  );
  return rows.map((r) => ({
    id: r.id,
    kind: r.body.kind,
    name: r.body.name,
    stationId: r.body.stationId ?? null,
    regionCode: r.body.regionCode,
    phone: r.body.phone ?? null,
    languages: r.body.languages,
    specialties: r.body.specialties,
    sample: r.body.sample,
    openCases: Number(r.open_cases ?? 0),
  }));
}

/**
 * The directory ordered for one case: the case's own station first, then its league or city
 * (the first four digits of the region code), then the rest; within each, fewer open cases
 * first.
 */
export function rankLawyersFor(
  lawyers: readonly Lawyer[],
  item: { readonly stationId: string | null; readonly regionCode: string | null },
): Lawyer[] {
  const near = (l: Lawyer): number =>
    item.stationId !== null && l.stationId === item.stationId
      ? 0
      : item.regionCode !== null && l.regionCode.slice(0, 4) === item.regionCode.slice(0, 4)
        ? 1
        : 2;
  return [...lawyers].sort((a, b) => near(a) - near(b) || a.openCases - b.openCases);
}

export async function findLawyer(db: Queryable, id: string): Promise<Lawyer | undefined> {
  return (await listLawyers(db)).find((l) => l.id === id);
}
