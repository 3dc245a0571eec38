/**
 * Migration strategies per collection, keyed by the schema version they migrate *to*; each
 * schema change adds `n: (doc) => ...` here in the same commit as the schema bump.
 *
 * v1 of questions (callbackTime), appointments (slotTime) and directory (schedule) only added
 * optional fields: a v0 document is a valid v1 document, so it migrates unchanged. Its body
 * (schemaVersion included) stays exactly what the server holds, so nothing is pushed again or
 * seen as a conflict.
 *
 * v1 of case_updates (decision codes, provider names, new statuses) also only added fields,
 * but its step stamps `schemaVersion: 1` (domain/case-update-migration.ts): the server's
 * migration 131 stamps the stored updates the same way, and devices never push case updates,
 * so the two copies stay equal.
 */
import type { MigrationStrategies } from 'rxdb';
import { migrateCaseUpdateToV1 } from '../domain/case-update-migration';
import type { LocalCollectionName } from './collections';

function unchanged<T>(doc: T): T {
  return doc;
}

export const MIGRATION_STRATEGIES: Readonly<Record<LocalCollectionName, MigrationStrategies>> = {
  applications: {},
  questions: { 1: unchanged },
  appointments: { 1: unchanged },
  feedback: {},
  case_updates: { 1: migrateCaseUpdateToV1 },
  content: {},
  directory: { 1: unchanged },
  device_config: {},
  drafts: {},
  attachment_files: {},
};
