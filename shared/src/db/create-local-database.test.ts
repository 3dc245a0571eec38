import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { getRxStorageDexie } from 'rxdb/plugins/storage-dexie';
import { getRxStorageMemory } from 'rxdb/plugins/storage-memory';
import { firstValueFrom } from 'rxjs';
import { afterEach, describe, expect, it } from 'vitest';
import { COLLECTION_NAMES } from '../domain/collections';
import { validateDocument } from '../domain/validate';
import { SAMPLE_BUILDERS, sampleApplication, sampleContent } from '../testing/sample-documents';
import { DEVICE_COLLECTIONS, RXDB_COLLECTION_LIMIT } from './collections';
import { createLocalDatabase, type LocalDatabase } from './create-local-database';
import { listDrafts, purgeExpiredDrafts, saveDraft } from './drafts';
import { nextTrackingCode } from './tracking-sequence';
import { readAttachmentBytes, storeAttachmentFile } from './attachment-files';
import { parseTrackingCode } from '../domain/tracking-code';

const KEY = 'test-key-not-a-real-secret-0123';
const open: LocalDatabase[] = [];

async function openDb(
  options: Partial<Parameters<typeof createLocalDatabase>[0]> & {
    storage: Parameters<typeof createLocalDatabase>[0]['storage'];
  },
): Promise<LocalDatabase> {
  const db = await createLocalDatabase({ name: 'pls-test', encryptionKey: KEY, ...options });
  open.push(db);
  return db;
}

async function close(db: LocalDatabase): Promise<void> {
  await db.close();
  open.splice(open.indexOf(db), 1);
}

afterEach(async () => {
  for (const db of open.splice(0)) await db.close();
});

/** Every record of every object store of every database in a fake IndexedDB, as JSON text. */
async function dumpIndexedDb(factory: IDBFactory): Promise<string> {
  const out: unknown[] = [];
  for (const info of await factory.databases()) {
    const idb = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = factory.open(info.name!);
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    for (const storeName of Array.from(idb.objectStoreNames)) {
      const records = await new Promise<unknown[]>((resolve, reject) => {
        const request = idb.transaction(storeName).objectStore(storeName).getAll();
        request.onsuccess = () => resolve(request.result as unknown[]);
        request.onerror = () => reject(request.error);
      });
      out.push(...records);
    }
    idb.close();
  }
  return JSON.stringify(out, (_key, value: unknown) =>
    value instanceof Blob ? `[blob ${value.size}]` : value,
  );
}

