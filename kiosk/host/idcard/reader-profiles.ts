/**
 * The device-profile table: which USB device (VID:PID) or serial port is which reader, and how
 * to talk to it (transport, HID envelope, report ID, SAM command variants, lift detection).
 * Shipped in kiosk/config/reader-profiles.json; a technician extends it without code in a local
 * file named by PLS_READER_PROFILES (same format, its entries win). Everything read from those
 * files is validated here, with messages that name the entry and field.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { err, isRecord, ok, type Result } from '@pls/shared/domain';
import {
  HID_ENVELOPES,
  isSamCommandName,
  parseHex,
  type HidEnvelopeName,
  type LinkOptions,
  type PresenceProbe,
  type SamCommandName,
  type SamCommandSet,
} from '@pls/shared/idcard';

export type ProfileTransport = 'hid' | 'serial' | 'unsupported';

export type ProfileMatch =
  { readonly vendorId: number; readonly productId: number } | { readonly path: string };

export interface ReaderProfile {
  readonly id: string;
  readonly name: string;
  readonly match: ProfileMatch;
  readonly transport: ProfileTransport;
  /** HID only. */
  readonly envelope: HidEnvelopeName;
  /** HID only: 0 for devices without numbered reports. */
  readonly reportId: number;
  /** HID only: bytes per report, without the report ID. */
  readonly reportSize: number;
  /** Serial only. */
  readonly baudRate: number;
  readonly commands: Partial<SamCommandSet>;
  readonly presenceProbe?: PresenceProbe;
  /** Why an `unsupported` device cannot be used. */
  readonly reason?: string;
  /** Where the facts come from. */
  readonly source?: string;
}

export interface ProfileIssue {
  readonly path: string;
  readonly message: string;
}

export const BUILTIN_PROFILES_PATH = join(
  dirname(fileURLToPath(import.meta.url)),
  '../../config/reader-profiles.json',
);
export const LOCAL_PROFILES_ENV = 'PLS_READER_PROFILES';

const PROFILE_KEYS = [
  'id',
  'name',
  'match',
  'transport',
  'envelope',
  'reportId',
  'reportSize',
  'baudRate',
  'commands',
  'presenceProbe',
  'reason',
  'source',
  'note',
];

function hex16(value: unknown): number | undefined {
  if (typeof value !== 'string' || !/^(0x)?[0-9a-f]{4}$/i.test(value)) return undefined;
  return parseInt(value.replace(/^0x/i, ''), 16);
}

function parseMatch(raw: unknown, at: string, issues: ProfileIssue[]): ProfileMatch | undefined {
  if (!isRecord(raw)) {
    issues.push({ path: at, message: 'must be {vendorId, productId} or {path}' });
    return undefined;
  }
  if (typeof raw['path'] === 'string' && raw['path'].length > 0) {
    if (raw['vendorId'] !== undefined || raw['productId'] !== undefined) {
      issues.push({ path: at, message: 'give either path or vendorId/productId, not both' });
    }
    return { path: raw['path'] };
  }
  const vendorId = hex16(raw['vendorId']);
  const productId = hex16(raw['productId']);
  if (vendorId === undefined)
    issues.push({ path: `${at}.vendorId`, message: 'must be 4 hex digits, e.g. "10c4"' });
  if (productId === undefined)
    issues.push({ path: `${at}.productId`, message: 'must be 4 hex digits, e.g. "0007"' });
  return vendorId === undefined || productId === undefined ? undefined : { vendorId, productId };
}

function parseCommands(raw: unknown, at: string, issues: ProfileIssue[]): Partial<SamCommandSet> {
  if (raw === undefined) return {};
  if (!isRecord(raw)) {
    issues.push({
      path: at,
      message: 'must map command names to hex bytes, e.g. {"findCard": "00 81"}',
    });
    return {};
  }
  const out: Partial<Record<SamCommandName, readonly number[]>> = {};
  for (const [name, value] of Object.entries(raw)) {
    if (!isSamCommandName(name)) {
      issues.push({ path: `${at}.${name}`, message: 'unknown command name' });
      continue;
    }
    const bytes = typeof value === 'string' ? parseHex(value) : undefined;
    if (bytes === undefined || !bytes.ok || bytes.value.length < 2) {
      issues.push({
        path: `${at}.${name}`,
        message: 'must be hex bytes CMD PARA [DATA], e.g. "20 01"',
      });
      continue;
    }
    out[name] = Array.from(bytes.value);
  }
  return out;
}

function intIn(
  raw: unknown,
  fallback: number,
  min: number,
  max: number,
  at: string,
  issues: ProfileIssue[],
): number {
  if (raw === undefined) return fallback;
  if (typeof raw !== 'number' || !Number.isInteger(raw) || raw < min || raw > max) {
    issues.push({ path: at, message: `must be an integer ${min}..${max}` });
    return fallback;
  }
  return raw;
}

