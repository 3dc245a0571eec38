/**
 * The renderer's side: `window.kiosk`, built the same way over any host link (Electron IPC, the
 * device agent's WebSocket). Every answer and event is parsed with the method's schema here, so
 * the renderer trusts what it gets; a link that drops or times out, a host whose service fails
 * and an answer that does not parse all become `HostUnavailable` (see common.ts): call sites
 * check `.ok` (or the status's `kind`) and need no try/catch. A call the host refuses as
 * invalid (a bug in the caller) still rejects.
 */
import { err, type Result } from '../../domain/result';
import {
  hostUnavailable,
  type EmptyInput,
  type HostUnavailable,
  type HostUnavailableReason,
} from './common';
import {
  KIOSK_METHOD_NAMES,
  methodSpec,
  type KioskInput,
  type KioskMethod,
  type KioskOutput,
} from './methods';
import { parseKioskEvent, type BridgeReaderEvent } from './reader';

/** What the renderer gets from a method: its answer, or the host being unavailable. */
export type KioskAnswer<M extends KioskMethod> =
  KioskOutput<M> extends Result<infer T, infer E>
    ? Result<T, E | HostUnavailable>
    : KioskOutput<M> | HostUnavailable;

type Namespace = KioskMethod extends `${infer N}.${string}` ? N : never;
type MethodsOf<N extends string> = {
  [M in KioskMethod as M extends `${N}.${infer F}` ? F : never]: KioskInput<M> extends EmptyInput
    ? (input?: EmptyInput) => Promise<KioskAnswer<M>>
    : (input: KioskInput<M>) => Promise<KioskAnswer<M>>;
};

/**
 * `window.kiosk`: `kiosk.ocr.readIdCard({image, mode})`, `kiosk.print.printDocument({document})`,
 * `kiosk.reader.subscribe(listener)`. Same object in both hosts.
 */
export type KioskApi = { readonly [N in Exclude<Namespace, 'reader'>]: MethodsOf<N> } & {
  readonly reader: MethodsOf<'reader'> & {
    /** Reader events as they happen; returns the unsubscribe function. */
    subscribe(listener: (event: BridgeReaderEvent) => void): () => void;
  };
};

/**
 * What a host link provides. `call` resolves with the host's raw answer, or with the reason
 * the host could not answer; it rejects only when the host refused the call as invalid.
 * Events arrive raw too: both are parsed by the bridge, not by the link.
 */
export interface KioskBridgeTransport {
  call(method: KioskMethod, input: unknown): Promise<Result<unknown, HostUnavailableReason>>;
  subscribe(listener: (event: unknown) => void): () => void;
}

export interface KioskBridgeOptions {
  /** Where refused answers and events are reported (for technicians; default console.warn). */
  readonly log?: (line: string) => void;
}

export function createKioskBridge(
  transport: KioskBridgeTransport,
  options: KioskBridgeOptions = {},
): KioskApi {
  const log = options.log ?? ((line: string) => console.warn(line));
  const call = async (method: KioskMethod, input: unknown): Promise<unknown> => {
    const spec = methodSpec(method);
    const unavailable = (reason: HostUnavailableReason) =>
      spec.answers === 'result' ? err(hostUnavailable(reason)) : hostUnavailable(reason);
    const raw = await transport.call(method, input);
    if (!raw.ok) return unavailable(raw.error);
    const answer = spec.answer(raw.value);
    if (answer.ok) return answer.value;
    log(`kiosk bridge: refused the answer to ${method}: ${issuesText(answer.error)}`);
    return unavailable('badAnswer');
  };
  const api: Record<string, Record<string, unknown>> = {};
  for (const method of KIOSK_METHOD_NAMES) {
    const [namespace, name] = method.split('.') as [string, string];
    api[namespace] ??= {};
    api[namespace][name] = (input?: unknown) => call(method, input ?? {});
  }
  api['reader']!['subscribe'] = (listener: (event: BridgeReaderEvent) => void) =>
    transport.subscribe((raw) => {
      const event = parseKioskEvent(raw);
      if (!event.ok) {
        log(`kiosk bridge: refused an event: ${issuesText(event.error)}`);
        return;
      }
      if (event.value.source === 'reader') listener(event.value.event);
    });
  // Built from the method table above, so every key of KioskApi is present.
  return api as unknown as KioskApi;
}

function issuesText(issues: readonly { path: string; message: string }[]): string {
  return issues.map((i) => `${i.path || '/'} ${i.message}`).join('; ');
}
