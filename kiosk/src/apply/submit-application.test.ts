import { afterEach, describe, expect, it } from 'vitest';
import {
  idNumberLast4,
  parseTrackingCode,
  validateDocument,
  verifyLookup,
} from '@pls/shared/domain';
import { readAttachmentBytes, type LocalDatabase } from '@pls/shared/db';
import { applyReducer } from './apply-flow';
import { submitApplication, type PhotoBytes } from './submit-application';
import { openTestDatabase } from '../testing/test-database';
import {
  SAMPLE_ENROLLMENT,
  SAMPLE_ID_NUMBER,
  SAMPLE_TODAY,
  sampleDraftState,
  sampleReviewState,
} from '../testing/sample-draft';

let db: LocalDatabase | undefined;
afterEach(async () => {
  await db?.close();
  db = undefined;
});

const JPEG = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3, 4, 5, 0xff, 0xd9]);

describe('submitting an application', () => {
  it('stores a valid document with a fresh tracking code and a working lookup verifier', async () => {
    db = await openTestDatabase(['applications', 'attachment_files']);
    const result = await submitApplication(db, {
      draft: sampleReviewState().draft,
      photoBytes: new Map(),
      enrollment: SAMPLE_ENROLLMENT,
      language: 'mn-Mong',
      now: SAMPLE_TODAY,
    });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const app = result.value;
    expect(parseTrackingCode(app.trackingCode).ok).toBe(true);
    expect(app.trackingCode.startsWith(SAMPLE_ENROLLMENT.deviceTag)).toBe(true);
    expect(
      await verifyLookup(app.trackingCode, idNumberLast4(SAMPLE_ID_NUMBER), app.lookupVerifier),
    ).toBe(true);
    const stored = await db.applications!.findOne(app.id).exec();
    expect(validateDocument('applications', stored!.toMutableJSON()).ok).toBe(true);
    expect(stored!.applicant?.idNumber).toBe(SAMPLE_ID_NUMBER);
    // Two submissions never share a code, even in the same second.
    const second = await submitApplication(db, {
      draft: sampleReviewState().draft,
      photoBytes: new Map(),
      enrollment: SAMPLE_ENROLLMENT,
      language: 'zh-Hans',
      now: SAMPLE_TODAY,
    });
    expect(second.ok && second.value.trackingCode).not.toBe(app.trackingCode);
  });

  it('stores the photos first, encrypted, and names them in the application', async () => {
    db = await openTestDatabase(['applications', 'attachment_files']);
    let state = sampleDraftState();
    state = applyReducer(state, {
      type: 'photoAdded',
      photo: {
        id: 'mem-1',
        mimeType: 'image/jpeg',
        bytes: JPEG.length,
        sha256: 'a'.repeat(64),
        capturedAt: SAMPLE_TODAY.toISOString(),
      },
    });
    state = applyReducer(state, { type: 'photosDone' });
    const photos = new Map<string, PhotoBytes>([
      ['mem-1', { mimeType: 'image/jpeg', bytes: JPEG }],
    ]);
    const result = await submitApplication(db, {
      draft: state.draft,
      photoBytes: photos,
      enrollment: SAMPLE_ENROLLMENT,
      language: 'zh-Hans',
      now: SAMPLE_TODAY,
    });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const [meta] = result.value.attachments;
    expect(meta).toMatchObject({
      kind: 'material_photo',
      mimeType: 'image/jpeg',
      bytes: JPEG.length,
    });
    expect(await readAttachmentBytes(db, meta!.id)).toEqual(JPEG);
    const file = await db.attachment_files!.findOne(meta!.id).exec();
    expect(file?.applicationId).toBe(result.value.id);
  });

  it('refuses an incomplete draft or a photo whose bytes are gone, storing nothing', async () => {
    db = await openTestDatabase(['applications', 'attachment_files']);
    const incomplete = await submitApplication(db, {
      draft: { ...sampleReviewState().draft, caseCategory: undefined } as never,
      photoBytes: new Map(),
      enrollment: SAMPLE_ENROLLMENT,
      language: 'zh-Hans',
    });
    expect(incomplete).toMatchObject({ ok: false, error: { kind: 'incomplete' } });
    let state = applyReducer(sampleDraftState(), {
      type: 'photoAdded',
      photo: {
        id: 'gone',
        mimeType: 'image/jpeg',
        bytes: 3,
        sha256: 'b'.repeat(64),
        capturedAt: SAMPLE_TODAY.toISOString(),
      },
    });
    state = applyReducer(state, { type: 'photosDone' });
    const missing = await submitApplication(db, {
      draft: state.draft,
      photoBytes: new Map(),
      enrollment: SAMPLE_ENROLLMENT,
      language: 'zh-Hans',
    });
    expect(missing).toEqual({ ok: false, error: { kind: 'photoMissing', photoId: 'gone' } });
    expect(await db.applications!.count().exec()).toBe(0);
    expect(await db.attachment_files!.count().exec()).toBe(0);
  });
});
