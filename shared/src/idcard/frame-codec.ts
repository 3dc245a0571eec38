/**
 * SAM frame codec (docs/idcard-protocol.md §1):
 *
 *   host→reader  AA AA AA 96 69 · LEN(2, BE) · CMD · PARA · [DATA] · CHK
 *   reader→host  AA AA AA 96 69 · LEN(2, BE) · SW1 · SW2 · SW3 · [DATA] · CHK
 *
 * LEN counts every byte after itself, CHK included; CHK is the XOR of LEN…the byte before CHK.
 * The streaming decoder syncs on the preamble (anything before it is noise), takes the length
 * from the header, and never assumes a frame arrives in one piece.
 */
import { err, ok, type Result } from '../domain/result';
import { samStatusInfo, type SamStatusInfo } from './sam-status';
import type { SamCommandCode } from './sam-commands';

export const PREAMBLE: readonly number[] = [0xaa, 0xaa, 0xaa, 0x96, 0x69];
/** Preamble + LEN. */
export const HEADER_SIZE = 7;
/** SW1 SW2 SW3 CHK: the shortest response body. */
const MIN_RESPONSE_LEN = 4;
/**
 * Largest LEN we accept. The biggest documented reply (30 10 with a 1024-byte fingerprint) has
 * LEN 0x090A; a corrupt LEN above this would make the decoder wait for bytes that never come.
 */
export const MAX_FRAME_LEN = 0x2000;

export interface SamResponse {
  /** SW3 with its documented meaning. */
  readonly status: SamStatusInfo;
  /** Bytes between SW3 and CHK. */
  readonly data: Uint8Array;
  /** Total frame size in bytes (LEN + 7). */
  readonly frameSize: number;
}

export type FrameError =
  | { readonly kind: 'badChecksum'; readonly expected: number; readonly actual: number }
  | { readonly kind: 'badLength'; readonly length: number }
  | { readonly kind: 'badStatusWord'; readonly sw1: number; readonly sw2: number }
  | { readonly kind: 'truncated'; readonly expected: number; readonly actual: number }
  | { readonly kind: 'noPreamble'; readonly scanned: number };

export function xorChecksum(bytes: Uint8Array, start: number, end: number): number {
  let chk = 0;
  for (let i = start; i < end; i++) chk ^= bytes[i]!;
  return chk;
}

function frame(body: readonly number[]): Uint8Array {
  const len = body.length + 1;
  const out = new Uint8Array(HEADER_SIZE + len);
  out.set(PREAMBLE, 0);
  out[5] = (len >> 8) & 0xff;
  out[6] = len & 0xff;
  out.set(body, HEADER_SIZE);
  out[out.length - 1] = xorChecksum(out, 5, out.length - 1);
  return out;
}

/** A complete host→reader frame for CMD PARA [DATA]. */
export function encodeCommandFrame(code: SamCommandCode): Uint8Array {
  if (code.length < 2 || code.some((b) => !Number.isInteger(b) || b < 0 || b > 0xff)) {
    throw new Error(`a SAM command is CMD PARA [DATA] bytes, got ${JSON.stringify(code)}`);
  }
  return frame(code);
}

/** A complete reader→host frame; used by the simulator and by tests. */
export function encodeResponseFrame(sw3: number, data: Uint8Array = new Uint8Array()): Uint8Array {
  const len = 3 + data.length + 1;
  if (len > 0xffff) throw new Error('SAM response data too long');
  const out = new Uint8Array(HEADER_SIZE + len);
  out.set(PREAMBLE, 0);
  out[5] = (len >> 8) & 0xff;
  out[6] = len & 0xff;
  out[7] = 0;
  out[8] = 0;
  out[9] = sw3;
  out.set(data, 10);
  out[out.length - 1] = xorChecksum(out, 5, out.length - 1);
  return out;
}

export type DecodedItem =
  | { readonly type: 'frame'; readonly response: SamResponse; readonly noiseBefore: number }
  | { readonly type: 'error'; readonly error: FrameError; readonly noiseBefore: number };