function parseProfile(raw: unknown, at: string, issues: ProfileIssue[]): ReaderProfile | undefined {
  if (!isRecord(raw)) {
    issues.push({ path: at, message: 'must be an object' });
    return undefined;
  }
  const before = issues.length;
  for (const key of Object.keys(raw)) {
    if (!PROFILE_KEYS.includes(key))
      issues.push({ path: `${at}.${key}`, message: 'unknown field' });
  }
  const id = raw['id'];
  if (typeof id !== 'string' || !/^[a-z0-9][a-z0-9-]{0,62}$/.test(id)) {
    issues.push({ path: `${at}.id`, message: 'must be lower-case letters, digits and dashes' });
  }
  const name = raw['name'];
  if (typeof name !== 'string' || name.length === 0) {
    issues.push({ path: `${at}.name`, message: 'must be a non-empty string' });
  }
  const match = parseMatch(raw['match'], `${at}.match`, issues);
  const transport = raw['transport'];
  if (transport !== 'hid' && transport !== 'serial' && transport !== 'unsupported') {
    issues.push({ path: `${at}.transport`, message: 'must be "hid", "serial" or "unsupported"' });
  }
  if (transport === 'hid' && match !== undefined && 'path' in match) {
    issues.push({ path: `${at}.match`, message: 'a HID reader is matched by vendorId/productId' });
  }
  const envelope = raw['envelope'] ?? 'raw';
  if (!(HID_ENVELOPES as readonly unknown[]).includes(envelope)) {
    issues.push({ path: `${at}.envelope`, message: `must be one of ${HID_ENVELOPES.join(', ')}` });
  }
  const presenceProbe = raw['presenceProbe'];
  if (
    presenceProbe !== undefined &&
    presenceProbe !== 'appendedAddress' &&
    presenceProbe !== 'none'
  ) {
    issues.push({ path: `${at}.presenceProbe`, message: 'must be "appendedAddress" or "none"' });
  }
  for (const key of ['reason', 'source', 'note'] as const) {
    if (raw[key] !== undefined && typeof raw[key] !== 'string') {
      issues.push({ path: `${at}.${key}`, message: 'must be a string' });
    }
  }
  if (transport === 'unsupported' && typeof raw['reason'] !== 'string') {
    issues.push({ path: `${at}.reason`, message: 'an unsupported device needs a reason' });
  }
  const reportId = intIn(raw['reportId'], 0, 0, 255, `${at}.reportId`, issues);
  const reportSize = intIn(raw['reportSize'], 64, 8, 1024, `${at}.reportSize`, issues);
  const baudRate = intIn(raw['baudRate'], 115200, 1200, 921600, `${at}.baudRate`, issues);
  const commands = parseCommands(raw['commands'], `${at}.commands`, issues);
  if (issues.length > before || match === undefined) return undefined;
  return {
    id: id as string,
    name: name as string,
    match,
    transport: transport as ProfileTransport,
    envelope: envelope as HidEnvelopeName,
    reportId,
    reportSize,
    baudRate,
    commands,
    ...(presenceProbe !== undefined ? { presenceProbe: presenceProbe as PresenceProbe } : {}),
    ...(typeof raw['reason'] === 'string' ? { reason: raw['reason'] } : {}),
    ...(typeof raw['source'] === 'string' ? { source: raw['source'] } : {}),
  };
}

export function parseReaderProfiles(raw: unknown): Result<ReaderProfile[], ProfileIssue[]> {
  if (!isRecord(raw) || !Array.isArray(raw['profiles'])) {
    return err([{ path: '', message: 'must be {"profiles": [...]}' }]);
  }
  const issues: ProfileIssue[] = [];
  const profiles = raw['profiles']
    .map((p, i) => parseProfile(p, `profiles[${i}]`, issues))
    .filter((p): p is ReaderProfile => p !== undefined);
  const ids = new Set<string>();
  for (const p of profiles) {
    if (ids.has(p.id)) issues.push({ path: `profiles(${p.id})`, message: 'duplicate id' });
    ids.add(p.id);
  }
  return issues.length > 0 ? err(issues) : ok(profiles);
}

function readProfileFile(path: string): Result<ReaderProfile[], string> {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    return err(`cannot read ${path}: ${(e as Error).message}`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    return err(`${path} is not valid JSON: ${(e as Error).message}`);
  }
  const parsed = parseReaderProfiles(json);
  if (!parsed.ok) {
    return err(
      `${path}: ${parsed.error.map((i) => `${i.path || '(root)'} ${i.message}`).join('; ')}`,
    );
  }
  return parsed;
}

export interface LoadProfilesOptions {
  readonly builtinPath?: string;
  /** The technician's file; defaults to $PLS_READER_PROFILES when set. */
  readonly localPath?: string;
}

/** Local entries first (they win on the same match), then built-ins not replaced by id. */
export function loadReaderProfiles(
  options: LoadProfilesOptions = {},
): Result<ReaderProfile[], string> {
  const builtin = readProfileFile(options.builtinPath ?? BUILTIN_PROFILES_PATH);
  if (!builtin.ok) return builtin;
  const localPath = options.localPath ?? process.env[LOCAL_PROFILES_ENV];
  if (localPath === undefined || localPath === '') return builtin;
  const local = readProfileFile(localPath);
  if (!local.ok) return local;
  const localIds = new Set(local.value.map((p) => p.id));
  return ok([...local.value, ...builtin.value.filter((p) => !localIds.has(p.id))]);
}

export function matchUsbProfile(
  profiles: readonly ReaderProfile[],
  vendorId: number,
  productId: number,
  transport: 'hid' | 'serial',
): ReaderProfile | undefined {
  return profiles.find(
    (p) =>
      'vendorId' in p.match &&
      p.match.vendorId === vendorId &&
      p.match.productId === productId &&
      (p.transport === transport || p.transport === 'unsupported'),
  );
}

export function matchSerialPathProfile(
  profiles: readonly ReaderProfile[],
  path: string,
): ReaderProfile | undefined {
  return profiles.find(
    (p) => 'path' in p.match && p.match.path === path && p.transport === 'serial',
  );
}

export function linkOptionsOf(profile: ReaderProfile): LinkOptions {
  return {
    commands: profile.commands,
    ...(profile.presenceProbe !== undefined ? { presenceProbe: profile.presenceProbe } : {}),
  };
}

export function formatUsbId(vendorId: number, productId: number): string {
  const h = (n: number) => n.toString(16).padStart(4, '0');
  return `${h(vendorId)}:${h(productId)}`;
}
