/**
 * Migration strategies per collection, keyed by the schema version they migrate *to*. A schema
 * change adds `n: (doc) => ...` here in the same commit as the schema bump (and the document's
 * own `schemaVersion` follows).
 */
import type { MigrationStrategies } from 'rxdb';
import { migrateCaseUpdateToV1 } from '../domain/case-update-migration';
import type { LocalCollectionName } from './collections';

export const MIGRATION_STRATEGIES: Readonly<Record<LocalCollectionName, MigrationStrategies>> = {
  applications: {},
  questions: {},
  appointments: {},
  feedback: {},
  case_updates: { 1: migrateCaseUpdateToV1 },
  content: {},
  directory: {},
  device_config: {},
  drafts: {},
  attachment_files: {},
};
