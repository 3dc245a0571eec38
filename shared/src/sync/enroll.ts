/**
 * Enrolling a device with the center: exchanges a one-time code for a token. The host keeps
 * the token in its secure store (Electron safeStorage); it never goes into the local database.
 */
import type { DeviceKind } from '../domain/vocabulary';
import { err, ok, type Result } from '../domain/result';
import {
  parseApiErrorBody,
  parseEnrollResponse,
  type ApiErrorCode,
  type EnrollResponse,
} from '../protocol/index';

export type EnrollFailure =
  | { readonly kind: 'unreachable'; readonly message: string }
  | { readonly kind: 'refused'; readonly code: ApiErrorCode; readonly message: string }
  | { readonly kind: 'protocol'; readonly message: string };

export async function enrollWithServer(
  serverUrl: string,
  request: { code: string; kind: DeviceKind; name: string },
  fetchImpl: typeof fetch = globalThis.fetch.bind(globalThis),
): Promise<Result<EnrollResponse, EnrollFailure>> {
  let response: Response;
  try {
    response = await fetchImpl(`${serverUrl.replace(/\/+$/, '')}/api/devices/enroll`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(request),
    });
  } catch (error) {
    return err({ kind: 'unreachable', message: (error as Error).message });
  }
  let body: unknown;
  try {
    body = await response.json();
  } catch {
    return err({ kind: 'protocol', message: `HTTP ${response.status} without a JSON body` });
  }
  if (!response.ok) {
    const parsed = parseApiErrorBody(body);
    return parsed
      ? err({ kind: 'refused', code: parsed.error.code, message: parsed.error.message })
      : err({ kind: 'protocol', message: `HTTP ${response.status}` });
  }
  const parsed = parseEnrollResponse(body);
  return parsed.ok ? ok(parsed.value) : err({ kind: 'protocol', message: parsed.error.message });
}
