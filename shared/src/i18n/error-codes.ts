/**
 * Every error code a person can be shown a message for, by where it comes from: the sync
 * server (`ApiErrorCode`, and the kinds of refused push rows), enrollment, the kiosk bridge's
 * device services (OCR, printing, secret store, simulator, the call itself) and the ID card
 * reader. Each list is checked against its type: a code added to a union without a message
 * here is a type error, and the locale test then asks for its message in both languages.
 */
import type { ReaderError, TransportError } from '../idcard/types';
import {
  API_ERROR_CODES,
  REJECTION_KINDS,
  type KioskCallError,
  type OcrError,
  type PrintError,
  type SecretError,
  type SimulatorError,
} from '../protocol/index';
import type { EnrollFailure } from '../sync/enroll';

/** `list` unchanged, when it names every member of `U` (a type error names the missing one). */
function every<U extends string>() {
  return <const L extends readonly U[]>(
    list: L &
      ([Exclude<U, L[number]>] extends [never] ? unknown : { missing: Exclude<U, L[number]> }),
  ): L => list;
}

export const ENROLL_ERROR_KINDS = every<EnrollFailure['kind'] | 'notKiosk' | 'secretStore'>()([
  'unreachable',
  'refused',
  'protocol',
  'notKiosk',
  'secretStore',
]);
export const OCR_ERROR_KINDS = every<OcrError['kind']>()([
  'unsupportedImage',
  'engineUnavailable',
  'engineFailed',
]);
export const PRINT_ERROR_KINDS = every<PrintError['kind']>()([
  'printerNotReady',
  'printFailed',
  'renderFailed',
]);
export const SECRET_ERROR_KINDS = every<SecretError['kind']>()([
  'unavailable',
  'corrupt',
  'ioFailed',
]);
export const SIMULATOR_ERROR_KINDS = every<SimulatorError['kind']>()(['simulatorUnavailable']);
export const BRIDGE_CALL_ERROR_KINDS = every<KioskCallError['kind']>()([
  'unknownMethod',
  'invalidInput',
]);
export const READER_ERROR_CODES = every<ReaderError['code']>()([
  'transport',
  'timeout',
  'frame',
  'samStatus',
  'card',
]);
export const TRANSPORT_ERROR_KINDS = every<TransportError['kind']>()([
  'moduleUnavailable',
  'notFound',
  'openFailed',
  'writeFailed',
  'disconnected',
  'unsupported',
  'config',
]);

/** Key family (namespace `errors`, prefix = source) → every code of that source. */
export const ERROR_CODE_FAMILIES = {
  'errors:server': API_ERROR_CODES,
  'errors:rejectedRow': REJECTION_KINDS,
  'errors:enroll': ENROLL_ERROR_KINDS,
  'errors:ocr': OCR_ERROR_KINDS,
  'errors:print': PRINT_ERROR_KINDS,
  'errors:secrets': SECRET_ERROR_KINDS,
  'errors:simulator': SIMULATOR_ERROR_KINDS,
  'errors:bridge': BRIDGE_CALL_ERROR_KINDS,
  'errors:reader': READER_ERROR_CODES,
  'errors:transport': TRANSPORT_ERROR_KINDS,
} as const;
