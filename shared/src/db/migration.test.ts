import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { getRxStorageDexie } from 'rxdb/plugins/storage-dexie';
import { describe, expect, it } from 'vitest';
import { applicationSchema } from '../domain/schemas/applications';
import { caseUpdateSchema } from '../domain/schemas/case-updates';
import { appointmentSchema } from '../domain/schemas/appointments';
import { directoryEntrySchema } from '../domain/schemas/directory';
import { questionSchema } from '../domain/schemas/questions';
import {
  sampleApplication,
  sampleAppointment,
  sampleDirectoryEntry,
  sampleQuestion,
} from '../testing/sample-documents';
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

/** The v0 shape of a schema: the given optional fields removed, version 0. */
function v0Of(schema: { properties: object }, added: string): object {
  const properties = Object.fromEntries(
    Object.entries(schema.properties).filter(([name]) => name !== added),
  );
  return { ...schema, version: 0, properties };
}

describe('v0 → v1 of questions, appointments and directory (optional fields added)', () => {
  it('keeps every v0 document exactly as it was, and v1 documents take the new fields', async () => {
    const storage = getRxStorageDexie({ indexedDB: new IDBFactory(), IDBKeyRange });
    const v0 = await createLocalDatabase({
      name: 'migrate-services',
      storage,
      encryptionKey: KEY,
      schemaOverrides: {
        questions: { schema: v0Of(questionSchema, 'callbackTime'), migrationStrategies: {} },
        appointments: { schema: v0Of(appointmentSchema, 'slotTime'), migrationStrategies: {} },
        directory: { schema: v0Of(directoryEntrySchema, 'schedule'), migrationStrategies: {} },
      },
    });
    const question = sampleQuestion();
    const appointment = sampleAppointment();
    const station = sampleDirectoryEntry();
    await v0.questions!.insert(question);
    await v0.appointments!.insert(appointment);
    await v0.directory!.insert(station);
    await v0.close();

    const v1 = await createLocalDatabase({ name: 'migrate-services', storage, encryptionKey: KEY });
    try {
      expect(v1.questions!.schema.version).toBe(1);
      expect(v1.appointments!.schema.version).toBe(1);
      expect(v1.directory!.schema.version).toBe(1);
      expect((await v1.questions!.findOne(question.id).exec())!.toMutableJSON()).toEqual(question);
      expect((await v1.appointments!.findOne(appointment.id).exec())!.toMutableJSON()).toEqual(
        appointment,
      );
      expect((await v1.directory!.findOne(station.id).exec())!.toMutableJSON()).toEqual(station);
      const later = sampleQuestion({ callbackTime: 'afternoon' });
      await v1.questions!.insert(later);
      expect((await v1.questions!.findOne(later.id).exec())!.callbackTime).toBe('afternoon');
    } finally {
      await v1.close();
    }
  });
});