describe('createLocalDatabase on Dexie (fake-indexeddb)', () => {
  it('keeps personal data encrypted in the raw IndexedDB records and readable through RxDB', async () => {
    const factory = new IDBFactory();
    const db = await openDb({ storage: getRxStorageDexie({ indexedDB: factory, IDBKeyRange }) });
    const app = sampleApplication();
    await db.applications!.insert(app);
    const draft = await saveDraft(db, {
      caseKind: 'applications',
      step: 'identity',
      data: { applicant: { name: '乌云其木格', idNumber: '152502196104129131' } },
    });

    const found = await db.applications!.findOne(app.id).exec();
    expect(found?.toMutableJSON().applicant).toEqual(app.applicant);
    expect((await listDrafts(db)).map((d) => d.data)).toEqual([draft.data]);

    const raw = await dumpIndexedDb(factory);
    expect(raw).toContain(app.id); // the record is there…
    expect(raw).toContain(app.trackingCode); // …with its clear fields…
    for (const secret of [
      app.applicant!.name,
      app.applicant!.idNumber,
      app.applicant!.phone,
      app.applicant!.address,
      '乌云其木格',
      '152502196104129131',
    ]) {
      expect(raw, secret).not.toContain(secret); // …but no personal value in clear
    }
  });

  it('finds a draft again after the database is closed and reopened (power cut)', async () => {
    const factory = new IDBFactory();
    const storage = getRxStorageDexie({ indexedDB: factory, IDBKeyRange });
    const db = await openDb({ storage });
    const saved = await saveDraft(db, {
      caseKind: 'questions',
      step: 'contact',
      data: { text: '草场纠纷', contact: { phone: '13904790000' } },
    });
    await close(db);
    const reopened = await openDb({ storage });
    expect(await listDrafts(reopened)).toEqual([saved]);
  });

  it('purges expired drafts and leaves none of their data behind', async () => {
    const factory = new IDBFactory();
    const db = await openDb({ storage: getRxStorageDexie({ indexedDB: factory, IDBKeyRange }) });
    const then = new Date('2026-11-20T09:00:00Z');
    const expired = await saveDraft(db, {
      caseKind: 'applications',
      step: 'identity',
      data: { name: '敖特根巴雅尔' },
      ttlHours: 1,
      now: then,
    });
    const kept = await saveDraft(db, {
      caseKind: 'questions',
      step: 'text',
      data: { text: '问题' },
      now: then,
    });
    const later = new Date('2026-11-20T12:00:00Z');
    expect(await purgeExpiredDrafts(db, later)).toBe(1);
    expect((await listDrafts(db, later)).map((d) => d.id)).toEqual([kept.id]);
    // RxDB keeps a tombstone of a removed document: its form data was blanked first.
    const [tombstone] = await db.drafts!.storageInstance.findDocumentsById([expired.id], true);
    expect(tombstone).toMatchObject({ _deleted: true, data: {} });
  });

  it('refuses to open with a different encryption key', async () => {
    const storage = getRxStorageDexie({ indexedDB: new IDBFactory(), IDBKeyRange });
    const db = await openDb({ storage });
    await db.applications!.insert(sampleApplication());
    await close(db);
    await expect(
      createLocalDatabase({ name: 'pls-test', storage, encryptionKey: 'another-key-0123456789' }),
    ).rejects.toThrow();
  });

  it('refuses a short encryption key', async () => {
    await expect(
      createLocalDatabase({ name: 'x', storage: getRxStorageMemory(), encryptionKey: 'short' }),
    ).rejects.toThrow(/at least/);
  });

  it('hands out increasing tracking codes that survive a restart', async () => {
    const storage = getRxStorageDexie({ indexedDB: new IDBFactory(), IDBKeyRange });
    const db = await openDb({ storage });
    const now = new Date('2026-11-20T09:30:00Z');
    const first = await nextTrackingCode(db, '2345', now);
    const second = await nextTrackingCode(db, '2345', now);
    await close(db);
    const reopened = await openDb({ storage });
    const third = await nextTrackingCode(reopened, '2345', now);
    const codes = [first, second, third];
    expect(new Set(codes).size).toBe(3);
    for (const code of codes) expect(parseTrackingCode(code).ok).toBe(true);
    expect([...codes].sort()).toEqual(codes);
  });

  it('stores attachment bytes encrypted and gives them back intact', async () => {
    const factory = new IDBFactory();
    const db = await openDb({ storage: getRxStorageDexie({ indexedDB: factory, IDBKeyRange }) });
    // A recognisable byte pattern: if stored in clear, its base64 would show up in the dump.
    const bytes = new TextEncoder().encode('PHOTO-OF-ID-CARD-'.repeat(40));
    const meta = await storeAttachmentFile(db, {
      applicationId: 'app-1',
      kind: 'id_card_photo',
      mimeType: 'image/jpeg',
      bytes,
    });
    expect(meta.bytes).toBe(bytes.byteLength);
    expect(meta.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(await readAttachmentBytes(db, meta.id)).toEqual(bytes);
  });
});

describe('createLocalDatabase on storage-memory', () => {
  it('holds at most the free-tier collection limit, per device kind', async () => {
    for (const kind of ['kiosk', 'tv'] as const) {
      const db = await openDb({
        name: `limit-${kind}`,
        storage: getRxStorageMemory(),
        deviceKind: kind,
      });
      expect(Object.keys(db.collections).sort()).toEqual([...DEVICE_COLLECTIONS[kind]].sort());
      expect(Object.keys(db.collections).length).toBeLessThanOrEqual(RXDB_COLLECTION_LIMIT);
      await close(db);
    }
    expect(DEVICE_COLLECTIONS.kiosk).toEqual(expect.arrayContaining([...COLLECTION_NAMES]));
  });

  it('keeps no earlier resident in the in-memory change events of personal-data collections', async () => {
    const db = await openDb({ name: 'forget-events', storage: getRxStorageMemory() });
    const first = sampleApplication({
      applicant: { ...sampleApplication().applicant!, name: '前一位居民' },
    });
    const second = sampleApplication({
      applicant: { ...sampleApplication().applicant!, name: '下一位居民' },
    });
    await db.applications!.insert(first);
    await db.applications!.insert(second);
    // RxDB's internal buffer (see forgetPastChangeEvents): a rename in RxDB must fail this test.
    const buffer = (
      db.applications as unknown as { _changeEventBuffer: { getBuffer(): unknown[] } }
    )._changeEventBuffer.getBuffer();
    expect(buffer.length).toBe(1);
    expect(JSON.stringify(buffer)).not.toContain('前一位居民');
    // Queries stay correct without the history: they re-run instead of replaying events.
    expect(await db.applications!.count().exec()).toBe(2);
    const live = await firstValueFrom(db.applications!.find().$);
    expect(live.map((d) => d.trackingCode).sort()).toEqual(
      [first.trackingCode, second.trackingCode].sort(),
    );
    // Collections without personal data keep RxDB's default history.
    const content = db.content as unknown as { _changeEventBuffer: { limit: number } };
    expect(content._changeEventBuffer.limit).toBe(100);
    await close(db);
  });

  it('round-trips a realistic document of every replicated collection', async () => {
    const db = await openDb({ name: 'roundtrip', storage: getRxStorageMemory() });
    for (const name of COLLECTION_NAMES) {
      const doc = SAMPLE_BUILDERS[name]();
      const collection = db.collections[name]!;
      await collection.insert(doc as never);
      const back = (await collection.findOne((doc as { id: string }).id).exec())!.toMutableJSON();
      expect(back, name).toEqual(doc);
      expect(validateDocument(name, back).ok, name).toBe(true);
    }
  });

  it('queries a few thousand content items by index', async () => {
    const db = await openDb({ name: 'bulk', storage: getRxStorageMemory() });
    const docs = Array.from({ length: 3000 }, (_, i) =>
      sampleContent({
        id: `item-${String(i).padStart(5, '0')}`,
        kind: i % 3 === 0 ? 'faq' : 'law_article',
        updatedAt: new Date(Date.UTC(2026, 0, 1) + i * 60_000).toISOString(),
      }),
    );
    const result = await db.content!.bulkInsert(docs);
    expect(result.error).toEqual([]);
    const faqs = await db
      .content!.find({
        selector: { kind: 'faq' },
        sort: [{ updatedAt: 'desc' }],
        limit: 5,
      })
      .exec();
    expect(faqs.map((d) => d.id)).toEqual([
      'item-02997',
      'item-02994',
      'item-02991',
      'item-02988',
      'item-02985',
    ]);
    expect(await db.content!.count({ selector: { kind: 'law_article' } }).exec()).toBe(2000);
  });
});
