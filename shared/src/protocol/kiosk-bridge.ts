/**
 * The kiosk bridge (`window.kiosk`): what the renderer may ask of its host. One method table
 * serves both hosts, the Electron main process (IPC) and the device agent (WebSocket JSON-RPC on
 * loopback), so the renderer cannot tell them apart and a method added here must be handled by
 * both (`KioskHandlers` makes that a type error otherwise).
 *
 * Rules: every method takes one input object and resolves with a plain serializable value;
 * known failures (no paper, unreadable image) are `Result`s; a bad argument or an unknown method
 * is a bug in the caller and rejects the promise. Reader events are pushed, never polled.
 * Inputs are validated here, at the host boundary, by the parsers in `KIOSK_METHODS`.
 */
import { err, ok, type Result } from '../domain/result';
import type { CardType, IdCardData, ReaderEvent, ReaderStatus } from '../idcard/types';
import { parsePrintDocumentSpec, type PrintDocumentSpec } from '../print/spec';

export const KIOSK_BRIDGE_VERSION = 1;

// ---------------------------------------------------------------------------------------------
// Reader

type WithoutPhoto<T> = T extends unknown ? Omit<T, 'photo'> : never;

/** Card data as the renderer gets it: the WLT photo stays on the host. */
export type BridgeIdCard = WithoutPhoto<IdCardData>;

export type BridgeReaderEvent =
  | Exclude<ReaderEvent, { readonly type: 'cardRead' }>
  | { readonly type: 'cardRead'; readonly card: BridgeIdCard };

/** Everything the host pushes to the renderer. */
export type KioskEvent = { readonly source: 'reader'; readonly event: BridgeReaderEvent };

export const KIOSK_EVENT_CHANNEL = 'kiosk:event';

export function toBridgeCard(card: IdCardData): BridgeIdCard {
  const { photo: _photo, ...rest } = card;
  return rest;
}

export function toBridgeReaderEvent(event: ReaderEvent): BridgeReaderEvent {
  return event.type === 'cardRead' ? { type: 'cardRead', card: toBridgeCard(event.card) } : event;
}

// ---------------------------------------------------------------------------------------------
// OCR

export const OCR_IMAGE_TYPES = ['image/png', 'image/jpeg'] as const;
export type OcrImageType = (typeof OCR_IMAGE_TYPES)[number];
/** 8 MB of image: a 12-megapixel JPEG from a document camera fits. */
export const MAX_OCR_IMAGE_BYTES = 8 * 1024 * 1024;

/** Base64 so the same value crosses IPC and JSON. */
export interface OcrImage {
  readonly mimeType: OcrImageType;
  readonly dataBase64: string;
}

/**
 * `card`: name and ID number from the front of an ID card. `idNumberOnly`: only the number
 * line, several times faster, for re-reads.
 */
export type OcrMode = 'card' | 'idNumberOnly';

export type OcrIdNumber =
  | {
      readonly status: 'accepted';
      readonly idNumber: string;
      /** From the number, YYYY-MM-DD. */
      readonly birthDate: string;
      readonly sex: 'male' | 'female';
    }
  | {
      /** Staff must confirm or correct `text` before it is used. */
      readonly status: 'needsConfirmation';
      /** Best reading, possibly empty. */
      readonly text: string;
      readonly reason:
        'notFound' | 'checkDigit' | 'invalid' | 'readsDisagree' | 'birthDateMismatch';
    };

export interface OcrIdCardResult {
  /** Chinese name from the 姓名 line; null when not found. Always shown to staff to confirm. */
  readonly name: string | null;
  readonly idNumber: OcrIdNumber;
  /** Birth date printed on the card (出生), YYYY-MM-DD, when it could be read. */
  readonly printedBirthDate: string | null;
  readonly durationMs: number;
}

export type OcrError =
  | { readonly kind: 'unsupportedImage'; readonly message: string }
  | { readonly kind: 'engineUnavailable'; readonly message: string }
  | { readonly kind: 'engineFailed'; readonly message: string };

