/**
 * Schema fragments shared by the collection schemas. Every schema is plain JSON Schema
 * (draft 2020-12 subset) plus RxDB's keywords (version, primaryKey, indexes, encrypted),
 * so the device database and the server validate with the very same object.
 *
 * RxDB rules followed here: the primary key and every indexed string has a maxLength; indexed
 * fields are required; no property names with dots or leading underscores.
 */
import { LANGUAGES, REVIEW_STATUSES } from '../vocabulary';
import { TRACKING_ALPHABET, TRACKING_CODE_LENGTH } from '../tracking-code';

export const idField = {
  type: 'string',
  minLength: 1,
  maxLength: 64,
  pattern: '^[A-Za-z0-9][A-Za-z0-9_.:-]*$',
} as const;
export const slugField = {
  type: 'string',
  minLength: 3,
  maxLength: 64,
  pattern: '^[a-z0-9][a-z0-9-]{1,62}[a-z0-9]$',
} as const;
export const schemaVersionField = { type: 'integer', minimum: 0, maximum: 1000 } as const;
export const timestampField = { type: 'string', format: 'date-time', maxLength: 40 } as const;
export const dateField = { type: 'string', format: 'date', maxLength: 10 } as const;
export const languageField = { type: 'string', enum: LANGUAGES, maxLength: 8 } as const;
export const trackingCodeField = {
  type: 'string',
  minLength: TRACKING_CODE_LENGTH,
  maxLength: TRACKING_CODE_LENGTH,
  pattern: `^[${TRACKING_ALPHABET}]{${TRACKING_CODE_LENGTH}}$`,
} as const;
export const sha256Field = {
  type: 'string',
  pattern: '^[0-9a-f]{64}$',
  minLength: 64,
  maxLength: 64,
} as const;
/** Mobile (1xxxxxxxxxx) or landline with area code (0xxx-xxxxxxx), digits only after parsing. */
export const phoneField = {
  type: 'string',
  pattern: '^(1\\d{10}|0\\d{9,11}|12348)$',
  maxLength: 12,
} as const;
export const regionCodeField = {
  type: 'string',
  pattern: '^(\\d{2}(\\d{2}(\\d{2})?)?)?$',
  maxLength: 6,
} as const;

/**
 * Text in both languages. `mn` is traditional-script Mongolian (mn-Mong); it may be empty only
 * when mnStatus is 'missing'. mnStatus records whether a reviewer checked the translation.
 */
export const localizedTextSchema = {
  type: 'object',
  additionalProperties: false,
  properties: {
    zh: { type: 'string', maxLength: 20000 },
    mn: { type: 'string', maxLength: 30000 },
    mnStatus: { type: 'string', enum: REVIEW_STATUSES },
  },
  required: ['zh', 'mn', 'mnStatus'],
} as const;

/** A short text written by one person in one language (an answer, a reason, a note). */
export const authoredTextSchema = {
  type: 'object',
  additionalProperties: false,
  properties: {
    text: { type: 'string', minLength: 1, maxLength: 5000 },
    language: languageField,
  },
  required: ['text', 'language'],
} as const;

/** Fields every replicated document carries. */
export const baseProperties = {
  id: idField,
  schemaVersion: schemaVersionField,
  createdAt: timestampField,
  updatedAt: timestampField,
} as const;
