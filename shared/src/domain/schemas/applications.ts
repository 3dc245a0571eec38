import type { FromSchema } from 'json-schema-to-ts';
import type { WithBrandedIds } from '../ids';
import { CASE_CATEGORIES, HARDSHIP_BASES, IDENTITY_SOURCES, SEXES } from '../vocabulary';
import {
  baseProperties,
  dateField,
  idField,
  languageField,
  phoneField,
  sha256Field,
  slugField,
  timestampField,
  trackingCodeField,
} from './common';

/** The applicant's personal information: encrypted at rest on the device, purged after receipt. */
export const applicantSchema = {
  type: 'object',
  additionalProperties: false,
  properties: {
    name: { type: 'string', minLength: 1, maxLength: 60 },
    sex: { type: 'string', enum: SEXES },
    /** 民族 code as on the card chip ('02' 蒙古); absent for foreign card holders. */
    nationCode: { type: 'string', pattern: '^\\d{2}$' },
    birthDate: dateField,
    idNumber: { type: 'string', pattern: '^\\d{17}[\\dX]$' },
    address: { type: 'string', maxLength: 200 },
    phone: phoneField,
  },
  required: ['name', 'sex', 'birthDate', 'idNumber', 'address', 'phone'],
} as const;

export const attachmentMetaSchema = {
  type: 'object',
  additionalProperties: false,
  properties: {
    id: idField,
    kind: { type: 'string', enum: ['material_photo', 'id_card_photo'] },
    mimeType: { type: 'string', enum: ['image/jpeg', 'image/png', 'image/webp'] },
    bytes: { type: 'integer', minimum: 1, maximum: 5_000_000 },
    sha256: sha256Field,
    capturedAt: timestampField,
  },
  required: ['id', 'kind', 'mimeType', 'bytes', 'sha256', 'capturedAt'],
} as const;

export const consentSchema = {
  type: 'object',
  additionalProperties: false,
  properties: {
    /** Version of the personal-information notice shown (locales key + revision). */
    textVersion: { type: 'string', minLength: 1, maxLength: 40 },
    acceptedAt: timestampField,
    language: languageField,
  },
  required: ['textVersion', 'acceptedAt', 'language'],
} as const;

export const applicationSchema = {
  title: 'applications',
  description: 'Legal-aid application (法律援助申请) made at a kiosk. Written by the device only.',
  version: 0,
  primaryKey: 'id',
  type: 'object',
  additionalProperties: false,
  properties: {
    ...baseProperties,
    deviceId: slugField,
    stationId: slugField,
    trackingCode: trackingCodeField,
    /** Language the resident used; the form is printed in it as well as in Chinese. */
    language: languageField,
    applicant: applicantSchema,
    identitySource: { type: 'string', enum: IDENTITY_SOURCES },
    /** Staff confirmed an identity read by OCR or typed by hand. */
    identityConfirmedByStaff: { type: 'boolean' },
    caseCategory: { type: 'string', enum: CASE_CATEGORIES },
    hardshipBases: {
      type: 'array',
      minItems: 1,
      maxItems: HARDSHIP_BASES.length,
      uniqueItems: true,
      items: { type: 'string', enum: HARDSHIP_BASES },
    },
    description: { type: 'string', maxLength: 2000 },
    /** "Staff will write it for me": the description is left to station staff. */
    descriptionByStaff: { type: 'boolean' },
    attachments: { type: 'array', maxItems: 10, items: attachmentMetaSchema },
    consent: consentSchema,
    /** sha256(`${trackingCode}:${last 4 of ID number}`): lets a lookup be checked after the PII is purged. */
    lookupVerifier: sha256Field,
    submittedAt: timestampField,
    /** Set on the device when the personal data was purged after receipt; never sent to the center. */
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
    'identitySource',
    'identityConfirmedByStaff',
    'caseCategory',
    'hardshipBases',
    'description',
    'descriptionByStaff',
    'attachments',
    'consent',
    'lookupVerifier',
    'submittedAt',
  ],
  indexes: ['trackingCode', 'createdAt'],
  encrypted: ['applicant'],
} as const;

export type Applicant = FromSchema<typeof applicantSchema>;
export type AttachmentMeta = FromSchema<typeof attachmentMetaSchema>;
export type Application = WithBrandedIds<FromSchema<typeof applicationSchema>>;
