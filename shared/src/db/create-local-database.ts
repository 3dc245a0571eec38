/**
 * The device's local database: RxDB 17 on the storage the host passes in (Dexie/IndexedDB in
 * the renderer, storage-memory or fake-indexeddb in tests), personal data encrypted with
 * crypto-js under a key the host supplies (Electron safeStorage on a kiosk), schema migrations
 * wired, RxDB local documents as the small key/value store.
 *
 * Runs in the browser renderer and in Node: no Node imports here.
 */
import {
  addRxPlugin,
  createRxDatabase,
  type MigrationStrategies,
  type RxCollection,
  type RxDatabase,
  type RxStorage,
} from 'rxdb';
import { RxDBAttachmentsPlugin } from 'rxdb/plugins/attachments';
import { wrappedKeyEncryptionCryptoJsStorage } from 'rxdb/plugins/encryption-crypto-js';
import { RxDBLocalDocumentsPlugin } from 'rxdb/plugins/local-documents';
import { RxDBMigrationSchemaPlugin } from 'rxdb/plugins/migration-schema';
import { COLLECTIONS, isCollectionName, type DocumentTypes } from '../domain/collections';
import type { DeviceKind } from '../domain/vocabulary';
import {
  DEVICE_COLLECTIONS,
  schemaOf,
  toRxSchema,
  type KioskCollectionName,
  type LocalCollectionName,
  type TvCollectionName,
} from './collections';
import type { DatabaseOf, DatabaseWith } from './collection-access';
import type { AttachmentFile, Draft } from './local-schemas';
import { deviceWinsConflictHandler } from './conflict-handler';
import { MIGRATION_STRATEGIES } from './migrations';

export interface LocalDocumentTypes extends DocumentTypes {
  drafts: Draft;
  attachment_files: AttachmentFile;
}

/**
 * Every collection a device may hold. A TV database lacks some (DEVICE_COLLECTIONS), hence
 * optional here: code that serves both kinds checks before use (collection-access.ts); a
 * kiosk's or a TV's own code gets `KioskDatabase` / `TvDatabase`, where they are required.
 */
export type LocalCollections = {
  [C in LocalCollectionName]?: RxCollection<LocalDocumentTypes[C]>;
};

export type LocalDatabase = RxDatabase<LocalCollections>;

/** A kiosk's database as `createLocalDatabase` opens it: every collection there. */
export type KioskDatabase = DatabaseWith<KioskCollectionName>;
/** A TV box's database as `createLocalDatabase` opens it (TV_COLLECTIONS). */
export type TvDatabase = DatabaseWith<TvCollectionName>;

export interface LocalDatabaseOptions {
  /** Database name; one per device profile (e.g. 'pls-kiosk'). */
  readonly name: string;
  /** The RxStorage to persist to: `getRxStorageDexie()` in the renderer. */
  readonly storage: RxStorage<unknown, unknown>;
  /**
   * Key for the encrypted fields. Comes from the host (OS keystore); never a constant in code.
   * The same key must be given every time: RxDB refuses to open with a different one.
   */
  readonly encryptionKey: string;
  readonly deviceKind?: DeviceKind;
  /**
   * Open only these of the device kind's collections (default: all of them). For tools and
   * tests that run several device databases in one process within RxDB's 13-collection limit.
   */
  readonly collections?: readonly LocalCollectionName[];
  /**
   * RxDB dev-mode: schema checks and a validating storage. Development only: it slows every
   * write and, in browsers, injects a tracking iframe. Never on in shipped builds.
   */
  readonly devMode?: boolean;
  /** A kiosk runs one window: no cross-tab channel needed. */
  readonly multiInstance?: boolean;
  /**
   * Schema and migration strategies to use instead of the built-in ones, per collection. For
   * migration tests and for shipping a migration before the domain schema moves.
   */
  readonly schemaOverrides?: Partial<
    Record<LocalCollectionName, { schema: object; migrationStrategies: MigrationStrategies }>
  >;
}

export const MIN_ENCRYPTION_KEY_LENGTH = 16;

let pluginsAdded = false;
function addPlugins(): void {
  if (pluginsAdded) return;
  addRxPlugin(RxDBLocalDocumentsPlugin);
  addRxPlugin(RxDBMigrationSchemaPlugin);
  addRxPlugin(RxDBAttachmentsPlugin);
  pluginsAdded = true;
}

