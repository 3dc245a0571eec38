/**
 * A short fingerprint of a document's replicated body (RxDB's own fields left out), the same
 * whatever the key order. Tells whether the document still has the state the center refused.
 */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const record = value as Record<string, unknown>;
    const keys = Object.keys(record)
      .filter(
        (k) =>
          record[k] !== undefined && !['_deleted', '_meta', '_rev', '_attachments'].includes(k),
      )
      .sort();
    return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson(record[k])}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/** FNV-1a (32-bit) of the canonical JSON, hex: not cryptographic, only a change detector. */
export function documentFingerprint(doc: unknown): string {
  const text = canonicalJson(doc);
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return `${(hash >>> 0).toString(16).padStart(8, '0')}-${text.length.toString(16)}`;
}
