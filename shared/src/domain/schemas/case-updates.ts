import type { FromSchema } from 'json-schema-to-ts';
import type { WithBrandedIds } from '../ids';
import { ALL_CASE_STATUSES, CASE_KINDS } from '../case-status';
import { MISSING_MATERIALS, REFUSAL_REASONS } from '../decision-codes';
import {
  authoredTextSchema,
  baseProperties,
  dateField,
  idField,
  localizedTextSchema,
  phoneField,
  slugField,
  timestampField,
  trackingCodeField,
} from './common';

export const CASE_UPDATE_KINDS = [
  'received', // server receipt: the center has the document
  'status', // a status change decided by center staff
  'answer', // an answer to a question
  'provider_assigned', // a lawyer or mediator assigned
  'appointment_scheduled',
  'note', // a message to the resident (e.g. which materials to bring)
] as const;

export const caseUpdateSchema = {
  title: 'case_updates',
  description:
    'Something the center did about a case: receipt, status change, answer, assignment. Written by the center only, replicated to the owning device.',
  // v1 (2026-12): refusal reasons and missing materials as codes, the provider's name in both
  // languages, the legal-aid statuses assigned / urgent_aid / objection / withdrawn.
  version: 1,
  primaryKey: 'id',
  type: 'object',
  additionalProperties: false,
  properties: {
    ...baseProperties,
    kind: { type: 'string', enum: CASE_UPDATE_KINDS },
    caseKind: { type: 'string', enum: CASE_KINDS },
    caseId: idField,
    trackingCode: trackingCodeField,
    /** Device that owns the case: the only device this update replicates to. */
    deviceId: slugField,
    stationId: slugField,
    householdId: slugField,
    /** New status for 'received' and 'status' updates. */
    status: { type: 'string', enum: ALL_CASE_STATUSES },
    /** Why: required by the status table for rejections, requests for materials, declines. */
    reason: authoredTextSchema,
    /** 第四十三条: why aid is refused, as codes the device labels in the resident's language. */
    refusalReasons: {
      type: 'array',
      uniqueItems: true,
      maxItems: REFUSAL_REASONS.length,
      items: { type: 'string', enum: REFUSAL_REASONS },
    },
    /** 第四十三条第二款: everything missing, asked once and all together (一次性告知). */
    missingMaterials: {
      type: 'array',
      uniqueItems: true,
      maxItems: MISSING_MATERIALS.length,
      items: { type: 'string', enum: MISSING_MATERIALS },
    },
    answer: authoredTextSchema,
    provider: {
      type: 'object',
      additionalProperties: false,
      properties: {
        directoryId: { type: 'string', maxLength: 64 },
        name: { type: 'string', minLength: 1, maxLength: 60 },
        phone: phoneField,
        /** The directory entry's name in both languages (sample entries say so in it). */
        displayName: localizedTextSchema,
        sample: { type: 'boolean' },
      },
      required: ['name'],
    },
    appointment: {
      type: 'object',
      additionalProperties: false,
      properties: {
        date: dateField,
        period: { type: 'string', enum: ['morning', 'afternoon'] },
        startTime: { type: 'string', pattern: '^\\d{2}:\\d{2}$' },
        place: { type: 'string', maxLength: 200 },
        videoLink: { type: 'string', maxLength: 500 },
      },
      required: ['date'],
    },
    /** The center's own reference (e.g. 内法援〔2026〕123号 style case number). */
    centerReference: { type: 'string', maxLength: 64 },
    /** Center staff account that made the change; omitted for automatic receipts. */
    staffName: { type: 'string', maxLength: 60 },
    serverTime: timestampField,
  },
  required: [
    'id',
    'schemaVersion',
    'createdAt',
    'updatedAt',
    'kind',
    'caseKind',
    'caseId',
    'trackingCode',
    'deviceId',
    'serverTime',
  ],
  indexes: ['caseId', 'trackingCode', 'serverTime'],
} as const;

export type CaseUpdate = WithBrandedIds<FromSchema<typeof caseUpdateSchema>>;
