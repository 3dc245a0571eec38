import type { FromSchema } from 'json-schema-to-ts';
import type { WithBrandedIds } from '../ids';
import { CASE_CATEGORIES } from '../vocabulary';
import {
  baseProperties,
  dateField,
  languageField,
  phoneField,
  sha256Field,
  slugField,
  timestampField,
  trackingCodeField,
} from './common';

export const appointmentContactSchema = {
  type: 'object',
  additionalProperties: false,
  properties: {
    name: { type: 'string', minLength: 1, maxLength: 60 },
    phone: phoneField,
  },
  required: ['name', 'phone'],
} as const;

export const appointmentSchema = {
  title: 'appointments',
  description:
    'A booking with a station lawyer or a video consultation slot. Written by the device only.',
  // v1 (2026-12): `slotTime` added (optional; v0 documents migrate unchanged).
  version: 1,
  primaryKey: 'id',
  type: 'object',
  additionalProperties: false,
  properties: {
    ...baseProperties,
    deviceId: slugField,
    stationId: slugField,
    trackingCode: trackingCodeField,
    language: languageField,
    mode: { type: 'string', enum: ['in_person', 'video'] },
    /** Directory id of the lawyer or mediator asked for; absent means "whoever is on duty". */
    providerId: { type: 'string', maxLength: 64 },
    preferredDate: dateField,
    preferredPeriod: { type: 'string', enum: ['morning', 'afternoon'] },
    /** Start of the booked slot of the station's schedule (China time) on `preferredDate`. */
    slotTime: { type: 'string', pattern: '^([01]\\d|2[0-3]):[0-5]\\d$', maxLength: 5 },
    caseCategory: { type: 'string', enum: CASE_CATEGORIES },
    note: { type: 'string', maxLength: 500 },
    contact: appointmentContactSchema,
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
    'stationId',
    'trackingCode',
    'language',
    'mode',
    'preferredDate',
    'preferredPeriod',
    'caseCategory',
    'note',
    'submittedAt',
  ],
  indexes: ['trackingCode', 'createdAt'],
  encrypted: ['contact'],
} as const;

export type Appointment = WithBrandedIds<FromSchema<typeof appointmentSchema>>;
