/**
 * `npm run idcard -- <command>`: the technician's tool for ID card readers.
 *
 *   list                 readers found (HID, serial, USB) with their profile
 *   read                 one card as JSON (no photo); --simulate[=<cardType>] uses the simulator
 *   decode <file>        a captured reply frame, hex text or binary; --envelope=miaxis for HID
 *                        report captures, --report-id=<n> for numbered reports
 *   ocr <image>          name and ID number from a photographed card (OCR service)
 *
 * JSON goes to stdout, progress and reasons to stderr. Exit codes: 0 done, 1 the reader or the
 * data said no (reason on stderr), 2 usage or file errors.
 */
import { readFile } from 'node:fs/promises';
import {
  cardToJson,
  decodeCapture,
  describeCardDecodeError,
  describeEnvelopeError,
  describeFrameError,
  formatSamStatus,
  HID_ENVELOPES,
  parseHex,
  SAMPLE_CARDS,
  samStatusInfo,
  systemClock,
  type CaptureError,
  type CardType,
  type HidEnvelopeName,
  type ReaderError,
  type ReaderStatus,
  type SimulatedCard,
} from '@pls/shared/idcard';
import { unusableReason } from '../host/idcard/device-discovery';
import {
  findReaders,
  openIdCardReader,
  type FindReadersOptions,
  type OpenIdCardReaderOptions,
} from '../host/idcard/open-id-card-reader';
import { formatUsbId } from '../host/idcard/reader-profiles';

export interface CommandIo {
  readonly stdout: (line: string) => void;
  readonly stderr: (line: string) => void;
}

export interface IdCardCommandDeps {
  /** Extra reader options (tests pass a clock and fake backends). */
  readonly reader?: OpenIdCardReaderOptions;
  readonly find?: FindReadersOptions;
  /** The OCR subcommand, provided by the OCR service. */
  readonly ocr?: (args: readonly string[], io: CommandIo) => Promise<number>;
}

export const USAGE = `usage: npm run idcard -- <command>
  list [--json]                       readers found, with their profile
  read [--simulate[=TYPE]] [--timeout=SECONDS] [--fingerprint]
                                      read one card, print JSON (no photo)
                                      TYPE: ${Object.keys(SAMPLE_CARDS).join(', ')}
  decode <file> [--envelope=raw|miaxis] [--report-id=N]
                                      decode a captured reply (hex text or binary)
  ocr <image> [--id-only]             read name and ID number from a card photo`;

const CARD_TYPES = Object.keys(SAMPLE_CARDS) as CardType[];

function option(args: readonly string[], name: string): string | true | undefined {
  for (const a of args) {
    if (a === `--${name}`) return true;
    if (a.startsWith(`--${name}=`)) return a.slice(name.length + 3);
  }
  return undefined;
}

const positional = (args: readonly string[]) => args.filter((a) => !a.startsWith('--'));

function describeReaderError(error: ReaderError): string {
  switch (error.code) {
    case 'transport':
      return `${error.transport.kind}: ${error.transport.message}`;
    case 'timeout':
      return `no reply to ${error.command} within ${error.afterMs} ms`;
    case 'frame':
      return `${error.command}: ${describeFrameError(error.frame)}`;
    case 'samStatus':
      return `reader status ${formatSamStatus(error.status)} on ${error.command}`;
    case 'card':
      return describeCardDecodeError(error.card);
  }
}

function describeStatus(status: ReaderStatus): string {
  switch (status.kind) {
    case 'disconnected':
      return status.reason
        ? `disconnected (${describeReaderError(status.reason)})`
        : 'disconnected';
    case 'error':
      return `error (${describeReaderError(status.error)})`;
    case 'connecting':
    case 'waitingForCard':
    case 'cardPresent':
    case 'reading':
      return status.kind;
  }
}

function describeCaptureError(error: CaptureError): string {
  switch (error.kind) {
    case 'frame':
      return describeFrameError(error.error);
    case 'status':
      return `reader status ${formatSamStatus(error.status)}`;
    case 'card':
      return describeCardDecodeError(error.error);
    case 'envelope':
      return `HID report ${error.report}: ${describeEnvelopeError(error.error)}`;
  }
}

