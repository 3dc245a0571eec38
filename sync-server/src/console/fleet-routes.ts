/**
 * Stations, enrollment codes, devices and the dashboard, always through the user's scope
 * (case-scope.ts), with the same service functions as the admin CLI (services/fleet.ts,
 * services/dashboard.ts). A station or device outside the scope answers 404 like one that does
 * not exist; a change the role may not make answers 403. Every table has a CSV twin.
 */
import type { FastifyInstance, FastifyReply } from 'fastify';
import { validateForm } from '@pls/shared/domain';
import type { AppContext } from '../app-context';
import { csvCell } from '../services/case-inbox';
import { dashboard, type Count } from '../services/dashboard';
import {
  createStation,
  editStation,
  issueFleetCode,
  listFleetCodes,
  listFleetDevices,
  listFleetStations,
  revokeFleetDevice,
  type FleetDevice,
} from '../services/fleet';
import { scopeOf } from './case-scope';
import { actorOf, requireUser } from './console-auth';
import { sendConsoleError, sendServiceError } from './console-reply';

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** A header row of field names and one row per record, as the inbox's CSV (BOM, CRLF). */
export function toCsv<T>(columns: readonly (keyof T & string)[], rows: readonly T[]): string {
  const lines = rows.map((row) =>
    columns.map((c) => csvCell(row[c] as string | number | boolean | null)).join(','),
  );
  return `\uFEFF${[columns.join(','), ...lines].join('\r\n')}\r\n`;
}

function sendCsv(reply: FastifyReply, name: string, csv: string): FastifyReply {
  return reply
    .type('text/csv; charset=utf-8')
    .header('content-disposition', `attachment; filename="${name}.csv"`)
    .send(csv);
}

function positiveInt(value: unknown, max: number): number | undefined | null {
  if (value === undefined || value === '') return undefined;
  if (typeof value !== 'string' || !/^\d{1,4}$/.test(value)) return null;
  const n = Number(value);
  return n >= 1 && n <= max ? n : null;
}

const DEVICE_COLUMNS: readonly (keyof FleetDevice & string)[] = [
  'id',
  'kind',
  'name',
  'stationId',
  'householdId',
  'regionCode',
  'deviceTag',
  'lastSeenAt',
  'silentDays',
  'syncLagSeconds',
  'outboxDepth',
  'freeBytes',
  'appVersion',
  'contentVersion',
  'revokedAt',
  'revokeReason',
];

export const DASHBOARD_TABLES = [
  'kind',
  'category',
  'station',
  'week',
  'rating',
  'silent',
] as const;

