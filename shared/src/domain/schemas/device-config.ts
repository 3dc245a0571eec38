import type { FromSchema } from 'json-schema-to-ts';
import type { WithBrandedIds } from '../ids';
import { DEVICE_KINDS, LANGUAGES } from '../vocabulary';
import { baseProperties, regionCodeField, slugField } from './common';

export const KIOSK_FEATURES = [
  'apply',
  'ask',
  'track',
  'book',
  'calculators',
  'templates',
  'read',
  'video',
  'feedback',
] as const;

export const deviceConfigSchema = {
  title: 'device_config',
  description: 'Configuration of one device, set by the center. The document id is the device id.',
  version: 0,
  primaryKey: 'id',
  type: 'object',
  additionalProperties: false,
  properties: {
    ...baseProperties,
    deviceId: slugField,
    kind: { type: 'string', enum: DEVICE_KINDS },
    stationId: slugField,
    householdId: slugField,
    regionCode: regionCodeField,
    /** Prefix of this device's tracking codes, assigned at enrollment. */
    deviceTag: { type: 'string', pattern: '^[23456789ABCDEFGHJKLMNPQRSTVWXYZ]{4}$' },
    defaultLanguage: { type: 'string', enum: LANGUAGES },
    idleTimeoutSeconds: { type: 'integer', minimum: 30, maximum: 1800 },
    idleWarningSeconds: { type: 'integer', minimum: 5, maximum: 120 },
    /** PBKDF2-SHA256 of the station staff PIN; the PIN itself never leaves the console. */
    staffPin: {
      type: 'object',
      additionalProperties: false,
      properties: {
        salt: { type: 'string', pattern: '^[0-9a-f]{32}$' },
        hash: { type: 'string', pattern: '^[0-9a-f]{64}$' },
        iterations: { type: 'integer', minimum: 10_000, maximum: 10_000_000 },
      },
      required: ['salt', 'hash', 'iterations'],
    },
    printers: {
      type: 'object',
      additionalProperties: false,
      properties: {
        receiptWidth: { type: 'string', enum: ['80mm', '58mm', 'none'] },
        receiptPrinterName: { type: 'string', maxLength: 120 },
        a4Enabled: { type: 'boolean' },
        a4PrinterName: { type: 'string', maxLength: 120 },
      },
      required: ['receiptWidth', 'a4Enabled'],
    },
    features: { type: 'array', uniqueItems: true, items: { type: 'string', enum: KIOSK_FEATURES } },
    /** Days the personal data of an acknowledged case stays on the device. */
    retentionDays: { type: 'integer', minimum: 0, maximum: 365 },
    voiceEnabled: { type: 'boolean' },
  },
  required: [
    'id',
    'schemaVersion',
    'createdAt',
    'updatedAt',
    'deviceId',
    'kind',
    'regionCode',
    'defaultLanguage',
    'idleTimeoutSeconds',
    'idleWarningSeconds',
    'printers',
    'features',
    'retentionDays',
    'voiceEnabled',
  ],
} as const;

export type DeviceConfig = WithBrandedIds<FromSchema<typeof deviceConfigSchema>>;
