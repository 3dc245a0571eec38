import { afterEach, describe, expect, it } from 'vitest';
import { idNumberLast4, type Application, type TrackingCode } from '@pls/shared/domain';
import type { LocalDatabase } from '@pls/shared/db';
import { sampleCaseUpdate } from '@pls/shared/testing';
import { submitApplication } from '../apply/submit-application';
import { openTestDatabase } from '../testing/test-database';
import {
  SAMPLE_ENROLLMENT,
  SAMPLE_ID_NUMBER,
  SAMPLE_TODAY,
  sampleReviewState,
} from '../testing/sample-draft';
import { findByIdNumber, lookupCase } from './case-lookup';

let db: LocalDatabase | undefined;
afterEach(async () => {
  await db?.close();
  db = undefined;
});

async function submitted(database: LocalDatabase): Promise<Application> {
  const result = await submitApplication(database, {
    draft: sampleReviewState().draft,
    photoBytes: new Map(),
    enrollment: SAMPLE_ENROLLMENT,
    language: 'zh-Hans',
    now: SAMPLE_TODAY,
  });
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  return result.value;
}

/** A case update for `app`; only a receipt carries the center's reference, a note no status. */
function update(app: Application, overrides: Parameters<typeof sampleCaseUpdate>[0]) {
  const { centerReference, status, ...doc } = sampleCaseUpdate({
    caseId: app.id,
    trackingCode: app.trackingCode,
    deviceId: app.deviceId,
    stationId: app.stationId,
    ...overrides,
  });
  return {
    ...doc,
    ...(doc.kind === 'received' && centerReference ? { centerReference } : {}),
    ...(doc.kind !== 'note' && status ? { status } : {}),
  };
}

describe('case lookup', () => {
  it('shows the history from submission through the center’s updates, with reasons', async () => {
    db = await openTestDatabase(['applications', 'case_updates', 'attachment_files']);
    const app = await submitted(db);
    const last4 = idNumberLast4(SAMPLE_ID_NUMBER);
    const waiting = await lookupCase(db, app.trackingCode, last4);
    expect(waiting).toMatchObject({ kind: 'found', view: { status: 'submitted' } });
    await db.case_updates!.bulkInsert([
      update(app, {
        kind: 'received',
        status: 'received',
        serverTime: '2026-11-23T04:00:00.000Z',
        centerReference: 'FY2026-000007',
      }),
      update(app, {
        kind: 'status',
        status: 'under_review',
        serverTime: '2026-11-23T06:00:00.000Z',
      }),
      update(app, {
        kind: 'status',
        status: 'needs_materials',
        reason: { text: '请补交工资欠条照片', language: 'zh-Hans' },
        serverTime: '2026-11-24T01:00:00.000Z',
      }),
      // Not a status: a note to the resident.
      update(app, {
        kind: 'note',
        answer: { text: '材料可以带到服务站', language: 'zh-Hans' },
        serverTime: '2026-11-24T02:00:00.000Z',
      }),
    ]);
    const found = await lookupCase(db, app.trackingCode, last4.toLowerCase());
    expect(found.kind).toBe('found');
    if (found.kind !== 'found') return;
    expect(found.view.status).toBe('needs_materials');
    expect(found.view.history.map((h) => h.status)).toEqual([
      'submitted',
      'received',
      'under_review',
      'needs_materials',
    ]);
    expect(found.view.history[3]?.reason?.text).toBe('请补交工资欠条照片');
    expect(found.view.centerReference).toBe('FY2026-000007');
    expect(found.view.notes.map((n) => n.text.text)).toEqual(['材料可以带到服务站']);
  });

  it('gives the same answer for a wrong last four and an unknown code', async () => {
    db = await openTestDatabase(['applications', 'case_updates', 'attachment_files']);
    const app = await submitted(db);
    const wrong = await lookupCase(db, app.trackingCode, '0000');
    const unknown = await lookupCase(
      db,
      '2222222222Z' as TrackingCode,
      idNumberLast4(SAMPLE_ID_NUMBER),
    );
    expect(wrong).toEqual({ kind: 'notFound' });
    expect(unknown).toEqual(wrong);
    expect(await lookupCase(db, app.trackingCode, '12')).toEqual({
      kind: 'invalidLast4',
    });
  });

  it('finds a person’s applications by the full ID number read from the card', async () => {
    db = await openTestDatabase(['applications', 'case_updates', 'attachment_files']);
    const app = await submitted(db);
    expect((await findByIdNumber(db, SAMPLE_ID_NUMBER)).map((v) => v.trackingCode)).toEqual([
      app.trackingCode,
    ]);
    // Same last four, different person: not theirs.
    const other = SAMPLE_ID_NUMBER.slice(0, 6) + '19700101' + SAMPLE_ID_NUMBER.slice(14);
    expect(await findByIdNumber(db, other)).toEqual([]);
  });
});
