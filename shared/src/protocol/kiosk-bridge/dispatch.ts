/**
 * The host side of a call: validate the input with the method's parser, then run its handler.
 * A call error means the caller is broken: hosts turn it into a rejected promise (IPC) or a
 * JSON-RPC error (agent), never into a Result the UI would show.
 */
import { err, ok, type Result } from '../../domain/result';
import type { InputIssue } from './common';
import { isKioskMethod, methodSpec, type KioskHandlers, type KioskMethod } from './methods';

export type KioskCallError =
  | { readonly kind: 'unknownMethod'; readonly method: string }
  | {
      readonly kind: 'invalidInput';
      readonly method: KioskMethod;
      readonly issues: readonly InputIssue[];
    };

/** Validates and runs one call. A handler that throws is a host bug: the promise rejects. */
export async function dispatchKioskCall(
  handlers: KioskHandlers,
  method: unknown,
  rawInput: unknown,
): Promise<Result<unknown, KioskCallError>> {
  if (!isKioskMethod(method)) return err({ kind: 'unknownMethod', method: String(method) });
  const parsed = methodSpec(method).input(rawInput);
  if (!parsed.ok) return err({ kind: 'invalidInput', method, issues: parsed.error });
  // The parser of `method` made the value its handler takes.
  const handler = handlers[method] as (input: unknown) => Promise<unknown>;
  return ok(await handler(parsed.value));
}

export function describeKioskCallError(error: KioskCallError): string {
  return error.kind === 'unknownMethod'
    ? `unknown kiosk method "${error.method}"`
    : `invalid input to ${error.method}: ${error.issues.map((i) => `${i.path || '/'} ${i.message}`).join('; ')}`;
}