/**
 * Incremental reader→host frame decoder. `push` bytes in any split; it returns every frame or
 * frame error completed so far. After an error it resyncs on the next preamble. Each loop
 * iteration consumes at least one byte or waits for more, so it cannot hang.
 */
export class FrameDecoder {
  private buffer = new Uint8Array(256);
  private start = 0;
  private end = 0;
  private noise = 0;

  push(chunk: Uint8Array): DecodedItem[] {
    this.append(chunk);
    const out: DecodedItem[] = [];
    for (;;) {
      const item = this.next();
      if (item === undefined) break;
      out.push(item);
    }
    return out;
  }

  /** Drops buffered bytes, e.g. stale replies before a new command. */
  reset(): void {
    this.start = 0;
    this.end = 0;
    this.noise = 0;
  }

  /** A frame whose header arrived but whose body has not, if any. */
  pending(): { readonly expected: number; readonly actual: number } | undefined {
    const available = this.end - this.start;
    if (available === 0 || !this.preambleAt(this.start)) return undefined;
    if (available < HEADER_SIZE) return { expected: HEADER_SIZE, actual: available };
    const len = (this.buffer[this.start + 5]! << 8) | this.buffer[this.start + 6]!;
    return { expected: HEADER_SIZE + len, actual: available };
  }

  /** Bytes received but not yet part of a frame or counted as noise. */
  get buffered(): number {
    return this.end - this.start;
  }

  private append(chunk: Uint8Array): void {
    const needed = this.end - this.start + chunk.length;
    if (this.end + chunk.length > this.buffer.length) {
      if (needed <= this.buffer.length && this.start > 0) {
        this.buffer.copyWithin(0, this.start, this.end);
      } else {
        const grown = new Uint8Array(Math.max(needed, this.buffer.length * 2));
        grown.set(this.buffer.subarray(this.start, this.end), 0);
        this.buffer = grown;
      }
      this.end -= this.start;
      this.start = 0;
    }
    this.buffer.set(chunk, this.end);
    this.end += chunk.length;
  }

  private preambleAt(index: number): boolean {
    const available = Math.min(this.end - index, PREAMBLE.length);
    for (let i = 0; i < available; i++) {
      if (this.buffer[index + i] !== PREAMBLE[i]) return false;
    }
    return true;
  }

  private skip(count: number): void {
    this.start += count;
    this.noise += count;
  }

  private takeNoise(): number {
    const noise = this.noise;
    this.noise = 0;
    return noise;
  }

  private next(): DecodedItem | undefined {
    // Sync: drop bytes until the buffer starts with (a prefix of) the preamble.
    while (this.start < this.end && !this.preambleAt(this.start)) this.skip(1);
    const available = this.end - this.start;
    if (available < HEADER_SIZE) return undefined;

    const b = this.buffer;
    const s = this.start;
    const len = (b[s + 5]! << 8) | b[s + 6]!;
    if (len < MIN_RESPONSE_LEN || len > MAX_FRAME_LEN) {
      const noiseBefore = this.takeNoise();
      this.start += 1;
      return { type: 'error', error: { kind: 'badLength', length: len }, noiseBefore };
    }
    const size = HEADER_SIZE + len;
    if (available < size) return undefined;

    const expected = xorChecksum(b, s + 5, s + size - 1);
    const actual = b[s + size - 1]!;
    if (expected !== actual) {
      const noiseBefore = this.takeNoise();
      // Skip only the first byte: if this "preamble" was noise, a real frame may start inside.
      this.start += 1;
      return { type: 'error', error: { kind: 'badChecksum', expected, actual }, noiseBefore };
    }
    const sw1 = b[s + 7]!;
    const sw2 = b[s + 8]!;
    const noiseBefore = this.takeNoise();
    this.start += size;
    if (sw1 !== 0 || sw2 !== 0) {
      return { type: 'error', error: { kind: 'badStatusWord', sw1, sw2 }, noiseBefore };
    }
    const response: SamResponse = {
      status: samStatusInfo(b[s + 9]!),
      data: b.slice(s + 10, s + size - 1),
      frameSize: size,
    };
    return { type: 'frame', response, noiseBefore };
  }
}