async function list(
  args: readonly string[],
  io: CommandIo,
  deps: IdCardCommandDeps,
): Promise<number> {
  const found = await findReaders(deps.find);
  if (!found.ok) {
    io.stderr(`reader profiles: ${found.error}`);
    return 2;
  }
  const { devices, unavailable } = found.value;
  if (option(args, 'json') === true) {
    io.stdout(
      JSON.stringify(
        {
          devices: devices.map((d) => ({
            kind: d.kind,
            path: d.path ?? null,
            usbId: d.usbId ?? null,
            product: d.product ?? null,
            manufacturer: d.manufacturer ?? null,
            profile: d.profile
              ? { id: d.profile.id, name: d.profile.name, transport: d.profile.transport }
              : null,
            usable: d.usable,
            ...(d.profile && !d.usable ? { reason: unusableReason(d) } : {}),
          })),
          unavailable: unavailable.map((u) => u.message),
        },
        null,
        2,
      ),
    );
  } else {
    const readers = devices.filter((d) => d.profile !== undefined);
    if (readers.length === 0) io.stdout('No known ID card reader found.');
    for (const d of readers) {
      const where = [d.kind, d.usbId, d.path].filter(Boolean).join(' ');
      const state = d.usable ? 'ready' : `not usable: ${unusableReason(d)}`;
      io.stdout(`${where}  ${d.profile!.name} [${d.profile!.id}]  ${state}`);
    }
    const others = devices.filter((d) => d.profile === undefined && d.kind !== 'usb');
    if (others.length > 0) {
      io.stdout(`Other devices (no profile; add one in the file named by PLS_READER_PROFILES):`);
      for (const d of others) {
        const id =
          d.vendorId !== undefined && d.productId !== undefined
            ? formatUsbId(d.vendorId, d.productId)
            : '';
        io.stdout(
          `  ${d.kind} ${[id, d.path, d.product ?? d.manufacturer].filter(Boolean).join(' ')}`,
        );
      }
    }
    for (const u of unavailable) io.stderr(u.message);
  }
  return 0;
}

async function read(
  args: readonly string[],
  io: CommandIo,
  deps: IdCardCommandDeps,
): Promise<number> {
  const simulate = option(args, 'simulate');
  let initialCard: SimulatedCard | undefined;
  if (simulate !== undefined) {
    const type = simulate === true ? 'resident' : simulate;
    if (!(CARD_TYPES as string[]).includes(type)) {
      io.stderr(`--simulate: unknown card type "${type}" (${CARD_TYPES.join(', ')})`);
      return 2;
    }
    initialCard = SAMPLE_CARDS[type as CardType];
  }
  const timeoutOption = option(args, 'timeout');
  const timeoutS = typeof timeoutOption === 'string' ? Number(timeoutOption) : 30;
  if (!Number.isFinite(timeoutS) || timeoutS <= 0) {
    io.stderr('--timeout: seconds > 0');
    return 2;
  }
  const { reader, transport } = openIdCardReader({
    ...deps.reader,
    ...(initialCard !== undefined ? { simulate: true, initialCard } : {}),
    ...(option(args, 'fingerprint') === true ? { readFingerprint: true } : {}),
    includePhoto: false,
  });
  const clock = deps.reader?.clock ?? systemClock;
  io.stderr('Waiting for a card on the reader…');
  let unsubscribe = () => {};
  const outcome = await new Promise<number>((resolve) => {
    const timer = clock.setTimer(() => {
      io.stderr(
        `no card read within ${timeoutS} s (reader: ${describeStatus(reader.getStatus())})`,
      );
      resolve(1);
    }, timeoutS * 1000);
    unsubscribe = reader.subscribe((event) => {
      switch (event.type) {
        case 'statusChanged':
          io.stderr(
            `reader: ${describeStatus(event.status)}${event.status.kind === 'waitingForCard' ? ` via ${transport.label}` : ''}`,
          );
          // No reader at all, or a config/driver problem: waiting longer will not help.
          if (
            event.status.kind === 'disconnected' &&
            event.status.reason?.code === 'transport' &&
            ['notFound', 'config', 'moduleUnavailable', 'unsupported'].includes(
              event.status.reason.transport.kind,
            )
          ) {
            timer();
            resolve(1);
          }
          break;
        case 'cardRead':
          timer();
          io.stdout(JSON.stringify(cardToJson(event.card), null, 2));
          resolve(0);
          break;
        case 'readFailed':
          timer();
          io.stderr(`read failed: ${describeReaderError(event.error)}`);
          resolve(1);
          break;
        case 'cardPlaced':
        case 'cardRemoved':
          break;
      }
    });
    reader.start();
  });
  unsubscribe();
  await reader.stop();
  return outcome;
}

