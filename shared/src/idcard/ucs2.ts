/**
 * The card text block is UCS-2 little-endian, padded with U+0020 (docs/idcard-protocol.md §2.1).
 */

/** Characters `[offset, offset + byteLength)` of `bytes`, as stored (no trimming). */
export function decodeUcs2Le(bytes: Uint8Array, offset: number, byteLength: number): string {
  let out = '';
  const end = Math.min(offset + byteLength, bytes.length);
  for (let i = offset; i + 1 < end; i += 2) {
    out += String.fromCharCode(bytes[i]! | (bytes[i + 1]! << 8));
  }
  return out;
}

/** A field's value: padding spaces and NULs removed from both ends (QWM `trim()`). */
export function decodeUcs2Field(bytes: Uint8Array, offset: number, byteLength: number): string {
  return decodeUcs2Le(bytes, offset, byteLength).replace(/^[\s\0]+|[\s\0]+$/g, '');
}

/**
 * Writes `value` into a fixed-width field, padded with spaces. Throws when it does not fit:
 * only the simulator and tests write card text, and an oversized value there is a bug.
 */
export function encodeUcs2Field(
  target: Uint8Array,
  offset: number,
  byteLength: number,
  value: string,
): void {
  const chars = byteLength / 2;
  if (value.length > chars) {
    throw new Error(`"${value}" has ${value.length} characters, the field holds ${chars}`);
  }
  const padded = value.padEnd(chars, ' ');
  for (let i = 0; i < chars; i++) {
    const code = padded.charCodeAt(i);
    target[offset + i * 2] = code & 0xff;
    target[offset + i * 2 + 1] = code >> 8;
  }
}
