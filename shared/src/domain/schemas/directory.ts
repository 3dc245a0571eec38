import type { FromSchema } from 'json-schema-to-ts';
import type { WithBrandedIds } from '../ids';
import { CASE_CATEGORIES, DIRECTORY_KINDS, LANGUAGES } from '../vocabulary';
import {
  baseProperties,
  dateField,
  localizedTextSchema,
  phoneField,
  regionCodeField,
  slugField,
} from './common';

const slotTimeField = {
  type: 'string',
  pattern: '^([01]\\d|2[0-3]):[0-5]\\d$',
  maxLength: 5,
} as const;

/**
 * A station's booking schedule, published by the center: the slot start times of each weekday
 * (1 = Monday … 7 = Sunday, China time), the days it is closed, and how far ahead residents
 * may book.
 */
export const stationScheduleSchema = {
  type: 'object',
  additionalProperties: false,
  properties: {
    slotMinutes: { type: 'integer', minimum: 10, maximum: 240 },
    daysAhead: { type: 'integer', minimum: 1, maximum: 60 },
    weekdays: {
      type: 'array',
      maxItems: 7,
      items: {
        type: 'object',
        additionalProperties: false,
        properties: {
          weekday: { type: 'integer', minimum: 1, maximum: 7 },
          times: { type: 'array', maxItems: 48, uniqueItems: true, items: slotTimeField },
        },
        required: ['weekday', 'times'],
      },
    },
    holidays: { type: 'array', maxItems: 400, uniqueItems: true, items: dateField },
  },
  required: ['slotMinutes', 'daysAhead', 'weekdays', 'holidays'],
} as const;

export const directoryEntrySchema = {
  title: 'directory',
  description:
    'Stations, centers, lawyers, mediators, notaries and hotlines, published by the center.',
  // v1 (2026-12): `schedule` added for stations (optional; v0 documents migrate unchanged).
  version: 1,
  primaryKey: 'id',
  type: 'object',
  additionalProperties: false,
  properties: {
    ...baseProperties,
    kind: { type: 'string', enum: DIRECTORY_KINDS, maxLength: 16 },
    name: localizedTextSchema,
    regionCode: regionCodeField,
    /** The station a lawyer or mediator serves, or the station itself. */
    stationId: slugField,
    address: localizedTextSchema,
    phone: phoneField,
    openingHours: localizedTextSchema,
    languages: {
      type: 'array',
      minItems: 1,
      uniqueItems: true,
      items: { type: 'string', enum: LANGUAGES },
    },
    specialties: {
      type: 'array',
      uniqueItems: true,
      items: { type: 'string', enum: CASE_CATEGORIES },
    },
    videoConsultation: { type: 'boolean' },
    /** Stations only: when residents can book a lawyer there. */
    schedule: stationScheduleSchema,
    order: { type: 'integer', minimum: 0, maximum: 1_000_000 },
    withdrawn: { type: 'boolean' },
    /** Sample entries are made up for demonstration and must be replaced before use. */
    sample: { type: 'boolean' },
  },
  required: [
    'id',
    'schemaVersion',
    'createdAt',
    'updatedAt',
    'kind',
    'name',
    'regionCode',
    'languages',
    'specialties',
    'order',
    'withdrawn',
    'sample',
  ],
  indexes: ['kind', 'updatedAt'],
} as const;

export type DirectoryEntry = WithBrandedIds<FromSchema<typeof directoryEntrySchema>>;
export type StationSchedule = FromSchema<typeof stationScheduleSchema>;
