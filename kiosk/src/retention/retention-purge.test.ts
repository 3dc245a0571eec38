import { afterEach, describe, expect, it } from 'vitest';
import { idNumberLast4, validateDocument, type Application } from '@pls/shared/domain';
import {
  markAttachmentFile,
  readAttachmentBytes,
  saveDraft,
  type LocalDatabase,
} from '@pls/shared/db';
import { sampleCaseUpdate } from '@pls/shared/testing';
import { applyReducer } from '../apply/apply-flow';
import { submitApplication } from '../apply/submit-application';
import { lookupCase } from '../track/case-lookup';
import { openTestDatabase } from '../testing/test-database';
import {
  SAMPLE_ENROLLMENT,
  SAMPLE_ID_NUMBER,
  SAMPLE_TODAY,
  sampleDraftState,
} from '../testing/sample-draft';
import { purgeDuePersonalData } from './retention-purge';

let db: LocalDatabase | undefined;
afterEach(async () => {
  await db?.close();
  db = undefined;
});

const DAY = 86_400_000;
const JPEG = new Uint8Array([0xff, 0xd8, 1, 2, 3, 0xff, 0xd9]);

async function submittedWithPhoto(database: LocalDatabase): Promise<Application> {
  let state = applyReducer(sampleDraftState(), {
    type: 'photoAdded',
    photo: {
      id: 'p',
      mimeType: 'image/jpeg',
      bytes: JPEG.length,
      sha256: 'c'.repeat(64),
      capturedAt: SAMPLE_TODAY.toISOString(),
    },
  });
  state = applyReducer(state, { type: 'photosDone' });
  const result = await submitApplication(database, {
    draft: state.draft,
    photoBytes: new Map([['p', { mimeType: 'image/jpeg' as const, bytes: JPEG }]]),
    enrollment: SAMPLE_ENROLLMENT,
    language: 'zh-Hans',
    now: SAMPLE_TODAY,
  });
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  return result.value;
}

async function receive(database: LocalDatabase, app: Application, serverTime: string) {
  await database.case_updates!.insert(
    sampleCaseUpdate({
      caseId: app.id,
      trackingCode: app.trackingCode,
      deviceId: app.deviceId,
      stationId: app.stationId,
      serverTime,
    }),
  );
}

const ALL = ['applications', 'case_updates', 'attachment_files', 'drafts'] as const;

describe('retention purge', () => {
  it('keeps everything while the center has not acknowledged the application, however old', async () => {
    db = await openTestDatabase(ALL);
    const app = await submittedWithPhoto(db);
    const report = await purgeDuePersonalData(db, 0, new Date(SAMPLE_TODAY.getTime() + 400 * DAY));
    expect(report.purged).toEqual([]);
    expect((await db.applications!.findOne(app.id).exec())?.applicant?.idNumber).toBe(
      SAMPLE_ID_NUMBER,
    );
  });

  it('purges personal data once the window after the receipt passed; code, status and lookup remain', async () => {
    db = await openTestDatabase(ALL);
    const app = await submittedWithPhoto(db);
    const receivedAt = new Date(SAMPLE_TODAY.getTime() + 3_600_000);
    await receive(db, app, receivedAt.toISOString());
    // Inside the window: nothing happens.
    expect(
      (await purgeDuePersonalData(db, 7, new Date(receivedAt.getTime() + 6 * DAY))).purged,
    ).toEqual([]);
    // The photo was uploaded meanwhile.
    await markAttachmentFile(db, app.attachments[0]!.id, { uploadedAt: receivedAt.toISOString() });
    const at = new Date(receivedAt.getTime() + 7 * DAY);
    const report = await purgeDuePersonalData(db, 7, at);
    expect(report).toMatchObject({ purged: [app.id], photosRemoved: 1 });
    const purged = (await db.applications!.findOne(app.id).exec())!.toMutableJSON();
    expect(purged.applicant).toBeUndefined();
    expect(purged.description).toBe('');
    expect(purged.piiPurgedAt).toBe(at.toISOString());
    expect(purged.trackingCode).toBe(app.trackingCode);
    expect(purged.lookupVerifier).toBe(app.lookupVerifier);
    expect(validateDocument('applications', purged).ok).toBe(true);
    expect(JSON.stringify(purged)).not.toContain(SAMPLE_ID_NUMBER);
    expect(await readAttachmentBytes(db, app.attachments[0]!.id)).toBeNull();
    // Tracking still works, and still says received.
    const lookup = await lookupCase(db, app.trackingCode, idNumberLast4(SAMPLE_ID_NUMBER));
    expect(lookup).toMatchObject({ kind: 'found', view: { status: 'received', piiPurged: true } });
    // A second run finds nothing more to do.
    expect((await purgeDuePersonalData(db, 7, at)).purged).toEqual([]);
  });

  it('keeps photos the center does not have yet, and purges nothing before the config is known', async () => {
    db = await openTestDatabase(ALL);
    const app = await submittedWithPhoto(db);
    await receive(db, app, SAMPLE_TODAY.toISOString());
    expect(
      (await purgeDuePersonalData(db, undefined, new Date(SAMPLE_TODAY.getTime() + 30 * DAY)))
        .purged,
    ).toEqual([]);
    const report = await purgeDuePersonalData(db, 0, new Date(SAMPLE_TODAY.getTime() + 1000));
    expect(report).toMatchObject({ purged: [app.id], photosRemoved: 0 });
    expect(await readAttachmentBytes(db, app.attachments[0]!.id)).toEqual(JPEG);
  });

  it('removes expired drafts', async () => {
    db = await openTestDatabase(ALL);
    await saveDraft(db, {
      caseKind: 'applications',
      step: 'phone',
      data: { name: '巴特尔' },
      ttlHours: 1,
      now: SAMPLE_TODAY,
    });
    const report = await purgeDuePersonalData(
      db,
      7,
      new Date(SAMPLE_TODAY.getTime() + 2 * 3_600_000),
    );
    expect(report.draftsRemoved).toBe(1);
  });
});
