/**
 * Looking a case up with its tracking code and a second factor (the last four characters of
 * the ID number, or of the phone for questions). The device stores only a hash of both, so a
 * lookup still works after the personal data was purged, and the hash alone reveals nothing
 * usable: it is checked, never shown.
 */
import type { TrackingCode } from './ids';

export function normalizeLast4(input: string): string {
  return input
    .replace(/[\uFF10-\uFF19]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xff10 + 0x30))
    .replace(/[x\uFF38\uFF58]/g, 'X')
    .replace(/\s/g, '');
}

export function isLast4(input: string): boolean {
  return /^\d{3}[\dX]$/.test(normalizeLast4(input));
}

export async function lookupVerifier(trackingCode: TrackingCode, last4: string): Promise<string> {
  const data = new TextEncoder().encode(`${trackingCode}:${normalizeLast4(last4)}`);
  const digest = await globalThis.crypto.subtle.digest('SHA-256', data);
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/** Compares in constant time, so response timing does not tell how much of a guess was right. */
export async function verifyLookup(
  trackingCode: TrackingCode,
  last4: string,
  verifier: string,
): Promise<boolean> {
  const candidate = await lookupVerifier(trackingCode, last4);
  if (candidate.length !== verifier.length) return false;
  let diff = 0;
  for (let i = 0; i < candidate.length; i++)
    diff |= candidate.charCodeAt(i) ^ verifier.charCodeAt(i);
  return diff === 0;
}
