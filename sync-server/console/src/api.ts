/**
 * The console's HTTP client: same-origin JSON, the CSRF token on every change, and every
 * answer parsed into a Result (a refused change is a value the page shows, never a throw).
 */
import { err, ok, type Result } from '@pls/shared/domain';
import type { ConsoleErrorBody, ConsoleErrorCode, SessionInfo } from '../../src/console/api-types';

export interface ApiFailure {
  readonly code: ConsoleErrorCode | 'network';
  readonly issues: readonly { path: string; message: string }[];
}

let csrfToken = '';
export function setCsrfToken(token: string): void {
  csrfToken = token;
}

function parseError(status: number, body: unknown): ApiFailure {
  const error = (body as Partial<ConsoleErrorBody> | null)?.error;
  if (error && typeof error.code === 'string')
    return { code: error.code, issues: error.issues ?? [] };
  return { code: status === 401 ? 'unauthorized' : 'internal', issues: [] };
}

export async function api<T>(
  method: 'GET' | 'POST',
  path: string,
  body?: unknown,
): Promise<Result<T, ApiFailure>> {
  let response: Response;
  try {
    response = await fetch(`/console/api${path}`, {
      method,
      credentials: 'same-origin',
      headers: {
        accept: 'application/json',
        ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
        ...(method !== 'GET' ? { 'x-csrf-token': csrfToken } : {}),
      },
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    });
  } catch {
    return err({ code: 'network', issues: [] });
  }
  if (response.status === 204) return ok(undefined as T);
  const parsed: unknown = await response.json().catch(() => null);
  if (!response.ok) return err(parseError(response.status, parsed));
  return ok(parsed as T);
}

export async function loadSession(): Promise<Result<SessionInfo, ApiFailure>> {
  const session = await api<SessionInfo>('GET', '/session');
  if (session.ok) setCsrfToken(session.value.csrfToken);
  return session;
}
