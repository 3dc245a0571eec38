/**
 * Decodes a captured reader reply (a technician's hex dump or binary capture) into what it
 * says: a card, a find/select/SAM answer, or a typed reason why not. Used by
 * `npm run idcard -- decode`.
 */
import { err, ok, type Result } from '../domain/result';
import { decodeResponseFrame, type FrameError } from './frame-codec';
import {
  createHidEnvelope,
  stripReportId,
  type EnvelopeError,
  type HidEnvelopeName,
} from './hid-envelope';
import { decodeCardText, type CardDecodeError, type DecodeCardTextOptions } from './card-text';
import { parseReadData, type ReadVariant } from './read-response';
import { formatSamId, SAM_ID_DATA_SIZE } from './sam-id';
import type { SamStatusInfo } from './sam-status';
import type { IdCardData } from './types';

export type CaptureContent =
  | { readonly kind: 'card'; readonly card: IdCardData; readonly variant: ReadVariant }
  | { readonly kind: 'cardFound' }
  | { readonly kind: 'cardSelected' }
  | { readonly kind: 'samId'; readonly samId: string }
  | { readonly kind: 'success'; readonly dataLength: number };

export type CaptureError =
  | { readonly kind: 'frame'; readonly error: FrameError }
  | { readonly kind: 'status'; readonly status: SamStatusInfo }
  | { readonly kind: 'card'; readonly error: CardDecodeError }
  | { readonly kind: 'envelope'; readonly report: number; readonly error: EnvelopeError };

export interface DecodeCaptureOptions extends DecodeCardTextOptions {
  /** The capture is a sequence of HID IN reports in this envelope rather than SAM bytes. */
  readonly envelope?: HidEnvelopeName;
  readonly reportSize?: number;
  /** Numbered-report captures start every report with this ID. */
  readonly reportId?: number;
}

export interface DecodedCapture {
  readonly content: CaptureContent;
  /** Bytes skipped before the preamble. */
  readonly noiseBefore: number;
}

/** Select replies carry 8 data bytes, find replies 4 (QWM, DLRC examples). */
const SELECT_DATA_SIZE = 8;

function unwrapReports(
  bytes: Uint8Array,
  options: DecodeCaptureOptions,
): Result<Uint8Array, CaptureError> {
  if (options.envelope === undefined) return ok(bytes);
  const reportId = options.reportId ?? 0;
  const reportSize = (options.reportSize ?? 64) + (reportId === 0 ? 0 : 1);
  const decoder = createHidEnvelope(options.envelope, options.reportSize ?? 64).createDecoder();
  const parts: Uint8Array[] = [];
  for (let offset = 0, report = 0; offset < bytes.length; offset += reportSize, report++) {
    const withoutId = stripReportId(bytes.subarray(offset, offset + reportSize), reportId);
    if (!withoutId.ok) return err({ kind: 'envelope', report, error: withoutId.error });
    const sam = decoder.push(withoutId.value);
    if (!sam.ok) return err({ kind: 'envelope', report, error: sam.error });
    parts.push(sam.value);
  }
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return ok(out);
}

export function decodeCapture(
  bytes: Uint8Array,
  options: DecodeCaptureOptions = {},
): Result<DecodedCapture, CaptureError> {
  const sam = unwrapReports(bytes, options);
  if (!sam.ok) return sam;
  const frame = decodeResponseFrame(sam.value);
  if (!frame.ok) return err({ kind: 'frame', error: frame.error });
  const { status, data, noiseBefore } = frame.value;
  const done = (content: CaptureContent) => ok({ content, noiseBefore });

  if (status.sw3 === 0x9f) return done({ kind: 'cardFound' });
  if (status.sw3 !== 0x90) return err({ kind: 'status', status });
  if (data.length === 0) return done({ kind: 'success', dataLength: 0 });
  if (data.length === SELECT_DATA_SIZE) return done({ kind: 'cardSelected' });
  if (data.length === SAM_ID_DATA_SIZE) {
    const samId = formatSamId(data);
    if (samId.ok) return done({ kind: 'samId', samId: samId.value });
  }
  const blocks = parseReadData(data, 'auto');
  if (!blocks.ok) return err({ kind: 'card', error: blocks.error });
  const card = decodeCardText(blocks.value.text, options);
  if (!card.ok) return err({ kind: 'card', error: card.error });
  return done({ kind: 'card', card: card.value, variant: blocks.value.variant });
}
