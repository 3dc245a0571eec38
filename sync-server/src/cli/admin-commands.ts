/**
 * Admin commands, parsed and run the same way whether the CLI opened the database itself or
 * sent its arguments to the running server (routes/admin-rpc.ts). Output is lines of text;
 * where a script needs one value (an enrollment code, a password) it is alone on the last line.
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { LANGUAGES, type CollectionName, type Language } from '@pls/shared/domain';
import type { Database } from '../db/database';
import type { ServiceError } from '../errors';
import { answerQuestion, changeCaseStatus, listCases } from '../services/cases';
import { issueEnrollmentCode, listDevices, revokeDevice } from '../services/devices';
import { listFeedback } from '../services/feedback';
import { publishDocuments } from '../services/publish';
import { updateDeviceConfig, type DeviceConfigPatch } from '../services/device-config';
import { setStaffPin } from '../services/staff-pin';
import { addStation, listStations } from '../services/stations';
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

export const ADMIN_USAGE = [
  'usage: npm run admin -- <command> [options]',
  '  add-station <id> --name <name> [--region <code>]     add a station (region default 15)',
  '  stations                                              list stations',
  '  enroll-code --kind kiosk --station <id> [--ttl-hours <n>]',
  '  enroll-code --kind tv --household <id> [--region <code>] [--ttl-hours <n>]',
  '                                                        one-time enrollment code (last line)',
  '  devices                                               list devices with last sync time',
  '  revoke <deviceId>                                     revoke a device token',
  '  add-user <name> --role <admin|reviewer|station_staff> [--station <id>] [--region <code>]',
  '                                                        console account; password on the last line',
  '  set-staff-pin (--station <id> | --device <id>) --pin <4-8 digits>',
  '  set-config (--station <id> | --device <id>) [--retention-days <n>] [--idle-timeout <s>]',
  '             [--idle-warning <s>] [--language zh-Hans|mn-Mong] [--voice on|off]',
  '             [--receipt 80mm|58mm|none] [--a4 on|off]   change kiosk configuration',
  '  cases [--tracking <code>] [--device <id>]             list received cases',
  '  feedback [--device <id>]                              list satisfaction ratings received',
  '  case-status <trackingCode> <status> [--reason <text>] [--language zh-Hans|mn-Mong] [--staff <name>]',
  '  answer <trackingCode> --text <text> [--language zh-Hans|mn-Mong] [--staff <name>]',
  '  publish <content|directory> <file.json>               publish an array of documents',
];

type Flags = Record<string, string | undefined>;

function integerFlag(flags: Flags, name: string): number | undefined | string {
  const value = flags[name];
  if (value === undefined) return undefined;
  return /^\d+$/.test(value) ? Number(value) : `--${name} must be a whole number, got "${value}"`;
}

function onOff(flags: Flags, name: string): boolean | undefined | string {
  const value = flags[name];
  if (value === undefined) return undefined;
  if (value === 'on' || value === 'off') return value === 'on';
  return `--${name} must be on or off, got "${value}"`;
}

const RECEIPT_WIDTHS = ['80mm', '58mm', 'none'] as const;

/** Flags of set-config → a schema-checked patch (the schema has the final word on ranges). */
function configPatch(flags: Flags):
  | {
      fields: DeviceConfigPatch;
      printers: { receiptWidth?: '80mm' | '58mm' | 'none'; a4Enabled?: boolean } | undefined;
    }
  | string {
  const fields: { -readonly [K in keyof DeviceConfigPatch]: DeviceConfigPatch[K] } = {};
  const retention = integerFlag(flags, 'retention-days');
  const idle = integerFlag(flags, 'idle-timeout');
  const warning = integerFlag(flags, 'idle-warning');
  const voice = onOff(flags, 'voice');
  const a4 = onOff(flags, 'a4');
  for (const value of [retention, idle, warning, voice, a4])
    if (typeof value === 'string') return value;
  if (typeof retention === 'number') fields.retentionDays = retention;
  if (typeof idle === 'number') fields.idleTimeoutSeconds = idle;
  if (typeof warning === 'number') fields.idleWarningSeconds = warning;
  if (typeof voice === 'boolean') fields.voiceEnabled = voice;
  const lang = language(flags['language']);
  if (lang === null) return `--language must be one of ${LANGUAGES.join(', ')}`;
  if (lang) fields.defaultLanguage = lang;
  const receiptFlag = flags['receipt'];
  const receipt = RECEIPT_WIDTHS.find((width) => width === receiptFlag);
  if (receiptFlag !== undefined && receipt === undefined) {
    return `--receipt must be ${RECEIPT_WIDTHS.join(', ')}, got "${receiptFlag}"`;
  }
  const printers =
    receipt === undefined && a4 === undefined
      ? undefined
      : {
          ...(receipt ? { receiptWidth: receipt } : {}),
          ...(typeof a4 === 'boolean' ? { a4Enabled: a4 } : {}),
        };
  return { fields, printers };
}

