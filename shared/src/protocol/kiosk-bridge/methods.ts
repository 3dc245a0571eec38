/**
 * The method table: every namespace's methods in one object, the order being that of
 * `window.kiosk`'s namespaces. Types of inputs, answers and handlers come from it, so a method
 * added to a namespace must be handled by every host (`KioskHandlers`) and is parsed on both
 * sides without more code.
 */
import type { MethodSpec } from './common';
import { HOST_METHODS } from './host-info';
import { OCR_METHODS } from './ocr';
import { PRINT_METHODS } from './print';
import { READER_METHODS } from './reader';
import { SECRETS_METHODS } from './secrets';
import { SIMULATOR_METHODS } from './simulator';

export const KIOSK_METHODS = {
  ...HOST_METHODS,
  ...READER_METHODS,
  ...OCR_METHODS,
  ...PRINT_METHODS,
  ...SECRETS_METHODS,
  ...SIMULATOR_METHODS,
} as const satisfies Record<string, MethodSpec<unknown, unknown>>;

export type KioskMethod = keyof typeof KIOSK_METHODS;
export const KIOSK_METHOD_NAMES = Object.keys(KIOSK_METHODS) as KioskMethod[];

type SpecOf<M extends KioskMethod> = (typeof KIOSK_METHODS)[M];

/** What a method takes, once its input is parsed (defaults filled in). */
export type KioskInput<M extends KioskMethod> =
  SpecOf<M> extends MethodSpec<infer I, unknown> ? I : never;

/** What a method's host handler resolves with. */
export type KioskOutput<M extends KioskMethod> =
  SpecOf<M> extends MethodSpec<unknown, infer O> ? O : never;

/** The one handler map every kiosk host implements. */
export type KioskHandlers = {
  readonly [M in KioskMethod]: (input: KioskInput<M>) => Promise<KioskOutput<M>>;
};

export function isKioskMethod(value: unknown): value is KioskMethod {
  return typeof value === 'string' && Object.hasOwn(KIOSK_METHODS, value);
}

/** The spec of one method, widened: for code that handles every method the same way. */
export function methodSpec(method: KioskMethod): MethodSpec<unknown, unknown> {
  return KIOSK_METHODS[method] as MethodSpec<unknown, unknown>;
}
