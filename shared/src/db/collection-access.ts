/**
 * Typed access to a device database's collections. A kiosk's or a TV box's database, opened
 * with its kind's full set, has every collection of that set (`KioskDatabase`, `TvDatabase`:
 * required, no `db.x?` checks); code that serves any device takes a `LocalDatabase` and asks
 * here whether a collection is there.
 */
import type { RxCollection } from 'rxdb';
import type { LocalDatabase, LocalDocumentTypes } from './create-local-database';
import type { LocalCollectionName } from './collections';

/** A database that holds at least the collections C. */
export type DatabaseWith<C extends LocalCollectionName> = LocalDatabase & {
  readonly [K in C]: RxCollection<LocalDocumentTypes[K]>;
};

/**
 * The database `createLocalDatabase` opens for a list of collections: each required when the
 * list is known where it is written, all optional when it is only known as "some collections".
 */
export type DatabaseOf<C extends LocalCollectionName> = LocalCollectionName extends C
  ? LocalDatabase
  : DatabaseWith<C>;

/** A document of any collection, handled as JSON by code that walks collections by name. */
export type AnyDocument = Record<string, unknown>;

export function hasCollection<C extends LocalCollectionName>(
  db: LocalDatabase,
  name: C,
): db is DatabaseWith<C> {
  return db.collections[name] !== undefined;
}

/** The collection, where its absence would be a bug (a caller opened the wrong set). */
export function requireCollection<C extends LocalCollectionName>(
  db: LocalDatabase,
  name: C,
): RxCollection<LocalDocumentTypes[C]> {
  const collections: { readonly [K in C]?: RxCollection<LocalDocumentTypes[K]> } = db.collections;
  const collection = collections[name];
  if (!collection) throw new Error(`this database has no ${name} collection`);
  return collection;
}

/**
 * A collection by name with its documents as plain JSON, for code that walks collections by
 * name (replication, outbox, rejections); undefined when this database does not hold it.
 */
export function anyCollection(
  db: LocalDatabase,
  name: LocalCollectionName,
): RxCollection<AnyDocument> | undefined {
  // Each collection has its own document type; walked by name, they are all JSON objects
  // (checked against their schema where they enter). The one widening cast of the package.
  return db.collections[name] as unknown as RxCollection<AnyDocument> | undefined;
}
