/**
 * Migration strategies per collection, keyed by the schema version they migrate *to*. Every
 * collection is at version 0, so there is nothing to migrate yet; the next schema change adds
 * `1: (doc) => ...` here in the same commit as the schema bump (and `schemaVersion` follows).
 */
import type { MigrationStrategies } from 'rxdb';
import type { LocalCollectionName } from './collections';

export const MIGRATION_STRATEGIES: Readonly<Record<LocalCollectionName, MigrationStrategies>> = {
  applications: {},
  questions: {},
  appointments: {},
  feedback: {},
  case_updates: {},
  content: {},
  directory: {},
  device_config: {},
  drafts: {},
  attachment_files: {},
};
