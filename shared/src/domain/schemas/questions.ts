import type { FromSchema } from 'json-schema-to-ts';
import type { WithBrandedIds } from '../ids';
import { CASE_CATEGORIES, DEVICE_KINDS } from '../vocabulary';
import {
  baseProperties,
  languageField,
  phoneField,
  sha256Field,
  slugField,
  timestampField,
  trackingCodeField,
} from './common';

/** Optional contact details for a call-back: encrypted at rest on the device. */
export const questionContactSchema = {
  type: 'object',
  additionalProperties: false,
  properties: {
    name: { type: 'string', minLength: 1, maxLength: 60 },
    phone: phoneField,
  },
  required: ['phone'],
} as const;

/** When the resident would like the lawyer to call back (China time, the station's day). */
export const CALLBACK_TIMES = ['morning', 'afternoon', 'evening', 'any'] as const;
export type CallbackTime = (typeof CALLBACK_TIMES)[number];

export const questionSchema = {
  title: 'questions',
  description:
    'A legal question from a kiosk or TV awaiting a human answer (想问的). Written by the device only.',
  // v1 (2026-12): `callbackTime` added (optional; v0 documents migrate unchanged).
  version: 1,
  primaryKey: 'id',
  type: 'object',
  additionalProperties: false,
  properties: {
    ...baseProperties,
    deviceId: slugField,
    source: { type: 'string', enum: DEVICE_KINDS },
    stationId: slugField,
    householdId: slugField,
    trackingCode: trackingCodeField,
    language: languageField,
    category: { type: 'string', enum: CASE_CATEGORIES },
    text: { type: 'string', minLength: 1, maxLength: 2000 },
    /** Content item the question was asked from (an FAQ or article), if any. */
    relatedContentId: { type: 'string', maxLength: 64 },
    wantsCallback: { type: 'boolean' },
    callbackTime: { type: 'string', enum: CALLBACK_TIMES },
    contact: questionContactSchema,
    /** sha256(`${trackingCode}:${last 4 of phone}`) when a phone was given. */
    lookupVerifier: sha256Field,
    submittedAt: timestampField,
    piiPurgedAt: timestampField,
  },
  required: [
    'id',
    'schemaVersion',
    'createdAt',
    'updatedAt',
    'deviceId',
    'source',
    'trackingCode',
    'language',
    'category',
    'text',
    'wantsCallback',
    'submittedAt',
  ],
  indexes: ['trackingCode', 'createdAt'],
  encrypted: ['contact'],
} as const;

export type QuestionContact = FromSchema<typeof questionContactSchema>;
export type Question = WithBrandedIds<FromSchema<typeof questionSchema>>;