export function registerFleetRoutes(app: FastifyInstance, ctx: AppContext): void {
  const signedIn = { preHandler: requireUser() };
  const scope = (request: { consoleUser?: Parameters<typeof scopeOf>[0] }) =>
    scopeOf(request.consoleUser!);

  // ------------------------------------------------------------------------------ stations
  app.get('/fleet/stations', signedIn, async (request) => ({
    stations: await listFleetStations(ctx.db, scope(request)),
  }));
  app.get('/fleet/stations.csv', signedIn, async (request, reply) =>
    sendCsv(
      reply,
      'stations',
      toCsv(
        ['id', 'name', 'regionCode', 'devices', 'activeDevices'],
        await listFleetStations(ctx.db, scope(request)),
      ),
    ),
  );
  app.post('/fleet/stations', signedIn, async (request, reply) => {
    const form = validateForm('addStation', request.body);
    if (!form.ok) return sendConsoleError(reply, 'invalid_form', 'check the form', form.error);
    const added = await createStation(ctx.db, scope(request), form.value, actorOf(request));
    if (!added.ok) return sendServiceError(reply, added.error);
    return reply.code(201).send({ station: added.value });
  });
  app.post('/fleet/stations/:id', signedIn, async (request, reply) => {
    const { id } = request.params as { id: string };
    if (!SLUG.test(id)) return sendConsoleError(reply, 'not_found', 'no such station');
    const form = validateForm('editStation', request.body);
    if (!form.ok) return sendConsoleError(reply, 'invalid_form', 'check the form', form.error);
    const edited = await editStation(ctx.db, scope(request), id, form.value, actorOf(request));
    if (!edited.ok) return sendServiceError(reply, edited.error);
    return { station: edited.value };
  });

  // ---------------------------------------------------------------------- enrollment codes
  app.get('/fleet/codes', signedIn, async (request) => ({
    codes: await listFleetCodes(ctx.db, scope(request), ctx.now()),
  }));
  app.get('/fleet/codes.csv', signedIn, async (request, reply) =>
    sendCsv(
      reply,
      'enrollment-codes',
      toCsv(
        [
          'kind',
          'stationId',
          'householdId',
          'regionCode',
          'createdAt',
          'expiresAt',
          'state',
          'usedAt',
          'deviceId',
        ],
        await listFleetCodes(ctx.db, scope(request), ctx.now()),
      ),
    ),
  );
  app.post('/fleet/codes', signedIn, async (request, reply) => {
    const form = validateForm('enrollCode', request.body);
    if (!form.ok) return sendConsoleError(reply, 'invalid_form', 'check the form', form.error);
    const issued = await issueFleetCode(
      ctx.db,
      scope(request),
      form.value,
      actorOf(request),
      ctx.now(),
    );
    if (!issued.ok) return sendServiceError(reply, issued.error);
    // The code is shown once: never cached by the browser or a proxy.
    return reply.code(201).header('cache-control', 'no-store').send({ code: issued.value });
  });

  // ------------------------------------------------------------------------------- devices
  const devicesOf = async (request: Parameters<typeof scope>[0], query: unknown) => {
    const silent = positiveInt((query as Record<string, unknown>)['silentDays'], 365);
    if (silent === null) return null;
    return listFleetDevices(
      ctx.db,
      scope(request),
      ctx.now(),
      silent === undefined ? {} : { silentDays: silent },
    );
  };
  app.get('/fleet/devices', signedIn, async (request, reply) => {
    const devices = await devicesOf(request, request.query);
    if (!devices) return sendConsoleError(reply, 'bad_request', 'silentDays is 1-365');
    return { devices };
  });
  app.get('/fleet/devices.csv', signedIn, async (request, reply) => {
    const devices = await devicesOf(request, request.query);
    if (!devices) return sendConsoleError(reply, 'bad_request', 'silentDays is 1-365');
    return sendCsv(reply, 'devices', toCsv(DEVICE_COLUMNS, devices));
  });
  app.post('/fleet/devices/:id/revoke', signedIn, async (request, reply) => {
    const { id } = request.params as { id: string };
    if (!SLUG.test(id)) return sendConsoleError(reply, 'not_found', 'no such device');
    const form = validateForm('revokeDevice', request.body);
    if (!form.ok) return sendConsoleError(reply, 'invalid_form', 'check the form', form.error);
    const revoked = await revokeFleetDevice(
      ctx.db,
      scope(request),
      id,
      form.value.reason,
      actorOf(request),
    );
    if (!revoked.ok) return sendServiceError(reply, revoked.error);
    return { device: revoked.value };
  });

  // ----------------------------------------------------------------------------- dashboard
  const dashboardOf = async (request: Parameters<typeof scope>[0], query: unknown) => {
    const q = query as Record<string, unknown>;
    const weeks = positiveInt(q['weeks'], 104);
    const silentDays = positiveInt(q['silentDays'], 365);
    if (weeks === null || silentDays === null) return null;
    return dashboard(ctx.db, scope(request), {
      now: ctx.now(),
      ...(weeks !== undefined ? { weeks } : {}),
      ...(silentDays !== undefined ? { silentDays } : {}),
    });
  };
  app.get('/dashboard', signedIn, async (request, reply) => {
    const board = await dashboardOf(request, request.query);
    if (!board) return sendConsoleError(reply, 'bad_request', 'weeks is 1-104, silentDays 1-365');
    return { dashboard: board };
  });
  app.get('/dashboard/:table.csv', signedIn, async (request, reply) => {
    const { table } = request.params as { table: string };
    const board = await dashboardOf(request, request.query);
    if (!board) return sendConsoleError(reply, 'bad_request', 'weeks is 1-104, silentDays 1-365');
    const counts = (rows: readonly Count[]) => toCsv<Count>(['key', 'count'], rows);
    switch (table) {
      case 'kind':
        return sendCsv(reply, 'cases-by-kind', counts(board.byKind));
      case 'category':
        return sendCsv(reply, 'cases-by-category', counts(board.byCategory));
      case 'station':
        return sendCsv(reply, 'cases-by-station', counts(board.byStation));
      case 'week':
        return sendCsv(reply, 'cases-by-week', counts(board.byWeek));
      case 'rating':
        return sendCsv(reply, 'ratings', counts(board.satisfaction.byRating));
      case 'silent':
        return sendCsv(reply, 'silent-devices', toCsv(DEVICE_COLUMNS, board.silent.devices));
      default:
        return sendConsoleError(reply, 'not_found', `no table ${table.slice(0, 20)}`);
    }
  });
}
