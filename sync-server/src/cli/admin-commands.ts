/**
 * Admin commands, parsed and run the same way whether the CLI opened the database itself or
 * sent its arguments to the running server (routes/admin-rpc.ts). One table (`ADMIN_COMMANDS`):
 * each entry names its arguments and flags, says what it does, and calls one service function
 * (services/*, the same the staff console calls); the usage text is generated from the table,
 * so it cannot drift from what is accepted. Output is lines of text; where a script needs one
 * value (an enrollment code, a password) it is alone on the last line.
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import {
  LANGUAGES,
  REVOKE_REASONS,
  err,
  ok as okResult,
  type CollectionName,
  type Language,
  type Result,
  type RevokeReason,
} from '@pls/shared/domain';
import type { Database } from '../db/database';
import type { ServiceError } from '../errors';
import { answerQuestion, changeCaseStatus, listCases } from '../services/cases';
import { listFeedback } from '../services/feedback';
import { publishDocuments } from '../services/publish';
import { updateDeviceConfig, type DeviceConfigPatch } from '../services/device-config';
import { setStaffPin } from '../services/staff-pin';
import {
  ALL,
  createStation,
  editStation,
  issueFleetCode,
  listFleetDevices,
  listFleetStations,
  revokeFleetDevice,
} from '../services/fleet';
import { addUser } from '../services/users';

export interface AdminContext {
  readonly db: Database;
  readonly contentDir: string;
  readonly now: () => Date;
  /** Lets a running server fan out what a command wrote. */
  readonly noteCommitted?: (collection: CollectionName, seq: number) => void;
}

export interface AdminOutput {
  readonly exitCode: number;
  readonly output: string[];
}

type Flags = Record<string, string | undefined>;

/** The admin helpers' failures are the usage line's detail. */
type FlagResult<T> = Result<T, string>;

function integerFlag(flags: Flags, name: string): FlagResult<number | undefined> {
  const value = flags[name];
  if (value === undefined) return okResult(undefined);
  return /^\d+$/.test(value)
    ? okResult(Number(value))
    : err(`--${name} must be a whole number, got "${value}"`);
}

function onOff(flags: Flags, name: string): FlagResult<boolean | undefined> {
  const value = flags[name];
  if (value === undefined) return okResult(undefined);
  if (value === 'on' || value === 'off') return okResult(value === 'on');
  return err(`--${name} must be on or off, got "${value}"`);
}

const RECEIPT_WIDTHS = ['80mm', '58mm', 'none'] as const;

/** Flags of set-config → a schema-checked patch (the schema has the final word on ranges). */
function configPatch(flags: Flags): FlagResult<{
  fields: DeviceConfigPatch;
  printers: { receiptWidth?: '80mm' | '58mm' | 'none'; a4Enabled?: boolean } | undefined;
}> {
  const fields: { -readonly [K in keyof DeviceConfigPatch]: DeviceConfigPatch[K] } = {};
  const retention = integerFlag(flags, 'retention-days');
  if (!retention.ok) return retention;
  const idle = integerFlag(flags, 'idle-timeout');
  if (!idle.ok) return idle;
  const warning = integerFlag(flags, 'idle-warning');
  if (!warning.ok) return warning;
  const voice = onOff(flags, 'voice');
  if (!voice.ok) return voice;
  const a4 = onOff(flags, 'a4');
  if (!a4.ok) return a4;
  const lang = language(flags['language']);
  if (!lang.ok) return lang;
  if (retention.value !== undefined) fields.retentionDays = retention.value;
  if (idle.value !== undefined) fields.idleTimeoutSeconds = idle.value;
  if (warning.value !== undefined) fields.idleWarningSeconds = warning.value;
  if (voice.value !== undefined) fields.voiceEnabled = voice.value;
  if (lang.value) fields.defaultLanguage = lang.value;
  const receiptFlag = flags['receipt'];
  const receipt = RECEIPT_WIDTHS.find((width) => width === receiptFlag);
  if (receiptFlag !== undefined && receipt === undefined) {
    return err(`--receipt must be ${RECEIPT_WIDTHS.join(', ')}, got "${receiptFlag}"`);
  }
  const printers =
    receipt === undefined && a4.value === undefined
      ? undefined
      : {
          ...(receipt ? { receiptWidth: receipt } : {}),
          ...(a4.value === undefined ? {} : { a4Enabled: a4.value }),
        };
  return okResult({ fields, printers });
}

