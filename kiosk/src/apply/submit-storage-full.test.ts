/**
 * IndexedDB quota exhausted while a resident submits (issue 11.5): the submission is a Result
 * the screen can name ('storageFull'), nothing of the application is half-saved, the draft
 * stays as it was, and once space is freed the same form goes through.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { isStorageFull, listDrafts, type LocalDatabase } from '@pls/shared/db';
import { encodeDraft } from './draft-codec';
import { createDraftKeeper } from './draft-keeper';
import { applyReducer } from './apply-flow';
import { submitApplication, type PhotoBytes } from './submit-application';
import { openTestDatabaseOnDisk } from '../testing/test-database';
import { SAMPLE_ENROLLMENT, SAMPLE_TODAY, sampleDraftState } from '../testing/sample-draft';

let db: LocalDatabase | undefined;
afterEach(async () => {
  await db?.close();
  db = undefined;
});

const JPEG = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 9, 8, 7, 0xff, 0xd9]);

describe('submitting on a full disk', () => {
  it('answers storageFull, stores nothing, keeps the draft, and works once space is freed', async () => {
    const opened = await openTestDatabaseOnDisk(['applications', 'attachment_files', 'drafts']);
    db = opened.db;
    const { disk } = opened;
    const draftErrors: unknown[] = [];
    const keeper = createDraftKeeper(opened.db, {
      now: () => SAMPLE_TODAY,
      onError: (error) => draftErrors.push(error),
    });
    let state = applyReducer(sampleDraftState(), {
      type: 'photoAdded',
      photo: {
        id: 'mem-1',
        mimeType: 'image/jpeg',
        bytes: JPEG.length,
        sha256: 'c'.repeat(64),
        capturedAt: SAMPLE_TODAY.toISOString(),
      },
    });
    state = applyReducer(state, { type: 'photosDone' });
    expect(state.step).toBe('review');
    await keeper.save(state);
    const photoBytes = new Map<string, PhotoBytes>([
      ['mem-1', { mimeType: 'image/jpeg', bytes: JPEG }],
    ]);
    const input = {
      draft: state.draft,
      photoBytes,
      enrollment: SAMPLE_ENROLLMENT,
      language: 'mn-Mong' as const,
      now: SAMPLE_TODAY,
    };

    disk.fill();
    const refused = await submitApplication(opened.db, input);
    expect(refused).toEqual({ ok: false, error: { kind: 'storageFull' } });
    expect(disk.refusedWrites).toBeGreaterThan(0);
    expect(await opened.db.applications.count().exec()).toBe(0);
    expect(await opened.db.attachment_files.count().exec()).toBe(0);
    // A save of the draft while the disk is full fails, and leaves the last saved one intact.
    await keeper.save({ ...state, errors: [] });
    // …and says why, so the visit can call staff (ui/visit.tsx).
    expect(draftErrors.map(isStorageFull)).toEqual([true]);
    const [kept] = await listDrafts(opened.db, SAMPLE_TODAY);
    expect(kept?.id).toBe(keeper.id);
    expect(kept?.data).toEqual(encodeDraft(state));

    disk.free();
    const accepted = await submitApplication(opened.db, input);
    expect(accepted.ok).toBe(true);
    expect(await opened.db.applications.count().exec()).toBe(1);
    expect(await opened.db.attachment_files.count().exec()).toBe(1);
  });
});
