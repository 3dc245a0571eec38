/**
 * Tracking code (一码通办): one code per case, made on the device without the server, short
 * enough to read over the phone, checked wherever it is typed.
 *
 * Shape: 11 characters from a 31-letter alphabet without 0/O, 1/I and U/V look-alikes:
 *   TTTT SSSSSS C
 *   T  device tag, assigned once per device at enrollment (31^4 = 923,521 devices);
 *   S  a per-device sequence that never repeats: max(last + 1, seconds since 2025-01-01), so
 *      it stays unique even if the device loses its stored counter (the clock carries it);
 *      31^6 seconds last until 2053;
 *   C  check character: Σ weight·value ≡ 0 (mod 31) with weights 1..11. 31 is prime and the
 *      weights are distinct and non-zero, so every single substitution and every swap of two
 *      neighbours changes the sum: both are always detected.
 * Uniqueness across devices follows from the unique tag; within a device from the sequence.
 */
import { err, ok, type Result } from './result';
import type { TrackingCode } from './ids';

export const TRACKING_ALPHABET = '23456789ABCDEFGHJKLMNPQRSTVWXYZ';
const BASE = TRACKING_ALPHABET.length; // 31, prime
export const TRACKING_CODE_LENGTH = 11;
export const DEVICE_TAG_LENGTH = 4;
const SEQUENCE_LENGTH = 6;
export const MAX_DEVICE_TAGS = BASE ** DEVICE_TAG_LENGTH;
const MAX_SEQUENCE = BASE ** SEQUENCE_LENGTH - 1;
const SEQUENCE_EPOCH_MS = Date.UTC(2025, 0, 1);
/** Inverse of the check position's weight (11) modulo 31: 11 × 17 = 187 = 6 × 31 + 1. */
const INVERSE_OF_CHECK_WEIGHT = 17;

export const TRACKING_CODE_PATTERN = new RegExp(
  `^[${TRACKING_ALPHABET}]{${TRACKING_CODE_LENGTH}}$`,
);

export type TrackingCodeError =
  | { readonly kind: 'empty' }
  | { readonly kind: 'length'; readonly length: number }
  | { readonly kind: 'characters'; readonly invalid: string }
  | { readonly kind: 'checksum' };

function valueOf(char: string): number {
  return TRACKING_ALPHABET.indexOf(char);
}

function encode(value: number, length: number): string {
  let out = '';
  let rest = value;
  for (let i = 0; i < length; i++) {
    out = TRACKING_ALPHABET[rest % BASE] + out;
    rest = Math.floor(rest / BASE);
  }
  return out;
}

function weightedSum(chars: string): number {
  let sum = 0;
  for (let i = 0; i < chars.length; i++) sum += (i + 1) * valueOf(chars[i]!);
  return sum % BASE;
}

export function trackingCheckChar(payload: string): string {
  if (payload.length !== TRACKING_CODE_LENGTH - 1) throw new Error('payload must be 10 characters');
  const partial = weightedSum(payload);
  const value = (((BASE - partial) % BASE) * INVERSE_OF_CHECK_WEIGHT) % BASE;
  return TRACKING_ALPHABET[value]!;
}

/**
 * Device tag for the n-th enrolled device. Multiplying by a constant coprime to 31^4 spreads
 * neighbouring devices over the tag space so their codes do not look alike.
 */
export function deviceTagFor(sequence: number): string {
  if (!Number.isInteger(sequence) || sequence < 0 || sequence >= MAX_DEVICE_TAGS) {
    throw new Error(`device sequence out of range: ${sequence}`);
  }
  return encode((sequence * 7919 + 104_729) % MAX_DEVICE_TAGS, DEVICE_TAG_LENGTH);
}

export function isDeviceTag(value: string): boolean {
  return new RegExp(`^[${TRACKING_ALPHABET}]{${DEVICE_TAG_LENGTH}}$`).test(value);
}

export interface TrackingCodeGenerator {
  /** The next code, and the sequence to persist before the code is shown to anyone. */
  next(now?: Date): { code: TrackingCode; sequence: number };
}

/**
 * @param lastSequence the last sequence persisted on this device (0 when none). Persist the
 *   returned sequence in the same transaction as the document that carries the code.
 */
export function createTrackingCodeGenerator(
  deviceTag: string,
  lastSequence = 0,
): TrackingCodeGenerator {
  if (!isDeviceTag(deviceTag)) throw new Error(`invalid device tag: ${deviceTag}`);
  let last = lastSequence;
  return {
    next(now = new Date()) {
      const clock = Math.floor((now.getTime() - SEQUENCE_EPOCH_MS) / 1000);
      const sequence = Math.max(last + 1, clock);
      if (sequence > MAX_SEQUENCE) throw new Error('tracking sequence exhausted');
      last = sequence;
      const payload = deviceTag + encode(sequence, SEQUENCE_LENGTH);
      return { code: (payload + trackingCheckChar(payload)) as TrackingCode, sequence };
    },
  };
}

/** Accepts what people type: lower case, spaces and hyphens between groups. */
export function normalizeTrackingCodeInput(input: string): string {
  return input
    .normalize('NFKC')
    .toUpperCase()
    .replace(/[\s\-_.·]/g, '');
}

export function parseTrackingCode(input: string): Result<TrackingCode, TrackingCodeError> {
  const code = normalizeTrackingCodeInput(input);
  if (code.length === 0) return err({ kind: 'empty' });
  const invalid = [...code].filter((c) => valueOf(c) < 0);
  if (invalid.length > 0)
    return err({ kind: 'characters', invalid: [...new Set(invalid)].join('') });
  if (code.length !== TRACKING_CODE_LENGTH) return err({ kind: 'length', length: code.length });
  if (weightedSum(code) !== 0) return err({ kind: 'checksum' });
  return ok(code as TrackingCode);
}

/** Grouped for reading aloud and printing: "K7QM-3HXP-9TD". */
export function formatTrackingCode(code: string): string {
  return `${code.slice(0, 4)}-${code.slice(4, 8)}-${code.slice(8)}`;
}

/** The device tag a code was made with: lets the center route a lookup to the right station. */
export function deviceTagOfTrackingCode(code: TrackingCode): string {
  return code.slice(0, DEVICE_TAG_LENGTH);
}