interface ParsedArgs {
  readonly positionals: string[];
  readonly flags: Flags;
}

function parse(argv: readonly string[], options: readonly string[]): FlagResult<ParsedArgs> {
  try {
    const { values, positionals } = parseArgs({
      args: [...argv],
      options: Object.fromEntries(options.map((o) => [o, { type: 'string' as const }])),
      allowPositionals: true,
      strict: true,
    });
    return okResult({ positionals, flags: values as Flags });
  } catch (error) {
    return err((error as Error).message);
  }
}

function fail(message: string, exitCode = 1): AdminOutput {
  return { exitCode, output: [`error: ${message}`] };
}

function serviceFail(error: ServiceError): AdminOutput {
  return fail(`${error.message} (${error.code})`);
}

function language(value: string | undefined): FlagResult<Language | undefined> {
  if (value === undefined) return okResult(undefined);
  return (LANGUAGES as readonly string[]).includes(value)
    ? okResult(value as Language)
    : err(`--language must be one of ${LANGUAGES.join(', ')}`);
}

/** Records what a command wrote, so a running server fans it out at once. */
type Note = (collection: CollectionName, seq: number | null) => void;

export interface AdminCommand {
  readonly name: string;
  /** Arguments and flags as the usage shows them; one string per usage line. */
  readonly synopsis: readonly string[];
  readonly summary: string;
  /** Flag names (`--name value`); anything else is refused before `run`. */
  readonly flags: readonly string[];
  run(args: ParsedArgs, ctx: AdminContext, note: Note): Promise<AdminOutput>;
}

function usageError(command: AdminCommand, detail?: string): AdminOutput {
  return fail(
    `${detail ? `${detail}; ` : ''}usage: ${command.name} ${command.synopsis.join(' ')}`,
    2,
  );
}

const ok = (...output: string[]): AdminOutput => ({ exitCode: 0, output });

