/**
 * Which collections a device's database holds. Replicated ones come from the domain's
 * COLLECTIONS (the very schema objects the server validates with); local-only ones from
 * local-schemas. RxDB's free tier allows 13 collections per JS process: a kiosk uses 10.
 */
import type { RxJsonSchema } from 'rxdb';
import type { CollectionName } from '../domain/collections';
import { COLLECTION_NAMES, COLLECTIONS } from '../domain/collections';
import type { DeviceKind } from '../domain/vocabulary';
import { attachmentFileSchema, draftSchema } from './local-schemas';

export const LOCAL_ONLY_COLLECTIONS = ['drafts', 'attachment_files'] as const;
export type LocalOnlyCollectionName = (typeof LOCAL_ONLY_COLLECTIONS)[number];
export type LocalCollectionName = CollectionName | LocalOnlyCollectionName;

/**
 * Collections each kind of device holds: a kiosk all of them; a TV box neither applies nor books,
 * nor takes photos.
 */
export const TV_COLLECTIONS = [
  'questions',
  'feedback',
  'case_updates',
  'content',
  'directory',
  'device_config',
  'drafts',
] as const satisfies readonly LocalCollectionName[];
export type TvCollectionName = (typeof TV_COLLECTIONS)[number];
export type KioskCollectionName = LocalCollectionName;

export const DEVICE_COLLECTIONS: Readonly<Record<DeviceKind, readonly LocalCollectionName[]>> = {
  kiosk: [...COLLECTION_NAMES, ...LOCAL_ONLY_COLLECTIONS],
  tv: TV_COLLECTIONS,
};

/** RxDB's free-tier limit of open collections per JS process (rxdb-17-facts.md). */
export const RXDB_COLLECTION_LIMIT = 13;

/**
 * The domain schemas are `as const` literals (readonly arrays); RxDB's type wants mutable ones.
 * The objects are the same; only the type is widened.
 */
export function toRxSchema<T>(schema: object): RxJsonSchema<T> {
  return schema as RxJsonSchema<T>;
}

export function schemaOf(name: LocalCollectionName): object {
  // The two local-only collections have their own schemas; the rest are the replicated ones.
  if (name === 'drafts') return draftSchema;
  if (name === 'attachment_files') return attachmentFileSchema;
  return COLLECTIONS[name].schema;
}