/** Loaded only when asked for, so production bundles never execute it. */
async function devModeStorage(
  storage: RxStorage<unknown, unknown>,
): Promise<RxStorage<unknown, unknown>> {
  const [{ RxDBDevModePlugin, disableWarnings }, { wrappedValidateAjvStorage }] = await Promise.all(
    [import('rxdb/plugins/dev-mode'), import('rxdb/plugins/validate-ajv')],
  );
  disableWarnings();
  addRxPlugin(RxDBDevModePlugin);
  return wrappedValidateAjvStorage({ storage });
}

/** A kiosk's full set (the default kind), a TV's full set, or the listed collections. */
export function createLocalDatabase(
  options: LocalDatabaseOptions & { deviceKind?: 'kiosk'; collections?: undefined },
): Promise<KioskDatabase>;
export function createLocalDatabase(
  options: LocalDatabaseOptions & { deviceKind: 'tv'; collections?: undefined },
): Promise<TvDatabase>;
export function createLocalDatabase<const C extends LocalCollectionName>(
  options: LocalDatabaseOptions & { collections: readonly C[] },
): Promise<DatabaseOf<C>>;
export function createLocalDatabase(options: LocalDatabaseOptions): Promise<LocalDatabase>;
export async function createLocalDatabase(options: LocalDatabaseOptions): Promise<LocalDatabase> {
  if (options.encryptionKey.length < MIN_ENCRYPTION_KEY_LENGTH) {
    throw new Error(`encryption key must be at least ${MIN_ENCRYPTION_KEY_LENGTH} characters`);
  }
  addPlugins();
  const encrypted = wrappedKeyEncryptionCryptoJsStorage({ storage: options.storage });
  // Validation wraps encryption so it sees documents in clear, as the application wrote them.
  const storage = options.devMode ? await devModeStorage(encrypted) : encrypted;
  const db = await createRxDatabase<LocalCollections>({
    name: options.name,
    storage,
    password: options.encryptionKey,
    multiInstance: options.multiInstance ?? false,
    localDocuments: true,
    // Our code never opens one name twice on purpose; a second open is a bug to surface.
    ignoreDuplicate: false,
  });
  try {
    const kind = options.deviceKind ?? 'kiosk';
    const creators: Record<
      string,
      {
        schema: ReturnType<typeof toRxSchema>;
        migrationStrategies: MigrationStrategies;
        conflictHandler?: typeof deviceWinsConflictHandler;
      }
    > = {};
    const names = options.collections ?? DEVICE_COLLECTIONS[kind];
    for (const name of names) {
      if (!DEVICE_COLLECTIONS[kind].includes(name)) {
        throw new Error(`a ${kind} database has no ${name} collection`);
      }
      const override = options.schemaOverrides?.[name];
      creators[name] = {
        schema: toRxSchema(override?.schema ?? schemaOf(name)),
        migrationStrategies: override?.migrationStrategies ?? MIGRATION_STRATEGIES[name],
        ...(isCollectionName(name) && COLLECTIONS[name].writer === 'device'
          ? { conflictHandler: deviceWinsConflictHandler }
          : {}),
      };
    }
    await db.addCollections(creators);
    for (const name of names) if (holdsPersonalData(name)) forgetPastChangeEvents(db, name);
  } catch (error) {
    await db.close();
    throw error;
  }
  return db;
}

/** Collections whose documents carry a resident's personal data in clear inside the process. */
function holdsPersonalData(name: string): boolean {
  return name === 'drafts' || (isCollectionName(name) && COLLECTIONS[name].piiFields.length > 0);
}

/**
 * RxDB keeps the last 100 change events of each collection in memory for its query optimizer
 * (ChangeEventBuffer), each holding the document as written, decrypted: the previous resident's
 * form, long after the visit ended and the draft was deleted. Keeping only the latest event ends
 * that; queries whose events fell out of the buffer simply run again (RxDB handles that case).
 * The buffer is not public API, hence the structural check.
 */
function forgetPastChangeEvents(db: LocalDatabase, name: string): void {
  // RxDB internal field; if a future RxDB renames it, the test in create-local-database.test.ts fails.
  const collection = (db as unknown as Record<string, unknown>)[name] as
    { _changeEventBuffer?: { limit?: number } } | undefined;
  const buffer = collection?._changeEventBuffer;
  if (buffer && typeof buffer.limit === 'number') buffer.limit = 1;
}
