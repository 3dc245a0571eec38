/**
 * The data of a `30 01` / `30 10` reply (docs/idcard-protocol.md §2): text length, photo length
 * and (30 10 only) fingerprint length, each 2 bytes big-endian, then the blocks in that order.
 * Lengths are taken from the header, never assumed; they must add up to the data exactly.
 */
import { err, ok, type Result } from '../domain/result';
import { decodeCardText, type CardDecodeError, type DecodeCardTextOptions } from './card-text';
import type { SamResponse } from './frame-codec';
import type { SamStatusInfo } from './sam-status';
import type { IdCardData } from './types';

export type ReadVariant = 'text' | 'textFingerprint';

export interface ReadBlocks {
  readonly variant: ReadVariant;
  readonly text: Uint8Array;
  readonly photo: Uint8Array;
  readonly fingerprint: Uint8Array;
}

function u16(data: Uint8Array, offset: number): number {
  return (data[offset]! << 8) | data[offset + 1]!;
}

function blocksAt(data: Uint8Array, variant: ReadVariant): ReadBlocks | undefined {
  const head = variant === 'text' ? 4 : 6;
  if (data.length < head) return undefined;
  const textLength = u16(data, 0);
  const photoLength = u16(data, 2);
  const fingerprintLength = variant === 'text' ? 0 : u16(data, 4);
  if (head + textLength + photoLength + fingerprintLength !== data.length) return undefined;
  const photoStart = head + textLength;
  const fingerprintStart = photoStart + photoLength;
  return {
    variant,
    text: data.subarray(head, photoStart),
    photo: data.subarray(photoStart, fingerprintStart),
    fingerprint: data.subarray(fingerprintStart),
  };
}

/**
 * Splits read data into its blocks. `auto` (for captures, where the command is unknown) tries
 * the 30 01 layout, then 30 10; the lengths only add up for one of them in practice.
 */
export function parseReadData(
  data: Uint8Array,
  variant: ReadVariant | 'auto' = 'auto',
): Result<ReadBlocks, CardDecodeError> {
  const candidates: readonly ReadVariant[] =
    variant === 'auto' ? ['text', 'textFingerprint'] : [variant];
  for (const candidate of candidates) {
    const blocks = blocksAt(data, candidate);
    if (blocks !== undefined) return ok(blocks);
  }
  const announced =
    data.length >= 4 ? `text ${u16(data, 0)} + photo ${u16(data, 2)}` : 'no length header';
  return err({
    kind: 'layout',
    message: `${data.length} data bytes do not match the announced block lengths (${announced})`,
  });
}

export type ReadResponseError =
  | { readonly kind: 'status'; readonly status: SamStatusInfo }
  | { readonly kind: 'card'; readonly error: CardDecodeError };

export interface DecodeReadOptions extends DecodeCardTextOptions {
  readonly variant?: ReadVariant | 'auto';
  /** Keep the raw WLT photo bytes on the card (left out by default: IPC, JSON, logs). */
  readonly includePhoto?: boolean;
}

export function decodeReadResponse(
  response: SamResponse,
  options: DecodeReadOptions = {},
): Result<IdCardData, ReadResponseError> {
  if (response.status.sw3 !== 0x90) return err({ kind: 'status', status: response.status });
  const blocks = parseReadData(response.data, options.variant ?? 'auto');
  if (!blocks.ok) return err({ kind: 'card', error: blocks.error });
  const card = decodeCardText(blocks.value.text, options);
  if (!card.ok) return err({ kind: 'card', error: card.error });
  if (options.includePhoto === true && blocks.value.photo.length > 0) {
    return ok({ ...card.value, photo: { format: 'wlt', bytes: blocks.value.photo.slice() } });
  }
  return ok(card.value);
}
