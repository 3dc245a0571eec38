/**
 * The SAM module number (reply to `12 FF`, 16 data bytes), formatted like HSL
 * `ReadSafeModuleNumber`: `%02d.%02d-%u-%09u-%09u` from data byte 0, data byte 2 and three
 * little-endian u32 values at data bytes 4, 8 and 12 (frame offsets 10, 12, 14, 18, 22).
 */
import { err, ok, type Result } from '../domain/result';

export const SAM_ID_DATA_SIZE = 16;

function u32le(data: Uint8Array, offset: number): number {
  return (
    (data[offset]! | (data[offset + 1]! << 8) | (data[offset + 2]! << 16)) +
    data[offset + 3]! * 0x1000000
  );
}

export function formatSamId(
  data: Uint8Array,
): Result<string, { readonly kind: 'samIdLength'; readonly length: number }> {
  if (data.length !== SAM_ID_DATA_SIZE) return err({ kind: 'samIdLength', length: data.length });
  const two = (n: number) => String(n).padStart(2, '0');
  const nine = (n: number) => String(n).padStart(9, '0');
  return ok(
    `${two(data[0]!)}.${two(data[2]!)}-${u32le(data, 4)}-${nine(u32le(data, 8))}-${nine(u32le(data, 12))}`,
  );
}

/** Inverse of formatSamId for the simulator: a SAM id from its five numbers. */
export function encodeSamId(parts: {
  readonly major: number;
  readonly minor: number;
  readonly a: number;
  readonly b: number;
  readonly c: number;
}): Uint8Array {
  const out = new Uint8Array(SAM_ID_DATA_SIZE);
  out[0] = parts.major;
  out[2] = parts.minor;
  const view = new DataView(out.buffer);
  view.setUint32(4, parts.a, true);
  view.setUint32(8, parts.b, true);
  view.setUint32(12, parts.c, true);
  return out;
}
