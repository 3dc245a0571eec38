/**
 * What center staff do to a case: change its status (checked against the domain's status
 * machine) or answer a question. Each writes a case_updates document that replicates to the
 * owning device (and, for a TV box, its household).
 */
import {
  LANGUAGES,
  caseUpdateSchema,
  checkTransition,
  newDocumentId,
  ok,
  type CaseKind,
  type Language,
  type MissingMaterial,
  type RefusalReason,
  type Result,
  type TransitionError,
} from '@pls/shared/domain';
import type { Database, Queryable } from '../db/database';
import { failure, type ServiceError } from '../errors';
import { prepareCenterDocuments } from '../sync/documents';
import { recordAudit } from './audit';
import { writeCenter } from './center-writes';
import { findLawyer } from './lawyers';

export interface CaseRecord {
  readonly caseKind: CaseKind;
  readonly caseId: string;
  readonly trackingCode: string;
  readonly deviceId: string;
  readonly stationId: string | null;
  readonly householdId: string | null;
  readonly status: string;
  readonly centerReference: string;
  readonly receivedAt: string;
  readonly updatedAt: string;
}

interface CaseRow {
  case_kind: CaseKind;
  case_id: string;
  tracking_code: string;
  device_id: string;
  station_id: string | null;
  household_id: string | null;
  status: string;
  center_reference: string;
  received_at: Date;
  updated_at: Date;
}

function toRecord(r: CaseRow): CaseRecord {
  return {
    caseKind: r.case_kind,
    caseId: r.case_id,
    trackingCode: r.tracking_code,
    deviceId: r.device_id,
    stationId: r.station_id,
    householdId: r.household_id,
    status: r.status,
    centerReference: r.center_reference,
    receivedAt: new Date(r.received_at).toISOString(),
    updatedAt: new Date(r.updated_at).toISOString(),
  };
}

const CASE_COLUMNS =
  'case_kind, case_id, tracking_code, device_id, station_id, household_id, status, center_reference, received_at, updated_at';

export async function listCases(
  db: Queryable,
  filter: { trackingCode?: string; deviceId?: string } = {},
): Promise<CaseRecord[]> {
  const { rows } = await db.query<CaseRow>(
    `select ${CASE_COLUMNS} from cases
      where ($1::text is null or tracking_code = $1) and ($2::text is null or device_id = $2)
      order by received_at, case_id`,
    [filter.trackingCode ?? null, filter.deviceId ?? null],
  );
  return rows.map(toRecord);
}

async function lockCase(tx: Queryable, trackingCode: string): Promise<CaseRow | undefined> {
  const { rows } = await tx.query<CaseRow>(
    `select ${CASE_COLUMNS} from cases where tracking_code = $1 for update`,
    [trackingCode],
  );
  return rows[0];
}

export interface StatusChange {
  readonly trackingCode: string;
  readonly status: string;
  readonly reason?: string;
  readonly language?: Language;
  readonly staffName?: string;
  /** The status the staff member saw: when it changed meanwhile, the change is a conflict. */
  readonly expectedStatus?: string;
  /** Client address, for the audit entry. */
  readonly address?: string;
  /** 第四十三条: refusal reasons as codes the device shows in the resident's language. */
  readonly refusalReasons?: readonly RefusalReason[];
  /** 第四十三条第二款: every missing material at once (一次性告知). */
  readonly missingMaterials?: readonly MissingMaterial[];
}

function baseUpdate(row: CaseRow, now: Date) {
  const iso = now.toISOString();
  return {
    id: newDocumentId(now),
    schemaVersion: caseUpdateSchema.version,
    createdAt: iso,
    updatedAt: iso,
    caseKind: row.case_kind,
    caseId: row.case_id,
    trackingCode: row.tracking_code,
    deviceId: row.device_id,
    ...(row.station_id ? { stationId: row.station_id } : {}),
    ...(row.household_id ? { householdId: row.household_id } : {}),
    centerReference: row.center_reference,
    serverTime: iso,
  };
}

/** Statuses the case has had, from its status updates (for rules such as 一次性告知). */
async function earlierStatuses(tx: Queryable, caseId: string): Promise<string[]> {
  const { rows } = await tx.query<{ status: string | null }>(
    `select body->>'status' as status from documents
      where collection = 'case_updates' and body->>'caseId' = $1 order by seq`,
    [caseId],
  );
  return rows.flatMap((r) => (r.status ? [r.status] : []));
}

