/**
 * Migration strategies per collection, keyed by the schema version they migrate *to*; each
 * schema change adds `n: (doc) => ...` here in the same commit as the schema bump.
 *
 * v1 of questions (callbackTime), appointments (slotTime) and directory (schedule) only added
 * optional fields: a v0 document is a valid v1 document, so it migrates unchanged. Its body
 * (schemaVersion included) stays exactly what the server holds, so nothing is pushed again or
 * seen as a conflict.
 */
import type { MigrationStrategies } from 'rxdb';
import type { LocalCollectionName } from './collections';

function unchanged<T>(doc: T): T {
  return doc;
}

export const MIGRATION_STRATEGIES: Readonly<Record<LocalCollectionName, MigrationStrategies>> = {
  applications: {},
  questions: { 1: unchanged },
  appointments: { 1: unchanged },
  feedback: {},
  case_updates: {},
  content: {},
  directory: { 1: unchanged },
  device_config: {},
  drafts: {},
  attachment_files: {},
};