function parse(
  argv: readonly string[],
  options: readonly string[],
): { positionals: string[]; flags: Flags } | string {
  try {
    const { values, positionals } = parseArgs({
      args: [...argv],
      options: Object.fromEntries(options.map((o) => [o, { type: 'string' as const }])),
      allowPositionals: true,
      strict: true,
    });
    return { positionals, flags: values as Flags };
  } catch (error) {
    return (error as Error).message;
  }
}

function fail(message: string, exitCode = 1): AdminOutput {
  return { exitCode, output: [`error: ${message}`] };
}

function serviceFail(error: ServiceError): AdminOutput {
  return fail(`${error.message} (${error.code})`);
}

function language(value: string | undefined): Language | undefined | null {
  if (value === undefined) return undefined;
  return (LANGUAGES as readonly string[]).includes(value) ? (value as Language) : null;
}

export async function runAdminCommand(
  argv: readonly string[],
  ctx: AdminContext,
): Promise<AdminOutput> {
  const [command, ...rest] = argv;
  const note = (collection: CollectionName, seq: number | null) => {
    if (seq !== null) ctx.noteCommitted?.(collection, seq);
  };
  switch (command) {
    case undefined:
    case 'help':
    case '--help':
      return { exitCode: command === undefined ? 2 : 0, output: ADMIN_USAGE };

    case 'add-station': {
      const args = parse(rest, ['name', 'region']);
      if (typeof args === 'string') return fail(args, 2);
      const [id] = args.positionals;
      if (!id || !args.flags['name'])
        return fail('add-station <id> --name <name> [--region <code>]', 2);
      const added = await addStation(ctx.db, {
        id,
        name: args.flags['name'],
        regionCode: args.flags['region'] ?? '15',
      });
      if (!added.ok) return serviceFail(added.error);
      return { exitCode: 0, output: [`station ${id} added (region ${added.value.regionCode})`] };
    }

    case 'stations': {
      const stations = await listStations(ctx.db);
      return { exitCode: 0, output: stations.map((s) => `${s.id}\t${s.regionCode}\t${s.name}`) };
    }

    case 'enroll-code': {
      const args = parse(rest, ['kind', 'station', 'household', 'region', 'ttl-hours']);
      if (typeof args === 'string') return fail(args, 2);
      const { kind, station, household, region } = args.flags;
      const ttlHours =
        args.flags['ttl-hours'] === undefined ? undefined : Number(args.flags['ttl-hours']);
      if (ttlHours !== undefined && !Number.isFinite(ttlHours))
        return fail('--ttl-hours must be a number', 2);
      let issued;
      if (kind === 'kiosk' && station) {
        issued = await issueEnrollmentCode(
          ctx.db,
          { kind, stationId: station },
          { ttlHours, now: ctx.now() },
        );
      } else if (kind === 'tv' && household) {
        issued = await issueEnrollmentCode(
          ctx.db,
          { kind, householdId: household, ...(region ? { regionCode: region } : {}) },
          { ttlHours, now: ctx.now() },
        );
      } else {
        return fail('enroll-code --kind kiosk --station <id> | --kind tv --household <id>', 2);
      }
      if (!issued.ok) return serviceFail(issued.error);
      return {
        exitCode: 0,
        output: [
          `one-time ${kind} enrollment code for ${station ?? household}, valid until ${issued.value.expiresAt}:`,
          issued.value.code,
        ],
      };
    }

    case 'devices': {
      const devices = await listDevices(ctx.db);
      return {
        exitCode: 0,
        output: [
          'id\tkind\tstation/household\tregion\ttag\tlast sync\tstate\tname',
          ...devices.map((d) =>
            [
              d.id,
              d.kind,
              d.stationId ?? d.householdId,
              d.regionCode,
              d.deviceTag,
              d.lastSyncAt ?? 'never',
              d.revokedAt ? `revoked ${d.revokedAt}` : 'active',
              d.name,
            ].join('\t'),
          ),
        ],
      };
    }

    case 'revoke': {
      const [deviceId] = rest;
      if (!deviceId) return fail('revoke <deviceId>', 2);
      const revoked = await revokeDevice(ctx.db, deviceId);
      if (!revoked.ok) return serviceFail(revoked.error);
      return { exitCode: 0, output: [`device ${deviceId} revoked: its token no longer works`] };
    }

    case 'add-user': {
      const args = parse(rest, ['role', 'station', 'region']);
      if (typeof args === 'string') return fail(args, 2);
      const [name] = args.positionals;
      if (!name || !args.flags['role'])
        return fail('add-user <name> --role <role> [--station <id>]', 2);
      const added = await addUser(ctx.db, {
        name,
        role: args.flags['role'],
        ...(args.flags['station'] ? { stationId: args.flags['station'] } : {}),
        ...(args.flags['region'] ? { regionCode: args.flags['region'] } : {}),
      });
      if (!added.ok) return serviceFail(added.error);
      return {
        exitCode: 0,
        output: [
          `user ${added.value.name} (${added.value.role}) created; its password, shown only now:`,
          added.value.password,
        ],
      };
    }

    case 'set-staff-pin': {
      const args = parse(rest, ['station', 'device', 'pin']);
      if (typeof args === 'string') return fail(args, 2);
      const { station, device, pin } = args.flags;
      if (!pin || !station === !device)
        return fail('set-staff-pin (--station <id> | --device <id>) --pin <digits>', 2);
      const set = await setStaffPin(
        ctx.db,
        station ? { stationId: station } : { deviceId: device! },
        pin,
        ctx.now(),
      );
      if (!set.ok) return serviceFail(set.error);
      note('device_config', set.value.lastSeq);
      return { exitCode: 0, output: [`staff PIN set on ${set.value.devices.join(', ')}`] };
    }

    case 'set-config': {
      const args = parse(rest, [
        'station',
        'device',
        'retention-days',
        'idle-timeout',
        'idle-warning',
        'language',
        'voice',
        'receipt',
        'a4',
      ]);
      if (typeof args === 'string') return fail(args, 2);
      const { station, device } = args.flags;
      if (!station === !device) return fail('set-config needs --station <id> or --device <id>', 2);
      const patch = configPatch(args.flags);
      if (typeof patch === 'string') return fail(patch, 2);
      if (Object.keys(patch.fields).length === 0 && patch.printers === undefined) {
        return fail('set-config: nothing to change', 2);
      }
      const target = station ? { stationId: station } : { deviceId: device! };
      // Printer settings are one object in the schema: merge with each device's current one.
      const result = await updateDeviceConfig(
        ctx.db,
        target,
        patch.fields,
        'set-config',
        ctx.now(),
        patch.printers,
      );
      if (!result.ok) return serviceFail(result.error);
      note('device_config', result.value.lastSeq);
      return {
        exitCode: 0,
        output: [`configuration changed on ${result.value.devices.join(', ')}`],
      };
    }

    case 'cases': {
      const args = parse(rest, ['tracking', 'device']);
      if (typeof args === 'string') return fail(args, 2);
      const cases = await listCases(ctx.db, {
        ...(args.flags['tracking'] ? { trackingCode: args.flags['tracking'] } : {}),
        ...(args.flags['device'] ? { deviceId: args.flags['device'] } : {}),
      });
      return {
        exitCode: 0,
        output: cases.map((c) =>
          [c.trackingCode, c.caseKind, c.status, c.centerReference, c.deviceId, c.receivedAt].join(
            '\t',
          ),
        ),
      };
    }

    case 'feedback': {
      const args = parse(rest, ['device']);
      if (typeof args === 'string') return fail(args, 2);
      const ratings = await listFeedback(
        ctx.db,
        args.flags['device'] ? { deviceId: args.flags['device'] } : {},
      );
      return {
        exitCode: 0,
        output: ratings.map((r) =>
          [
            r.deviceId,
            r.service,
            r.rating,
            r.tags.join(','),
            r.language,
            r.trackingCode ?? '-',
          ].join('\t'),
        ),
      };
    }

    case 'case-status': {
      const args = parse(rest, ['reason', 'language', 'staff']);
      if (typeof args === 'string') return fail(args, 2);
      const [trackingCode, status] = args.positionals;
      if (!trackingCode || !status)
        return fail('case-status <trackingCode> <status> [--reason <text>]', 2);
      const lang = language(args.flags['language']);
      if (lang === null) return fail(`--language must be one of ${LANGUAGES.join(', ')}`, 2);
      const changed = await changeCaseStatus(
        ctx.db,
        {
          trackingCode,
          status,
          ...(args.flags['reason'] ? { reason: args.flags['reason'] } : {}),
          ...(lang ? { language: lang } : {}),
          ...(args.flags['staff'] ? { staffName: args.flags['staff'] } : {}),
        },
        ctx.now(),
      );
      if (!changed.ok) return serviceFail(changed.error);
      note('case_updates', changed.value.lastSeq);
      return { exitCode: 0, output: [`${trackingCode} is now ${status}`] };
    }

    case 'answer': {
      const args = parse(rest, ['text', 'language', 'staff']);
      if (typeof args === 'string') return fail(args, 2);
      const [trackingCode] = args.positionals;
      const text = args.flags['text'];
      if (!trackingCode || !text) return fail('answer <trackingCode> --text <text>', 2);
      const lang = language(args.flags['language']);
      if (lang === null) return fail(`--language must be one of ${LANGUAGES.join(', ')}`, 2);
      const answered = await answerQuestion(
        ctx.db,
        {
          trackingCode,
          text,
          ...(lang ? { language: lang } : {}),
          ...(args.flags['staff'] ? { staffName: args.flags['staff'] } : {}),
        },
        ctx.now(),
      );
      if (!answered.ok) return serviceFail(answered.error);
      note('case_updates', answered.value.lastSeq);
      return { exitCode: 0, output: [`${trackingCode} answered`] };
    }

    case 'publish': {
      const [collection, file] = rest;
      if ((collection !== 'content' && collection !== 'directory') || !file) {
        return fail('publish <content|directory> <file.json>', 2);
      }
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
      return {
        exitCode: 0,
        output: [`${published.value.count} ${collection} documents published`],
      };
    }

    default:
      return { exitCode: 2, output: [`unknown command "${command}"`, ...ADMIN_USAGE] };
  }
}