function transitionMessage(kind: CaseKind, e: TransitionError): string {
  switch (e.kind) {
    case 'notAllowed':
      return `a ${kind} case cannot go from ${e.from} to ${e.to} (allowed: ${e.allowed.join(', ') || 'none'})`;
    case 'reasonRequired':
      return `moving to ${e.to} needs a reason the resident can read (--reason)`;
    case 'unknownStatus':
      return `unknown status ${e.status}`;
    case 'materialsAlreadyRequested':
      return 'missing materials were already requested: 第四十三条 asks for them once, all together';
  }
}

function checkLanguage(language: string | undefined): Language | null {
  const value = language ?? 'zh-Hans';
  return (LANGUAGES as readonly string[]).includes(value) ? (value as Language) : null;
}

export async function changeCaseStatus(
  db: Database,
  change: StatusChange,
  now: Date = new Date(),
): Promise<Result<{ case: CaseRecord; updateId: string; lastSeq: number | null }, ServiceError>> {
  const language = checkLanguage(change.language);
  if (!language) return failure('bad_request', `language must be one of ${LANGUAGES.join(', ')}`);
  return db.transaction(async (tx) => {
    const row = await lockCase(tx, change.trackingCode);
    if (!row) return failure('not_found', `no case with tracking code ${change.trackingCode}`);
    if (change.expectedStatus !== undefined && change.expectedStatus !== row.status)
      return failure(
        'conflict',
        `the case changed meanwhile: it is ${row.status} now, not ${change.expectedStatus}`,
      );
    const refusalReasons = change.status === 'rejected' ? (change.refusalReasons ?? []) : [];
    const missingMaterials =
      change.status === 'needs_materials' ? (change.missingMaterials ?? []) : [];
    const codes = [...refusalReasons, ...missingMaterials];
    const allowed = checkTransition(
      row.case_kind,
      row.status,
      change.status,
      { ...(change.reason !== undefined ? { text: change.reason } : {}), codes },
      await earlierStatuses(tx, row.case_id),
    );
    if (!allowed.ok) return failure('conflict', transitionMessage(row.case_kind, allowed.error));
    const doc = {
      ...baseUpdate(row, now),
      kind: 'status',
      status: change.status,
      ...(change.reason && change.reason.trim() !== ''
        ? { reason: { text: change.reason.trim(), language } }
        : {}),
      ...(refusalReasons.length > 0 ? { refusalReasons: [...new Set(refusalReasons)] } : {}),
      ...(missingMaterials.length > 0 ? { missingMaterials: [...new Set(missingMaterials)] } : {}),
      ...(change.staffName ? { staffName: change.staffName } : {}),
    };
    const prepared = prepareCenterDocuments('case_updates', [doc]);
    if (!prepared.ok)
      return failure('bad_request', prepared.error.map((e) => e.message).join('; '));
    const lastSeq = await writeCenter(tx, 'case_updates', prepared.value);
    await tx.query(
      'update cases set status = $3, updated_at = $4 where case_kind = $1 and case_id = $2',
      [row.case_kind, row.case_id, change.status, now.toISOString()],
    );
    await recordAudit(tx, {
      actor: change.staffName ?? 'admin',
      action: 'case-status',
      subject: row.tracking_code,
      before: { status: row.status },
      after: {
        status: change.status,
        ...(change.reason?.trim() ? { reason: change.reason.trim() } : {}),
        ...(codes.length > 0 ? { codes } : {}),
      },
      address: change.address ?? null,
    });
    return ok({
      case: toRecord({ ...row, status: change.status, updated_at: now }),
      updateId: doc.id,
      lastSeq,
    });
  });
}

