import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** A bearer token: 256 random bits. High entropy, so a plain sha256 is a safe stored form. */
export function newToken(): string {
  return randomBytes(32).toString('base64url');
}

export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}

export function safeEqual(a: string, b: string): boolean {
  const ba = Buffer.from(a);
  const bb = Buffer.from(b);
  return ba.length === bb.length && timingSafeEqual(ba, bb);
}