export const ADMIN_COMMANDS: readonly AdminCommand[] = [
  {
    name: 'add-station',
    synopsis: ['<id> --name <name> [--region <code>]'],
    summary: 'add a station (region default 15)',
    flags: ['name', 'region'],
    async run(args, ctx) {
      const [id] = args.positionals;
      if (!id || !args.flags['name']) return usageError(this);
      const added = await createStation(ctx.db, ALL, {
        id,
        name: args.flags['name'],
        regionCode: args.flags['region'] ?? '15',
      });
      if (!added.ok) return serviceFail(added.error);
      return ok(`station ${id} added (region ${added.value.regionCode})`);
    },
  },
  {
    name: 'edit-station',
    synopsis: ['<id> [--name <name>] [--region <code>]'],
    summary: 'rename a station or move it to another region (its kiosks move with it)',
    flags: ['name', 'region'],
    async run(args, ctx) {
      const [id] = args.positionals;
      if (!id || (!args.flags['name'] && !args.flags['region'])) return usageError(this);
      const edited = await editStation(ctx.db, ALL, id, {
        name: args.flags['name'],
        regionCode: args.flags['region'],
      });
      if (!edited.ok) return serviceFail(edited.error);
      return ok(`station ${id}: ${edited.value.name} (region ${edited.value.regionCode})`);
    },
  },
  {
    name: 'stations',
    synopsis: [''],
    summary: 'list stations with their region and devices (active/all)',
    flags: [],
    async run(_args, ctx) {
      const stations = await listFleetStations(ctx.db, ALL);
      return ok(
        ...stations.map(
          (s) => `${s.id}\t${s.regionCode}\t${s.activeDevices}/${s.devices}\t${s.name}`,
        ),
      );
    },
  },
  {
    name: 'enroll-code',
    synopsis: [
      '--kind kiosk --station <id> [--ttl-hours <n>]',
      '| --kind tv --household <id> [--region <code>] [--ttl-hours <n>]',
    ],
    summary: 'one-time enrollment code (alone on the last line)',
    flags: ['kind', 'station', 'household', 'region', 'ttl-hours'],
    async run(args, ctx) {
      const { kind, station, household, region } = args.flags;
      const ttl =
        args.flags['ttl-hours'] === undefined ? undefined : Number(args.flags['ttl-hours']);
      if (ttl !== undefined && !Number.isFinite(ttl))
        return usageError(this, '--ttl-hours must be a number');
      const form =
        kind === 'kiosk' && station
          ? { kind: 'kiosk' as const, stationId: station }
          : kind === 'tv' && household
            ? {
                kind: 'tv' as const,
                householdId: household,
                ...(region ? { regionCode: region } : {}),
              }
            : undefined;
      if (!form) return usageError(this);
      const issued = await issueFleetCode(
        ctx.db,
        ALL,
        { ...form, ...(ttl !== undefined ? { ttlHours: ttl } : {}) },
        undefined,
        ctx.now(),
      );
      if (!issued.ok) return serviceFail(issued.error);
      return ok(
        `one-time ${kind} enrollment code for ${station ?? household}, valid until ${issued.value.expiresAt}:`,
        issued.value.code,
      );
    },
  },
  {
    name: 'devices',
    synopsis: ['[--silent-days <n>]'],
    summary: 'list devices: scope, tag, last seen, sync lag, outbox, free storage, versions, state',
    flags: ['silent-days'],
    async run(args, ctx) {
      const silentFlag = integerFlag(args.flags, 'silent-days');
      if (!silentFlag.ok) return usageError(this, silentFlag.error);
      const silent = silentFlag.value;
      const devices = await listFleetDevices(
        ctx.db,
        ALL,
        ctx.now(),
        silent !== undefined ? { silentDays: silent } : {},
      );
      const or = (v: string | number | null, unit = '') => (v === null ? '-' : `${v}${unit}`);
      return ok(
        'id\tkind\tstation/household\tregion\ttag\tlast seen\tlag\toutbox\tfree\tapp\tcontent\tstate\tname',
        ...devices.map((d) =>
          [
            d.id,
            d.kind,
            d.stationId ?? d.householdId,
            d.regionCode,
            d.deviceTag,
            d.lastSeenAt ?? 'never',
            or(d.syncLagSeconds, ' s'),
            or(d.outboxDepth),
            d.freeBytes === null ? '-' : `${Math.round(d.freeBytes / 1e6)} MB`,
            or(d.appVersion),
            or(d.contentVersion),
            d.revokedAt ? `revoked ${d.revokedAt} (${d.revokeReason ?? 'no reason'})` : 'active',
            d.name,
          ].join('\t'),
        ),
      );
    },
  },
  {
    name: 'revoke',
    synopsis: [`<deviceId> [--reason <${REVOKE_REASONS.join('|')}>]`],
    summary: 'revoke a device token (at once, in every server process); the device says why',
    flags: ['reason'],
    async run(args, ctx) {
      const [deviceId] = args.positionals;
      if (!deviceId) return usageError(this);
      const reason = args.flags['reason'] ?? 'retired';
      if (!(REVOKE_REASONS as readonly string[]).includes(reason))
        return usageError(this, `--reason must be one of ${REVOKE_REASONS.join(', ')}`);
      const revoked = await revokeFleetDevice(ctx.db, ALL, deviceId, reason as RevokeReason);
      if (!revoked.ok) return serviceFail(revoked.error);
      return ok(`device ${deviceId} revoked (${reason}): its token no longer works`);
    },
  },
  {
    name: 'add-user',
    synopsis: ['<name> --role <admin|reviewer|station_staff> [--station <id>] [--region <code>]'],
    summary: 'console account; its password on the last line',
    flags: ['role', 'station', 'region'],
    async run(args, ctx) {
      const [name] = args.positionals;
      if (!name || !args.flags['role']) return usageError(this);
      const added = await addUser(ctx.db, {
        name,
        role: args.flags['role'],
        ...(args.flags['station'] ? { stationId: args.flags['station'] } : {}),
        ...(args.flags['region'] ? { regionCode: args.flags['region'] } : {}),
      });
      if (!added.ok) return serviceFail(added.error);
      return ok(
        `user ${added.value.name} (${added.value.role}) created; its password, shown only now:`,
        added.value.password,
      );
    },
  },
  {
    name: 'set-staff-pin',
    synopsis: ['(--station <id> | --device <id>) --pin <4-8 digits>'],
    summary: 'staff PIN of a station or device (PBKDF2-SHA256)',
    flags: ['station', 'device', 'pin'],
    async run(args, ctx, note) {
      const { station, device, pin } = args.flags;
      if (!pin || !station === !device) return usageError(this);
      const set = await setStaffPin(
        ctx.db,
        station ? { stationId: station } : { deviceId: device! },
        pin,
        ctx.now(),
      );
      if (!set.ok) return serviceFail(set.error);
      note('device_config', set.value.lastSeq);
      return ok(`staff PIN set on ${set.value.devices.join(', ')}`);
    },
  },
  {
    name: 'set-config',
    synopsis: [
      '(--station <id> | --device <id>) [--retention-days <n>] [--idle-timeout <s>]',
      '[--idle-warning <s>] [--language zh-Hans|mn-Mong] [--voice on|off]',
      '[--receipt 80mm|58mm|none] [--a4 on|off]',
    ],
    summary: 'change kiosk configuration (schema-checked, replicated to the kiosks)',
    flags: [
      'station',
      'device',
      'retention-days',
      'idle-timeout',
      'idle-warning',
      'language',
      'voice',
      'receipt',
      'a4',
    ],
    async run(args, ctx, note) {
      const { station, device } = args.flags;
      if (!station === !device) return usageError(this, 'give --station <id> or --device <id>');
      const patch = configPatch(args.flags);
      if (!patch.ok) return usageError(this, patch.error);
      const { fields, printers } = patch.value;
      if (Object.keys(fields).length === 0 && printers === undefined)
        return usageError(this, 'nothing to change');
      const target = station ? { stationId: station } : { deviceId: device! };
      // Printer settings are one object in the schema: merged with each device's current one.
      const result = await updateDeviceConfig(
        ctx.db,
        target,
        fields,
        'set-config',
        ctx.now(),
        printers,
      );
      if (!result.ok) return serviceFail(result.error);
      note('device_config', result.value.lastSeq);
      return ok(`configuration changed on ${result.value.devices.join(', ')}`);
    },
  },
  {
    name: 'cases',
    synopsis: ['[--tracking <code>] [--device <id>]'],
    summary: 'received cases and their status',
    flags: ['tracking', 'device'],
    async run(args, ctx) {
      const cases = await listCases(ctx.db, {
        ...(args.flags['tracking'] ? { trackingCode: args.flags['tracking'] } : {}),
        ...(args.flags['device'] ? { deviceId: args.flags['device'] } : {}),
      });
      return ok(
        ...cases.map((c) =>
          [c.trackingCode, c.caseKind, c.status, c.centerReference, c.deviceId, c.receivedAt].join(
            '\t',
          ),
        ),
      );
    },
  },
  {
    name: 'feedback',
    synopsis: ['[--device <id>]'],
    summary: 'satisfaction ratings received (service, rating, tags; never a person)',
    flags: ['device'],
    async run(args, ctx) {
      const ratings = await listFeedback(
        ctx.db,
        args.flags['device'] ? { deviceId: args.flags['device'] } : {},
      );
      return ok(
        ...ratings.map((r) =>
          [
            r.deviceId,
            r.service,
            r.rating,
            r.tags.join(','),
            r.language,
            r.trackingCode ?? '-',
          ].join('\t'),
        ),
      );
    },
  },
  {
    name: 'case-status',
    synopsis: [
      '<trackingCode> <status> [--reason <text>] [--language zh-Hans|mn-Mong] [--staff <name>]',
    ],
    summary: "status change, checked by the domain's status machine",
    flags: ['reason', 'language', 'staff'],
    async run(args, ctx, note) {
      const [trackingCode, status] = args.positionals;
      if (!trackingCode || !status) return usageError(this);
      const lang = language(args.flags['language']);
      if (!lang.ok) return usageError(this, lang.error);
      const changed = await changeCaseStatus(
        ctx.db,
        {
          trackingCode,
          status,
          ...(args.flags['reason'] ? { reason: args.flags['reason'] } : {}),
          ...(lang.value ? { language: lang.value } : {}),
          ...(args.flags['staff'] ? { staffName: args.flags['staff'] } : {}),
        },
        ctx.now(),
      );
      if (!changed.ok) return serviceFail(changed.error);
      note('case_updates', changed.value.lastSeq);
      return ok(`${trackingCode} is now ${status}`);
    },
  },
  {
    name: 'answer',
    synopsis: ['<trackingCode> --text <text> [--language zh-Hans|mn-Mong] [--staff <name>]'],
    summary: 'answer a question',
    flags: ['text', 'language', 'staff'],
    async run(args, ctx, note) {
      const [trackingCode] = args.positionals;
      const text = args.flags['text'];
      if (!trackingCode || !text) return usageError(this);
      const lang = language(args.flags['language']);
      if (!lang.ok) return usageError(this, lang.error);
      const answered = await answerQuestion(
        ctx.db,
        {
          trackingCode,
          text,
          ...(lang.value ? { language: lang.value } : {}),
          ...(args.flags['staff'] ? { staffName: args.flags['staff'] } : {}),
        },
        ctx.now(),
      );
      if (!answered.ok) return serviceFail(answered.error);
      note('case_updates', answered.value.lastSeq);
      return ok(`${trackingCode} answered`);
    },
  },
  {
    name: 'publish',
    synopsis: ['<content|directory> <file.json>'],
    summary: 'publish an array of documents (all valid, or none)',
    flags: [],
    async run(args, ctx, note) {
      const [collection, file] = args.positionals;
      if ((collection !== 'content' && collection !== 'directory') || !file)
        return usageError(this);
      let docs: unknown;
      try {
        docs = JSON.parse(readFileSync(file, 'utf8'));
      } catch (error) {
        return fail(`cannot read ${file}: ${(error as Error).message}`);
      }
      if (!Array.isArray(docs)) return fail(`${file} must hold a JSON array of documents`);
      const published = await publishDocuments(ctx.db, collection, docs);
      if (!published.ok) return serviceFail(published.error);
      note(collection, published.value.lastSeq);
      return ok(`${published.value.count} ${collection} documents published`);
    },
  },
];