export async function answerQuestion(
  db: Database,
  input: {
    trackingCode: string;
    text: string;
    language?: Language;
    staffName?: string;
    /** The status the staff member saw; a different one now is a conflict. */
    expectedStatus?: string;
    address?: string;
  },
  now: Date = new Date(),
): Promise<Result<{ case: CaseRecord; updateId: string; lastSeq: number | null }, ServiceError>> {
  const language = checkLanguage(input.language);
  if (!language) return failure('bad_request', `language must be one of ${LANGUAGES.join(', ')}`);
  const text = input.text.trim();
  if (text === '' || text.length > 5000)
    return failure('bad_request', 'an answer is 1-5000 characters');
  return db.transaction(async (tx) => {
    const row = await lockCase(tx, input.trackingCode);
    if (!row) return failure('not_found', `no case with tracking code ${input.trackingCode}`);
    if (row.case_kind !== 'questions')
      return failure('conflict', `${input.trackingCode} is not a question`);
    if (input.expectedStatus !== undefined && input.expectedStatus !== row.status)
      return failure(
        'conflict',
        `the case changed meanwhile: it is ${row.status} now, not ${input.expectedStatus}`,
      );
    const allowed = checkTransition('questions', row.status, 'answered');
    if (!allowed.ok)
      return failure('conflict', `a question in status ${row.status} cannot be answered`);
    const doc = {
      ...baseUpdate(row, now),
      kind: 'answer',
      status: 'answered',
      answer: { text, language },
      ...(input.staffName ? { staffName: input.staffName } : {}),
    };
    const prepared = prepareCenterDocuments('case_updates', [doc]);
    if (!prepared.ok)
      return failure('bad_request', prepared.error.map((e) => e.message).join('; '));
    const lastSeq = await writeCenter(tx, 'case_updates', prepared.value);
    await tx.query(
      "update cases set status = 'answered', updated_at = $3 where case_kind = $1 and case_id = $2",
      [row.case_kind, row.case_id, now.toISOString()],
    );
    await recordAudit(tx, {
      actor: input.staffName ?? 'admin',
      action: 'answer',
      subject: row.tracking_code,
      before: { status: row.status },
      after: { status: 'answered', answer: { text, language } },
      address: input.address ?? null,
    });
    return ok({
      case: toRecord({ ...row, status: 'answered', updated_at: now }),
      updateId: doc.id,
      lastSeq,
    });
  });
}

/**
 * 第四十三条: grant legal aid and assign a lawyer from the directory in one step (approved,
 * then assigned, as two case updates a millisecond apart so every device orders them alike);
 * a case already approved, or given aid first (先行提供, 第四十四条), is only assigned.
 */
export async function approveAndAssign(
  db: Database,
  input: {
    trackingCode: string;
    lawyerId: string;
    /** The status the staff member saw; a different one now is a conflict. */
    expectedStatus?: string;
    staffName?: string;
    address?: string;
  },
  now: Date = new Date(),
): Promise<Result<{ case: CaseRecord; updateId: string; lastSeq: number | null }, ServiceError>> {
  return db.transaction(async (tx) => {
    const row = await lockCase(tx, input.trackingCode);
    if (!row) return failure('not_found', `no case with tracking code ${input.trackingCode}`);
    if (row.case_kind !== 'applications')
      return failure('conflict', `${input.trackingCode} is not a legal-aid application`);
    if (input.expectedStatus !== undefined && input.expectedStatus !== row.status)
      return failure(
        'conflict',
        `the case changed meanwhile: it is ${row.status} now, not ${input.expectedStatus}`,
      );
    const lawyer = await findLawyer(tx, input.lawyerId);
    if (!lawyer) return failure('bad_request', `no lawyer ${input.lawyerId} in the directory`);
    const steps: string[] =
      row.status === 'approved' || row.status === 'urgent_aid'
        ? ['assigned']
        : ['approved', 'assigned'];
    let from = row.status;
    for (const to of steps) {
      const allowed = checkTransition('applications', from, to);
      if (!allowed.ok) return failure('conflict', transitionMessage('applications', allowed.error));
      from = to;
    }
    const staff = input.staffName ? { staffName: input.staffName } : {};
    const docs = steps.map((status, i) => {
      const at = new Date(now.getTime() + i);
      return status === 'assigned'
        ? {
            ...baseUpdate(row, at),
            kind: 'provider_assigned',
            status,
            provider: {
              directoryId: lawyer.id,
              name: lawyer.name.zh.slice(0, 60),
              ...(lawyer.phone ? { phone: lawyer.phone } : {}),
              displayName: lawyer.name,
              sample: lawyer.sample,
            },
            ...staff,
          }
        : { ...baseUpdate(row, at), kind: 'status', status, ...staff };
    });
    const prepared = prepareCenterDocuments('case_updates', docs);
    if (!prepared.ok)
      return failure('bad_request', prepared.error.map((e) => e.message).join('; '));
    const lastSeq = await writeCenter(tx, 'case_updates', prepared.value);
    const last = new Date(now.getTime() + steps.length - 1);
    await tx.query(
      "update cases set status = 'assigned', updated_at = $3 where case_kind = $1 and case_id = $2",
      [row.case_kind, row.case_id, last.toISOString()],
    );
    await recordAudit(tx, {
      actor: input.staffName ?? 'admin',
      action: 'case-assign',
      subject: row.tracking_code,
      before: { status: row.status },
      after: { status: 'assigned', lawyer: lawyer.id },
      address: input.address ?? null,
    });
    return ok({
      case: toRecord({ ...row, status: 'assigned', updated_at: last }),
      updateId: docs.at(-1)!.id,
      lastSeq,
    });
  });
}
