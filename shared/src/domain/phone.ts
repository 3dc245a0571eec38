/**
 * Phone numbers as residents type them: mainland mobiles (1[3-9] + 9 digits) and landlines
 * with their area code (0 + 2–3 digit area code + 7–8 digits). Typed on a digit pad, so
 * separators and full-width digits are removed before checking.
 */
import { err, ok, type Result } from './result';

export type PhoneError =
  { readonly kind: 'empty' } | { readonly kind: 'format'; readonly digits: string };

export function normalizePhoneInput(input: string): string {
  return input
    .replace(/[\uFF10-\uFF19]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xff10 + 0x30))
    .replace(/[\s\-()（）\u3000\uFF0D\u2013\u2014]/g, '')
    .replace(/^\+?86(?=1\d{10}$)/, '');
}

export function parsePhone(input: string): Result<string, PhoneError> {
  const digits = normalizePhoneInput(input);
  if (digits === '') return err({ kind: 'empty' });
  if (/^1[3-9]\d{9}$/.test(digits) || /^0\d{2,3}\d{7,8}$/.test(digits)) return ok(digits);
  return err({ kind: 'format', digits });
}

export function phoneLast4(phone: string): string {
  return phone.slice(-4);
}