const SUMMARY_COLUMN = 56;

/** The usage text, generated from the table: one block per command. */
export function adminUsage(commands: readonly AdminCommand[] = ADMIN_COMMANDS): string[] {
  const lines = ['usage: npm run admin -- <command> [options]'];
  for (const command of commands) {
    const [first = '', ...more] = command.synopsis;
    const head = `  ${command.name}${first ? ` ${first}` : ''}`;
    const indent = ' '.repeat(command.name.length + 3);
    const body = [head, ...more.map((line) => `${indent}${line}`)];
    const last = body[body.length - 1]!;
    if (last.length < SUMMARY_COLUMN)
      body[body.length - 1] = last.padEnd(SUMMARY_COLUMN) + command.summary;
    else body.push(' '.repeat(SUMMARY_COLUMN) + command.summary);
    lines.push(...body);
  }
  return lines;
}

export const ADMIN_USAGE: readonly string[] = adminUsage();

export async function runAdminCommand(
  argv: readonly string[],
  ctx: AdminContext,
): Promise<AdminOutput> {
  const [name, ...rest] = argv;
  if (name === undefined || name === 'help' || name === '--help')
    return { exitCode: name === undefined ? 2 : 0, output: [...ADMIN_USAGE] };
  const command = ADMIN_COMMANDS.find((c) => c.name === name);
  if (!command) return { exitCode: 2, output: [`unknown command "${name}"`, ...ADMIN_USAGE] };
  const args = parse(rest, command.flags);
  if (!args.ok) return usageError(command, args.error);
  const note: Note = (collection, seq) => {
    if (seq !== null) ctx.noteCommitted?.(collection, seq);
  };
  return command.run(args.value, ctx, note);
}
