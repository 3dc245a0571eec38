/**
 * A kiosk killed in the middle of a submission (issue 11.5): the renderer reloads between the
 * local insert and the push, or between storing the photos and the insert. After the restart
 * the application is either whole in the outbox, once, and reaches the center once, or still a
 * draft with no stray photos; never half, never twice.
 *
 * The kill is a database closed without the visit's cleanup (the draft's discard); the restart
 * is a new database on the same storage, as a reload reopens the same IndexedDB.
 */
import { getRxStorageMemory } from 'rxdb/plugins/storage-memory';
import { afterEach, describe, expect, it } from 'vitest';
import {
  createLocalDatabase,
  listDrafts,
  removeSubmittedDrafts,
  storeAttachmentFile,
  type KioskDatabase,
} from '@pls/shared/db';
import { computeOutbox, startReplication } from '@pls/shared/sync';
import { createFakeCenter, recordingStreamConnector } from '@pls/shared/testing';
import type { RxStorage } from 'rxdb';
import { applyReducer, type ApplyState } from './apply-flow';
import { createDraftKeeper } from './draft-keeper';
import { submitApplication, type PhotoBytes } from './submit-application';
import { TEST_KEY } from '../testing/test-database';
import { SAMPLE_ENROLLMENT, SAMPLE_TODAY, sampleDraftState } from '../testing/sample-draft';

const COLLECTIONS = ['applications', 'attachment_files', 'drafts', 'case_updates'] as const;
const cleanup: Array<() => Promise<unknown>> = [];
afterEach(async () => {
  for (const step of cleanup.splice(0).reverse()) await step();
});

let counter = 0;
/** One kiosk's IndexedDB: every `open` after the first is a restart. */
function kioskStorage() {
  const storage: RxStorage<unknown, unknown> = getRxStorageMemory();
  const name = `kiosk-crash-${process.pid}-${++counter}`;
  return {
    open: async () => {
      const db = (await createLocalDatabase({
        name,
        storage,
        encryptionKey: TEST_KEY,
        collections: COLLECTIONS,
      })) as KioskDatabase;
      cleanup.push(() => db.close());
      return db;
    },
  };
}

const JPEG = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 4, 5, 6, 0xff, 0xd9]);
const photoBytes = new Map<string, PhotoBytes>([
  ['mem-1', { mimeType: 'image/jpeg', bytes: JPEG }],
]);

function reviewWithPhoto(): ApplyState {
  const state = applyReducer(sampleDraftState(), {
    type: 'photoAdded',
    photo: {
      id: 'mem-1',
      mimeType: 'image/jpeg',
      bytes: JPEG.length,
      sha256: 'd'.repeat(64),
      capturedAt: SAMPLE_TODAY.toISOString(),
    },
  });
  return applyReducer(state, { type: 'photosDone' });
}

const submit = (db: KioskDatabase, state: ApplyState, draftId: string) =>
  submitApplication(db, {
    draft: state.draft,
    photoBytes,
    enrollment: SAMPLE_ENROLLMENT,
    language: 'zh-Hans',
    draftId,
    now: SAMPLE_TODAY,
  });

describe('a kiosk killed mid-submit', () => {
  it('killed after the insert: one case in the outbox, pushed once, its draft not offered again', async () => {
    const kiosk = kioskStorage();
    const before = await kiosk.open();
    const state = reviewWithPhoto();
    const keeper = createDraftKeeper(before);
    await keeper.save(state);
    const submitted = await submit(before, state, keeper.id);
    expect(submitted.ok).toBe(true);
    if (!submitted.ok) return;
    await before.close(); // killed: the visit never discarded the draft, nothing was pushed

    const db = await kiosk.open();
    // Staff would find the form among the interrupted ones; resuming and submitting it again
    // gives back the stored application, not a second one.
    expect((await listDrafts(db, SAMPLE_TODAY)).map((d) => d.id)).toEqual([keeper.id]);
    const again = await submit(db, state, keeper.id);
    expect(again.ok && again.value.id).toBe(submitted.value.id);
    expect(await db.applications.count().exec()).toBe(1);
    expect(await db.attachment_files.count().exec()).toBe(1);
    // The staff screen's drafts list settles it: the draft is gone, the case stays.
    expect(await removeSubmittedDrafts(db)).toBe(1);
    expect(await listDrafts(db, SAMPLE_TODAY)).toEqual([]);

    const center = createFakeCenter();
    const sync = await startReplication({
      db,
      serverUrl: 'http://center.test',
      token: 'token',
      deviceId: SAMPLE_ENROLLMENT.deviceId,
      fetch: center.fetch,
      streamConnector: recordingStreamConnector().connector,
      backoff: { baseMs: 1, capMs: 5 },
    });
    cleanup.push(() => sync.stop());
    await sync.awaitInSync();
    await sync.syncNow();
    await sync.awaitInSync();

    expect([...(center.stored.get('applications')?.keys() ?? [])]).toEqual([submitted.value.id]);
    const pushedRows = center.requests
      .filter((r) => r.collection === 'applications' && r.path.endsWith('/push'))
      .flatMap((r) => r.rowIds);
    expect(pushedRows).toEqual([submitted.value.id]);
    const outbox = await computeOutbox(
      db,
      async (_c, docs) => new Set(docs.map((d) => String(d['id']))),
    );
    expect(outbox.filter((o) => o.collection === 'applications').map((o) => o.id)).toEqual([
      submitted.value.id,
    ]);
  });

  it('killed after the photos, before the insert: still a draft, and its submission stores each photo once', async () => {
    const kiosk = kioskStorage();
    const before = await kiosk.open();
    const state = reviewWithPhoto();
    const keeper = createDraftKeeper(before);
    await keeper.save(state);
    // What the submission had done when the page died: the photo stored under the draft's id.
    await storeAttachmentFile(before, {
      applicationId: keeper.id,
      kind: 'material_photo',
      mimeType: 'image/jpeg',
      bytes: JPEG,
      now: SAMPLE_TODAY,
    });
    await before.close();

    const db = await kiosk.open();
    expect(await db.applications.count().exec()).toBe(0);
    expect(await removeSubmittedDrafts(db)).toBe(0);
    expect((await listDrafts(db, SAMPLE_TODAY)).map((d) => d.id)).toEqual([keeper.id]);
    const submitted = await submit(db, state, keeper.id);
    expect(submitted.ok).toBe(true);
    const files = await db.attachment_files.find().exec();
    expect(files.map((f) => f.applicationId)).toEqual([keeper.id]);
    expect(submitted.ok && submitted.value.attachments.map((a) => a.id)).toEqual(
      files.map((f) => f.id),
    );
  });
});