async function decode(args: readonly string[], io: CommandIo): Promise<number> {
  const files = positional(args);
  const file = files[0];
  if (file === undefined || files.length > 1) {
    io.stderr(USAGE);
    return 2;
  }
  const envelope = option(args, 'envelope');
  if (
    envelope !== undefined &&
    (envelope === true || !(HID_ENVELOPES as readonly string[]).includes(envelope))
  ) {
    io.stderr(`--envelope: one of ${HID_ENVELOPES.join(', ')}`);
    return 2;
  }
  const reportIdOption = option(args, 'report-id');
  const reportId = typeof reportIdOption === 'string' ? Number(reportIdOption) : 0;
  if (!Number.isInteger(reportId) || reportId < 0 || reportId > 255) {
    io.stderr('--report-id: an integer 0..255');
    return 2;
  }
  let raw: Uint8Array;
  try {
    raw = await readFile(file);
  } catch (e) {
    io.stderr(`cannot read ${file}: ${(e as Error).message}`);
    return 2;
  }
  // Hex text if every byte is printable ASCII or whitespace and it parses as hex.
  const asText = raw.every((b) => b === 9 || b === 10 || b === 13 || (b >= 32 && b < 127));
  const hex = asText ? parseHex(new TextDecoder().decode(raw)) : undefined;
  const bytes = hex?.ok ? hex.value : raw;
  const decoded = decodeCapture(bytes, {
    ...(envelope !== undefined ? { envelope: envelope as HidEnvelopeName } : {}),
    reportId,
  });
  if (!decoded.ok) {
    io.stderr(`cannot decode ${file}: ${describeCaptureError(decoded.error)}`);
    return 1;
  }
  const { content, noiseBefore } = decoded.value;
  if (noiseBefore > 0) io.stderr(`skipped ${noiseBefore} bytes before the frame`);
  switch (content.kind) {
    case 'card':
      io.stdout(JSON.stringify(cardToJson(content.card), null, 2));
      break;
    case 'cardFound':
      io.stdout(
        JSON.stringify({ reply: 'cardFound', status: formatSamStatus(samStatusInfo(0x9f)) }),
      );
      break;
    case 'cardSelected':
      io.stdout(JSON.stringify({ reply: 'cardSelected' }));
      break;
    case 'samId':
      io.stdout(JSON.stringify({ reply: 'samId', samId: content.samId }));
      break;
    case 'success':
      io.stdout(JSON.stringify({ reply: 'success', dataLength: content.dataLength }));
      break;
  }
  return 0;
}

export async function runIdCardCommand(
  argv: readonly string[],
  io: CommandIo = { stdout: (l) => console.log(l), stderr: (l) => console.error(l) },
  deps: IdCardCommandDeps = {},
): Promise<number> {
  const [command, ...args] = argv;
  switch (command) {
    case 'list':
      return list(args, io, deps);
    case 'read':
      return read(args, io, deps);
    case 'decode':
      return decode(args, io);
    case 'ocr': {
      const ocr = deps.ocr ?? (await import('./ocr-command')).runOcrCommand;
      return ocr(args, io);
    }
    case undefined:
    case 'help':
    case '--help':
      io.stdout(USAGE);
      return command === undefined ? 2 : 0;
    default:
      io.stderr(`unknown command "${command}"\n${USAGE}`);
      return 2;
  }
}
