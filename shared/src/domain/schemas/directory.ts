import type { FromSchema } from 'json-schema-to-ts';
import type { WithBrandedIds } from '../ids';
import { CASE_CATEGORIES, DIRECTORY_KINDS, LANGUAGES } from '../vocabulary';
import {
  baseProperties,
  localizedTextSchema,
  phoneField,
  regionCodeField,
  slugField,
} from './common';

export const directoryEntrySchema = {
  title: 'directory',
  description:
    'Stations, centers, lawyers, mediators, notaries and hotlines, published by the center.',
  version: 0,
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