// ---------------------------------------------------------------------------------------------
// Printing

export const PRINT_TARGETS = ['receipt', 'a4'] as const;
export type PrintTarget = (typeof PRINT_TARGETS)[number];

/** A printer is a status, not an exception: the UI shows it before the resident presses print. */
export type PrinterStatus =
  | { readonly kind: 'ready'; readonly printer: string; readonly paperLow: boolean }
  | { readonly kind: 'busy'; readonly printer: string; readonly paperLow: boolean }
  | { readonly kind: 'noPaper'; readonly printer: string }
  | { readonly kind: 'paperJam'; readonly printer: string }
  | { readonly kind: 'coverOpen'; readonly printer: string }
  | { readonly kind: 'paused'; readonly printer: string }
  | { readonly kind: 'disconnected'; readonly printer: string }
  | { readonly kind: 'error'; readonly printer: string; readonly reasons: readonly string[] }
  /** The platform does not report state (Windows through Chromium): printing may still work. */
  | { readonly kind: 'unknown'; readonly printer: string; readonly detail: string }
  | { readonly kind: 'notConfigured'; readonly target: PrintTarget };

export type PrinterStatusKind = PrinterStatus['kind'];

export interface PageSizeMm {
  readonly widthMm: number;
  readonly heightMm: number;
}

export interface PrintJobDone {
  readonly printer: string;
  readonly title: string;
  readonly pageSize: PageSizeMm;
  /** Spooler job id where the platform gives one (CUPS). */
  readonly jobId: string | null;
}

export interface RenderedPdf {
  readonly title: string;
  readonly pageSize: PageSizeMm;
  readonly pdfBase64: string;
}

export type PrintError =
  | { readonly kind: 'printerNotReady'; readonly status: PrinterStatus }
  | { readonly kind: 'printFailed'; readonly printer: string; readonly reason: string }
  | { readonly kind: 'renderFailed'; readonly message: string };

// ---------------------------------------------------------------------------------------------
// Secrets

/**
 * How a secret is protected at rest. `os-keychain`: Electron safeStorage with a real OS store;
 * `basic-text`: safeStorage on Linux without a keyring (obfuscation only); `file-0600`: the
 * agent's key file readable by its OS user only.
 */
export type SecretProtection = 'os-keychain' | 'basic-text' | 'file-0600';

export type SecretError =
  | { readonly kind: 'unavailable'; readonly message: string }
  | { readonly kind: 'corrupt'; readonly message: string }
  | { readonly kind: 'ioFailed'; readonly message: string };

export interface DatabaseKey {
  /** 64 hex characters (256 bits), the RxDB encryption password. */
  readonly key: string;
  readonly protection: SecretProtection;
}

// ---------------------------------------------------------------------------------------------
// Host

export interface HostInfo {
  readonly bridgeVersion: number;
  /** The simulator controls work only when the host runs the simulated reader. */
  readonly simulator: boolean;
  readonly ocr: 'ready' | 'starting' | 'unavailable';
}

export type SimulatorError = { readonly kind: 'simulatorUnavailable' };

// ---------------------------------------------------------------------------------------------
// Method table

export interface InputIssue {
  readonly path: string;
  readonly message: string;
}

type Parser<T> = (raw: unknown) => Result<T, readonly InputIssue[]>;
export type EmptyInput = Record<string, never>;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const issue = (path: string, message: string) => err([{ path, message }] as const);

function keysOnly(raw: Record<string, unknown>, allowed: readonly string[]): InputIssue[] {
  return Object.keys(raw)
    .filter((k) => !allowed.includes(k))
    .map((k) => ({ path: `/${k}`, message: 'is not allowed' }));
}

const parseEmpty: Parser<EmptyInput> = (raw) => {
  if (raw === undefined || raw === null) return ok({});
  if (!isRecord(raw)) return issue('', 'must be an object');
  const extra = keysOnly(raw, []);
  return extra.length > 0 ? err(extra) : ok({});
};

