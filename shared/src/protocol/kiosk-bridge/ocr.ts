/** `ocr.*`: reading the front of an ID card from a camera image, on the host. */
import { err } from '../../domain/result';
import {
  kindMessageSchema,
  type KindMessageError,
  schemaParser,
  type Parser,
  resultMethod,
} from './common';

export const OCR_IMAGE_TYPES = ['image/png', 'image/jpeg'] as const;
export type OcrImageType = (typeof OCR_IMAGE_TYPES)[number];
/** 8 MB of image: a 12-megapixel JPEG from a document camera fits. */
export const MAX_OCR_IMAGE_BYTES = 8 * 1024 * 1024;

/** Base64 so the same value crosses IPC and JSON. */
export interface OcrImage {
  readonly mimeType: OcrImageType;
  readonly dataBase64: string;
}

/**
 * `card`: name and ID number from the front of an ID card. `idNumberOnly`: only the number
 * line, several times faster, for re-reads.
 */
export type OcrMode = 'card' | 'idNumberOnly';

export type OcrIdNumber =
  | {
      readonly status: 'accepted';
      readonly idNumber: string;
      /** From the number, YYYY-MM-DD. */
      readonly birthDate: string;
      readonly sex: 'male' | 'female';
    }
  | {
      /** Staff must confirm or correct `text` before it is used. */
      readonly status: 'needsConfirmation';
      /** Best reading, possibly empty. */
      readonly text: string;
      readonly reason:
        'notFound' | 'checkDigit' | 'invalid' | 'readsDisagree' | 'birthDateMismatch';
    };

export interface OcrIdCardResult {
  /** Chinese name from the 姓名 line; null when not found. Always shown to staff to confirm. */
  readonly name: string | null;
  readonly idNumber: OcrIdNumber;
  /** Birth date printed on the card (出生), YYYY-MM-DD, when it could be read. */
  readonly printedBirthDate: string | null;
  readonly durationMs: number;
}

export const OCR_ERROR_KINDS = ['unsupportedImage', 'engineUnavailable', 'engineFailed'] as const;
export type OcrError = KindMessageError<(typeof OCR_ERROR_KINDS)[number]>;

export interface ReadIdCardInput {
  readonly image: OcrImage;
  readonly mode: OcrMode;
}

/**
 * Base64 is checked in code, not by a schema `pattern`: a pattern with groups over 11 MB of
 * text overflows the regular expression engine's stack.
 */
const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;
const MAX_BASE64_LENGTH = Math.ceil(MAX_OCR_IMAGE_BYTES / 3) * 4;

/** Base64 is ASCII, so `length` counts characters (Ajv's maxLength walks code points: slow here). */
function base64Issue(data: string): string | undefined {
  if (data.length > MAX_BASE64_LENGTH) return `image larger than ${MAX_OCR_IMAGE_BYTES} bytes`;
  if (data.length === 0 || data.length % 4 !== 0 || !BASE64.test(data)) {
    return 'must be non-empty base64';
  }
  return undefined;
}

export const readIdCardInputSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['image'],
  properties: {
    image: {
      type: 'object',
      additionalProperties: false,
      required: ['mimeType', 'dataBase64'],
      properties: {
        mimeType: { enum: OCR_IMAGE_TYPES },
        dataBase64: { type: 'string' },
      },
    },
    mode: { enum: ['card', 'idNumberOnly'] },
  },
} as const;

const day = { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}$' } as const;
const nullable = (schema: object) => ({ anyOf: [schema, { type: 'null' }] });

export const ocrIdCardResultSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['name', 'idNumber', 'printedBirthDate', 'durationMs'],
  properties: {
    name: nullable({ type: 'string', maxLength: 100 }),
    idNumber: {
      oneOf: [
        {
          type: 'object',
          additionalProperties: false,
          required: ['status', 'idNumber', 'birthDate', 'sex'],
          properties: {
            status: { const: 'accepted' },
            idNumber: { type: 'string', pattern: '^\\d{17}[\\dX]$' },
            birthDate: day,
            sex: { enum: ['male', 'female'] },
          },
        },
        {
          type: 'object',
          additionalProperties: false,
          required: ['status', 'text', 'reason'],
          properties: {
            status: { const: 'needsConfirmation' },
            text: { type: 'string', maxLength: 100 },
            reason: {
              enum: ['notFound', 'checkDigit', 'invalid', 'readsDisagree', 'birthDateMismatch'],
            },
          },
        },
      ],
    },
    printedBirthDate: nullable(day),
    durationMs: { type: 'number', minimum: 0 },
  },
} as const;

const readIdCardEnvelope = schemaParser<ReadIdCardInput>(readIdCardInputSchema, (input) => ({
  ...input,
  mode: input.mode ?? 'card',
}));

const parseReadIdCardInput: Parser<ReadIdCardInput> = (raw) => {
  const parsed = readIdCardEnvelope(raw);
  const issue = parsed.ok ? base64Issue(parsed.value.image.dataBase64) : undefined;
  if (issue !== undefined) return err([{ path: '/image/dataBase64', message: issue }]);
  return parsed;
};

export const OCR_METHODS = {
  'ocr.readIdCard': resultMethod<ReadIdCardInput, OcrIdCardResult, OcrError>(
    parseReadIdCardInput,
    schemaParser(ocrIdCardResultSchema),
    schemaParser(kindMessageSchema(OCR_ERROR_KINDS)),
  ),
} as const;
