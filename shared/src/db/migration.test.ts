import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { getRxStorageDexie } from 'rxdb/plugins/storage-dexie';
import { describe, expect, it } from 'vitest';
import { applicationSchema } from '../domain/schemas/applications';
import { caseUpdateSchema } from '../domain/schemas/case-updates';
import { sampleApplication } from '../testing/sample-documents';
import { createLocalDatabase } from './create-local-database';

const KEY = 'test-key-not-a-real-secret-0123';

/** A test-only v1 of the applications schema: same fields, version bumped. */
const applicationSchemaV1 = { ...applicationSchema, version: 1 };

describe('schema migration', () => {
  it('keeps every document (encrypted fields included) when a collection moves from v0 to v1', async () => {
    const storage = getRxStorageDexie({ indexedDB: new IDBFactory(), IDBKeyRange });
    const v0 = await createLocalDatabase({ name: 'migrate', storage, encryptionKey: KEY });
    const apps = [sampleApplication(), sampleApplication(), sampleApplication()];
    await v0.applications!.bulkInsert(apps);
    await v0.close();

    const migrated: string[] = [];
    const v1 = await createLocalDatabase({
      name: 'migrate',
      storage,
      encryptionKey: KEY,
      schemaOverrides: {
        applications: {
          schema: applicationSchemaV1,
          migrationStrategies: {
            1: (doc: { id: string; schemaVersion: number }) => {
              migrated.push(doc.id);
              return { ...doc, schemaVersion: 1 };
            },
          },
        },
      },
    });
    try {
      expect(v1.applications!.schema.version).toBe(1);
      const docs = (
        await v1.applications!.find({ sort: [{ createdAt: 'asc' }, { id: 'asc' }] }).exec()
      ).map((d) => d.toMutableJSON());
      expect(migrated.sort()).toEqual(apps.map((a) => a.id).sort());
      expect(docs.map((d) => d.id).sort()).toEqual(apps.map((a) => a.id).sort());
      for (const doc of docs) {
        const original = apps.find((a) => a.id === doc.id)!;
        expect(doc).toEqual({ ...original, schemaVersion: 1 });
      }
    } finally {
      await v1.close();
    }
  });

  it('migrates stored case updates from v0 to v1 with the shipped strategy', async () => {
    const storage = getRxStorageDexie({ indexedDB: new IDBFactory(), IDBKeyRange });
    // The collection as devices had it before v1: same fields, version 0.
    const v0Schema = { ...caseUpdateSchema, version: 0 };
    const v0 = await createLocalDatabase({
      name: 'migrate-updates',
      storage,
      encryptionKey: KEY,
      schemaOverrides: { case_updates: { schema: v0Schema, migrationStrategies: {} } },
    });
    const app = sampleApplication();
    const update = {
      id: 'update-0001',
      schemaVersion: 0,
      createdAt: '2026-11-21T02:00:00.000Z',
      updatedAt: '2026-11-21T02:00:00.000Z',
      kind: 'status' as const,
      caseKind: 'applications' as const,
      caseId: app.id,
      trackingCode: app.trackingCode,
      deviceId: app.deviceId,
      status: 'needs_materials' as const,
      reason: { text: '请补充劳动合同', language: 'zh-Hans' as const },
      serverTime: '2026-11-21T02:00:00.000Z',
    };
    await v0.case_updates!.insert(update);
    await v0.close();
    const v1 = await createLocalDatabase({ name: 'migrate-updates', storage, encryptionKey: KEY });
    try {
      expect(v1.case_updates!.schema.version).toBe(1);
      const docs = (await v1.case_updates!.find().exec()).map((d) => d.toMutableJSON());
      expect(docs).toEqual([{ ...update, schemaVersion: 1 }]);
    } finally {
      await v1.close();
    }
  });
});
