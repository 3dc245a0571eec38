import type { FromSchema } from 'json-schema-to-ts';
import type { WithBrandedIds } from '../ids';
import { DEVICE_KINDS } from '../vocabulary';
import { baseProperties, languageField, slugField, trackingCodeField } from './common';

export const FEEDBACK_TAGS = [
  'fast',
  'clear',
  'kind',
  'slow',
  'unclear',
  'hard_to_use',
  'language_problem',
] as const;

export const feedbackSchema = {
  title: 'feedback',
  description:
    'Satisfaction rating (满意度评价) after a service. Written by the device only; no personal data.',
  version: 0,
  primaryKey: 'id',
  type: 'object',
  additionalProperties: false,
  properties: {
    ...baseProperties,
    deviceId: slugField,
    source: { type: 'string', enum: DEVICE_KINDS },
    stationId: slugField,
    householdId: slugField,
    rating: { type: 'integer', minimum: 1, maximum: 5 },
    tags: {
      type: 'array',
      maxItems: FEEDBACK_TAGS.length,
      uniqueItems: true,
      items: { type: 'string', enum: FEEDBACK_TAGS },
    },
    comment: { type: 'string', maxLength: 500 },
    /** The service rated: apply, ask, track, book, read… */
    service: { type: 'string', minLength: 1, maxLength: 32, pattern: '^[a-z_]+$' },
    trackingCode: trackingCodeField,
    language: languageField,
  },
  required: [
    'id',
    'schemaVersion',
    'createdAt',
    'updatedAt',
    'deviceId',
    'source',
    'rating',
    'tags',
    'comment',
    'service',
    'language',
  ],
  indexes: ['createdAt'],
} as const;

export type Feedback = WithBrandedIds<FromSchema<typeof feedbackSchema>>;
