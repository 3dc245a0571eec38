/**
 * The replicated collections and who writes each one. Single writer per collection removes
 * most conflicts by design (docs/decisions/0001-architecture.md). RxDB's free tier allows at
 * most 13 collections per process: 8 here leave room for local-only ones.
 */
import { applicationSchema, type Application } from './schemas/applications';
import { appointmentSchema, type Appointment } from './schemas/appointments';
import { caseUpdateSchema, type CaseUpdate } from './schemas/case-updates';
import { contentSchema, type Content } from './schemas/content';
import { deviceConfigSchema, type DeviceConfig } from './schemas/device-config';
import { directoryEntrySchema, type DirectoryEntry } from './schemas/directory';
import { feedbackSchema, type Feedback } from './schemas/feedback';
import { questionSchema, type Question } from './schemas/questions';

export const COLLECTION_NAMES = [
  'applications',
  'questions',
  'appointments',
  'feedback',
  'case_updates',
  'content',
  'directory',
  'device_config',
] as const;
export type CollectionName = (typeof COLLECTION_NAMES)[number];

export interface DocumentTypes {
  applications: Application;
  questions: Question;
  appointments: Appointment;
  feedback: Feedback;
  case_updates: CaseUpdate;
  content: Content;
  directory: DirectoryEntry;
  device_config: DeviceConfig;
}

export type Writer = 'device' | 'center';

export interface CollectionDefinition {
  readonly name: CollectionName;
  readonly schema: CollectionSchema;
  readonly writer: Writer;
  /** Top-level fields holding personal information: encrypted on the device. */
  readonly piiFields: readonly string[];
  /** Upper bound of one serialized document, checked by the server. */
  readonly maxDocumentBytes: number;
}

/** The structural part of our schemas every consumer relies on. */
export interface CollectionSchema {
  readonly title: string;
  readonly version: number;
  readonly primaryKey: string;
  readonly type: 'object';
  readonly properties: Readonly<Record<string, unknown>>;
  readonly required: readonly string[];
  readonly indexes?: readonly string[];
  readonly encrypted?: readonly string[];
}

export const COLLECTIONS: Readonly<Record<CollectionName, CollectionDefinition>> = {
  applications: {
    name: 'applications',
    schema: applicationSchema,
    writer: 'device',
    piiFields: ['applicant'],
    maxDocumentBytes: 32_768,
  },
  questions: {
    name: 'questions',
    schema: questionSchema,
    writer: 'device',
    piiFields: ['contact'],
    maxDocumentBytes: 16_384,
  },
  appointments: {
    name: 'appointments',
    schema: appointmentSchema,
    writer: 'device',
    piiFields: ['contact'],
    maxDocumentBytes: 8_192,
  },
  feedback: {
    name: 'feedback',
    schema: feedbackSchema,
    writer: 'device',
    piiFields: [],
    maxDocumentBytes: 4_096,
  },
  case_updates: {
    name: 'case_updates',
    schema: caseUpdateSchema,
    writer: 'center',
    piiFields: [],
    maxDocumentBytes: 16_384,
  },
  content: {
    name: 'content',
    schema: contentSchema,
    writer: 'center',
    piiFields: [],
    maxDocumentBytes: 262_144,
  },
  directory: {
    name: 'directory',
    schema: directoryEntrySchema,
    writer: 'center',
    piiFields: [],
    maxDocumentBytes: 16_384,
  },
  device_config: {
    name: 'device_config',
    schema: deviceConfigSchema,
    writer: 'center',
    piiFields: [],
    maxDocumentBytes: 8_192,
  },
};

export function isCollectionName(value: string): value is CollectionName {
  return (COLLECTION_NAMES as readonly string[]).includes(value);
}

export const DEVICE_WRITTEN_COLLECTIONS = COLLECTION_NAMES.filter(
  (name) => COLLECTIONS[name].writer === 'device',
);
export const CENTER_WRITTEN_COLLECTIONS = COLLECTION_NAMES.filter(
  (name) => COLLECTIONS[name].writer === 'center',
);
