/**
 * Expected failures are values, bugs throw. A Result is a plain object so it survives
 * structured clone (IPC) and JSON (HTTP, WebSocket) unchanged.
 */
export type Ok<T> = { readonly ok: true; readonly value: T };
export type Err<E> = { readonly ok: false; readonly error: E };
export type Result<T, E> = Ok<T> | Err<E>;

export function ok<T>(value: T): Ok<T>;
export function ok(): Ok<void>;
export function ok<T>(value?: T): Ok<T | undefined> {
  return { ok: true, value };
}

export function err<E>(error: E): Err<E> {
  return { ok: false, error };
}

/** For exhaustive switches: TypeScript rejects the call if a case was forgotten. */
export function throwIllegalValue(value: never, message = 'Illegal value'): never {
  throw new Error(`${message}: ${JSON.stringify(value)}`);
}

/** Unwraps a Result where a failure would be a bug (tests, fixtures, seed data). */
export function unwrap<T, E>(result: Result<T, E>): T {
  if (result.ok) return result.value;
  throw new Error(`unwrap of a failed result: ${JSON.stringify(result.error)}`);
}