/**
 * Decodes the first response frame in `bytes` (a capture, a fixture): noise before the
 * preamble is skipped; an incomplete frame is `truncated`; no preamble at all is `noPreamble`.
 */
export function decodeResponseFrame(
  bytes: Uint8Array,
): Result<SamResponse & { readonly noiseBefore: number }, FrameError> {
  const decoder = new FrameDecoder();
  const items = decoder.push(bytes);
  const first = items[0];
  if (first !== undefined) {
    return first.type === 'frame'
      ? ok({ ...first.response, noiseBefore: first.noiseBefore })
      : err(first.error);
  }
  const pending = decoder.pending();
  if (pending !== undefined) return err({ kind: 'truncated', ...pending });
  return err({ kind: 'noPreamble', scanned: bytes.length });
}

/** Decodes one host→reader frame (simulator side): CMD PARA [DATA]. */
export function decodeCommandFrame(bytes: Uint8Array): Result<Uint8Array, FrameError> {
  for (let i = 0; i < PREAMBLE.length; i++) {
    if (bytes[i] !== PREAMBLE[i]) return err({ kind: 'noPreamble', scanned: bytes.length });
  }
  if (bytes.length < HEADER_SIZE) {
    return err({ kind: 'truncated', expected: HEADER_SIZE, actual: bytes.length });
  }
  const len = (bytes[5]! << 8) | bytes[6]!;
  if (len < 3 || len > MAX_FRAME_LEN) return err({ kind: 'badLength', length: len });
  if (bytes.length < HEADER_SIZE + len) {
    return err({ kind: 'truncated', expected: HEADER_SIZE + len, actual: bytes.length });
  }
  const end = HEADER_SIZE + len - 1;
  const expected = xorChecksum(bytes, 5, end);
  if (expected !== bytes[end]) return err({ kind: 'badChecksum', expected, actual: bytes[end]! });
  return ok(bytes.slice(HEADER_SIZE, end));
}

export function describeFrameError(error: FrameError): string {
  switch (error.kind) {
    case 'badChecksum':
      return `bad checksum: XOR of the frame is ${hex(error.expected)}, CHK byte is ${hex(error.actual)}`;
    case 'badLength':
      return `bad length: LEN ${error.length} is outside ${MIN_RESPONSE_LEN}..${MAX_FRAME_LEN}`;
    case 'badStatusWord':
      return `bad status word: SW1 SW2 are ${hex(error.sw1)} ${hex(error.sw2)}, expected 00 00`;
    case 'truncated':
      return `truncated: the header announces ${error.expected} bytes, only ${error.actual} present`;
    case 'noPreamble':
      return `no frame: no AA AA AA 96 69 preamble in ${error.scanned} bytes`;
  }
}

export function hex(byte: number): string {
  return byte.toString(16).toUpperCase().padStart(2, '0');
}

export function toHex(bytes: Uint8Array): string {
  return Array.from(bytes, hex).join(' ');
}

/** Parses hex text as written in docs and captures: `AA AA 96`, `aaaa96`, `0xAA, 0xAA`. */
export function parseHex(text: string): Result<Uint8Array, { readonly kind: 'notHex' }> {
  const cleaned = text.replace(/0x/gi, '').replace(/[\s,;:-]/g, '');
  if (cleaned.length % 2 !== 0 || !/^[0-9a-f]*$/i.test(cleaned)) return err({ kind: 'notHex' });
  const out = new Uint8Array(cleaned.length / 2);
  for (let i = 0; i < out.length; i++) out[i] = parseInt(cleaned.slice(i * 2, i * 2 + 2), 16);
  return ok(out);
}
