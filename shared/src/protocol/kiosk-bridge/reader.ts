/**
 * `reader.*`: the ID card reader's status and its pushed events. Card data reaches the renderer
 * without the WLT photo, which stays on the host. Reader errors are checked by their `code`
 * (what the UI keys messages on); their details are for technicians and pass as they are.
 */
import type { IdCardData, ReaderEvent, ReaderStatus } from '../../idcard/types';
import { parseEmpty, schemaParser, type EmptyInput, type Parser, statusMethod } from './common';

type WithoutPhoto<T> = T extends unknown ? Omit<T, 'photo'> : never;

/** Card data as the renderer gets it: the WLT photo stays on the host. */
export type BridgeIdCard = WithoutPhoto<IdCardData>;

export type BridgeReaderEvent =
  | Exclude<ReaderEvent, { readonly type: 'cardRead' }>
  | { readonly type: 'cardRead'; readonly card: BridgeIdCard };

/** Everything the host pushes to the renderer. */
export type KioskEvent = { readonly source: 'reader'; readonly event: BridgeReaderEvent };

export const KIOSK_EVENT_CHANNEL = 'kiosk:event';

export function toBridgeCard(card: IdCardData): BridgeIdCard {
  const { photo: _photo, ...rest } = card;
  return rest;
}

export function toBridgeReaderEvent(event: ReaderEvent): BridgeReaderEvent {
  return event.type === 'cardRead' ? { type: 'cardRead', card: toBridgeCard(event.card) } : event;
}

// ---- schemas -----------------------------------------------------------------------------------

const text = { type: 'string', maxLength: 500 } as const;
const day = { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}$' } as const;
const cardDate = { anyOf: [day, { const: 'long-term' }] } as const;

const COMMON_CARD_FIELDS = {
  name: text,
  sex: { enum: ['male', 'female', 'unknown'] },
  birthDate: day,
  idNumber: { type: 'string', pattern: '^[0-9A-Z]{15,18}$' },
  idNumberValid: { type: 'boolean' },
  validFrom: cardDate,
  validTo: cardDate,
} as const;
const COMMON_CARD_KEYS = Object.keys(COMMON_CARD_FIELDS);

function cardSchema(cardType: string, fields: Record<string, object>): object {
  return {
    type: 'object',
    additionalProperties: false,
    required: ['cardType', ...COMMON_CARD_KEYS, ...Object.keys(fields)],
    properties: { cardType: { const: cardType }, ...COMMON_CARD_FIELDS, ...fields },
  };
}

export const bridgeCardSchema = {
  oneOf: [
    cardSchema('resident', {
      nation: {
        type: 'object',
        additionalProperties: false,
        required: ['code', 'name'],
        properties: {
          code: { type: 'string', pattern: '^\\d{2}$' },
          name: { anyOf: [{ type: 'string', maxLength: 20 }, { type: 'null' }] },
        },
      },
      address: text,
      issuer: text,
    }),
    cardSchema('hmt-permit', { address: text, issuer: text, passNumber: text, issueCount: text }),
    cardSchema('foreign-2017', {
      englishName: text,
      nationality: text,
      issuer: text,
      cardVersion: text,
    }),
    cardSchema('foreign-2023', { englishName: text, nationality: text, renewalCount: text }),
  ],
} as const;

const readerErrorSchema = {
  type: 'object',
  required: ['code'],
  properties: { code: { enum: ['transport', 'timeout', 'frame', 'samStatus', 'card'] } },
} as const;

const bare = (kind: string) => ({
  type: 'object',
  additionalProperties: false,
  required: ['kind'],
  properties: { kind: { const: kind } },
});

export const readerStatusSchema = {
  oneOf: [
    {
      type: 'object',
      additionalProperties: false,
      required: ['kind'],
      properties: { kind: { const: 'disconnected' }, reason: readerErrorSchema },
    },
    bare('connecting'),
    bare('waitingForCard'),
    bare('reading'),
    bare('cardPresent'),
    {
      type: 'object',
      additionalProperties: false,
      required: ['kind', 'error'],
      properties: { kind: { const: 'error' }, error: readerErrorSchema },
    },
  ],
} as const;

const eventOf = (type: string, fields: Record<string, object> = {}) => ({
  type: 'object',
  additionalProperties: false,
  required: ['type', ...Object.keys(fields)],
  properties: { type: { const: type }, ...fields },
});

export const kioskEventSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['source', 'event'],
  properties: {
    source: { const: 'reader' },
    event: {
      oneOf: [
        eventOf('statusChanged', { status: readerStatusSchema }),
        eventOf('cardPlaced'),
        eventOf('cardRead', { card: bridgeCardSchema }),
        eventOf('readFailed', { error: readerErrorSchema }),
        eventOf('cardRemoved'),
      ],
    },
  },
} as const;

export const parseReaderStatus: Parser<ReaderStatus> =
  schemaParser<ReaderStatus>(readerStatusSchema);
export const parseKioskEvent: Parser<KioskEvent> = schemaParser<KioskEvent>(kioskEventSchema);

export const READER_METHODS = {
  'reader.getStatus': statusMethod<EmptyInput, ReaderStatus>(parseEmpty, parseReaderStatus),
} as const;
