/**
 * The server's receipt: when a case (application, question, booking) reaches the center for
 * the first time, the center answers with a `case_updates` document of kind 'received'
 * carrying the server time and the center's reference. Only then does the device show
 * "received by the center" and start its retention timer.
 */
import { caseUpdateSchema, newDocumentId, type CaseKind } from '@pls/shared/domain';
import type { WireDocument } from '@pls/shared/protocol';
import type { Queryable } from '../db/database';

const REFERENCE_PREFIX: Readonly<Record<CaseKind, string>> = {
  applications: 'FY', // 法援
  questions: 'ZX', // 咨询
  appointments: 'YY', // 预约
};

const textOf = (value: unknown): string | null =>
  typeof value === 'string' && value !== '' ? value.slice(0, 80) : null;

export function formatCenterReference(kind: CaseKind, year: number, n: number): string {
  return `${REFERENCE_PREFIX[kind]}${year}-${String(n).padStart(6, '0')}`;
}

/**
 * Registers newly arrived cases and returns their receipts (to be written to case_updates in
 * the same transaction). A case already registered gets no second receipt.
 */
export async function registerCases(
  tx: Queryable,
  kind: CaseKind,
  docs: readonly WireDocument[],
  now: Date,
): Promise<WireDocument[]> {
  const fresh = docs.filter((doc) => doc._deleted !== true);
  if (fresh.length === 0) return [];
  const { rows: numbers } = await tx.query<{ n: number }>(
    'select nextval($1)::bigint as n from generate_series(1, $2::int)',
    ['center_reference_seq', fresh.length],
  );
  const iso = now.toISOString();
  const records = fresh.map((doc, i) => ({
    case_id: doc['id'],
    tracking_code: doc['trackingCode'],
    device_id: doc['deviceId'],
    station_id: doc['stationId'] ?? null,
    household_id: doc['householdId'] ?? null,
    // The inbox's filter columns (fleet-migrations.ts 120).
    category: textOf(doc['caseCategory']) ?? textOf(doc['category']),
    language: textOf(doc['language']),
    filed_at: textOf(doc['submittedAt']),
    center_reference: formatCenterReference(kind, now.getUTCFullYear(), numbers[i]!.n),
  }));
  const { rows: inserted } = await tx.query<{ case_id: string; center_reference: string }>(
    `insert into cases (case_kind, case_id, tracking_code, device_id, station_id, household_id, category, language, filed_at, status, center_reference, received_at, updated_at)
     select $1, r.case_id, r.tracking_code, r.device_id, r.station_id, r.household_id, r.category, r.language, r.filed_at, 'received', r.center_reference, $3, $3
       from jsonb_to_recordset($2::jsonb) as r(case_id text, tracking_code text, device_id text, station_id text, household_id text, category text, language text, filed_at text, center_reference text)
     on conflict (case_kind, case_id) do nothing
     returning case_id, center_reference`,
    [kind, JSON.stringify(records), iso],
  );
  const byId = new Map(fresh.map((doc) => [doc['id'] as string, doc]));
  return inserted.map(({ case_id, center_reference }) => {
    const doc = byId.get(case_id)!;
    return {
      id: newDocumentId(now),
      schemaVersion: caseUpdateSchema.version,
      createdAt: iso,
      updatedAt: iso,
      kind: 'received',
      caseKind: kind,
      caseId: case_id,
      trackingCode: doc['trackingCode'],
      deviceId: doc['deviceId'],
      ...(typeof doc['stationId'] === 'string' ? { stationId: doc['stationId'] } : {}),
      ...(typeof doc['householdId'] === 'string' ? { householdId: doc['householdId'] } : {}),
      status: 'received',
      centerReference: center_reference,
      serverTime: iso,
      _deleted: false,
    };
  });
}
