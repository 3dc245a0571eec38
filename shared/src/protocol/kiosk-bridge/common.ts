/**
 * What every namespace of the kiosk bridge is made of: a method is an input parser (run by the
 * host) and an answer parser (run by the renderer), both built from JSON schemas with the
 * shared Ajv helper, and the answer kind, which decides what the renderer gets when the host
 * cannot answer (see HostUnavailable).
 */
import { isRecord } from '../../domain/is-record';
import { compileSchema, type SchemaCheck, type ValidationIssue } from '../../domain/json-schema';
import { err, ok, type Result } from '../../domain/result';

export const KIOSK_BRIDGE_VERSION = 1;

export type InputIssue = ValidationIssue;
export type Parser<T> = (raw: unknown) => Result<T, readonly InputIssue[]>;
export type EmptyInput = Record<string, never>;

/**
 * Why the renderer got no answer: the link dropped with the call in flight, no answer came
 * within the call timeout, the bridge was closed, the host's service failed (a bug, logged by
 * the host), or the answer did not match the method's schema.
 */
export const HOST_UNAVAILABLE_REASONS = [
  'disconnected',
  'timeout',
  'closed',
  'hostFailed',
  'badAnswer',
] as const;
export type HostUnavailableReason = (typeof HOST_UNAVAILABLE_REASONS)[number];

/**
 * The host could not answer. `code` is the error code the locales' `errors` namespace keys on;
 * `kind` lets it join the bridge's kind-discriminated unions (PrintError, PrinterStatus, …) so
 * a `switch (x.kind)` stays exhaustive. A Result method answers `err(HostUnavailable)`; a
 * status method (reader, printer, host info) answers the value itself.
 */
export interface HostUnavailable {
  readonly kind: 'hostUnavailable';
  readonly code: 'host_unavailable';
  readonly reason: HostUnavailableReason;
}

export function hostUnavailable(reason: HostUnavailableReason): HostUnavailable {
  return { kind: 'hostUnavailable', code: 'host_unavailable', reason };
}

export function isHostUnavailable(value: unknown): value is HostUnavailable {
  return isRecord(value) && value['code'] === 'host_unavailable';
}

/** One bridge method: how its input and its answer are checked. */
export interface MethodSpec<I, O> {
  readonly input: Parser<I>;
  readonly answer: Parser<O>;
  /** `result`: the answer is a Result; `status`: a plain value (e.g. a printer status). */
  readonly answers: 'result' | 'status';
}

/**
 * A schema-built parser, with defaults filled in after the check (Ajv's would mutate input).
 * Compiled on first use: the server imports this package too and never calls the bridge.
 */
export function schemaParser<T>(schema: object, finish: (checked: T) => T = (v) => v): Parser<T> {
  let check: SchemaCheck<T> | undefined;
  return (raw) => {
    check ??= compileSchema<T>(schema);
    const checked = check(raw);
    return checked.ok ? ok(finish(checked.value)) : checked;
  };
}

/** Methods without arguments take `{}`; `undefined`/`null` from a caller mean the same. */
export function optionalInput<T>(parser: Parser<T>, empty: T): Parser<T> {
  return (raw) => (raw === undefined || raw === null ? ok(empty) : parser(raw));
}

const emptyObject = schemaParser<EmptyInput>({
  type: 'object',
  additionalProperties: false,
});
export const parseEmpty: Parser<EmptyInput> = optionalInput(emptyObject, {});

/**
 * The answer of a Result method: `{ok: true, value}` or `{ok: false, error}`, each part checked
 * by its schema. `value: 'void'` for `Result<void, E>`: JSON drops the `undefined` value,
 * structured clone keeps it, both are accepted.
 */
export function resultAnswer<T, E>(
  value: Parser<T> | 'void',
  error: Parser<E>,
): Parser<Result<T, E>> {
  return (raw) => {
    if (!isRecord(raw) || typeof raw['ok'] !== 'boolean') {
      return err([{ path: '/ok', message: 'must be a Result ({ok, value} or {ok, error})' }]);
    }
    const extra = Object.keys(raw).filter(
      (k) => k !== 'ok' && k !== (raw['ok'] ? 'value' : 'error'),
    );
    if (extra.length > 0)
      return err(extra.map((k) => ({ path: `/${k}`, message: 'is not allowed' })));
    const at = (prefix: string, issues: readonly InputIssue[]) =>
      err(issues.map((i) => ({ ...i, path: `${prefix}${i.path}` })));
    if (raw['ok']) {
      if (value === 'void') {
        return raw['value'] === undefined
          ? ok(ok(undefined as T))
          : err([{ path: '/value', message: 'must be absent' }]);
      }
      const parsed = value(raw['value']);
      return parsed.ok ? ok(ok(parsed.value)) : at('/value', parsed.error);
    }
    const parsed = error(raw['error']);
    return parsed.ok ? ok(err(parsed.value)) : at('/error', parsed.error);
  };
}

/** A method that answers a Result: its value and error checked by their parsers. */
export function resultMethod<I, T, E>(
  input: Parser<I>,
  value: Parser<T> | 'void',
  error: Parser<E>,
): MethodSpec<I, Result<T, E>> {
  return { input, answer: resultAnswer(value, error), answers: 'result' };
}

/** A method that answers a status (a plain value; `HostUnavailable` takes its place). */
export function statusMethod<I, O>(input: Parser<I>, answer: Parser<O>): MethodSpec<I, O> {
  return { input, answer, answers: 'status' };
}

/** `{kind, message}` errors, the shape most services report; `message` is for logs. */
export type KindMessageError<K extends string> = { readonly kind: K; readonly message: string };

/** The schema of a `KindMessageError` of these kinds. */
export function kindMessageSchema(kinds: readonly string[]): object {
  return {
    type: 'object',
    additionalProperties: false,
    required: ['kind', 'message'],
    properties: { kind: { enum: kinds }, message: { type: 'string' } },
  };
}

/** One line for logs and technicians' details (never a resident's message). */
export function describeBridgeError(
  error: HostUnavailable | { readonly kind: string; readonly message?: string },
): string {
  if (isHostUnavailable(error)) return `${error.code} (${error.reason})`;
  return error.message === undefined ? error.kind : error.message;
}
