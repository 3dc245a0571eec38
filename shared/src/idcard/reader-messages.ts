/**
 * What the kiosk shows and speaks for reader statuses, events and errors, as message keys.
 * Residents get a short instruction; the technical reason stays in the event for staff and logs.
 * The texts live in locales under `kiosk:reader.<key>` (kiosk/src/ui/apply/reader-panel.tsx maps
 * every key, so a new key without a text fails tsc).
 */
import type { ReaderError, ReaderEvent, ReaderStatus } from './types';

export type ReaderMessageKey =
  | 'status.disconnected'
  | 'status.connecting'
  | 'status.waitingForCard'
  | 'status.reading'
  | 'status.cardPresent'
  | 'status.error'
  | 'event.cardPlaced'
  | 'event.cardRead'
  | 'event.cardRemoved'
  | 'error.tryAgain'
  | 'error.unknownCard'
  | 'error.cardData'
  | 'error.readerFault'
  | 'error.disconnected'
  | 'error.notResponding';

export const READER_MESSAGE_KEYS: readonly ReaderMessageKey[] = [
  'status.disconnected',
  'status.connecting',
  'status.waitingForCard',
  'status.reading',
  'status.cardPresent',
  'status.error',
  'event.cardPlaced',
  'event.cardRead',
  'event.cardRemoved',
  'error.tryAgain',
  'error.unknownCard',
  'error.cardData',
  'error.readerFault',
  'error.disconnected',
  'error.notResponding',
];

export function readerErrorMessage(error: ReaderError): ReaderMessageKey {
  switch (error.code) {
    case 'transport':
      return 'error.disconnected';
    case 'timeout':
      // During a read a timeout usually means the card moved; the reader-level verdict
      // (not responding) arrives as a status change.
      return error.command === 'samStatus' ? 'error.notResponding' : 'error.tryAgain';
    case 'frame':
      return 'error.tryAgain';
    case 'card':
      return error.card.kind === 'unknownCardType' ? 'error.unknownCard' : 'error.cardData';
    case 'samStatus':
      switch (error.status.key) {
        case 'noCard':
        case 'selectFailed':
        case 'readFailed':
        case 'authenticationFailed':
        case 'verificationError':
        case 'randomNumberFailed':
        case 'itemEmpty':
          return 'error.tryAgain';
        case 'unknownCardType':
          return 'error.unknownCard';
        case 'success':
        case 'findSuccess':
        case 'badChecksum':
        case 'badLength':
        case 'badCommand':
        case 'notPermitted':
        case 'unknownError':
        case 'selfTestFailed':
        case 'notAuthorized':
        case 'unknownStatus':
          return 'error.readerFault';
      }
  }
}

export function readerStatusMessage(status: ReaderStatus): ReaderMessageKey {
  switch (status.kind) {
    case 'disconnected':
      return 'status.disconnected';
    case 'connecting':
      return 'status.connecting';
    case 'waitingForCard':
      return 'status.waitingForCard';
    case 'reading':
      return 'status.reading';
    case 'cardPresent':
      return 'status.cardPresent';
    case 'error':
      return status.error.code === 'timeout' ? 'error.notResponding' : 'status.error';
  }
}

export function readerEventMessage(event: ReaderEvent): ReaderMessageKey {
  switch (event.type) {
    case 'statusChanged':
      return readerStatusMessage(event.status);
    case 'cardPlaced':
      return 'event.cardPlaced';
    case 'cardRead':
      return 'event.cardRead';
    case 'cardRemoved':
      return 'event.cardRemoved';
    case 'readFailed':
      return readerErrorMessage(event.error);
  }
}