export interface ReadIdCardInput {
  readonly image: OcrImage;
  readonly mode: OcrMode;
}

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

const parseReadIdCardInput: Parser<ReadIdCardInput> = (raw) => {
  if (!isRecord(raw)) return issue('', 'must be an object');
  const extra = keysOnly(raw, ['image', 'mode']);
  if (extra.length > 0) return err(extra);
  const image = raw['image'];
  if (!isRecord(image)) return issue('/image', 'required');
  const mimeType = image['mimeType'];
  if (!(OCR_IMAGE_TYPES as readonly unknown[]).includes(mimeType)) {
    return issue('/image/mimeType', `must be one of ${OCR_IMAGE_TYPES.join(', ')}`);
  }
  const data = image['dataBase64'];
  if (
    typeof data !== 'string' ||
    data.length === 0 ||
    data.length % 4 !== 0 ||
    !BASE64.test(data)
  ) {
    return issue('/image/dataBase64', 'must be non-empty base64');
  }
  if ((data.length / 4) * 3 > MAX_OCR_IMAGE_BYTES) {
    return issue('/image/dataBase64', `image larger than ${MAX_OCR_IMAGE_BYTES} bytes`);
  }
  const mode = raw['mode'] ?? 'card';
  if (mode !== 'card' && mode !== 'idNumberOnly') {
    return issue('/mode', 'must be card or idNumberOnly');
  }
  return ok({ image: { mimeType: mimeType as OcrImageType, dataBase64: data }, mode });
};

