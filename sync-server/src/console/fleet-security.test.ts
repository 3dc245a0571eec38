/**
 * The fleet and dashboard API through HTTP (app.inject on a real server, PGlite and
 * PostgreSQL): station A's staff cannot list, read or change station B's stations, devices or
 * codes; a reviewer stays in their region; CSRF on every change; every change audited with
 * before and after; a revoked device stops at once and is told why; the heartbeat reaches the
 * device list.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { HEARTBEAT_HEADER, type EnrollResponse } from '@pls/shared/protocol';
import { sampleApplication, sampleFeedback } from '@pls/shared/testing';
import { runAdminCommand } from '../cli/admin-commands';
import { listAudit } from '../services/audit';
import type { Dashboard } from '../services/dashboard';
import type { CodeSummary, FleetDevice, StationSummary } from '../services/fleet';
import { addUser } from '../services/users';
import { Browser, PASSWORD } from '../testing/console-browser';
import {
  databaseKinds,
  startTestServer,
  TEST_STATIONS,
  type TestServer,
} from '../testing/test-server';

const kinds = await databaseKinds();
const A = TEST_STATIONS.xilinhot;
const B = TEST_STATIONS.hohhot;

describe.each(kinds)('fleet and dashboard security on %s', (kind) => {
  let server: TestServer;
  let kioskA: EnrollResponse;
  let kioskB: EnrollResponse;

  const pull = (device: EnrollResponse, heartbeat?: string) =>
    server.app.inject({
      method: 'GET',
      url: '/api/sync/content/pull?limit=1',
      headers: {
        authorization: `Bearer ${device.token}`,
        ...(heartbeat ? { [HEARTBEAT_HEADER]: heartbeat } : {}),
      },
    });
  const push = async (device: EnrollResponse, collection: string, doc: object) => {
    const r = await server.app.inject({
      method: 'POST',
      url: `/api/sync/${collection}/push`,
      headers: { authorization: `Bearer ${device.token}`, 'content-type': 'application/json' },
      payload: JSON.stringify({ rows: [{ newDocumentState: { ...doc, _deleted: false } }] }),
    });
    expect(r.statusCode).toBe(200);
  };
  const signIn = async (name: string) => {
    const browser = new Browser(server);
    expect((await browser.login(name)).status).toBe(200);
    return browser;
  };

  beforeAll(async () => {
    server = await startTestServer(kind);
    for (const [name, role, stationId] of [
      ['root', 'admin', undefined],
      ['staff-a', 'station_staff', A.id],
      ['staff-b', 'station_staff', B.id],
      ['reviewer-xlgl', 'reviewer', undefined],
    ] as const) {
      const added = await addUser(server.db, {
        name,
        role,
        password: PASSWORD,
        ...(stationId ? { stationId } : {}),
        // 锡林郭勒盟 (1525): station A (152502) is in it, station B (150102) is not.
        ...(role === 'reviewer' ? { regionCode: '1525' } : {}),
      });
      expect(added.ok).toBe(true);
    }
    kioskA = await server.enroll('kiosk', A.id, 'kiosk A');
    kioskB = await server.enroll('kiosk', B.id, 'kiosk B');
    await push(
      kioskA,
      'applications',
      sampleApplication({ deviceId: kioskA.deviceId, stationId: A.id }),
    );
    await push(
      kioskB,
      'applications',
      sampleApplication({ deviceId: kioskB.deviceId, stationId: B.id }),
    );
    await push(
      kioskA,
      'feedback',
      sampleFeedback({ deviceId: kioskA.deviceId, stationId: A.id, rating: 4 }),
    );
    const lastSync = new Date(server.ctx.now().getTime() - 90_000).toISOString();
    expect(
      (await pull(kioskA, `outbox=2;free=5000000000;app=0.1.0;content=pack-7;synced=${lastSync}`))
        .statusCode,
    ).toBe(200);
    expect((await pull(kioskB, 'outbox=9')).statusCode).toBe(200);
    await server.ctx.auth.flush();
  });
  afterAll(async () => {
    await server?.close();
  });

  it('keeps station A staff to their own station, devices and codes', async () => {
    const root = await signIn('root');
    const codeB = await root.request('POST', '/console/api/fleet/codes', {
      kind: 'kiosk',
      stationId: B.id,
    });
    expect(codeB.status).toBe(201);

    const a = await signIn('staff-a');
    const stations = (await a.request('GET', '/console/api/fleet/stations')).json[
      'stations'
    ] as StationSummary[];
    expect(stations.map((s) => s.id)).toEqual([A.id]);
    const devices = (await a.request('GET', '/console/api/fleet/devices')).json[
      'devices'
    ] as FleetDevice[];
    expect(devices.map((d) => d.id)).toEqual([kioskA.deviceId]);
    // The heartbeat reached the list: outbox, storage, versions, lag.
    expect(devices[0]).toMatchObject({
      outboxDepth: 2,
      freeBytes: 5_000_000_000,
      appVersion: '0.1.0',
      contentVersion: 'pack-7',
      silentDays: 0,
    });
    expect(devices[0]!.syncLagSeconds).toBeGreaterThanOrEqual(89);
    const csv = await a.request('GET', '/console/api/fleet/devices.csv');
    expect(csv.status).toBe(200);
    expect(csv.text).toContain(kioskA.deviceId);
    expect(csv.text).not.toContain(kioskB.deviceId);
    const codes = (await a.request('GET', '/console/api/fleet/codes')).json[
      'codes'
    ] as CodeSummary[];
    expect(codes.some((c) => c.stationId === B.id)).toBe(false);
    expect((await a.request('GET', '/console/api/fleet/codes.csv')).text).not.toContain(B.id);
    expect((await a.request('GET', '/console/api/fleet/stations.csv')).text).not.toContain(B.id);

    // Changing station B's things answers as if they did not exist, and changes nothing.
    const revokeB = await a.request(
      'POST',
      `/console/api/fleet/devices/${kioskB.deviceId}/revoke`,
      {
        reason: 'stolen',
      },
    );
    expect(revokeB.status).toBe(404);
    expect((await pull(kioskB)).statusCode).toBe(200);
    expect(
      (await a.request('POST', '/console/api/fleet/codes', { kind: 'kiosk', stationId: B.id }))
        .status,
    ).toBe(404);
    expect(
      (await a.request('POST', `/console/api/fleet/stations/${B.id}`, { name: '改名' })).status,
    ).toBe(404);
    // Station staff read their station but neither add nor change stations.
    expect(
      (await a.request('POST', `/console/api/fleet/stations/${A.id}`, { name: '改名' })).status,
    ).toBe(403);
    expect(
      (
        await a.request('POST', '/console/api/fleet/stations', {
          id: 'station-new-one',
          name: '新站（测试）',
          regionCode: '152502',
        })
      ).status,
    ).toBe(403);
    // A TV code from station staff lands in their station's region, whatever they ask for.
    const tv = await a.request('POST', '/console/api/fleet/codes', {
      kind: 'tv',
      householdId: 'household-a-1',
      regionCode: '150102',
    });
    expect(tv.status).toBe(201);
    const households = await server.db.query<{ region_code: string }>(
      "select region_code from households where id = 'household-a-1'",
    );
    expect(households.rows[0]!.region_code).toBe(A.regionCode);

    // Station B's staff see theirs and not A's.
    const b = await signIn('staff-b');
    const bDevices = (await b.request('GET', '/console/api/fleet/devices')).json[
      'devices'
    ] as FleetDevice[];
    expect(bDevices.map((d) => d.id)).toEqual([kioskB.deviceId]);
  });

  it('keeps a reviewer in their region', async () => {
    const r = await signIn('reviewer-xlgl');
    const stations = (await r.request('GET', '/console/api/fleet/stations')).json[
      'stations'
    ] as StationSummary[];
    expect(stations.map((s) => s.id)).toEqual([A.id]);
    const inRegion = await r.request('POST', '/console/api/fleet/stations', {
      id: 'station-xlgl-new',
      name: '锡林浩特新站（测试）',
      regionCode: '152502',
    });
    expect(inRegion.status).toBe(201);
    const outside = await r.request('POST', '/console/api/fleet/stations', {
      id: 'station-hohhot-new',
      name: '呼和浩特新站（测试）',
      regionCode: '150102',
    });
    expect(outside.status).toBe(403);
    expect(
      (
        await r.request('POST', '/console/api/fleet/stations/station-xlgl-new', {
          regionCode: '1501',
        })
      ).status,
    ).toBe(403);
    expect(
      (
        await r.request('POST', `/console/api/fleet/devices/${kioskB.deviceId}/revoke`, {
          reason: 'lost',
        })
      ).status,
    ).toBe(404);
  });

  it('refuses a change without the CSRF token, and changes nothing', async () => {
    const a = await signIn('staff-a');
    const r = await a.request(
      'POST',
      `/console/api/fleet/devices/${kioskA.deviceId}/revoke`,
      { reason: 'lost' },
      false,
    );
    expect(r.status).toBe(403);
    expect((r.json['error'] as { code: string }).code).toBe('csrf_invalid');
    expect((await pull(kioskA)).statusCode).toBe(200);
    const root = await signIn('root');
    const edit = await root.request(
      'POST',
      `/console/api/fleet/stations/${B.id}`,
      { name: '不该改' },
      false,
    );
    expect(edit.status).toBe(403);
    const stations = (await root.request('GET', '/console/api/fleet/stations')).json[
      'stations'
    ] as StationSummary[];
    expect(stations.find((s) => s.id === B.id)!.name).toBe(B.name);
  });

  it('checks every form with the shared schema', async () => {
    const root = await signIn('root');
    const bad = await root.request('POST', '/console/api/fleet/stations', {
      id: 'X',
      name: '',
      regionCode: '1',
    });
    expect(bad.status).toBe(400);
    const issues = (bad.json['error'] as { issues: { path: string }[] }).issues.map((i) => i.path);
    expect(issues).toEqual(expect.arrayContaining(['/id', '/name', '/regionCode']));
    const reason = await root.request(
      'POST',
      `/console/api/fleet/devices/${kioskA.deviceId}/revoke`,
      {
        reason: 'because',
      },
    );
    expect(reason.status).toBe(400);
  });

  it('audits each change with before and after, and a revoked device stops at once', async () => {
    const root = await signIn('root');
    const edited = await root.request('POST', `/console/api/fleet/stations/${B.id}`, {
      name: '新城区站（测试）',
    });
    expect(edited.status).toBe(200);
    const a = await signIn('staff-a');
    const revoked = await a.request(
      'POST',
      `/console/api/fleet/devices/${kioskA.deviceId}/revoke`,
      {
        reason: 'lost',
      },
    );
    expect(revoked.status).toBe(200);
    expect((revoked.json['device'] as FleetDevice).revokeReason).toBe('lost');
    const refused = await pull(kioskA);
    expect(refused.statusCode).toBe(401);
    expect(JSON.parse(refused.body).error).toMatchObject({
      code: 'device_revoked',
      message: expect.stringContaining('(lost)'),
      // A code the device words in its staff's language (shared/src/sync status.revokeReason).
      revokeReason: 'lost',
    });

    const entries = await listAudit(server.db, {});
    const edit = entries.find((e) => e.action === 'station-edit' && e.subject === B.id)!;
    expect(edit).toMatchObject({
      actor: 'root',
      before: { name: B.name },
      after: { name: '新城区站（测试）' },
      address: '127.0.0.1',
    });
    const revoke = entries.find((e) => e.action === 'revoke' && e.subject === kioskA.deviceId)!;
    expect(revoke.actor).toBe('staff-a');
    expect(revoke.after).toMatchObject({ reason: 'lost' });
    for (const action of ['enroll-code', 'station-add'])
      expect(entries.some((e) => e.action === action)).toBe(true);
  });

  it('computes the dashboard in scope, with a CSV for every table', async () => {
    const a = await signIn('staff-a');
    const board = (await a.request('GET', '/console/api/dashboard')).json['dashboard'] as Dashboard;
    expect(board.byStation).toEqual([{ key: A.id, count: 1 }]);
    expect(board.byKind).toEqual([{ key: 'applications', count: 1 }]);
    expect(board.byWeek.reduce((n, w) => n + w.count, 0)).toBe(1);
    expect(board.satisfaction).toMatchObject({ ratings: 1, average: 4 });
    const root = await signIn('root');
    const all = (await root.request('GET', '/console/api/dashboard')).json[
      'dashboard'
    ] as Dashboard;
    expect(all.byStation.map((s) => s.key).sort()).toEqual([A.id, B.id].sort());
    for (const table of ['kind', 'category', 'station', 'week', 'rating', 'silent']) {
      const csv = await a.request('GET', `/console/api/dashboard/${table}.csv`);
      expect(csv.status).toBe(200);
      expect(csv.text).not.toContain(B.id);
    }
    expect((await a.request('GET', '/console/api/dashboard/nothing.csv')).status).toBe(404);
    expect((await a.request('GET', '/console/api/dashboard?weeks=0')).status).toBe(400);
    // Nobody signed in: nothing.
    const anonymous = new Browser(server);
    expect((await anonymous.request('GET', '/console/api/fleet/devices')).status).toBe(401);
    expect((await anonymous.request('GET', '/console/api/dashboard')).status).toBe(401);
  });

  it('gives the CLI the same functions: edit-station, devices and revoke audited like the console', async () => {
    const ctx = { db: server.db, contentDir: '', now: () => server.ctx.now() };
    const edited = await runAdminCommand(['edit-station', B.id, '--region', '150103'], ctx);
    expect(edited.exitCode, edited.output.join('\n')).toBe(0);
    const root = await signIn('root');
    const stations = (await root.request('GET', '/console/api/fleet/stations')).json[
      'stations'
    ] as StationSummary[];
    expect(stations.find((s) => s.id === B.id)!.regionCode).toBe('150103');
    const listed = await runAdminCommand(['devices'], ctx);
    expect(listed.output.join('\n')).toContain(kioskB.deviceId);
    const badReason = await runAdminCommand(['revoke', kioskB.deviceId, '--reason', 'bored'], ctx);
    expect(badReason.exitCode).toBe(2);
    const revoked = await runAdminCommand(['revoke', kioskB.deviceId, '--reason', 'replaced'], ctx);
    expect(revoked.exitCode).toBe(0);
    // The CLI is another process in production: its revocation reaches this server through
    // NOTIFY, which PostgreSQL delivers on the listening connection a moment later.
    await vi.waitFor(async () => expect((await pull(kioskB)).statusCode).toBe(401), {
      timeout: 5_000,
      interval: 25,
    });
    const entries = await listAudit(server.db, { subject: kioskB.deviceId });
    expect(entries[0]).toMatchObject({ action: 'revoke', actor: 'admin-cli' });
  });
});