/** Queue names as CUPS and Windows spell them; no control characters, no option injection. */
// eslint-disable-next-line no-control-regex -- control characters are exactly what is refused
const PRINTER_NAME = /^[^\s\x00-\x1f\x7f/#-][^\x00-\x1f\x7f/#]{0,119}$/;

function parsePrinterName(raw: Record<string, unknown>, issues: InputIssue[]): string | undefined {
  const name = raw['printerName'];
  if (name === undefined) return undefined;
  if (typeof name !== 'string' || !PRINTER_NAME.test(name)) {
    issues.push({ path: '/printerName', message: 'not a printer name' });
    return undefined;
  }
  return name;
}

export interface PrintDocumentInput {
  readonly document: PrintDocumentSpec;
  /** Queue name from device_config; the host's configured printer otherwise. */
  readonly printerName?: string;
  readonly copies: number;
}

const parsePrintDocumentInput: Parser<PrintDocumentInput> = (raw) => {
  if (!isRecord(raw)) return issue('', 'must be an object');
  const issues = keysOnly(raw, ['document', 'printerName', 'copies']);
  const document = parsePrintDocumentSpec(raw['document']);
  if (!document.ok)
    issues.push(...document.error.map((i) => ({ ...i, path: `/document${i.path}` })));
  const printerName = parsePrinterName(raw, issues);
  const copies = raw['copies'] ?? 1;
  if (typeof copies !== 'number' || !Number.isInteger(copies) || copies < 1 || copies > 5) {
    issues.push({ path: '/copies', message: 'must be an integer 1..5' });
  }
  if (issues.length > 0 || !document.ok) return err(issues);
  return ok({
    document: document.value,
    copies: copies as number,
    ...(printerName !== undefined ? { printerName } : {}),
  });
};

export interface RenderPdfInput {
  readonly document: PrintDocumentSpec;
}

const parseRenderPdfInput: Parser<RenderPdfInput> = (raw) => {
  if (!isRecord(raw)) return issue('', 'must be an object');
  const issues = keysOnly(raw, ['document']);
  const document = parsePrintDocumentSpec(raw['document']);
  if (!document.ok)
    issues.push(...document.error.map((i) => ({ ...i, path: `/document${i.path}` })));
  if (issues.length > 0 || !document.ok) return err(issues);
  return ok({ document: document.value });
};

export interface PrinterStatusInput {
  readonly target: PrintTarget;
  readonly printerName?: string;
}

const parsePrinterStatusInput: Parser<PrinterStatusInput> = (raw) => {
  if (!isRecord(raw)) return issue('', 'must be an object');
  const issues = keysOnly(raw, ['target', 'printerName']);
  const target = raw['target'];
  if (!(PRINT_TARGETS as readonly unknown[]).includes(target)) {
    issues.push({ path: '/target', message: 'must be receipt or a4' });
  }
  const printerName = parsePrinterName(raw, issues);
  if (issues.length > 0) return err(issues);
  return ok({
    target: target as PrintTarget,
    ...(printerName !== undefined ? { printerName } : {}),
  });
};

export interface SetDeviceTokenInput {
  readonly token: string;
}

const parseSetDeviceToken: Parser<SetDeviceTokenInput> = (raw) => {
  if (!isRecord(raw)) return issue('', 'must be an object');
  const extra = keysOnly(raw, ['token']);
  if (extra.length > 0) return err(extra);
  const token = raw['token'];
  if (typeof token !== 'string' || !/^[\x21-\x7e]{16,512}$/.test(token)) {
    return issue('/token', 'must be 16..512 printable ASCII characters');
  }
  return ok({ token });
};

const CARD_TYPES: readonly CardType[] = ['resident', 'hmt-permit', 'foreign-2017', 'foreign-2023'];

export interface PlaceCardInput {
  /** Which fictional sample card to place. */
  readonly cardType: CardType;
}

const parsePlaceCard: Parser<PlaceCardInput> = (raw) => {
  if (raw === undefined || raw === null) return ok({ cardType: 'resident' });
  if (!isRecord(raw)) return issue('', 'must be an object');
  const extra = keysOnly(raw, ['cardType']);
  if (extra.length > 0) return err(extra);
  const cardType = raw['cardType'] ?? 'resident';
  if (!(CARD_TYPES as readonly unknown[]).includes(cardType)) {
    return issue('/cardType', `must be one of ${CARD_TYPES.join(', ')}`);
  }
  return ok({ cardType: cardType as CardType });
};

export interface SetLatencyInput {
  readonly ms: number;
}

const parseSetLatency: Parser<SetLatencyInput> = (raw) => {
  if (!isRecord(raw)) return issue('', 'must be an object');
  const extra = keysOnly(raw, ['ms']);
  if (extra.length > 0) return err(extra);
  const ms = raw['ms'];
  if (typeof ms !== 'number' || !Number.isInteger(ms) || ms < 0 || ms > 60_000) {
    return issue('/ms', 'must be an integer 0..60000');
  }
  return ok({ ms });
};

/** Method name → input parser. The order is the order of `window.kiosk`'s namespaces. */
export const KIOSK_METHODS = {
  'host.getInfo': parseEmpty,
  'reader.getStatus': parseEmpty,
  'ocr.readIdCard': parseReadIdCardInput,
  'print.printDocument': parsePrintDocumentInput,
  'print.renderPdf': parseRenderPdfInput,
  'print.getPrinterStatus': parsePrinterStatusInput,
  'secrets.getDatabaseKey': parseEmpty,
  'secrets.getDeviceToken': parseEmpty,
  'secrets.setDeviceToken': parseSetDeviceToken,
  'secrets.clearDeviceToken': parseEmpty,
  'simulator.placeCard': parsePlaceCard,
  'simulator.liftCard': parseEmpty,
  'simulator.unplug': parseEmpty,
  'simulator.replug': parseEmpty,
  'simulator.setLatency': parseSetLatency,
} as const satisfies Record<string, Parser<unknown>>;

export type KioskMethod = keyof typeof KIOSK_METHODS;
export const KIOSK_METHOD_NAMES = Object.keys(KIOSK_METHODS) as KioskMethod[];

export type KioskInput<M extends KioskMethod> =
  ReturnType<(typeof KIOSK_METHODS)[M]> extends Result<infer T, unknown> ? T : never;

/** What each method resolves with. */
export interface KioskOutputs {
  'host.getInfo': HostInfo;
  'reader.getStatus': ReaderStatus;
  'ocr.readIdCard': Result<OcrIdCardResult, OcrError>;
  'print.printDocument': Result<PrintJobDone, PrintError>;
  'print.renderPdf': Result<RenderedPdf, PrintError>;
  'print.getPrinterStatus': PrinterStatus;
  'secrets.getDatabaseKey': Result<DatabaseKey, SecretError>;
  'secrets.getDeviceToken': Result<string | null, SecretError>;
  'secrets.setDeviceToken': Result<void, SecretError>;
  'secrets.clearDeviceToken': Result<void, SecretError>;
  'simulator.placeCard': Result<void, SimulatorError>;
  'simulator.liftCard': Result<void, SimulatorError>;
  'simulator.unplug': Result<void, SimulatorError>;
  'simulator.replug': Result<void, SimulatorError>;
  'simulator.setLatency': Result<void, SimulatorError>;
}

/** The one handler map both hosts implement. */
export type KioskHandlers = {
  readonly [M in KioskMethod]: (input: KioskInput<M>) => Promise<KioskOutputs[M]>;
};

export type KioskCallError =
  | { readonly kind: 'unknownMethod'; readonly method: string }
  | {
      readonly kind: 'invalidInput';
      readonly method: KioskMethod;
      readonly issues: readonly InputIssue[];
    };

export function isKioskMethod(value: unknown): value is KioskMethod {
  return typeof value === 'string' && Object.hasOwn(KIOSK_METHODS, value);
}

/**
 * Validates and runs one call. A call error means the caller is broken: hosts turn it into a
 * rejected promise (IPC) or a JSON-RPC error (agent), never into a Result the UI would show.
 */
export async function dispatchKioskCall(
  handlers: KioskHandlers,
  method: unknown,
  rawInput: unknown,
): Promise<Result<unknown, KioskCallError>> {
  if (!isKioskMethod(method)) return err({ kind: 'unknownMethod', method: String(method) });
  const parsed = (KIOSK_METHODS[method] as Parser<unknown>)(rawInput);
  if (!parsed.ok) return err({ kind: 'invalidInput', method, issues: parsed.error });
  const handler = handlers[method] as (input: unknown) => Promise<unknown>;
  return ok(await handler(parsed.value));
}

export function describeKioskCallError(error: KioskCallError): string {
  return error.kind === 'unknownMethod'
    ? `unknown kiosk method "${error.method}"`
    : `invalid input to ${error.method}: ${error.issues.map((i) => `${i.path || '/'} ${i.message}`).join('; ')}`;
}

// ---------------------------------------------------------------------------------------------
// The renderer's view: window.kiosk

type Namespace = KioskMethod extends `${infer N}.${string}` ? N : never;
type MethodsOf<N extends string> = {
  [M in KioskMethod as M extends `${N}.${infer F}` ? F : never]: KioskInput<M> extends EmptyInput
    ? (input?: EmptyInput) => Promise<KioskOutputs[M]>
    : (input: KioskInput<M>) => Promise<KioskOutputs[M]>;
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

/** What a host connection provides; the bridge object is built from it the same way everywhere. */
export interface KioskBridgeTransport {
  call(method: KioskMethod, input: unknown): Promise<unknown>;
  subscribe(listener: (event: KioskEvent) => void): () => void;
}

export function createKioskBridge(transport: KioskBridgeTransport): KioskApi {
  const api: Record<string, Record<string, unknown>> = {};
  for (const method of KIOSK_METHOD_NAMES) {
    const [namespace, name] = method.split('.') as [string, string];
    api[namespace] ??= {};
    api[namespace][name] = (input?: unknown) => transport.call(method, input ?? {});
  }
  api['reader']!['subscribe'] = (listener: (event: BridgeReaderEvent) => void) =>
    transport.subscribe((event) => {
      if (event.source === 'reader') listener(event.event);
    });
  // Built from the method table above, so every key of KioskApi is present.
  return api as unknown as KioskApi;
}
