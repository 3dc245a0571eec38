/**
 * Security of the console API through HTTP (app.inject on a real server, PGlite and
 * PostgreSQL): scope by station, CSRF, session rotation at login, login throttling, a
 * disabled user stopped at once, and an audit entry for every change.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EnrollResponse } from '@pls/shared/protocol';
import { sampleApplication, sampleQuestion } from '@pls/shared/testing';
import { addUser } from '../services/users';
import {
  databaseKinds,
  startTestServer,
  TEST_STATIONS,
  type TestServer,
} from '../testing/test-server';
import { Browser, PASSWORD } from '../testing/console-browser';
import type { InboxPage } from './api-types';
import { LOGIN_LIMIT } from './auth-routes';
import { SESSION_COOKIE } from './console-plugin';

const kinds = await databaseKinds();

describe.each(kinds)('console security on %s', (kind) => {
  let server: TestServer;
  let kioskA: EnrollResponse;
  let kioskB: EnrollResponse;
  let codeA: string;
  let codeB: string;
  let questionB: string;
  const photoId = 'photo-1';

  beforeAll(async () => {
    server = await startTestServer(kind);
    const db = server.db;
    for (const [name, role, stationId] of [
      ['root', 'admin', undefined],
      ['staff-a', 'station_staff', TEST_STATIONS.xilinhot.id],
      ['staff-b', 'station_staff', TEST_STATIONS.hohhot.id],
      ['victim', 'station_staff', TEST_STATIONS.xilinhot.id],
      ['reviewer-xlgl', 'reviewer', undefined],
      ['staff-b2', 'station_staff', TEST_STATIONS.hohhot.id],
    ] as const) {
      const added = await addUser(db, {
        name,
        role,
        password: PASSWORD,
        ...(stationId ? { stationId } : {}),
        // 锡林郭勒盟 (1525): Xilinhot's station 152502 is in it, Hohhot's 150102 is not.
        ...(role === 'reviewer' ? { regionCode: '1525' } : {}),
      });
      expect(added.ok).toBe(true);
    }
    kioskA = await server.enroll('kiosk', TEST_STATIONS.xilinhot.id, 'kiosk A');
    kioskB = await server.enroll('kiosk', TEST_STATIONS.hohhot.id, 'kiosk B');
    const bytes = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3, 4]);
    const { createHash } = await import('node:crypto');
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    const push = async (device: EnrollResponse, withPhoto: boolean) => {
      const doc = sampleApplication({
        deviceId: device.deviceId,
        stationId: device.stationId!,
        ...(withPhoto
          ? {
              attachments: [
                {
                  id: photoId,
                  kind: 'material_photo',
                  mimeType: 'image/jpeg',
                  bytes: bytes.length,
                  sha256,
                  capturedAt: '2026-12-01T08:00:00.000Z',
                },
              ],
            }
          : {}),
      });
      const r = await server.app.inject({
        method: 'POST',
        url: '/api/sync/applications/push',
        headers: { authorization: `Bearer ${device.token}`, 'content-type': 'application/json' },
        payload: JSON.stringify({ rows: [{ newDocumentState: { ...doc, _deleted: false } }] }),
      });
      expect(r.statusCode).toBe(200);
      if (withPhoto) {
        const put = await server.app.inject({
          method: 'PUT',
          url: `/api/sync/applications/${doc.id}/attachments/${photoId}`,
          headers: { authorization: `Bearer ${device.token}`, 'content-type': 'image/jpeg' },
          payload: bytes,
        });
        expect(put.statusCode).toBeLessThan(300);
      }
      return doc.trackingCode;
    };
    codeA = await push(kioskA, false);
    codeB = await push(kioskB, true);
    const question = sampleQuestion({
      deviceId: kioskB.deviceId,
      source: 'kiosk',
      stationId: kioskB.stationId!,
    });
    delete (question as { householdId?: string }).householdId;
    const pushed = await server.app.inject({
      method: 'POST',
      url: '/api/sync/questions/push',
      headers: { authorization: `Bearer ${kioskB.token}`, 'content-type': 'application/json' },
      payload: JSON.stringify({ rows: [{ newDocumentState: { ...question, _deleted: false } }] }),
    });
    expect(pushed.statusCode).toBe(200);
    questionB = question.trackingCode;
  });
  afterAll(async () => {
    await server?.close();
  });

  it('keeps station A staff out of station B cases: list, detail, photo, CSV, decision', async () => {
    const a = new Browser(server);
    expect((await a.login('staff-a')).status).toBe(200);
    const list = (await a.request('GET', '/console/api/cases')).json as unknown as InboxPage;
    expect(list.items.map((i) => i.trackingCode)).toEqual([codeA]);
    expect(list.total).toBe(1);
    expect((await a.request('GET', `/console/api/cases/${codeA}`)).status).toBe(200);
    expect((await a.request('GET', `/console/api/cases/${codeB}`)).status).toBe(404);
    // Even naming station B in the filter does not widen the scope.
    const filtered = (
      await a.request('GET', `/console/api/cases?station=${TEST_STATIONS.hohhot.id}`)
    ).json as unknown as InboxPage;
    expect(filtered.items).toEqual([]);
    expect(
      (await a.request('GET', `/console/api/cases/${codeB}/attachments/${photoId}`)).status,
    ).toBe(404);
    const csv = await a.request('GET', '/console/api/cases.csv');
    expect(csv.status).toBe(200);
    expect(csv.text).toContain(codeA);
    expect(csv.text).not.toContain(codeB);
    const decide = await a.request('POST', `/console/api/cases/${codeB}/status`, {
      status: 'under_review',
      expectedStatus: 'received',
    });
    expect(decide.status).toBe(404);

    // Station B staff do see their photo, byte for byte.
    const b = new Browser(server);
    await b.login('staff-b');
    const photo = await b.request('GET', `/console/api/cases/${codeB}/attachments/${photoId}`);
    expect(photo.status).toBe(200);
    const detail = (await b.request('GET', `/console/api/cases/${codeB}`)).json;
    expect((detail['document'] as { applicant: { name: string } }).applicant.name).toBeTruthy();

    // The admin sees both.
    const root = new Browser(server);
    await root.login('root');
    const all = (await root.request('GET', '/console/api/cases')).json as unknown as InboxPage;
    expect(all.items.map((i) => i.trackingCode).sort()).toEqual([codeA, codeB, questionB].sort());
  });

  it('refuses a change without the CSRF token, and changes nothing', async () => {
    const a = new Browser(server);
    await a.login('staff-a');
    const r = await a.request(
      'POST',
      `/console/api/cases/${codeA}/status`,
      { status: 'under_review', expectedStatus: 'received' },
      false,
    );
    expect(r.status).toBe(403);
    expect((r.json['error'] as { code: string }).code).toBe('csrf_invalid');
    const detail = (await a.request('GET', `/console/api/cases/${codeA}`)).json;
    expect((detail['item'] as { status: string }).status).toBe('received');
    // A login without the token fails too (login CSRF).
    const fresh = new Browser(server);
    const login = await fresh.request('POST', '/console/api/login', {
      name: 'staff-a',
      password: PASSWORD,
    });
    expect(login.status).toBe(403);
  });

  it('gives a new session id at login (a planted cookie is useless)', async () => {
    const a = new Browser(server);
    await a.session();
    const before = a.cookie;
    expect(before).toBeDefined();
    expect((await a.login('staff-a')).status).toBe(200);
    expect(a.cookie).not.toBe(before);
    const cookie = (await a.request('GET', '/console/api/session')).cookies;
    void cookie;
    // The pre-login cookie is not signed in.
    const attacker = new Browser(server);
    attacker.cookie = before;
    expect((await attacker.session()).user).toBeNull();
    const info = await a.session();
    expect(info.user?.name).toBe('staff-a');
  });

  it('sets the cookie HttpOnly, SameSite=Strict, on /console only', async () => {
    const a = new Browser(server);
    const r = await a.request('GET', '/console/api/session');
    const cookie = r.cookies.find((c) => c.name === SESSION_COOKIE)!;
    expect(cookie.httpOnly).toBe(true);
    expect(String(cookie.sameSite).toLowerCase()).toBe('strict');
    expect(cookie.path).toBe('/console');
  });

  it(`throttles after ${LOGIN_LIMIT.perAccount} bad logins of one account`, async () => {
    const statuses: number[] = [];
    for (let i = 0; i < LOGIN_LIMIT.perAccount; i++) {
      // A new browser (and address) every time: the per-account limit must still hold.
      const b = new Browser(server, `10.0.0.${i + 1}`);
      statuses.push((await b.login('victim', `wrong password ${i}`)).status);
    }
    expect(statuses).toEqual(Array(LOGIN_LIMIT.perAccount).fill(401));
    const late = new Browser(server, '10.0.1.1');
    const r = await late.login('victim', PASSWORD);
    expect(r.status).toBe(429);
    expect((r.json['error'] as { code: string }).code).toBe('rate_limited');
  });

  it('stops a disabled user at their very next request', async () => {
    const root = new Browser(server);
    await root.login('root');
    const added = await root.request('POST', '/console/api/users', {
      name: 'temp-staff',
      role: 'station_staff',
      password: PASSWORD,
      stationId: TEST_STATIONS.xilinhot.id,
    });
    expect(added.status).toBe(201);
    const temp = new Browser(server);
    expect((await temp.login('temp-staff')).status).toBe(200);
    expect((await temp.request('GET', '/console/api/cases')).status).toBe(200);
    const off = await root.request('POST', `/console/api/users/${added.json['id']}/disabled`, {
      disabled: true,
    });
    expect(off.status).toBe(200);
    expect((await temp.request('GET', '/console/api/cases')).status).toBe(401);
    expect((await temp.login('temp-staff')).status).toBe(401);
  });

  it('refuses a bad form with the field and changes nothing', async () => {
    const root = new Browser(server);
    await root.login('root');
    const before = (await root.request('GET', '/console/api/users')).json['users'] as unknown[];
    const r = await root.request('POST', '/console/api/users', {
      name: 'x',
      role: 'station_staff',
      password: 'short',
    });
    expect(r.status).toBe(400);
    const error = r.json['error'] as { code: string; issues: { path: string }[] };
    expect(error.code).toBe('invalid_form');
    expect(error.issues.map((i) => i.path).sort()).toEqual(['/name', '/password', '/stationId']);
    const after = (await root.request('GET', '/console/api/users')).json['users'] as unknown[];
    expect(after.length).toBe(before.length);
    // Staff may not manage accounts at all.
    const a = new Browser(server);
    await a.login('staff-a');
    expect((await a.request('GET', '/console/api/users')).status).toBe(403);
    expect((await a.request('GET', '/console/api/audit')).status).toBe(403);
  });

  it('writes every change to the audit log with before, after and address', async () => {
    const a = new Browser(server, '192.0.2.7');
    await a.login('staff-a');
    const r = await a.request('POST', `/console/api/cases/${codeA}/status`, {
      status: 'under_review',
      expectedStatus: 'received',
    });
    expect(r.status).toBe(200);
    // A second decision based on the old status is a conflict, never a silent overwrite.
    const again = await a.request('POST', `/console/api/cases/${codeA}/status`, {
      status: 'rejected',
      expectedStatus: 'received',
      reason: '不符合条件',
    });
    expect(again.status).toBe(409);
    const pw = await a.request('POST', '/console/api/password', {
      current: PASSWORD,
      next: 'another long password',
    });
    expect(pw.status).toBe(204);

    const root = new Browser(server);
    await root.login('root');
    const entries = (await root.request('GET', '/console/api/audit?actor=staff-a')).json[
      'entries'
    ] as Array<{
      action: string;
      subject: string;
      before: unknown;
      after: unknown;
      address: string;
    }>;
    const status = entries.find((e) => e.action === 'case-status');
    expect(status).toMatchObject({
      subject: codeA,
      before: { status: 'received' },
      after: { status: 'under_review' },
      address: '192.0.2.7',
    });
    expect(entries.filter((e) => e.action === 'case-status')).toHaveLength(1);
    expect(entries.some((e) => e.action === 'password-change')).toBe(true);
    const all = (await root.request('GET', '/console/api/audit')).json['entries'] as Array<{
      action: string;
      subject: string;
    }>;
    expect(all.some((e) => e.action === 'user-disable' && e.subject === 'temp-staff')).toBe(true);
    expect(all.some((e) => e.action === 'user-add' && e.subject === 'temp-staff')).toBe(true);
  });

  it('scopes a reviewer to the stations of their region', async () => {
    const r = new Browser(server);
    await r.login('reviewer-xlgl');
    const list = (await r.request('GET', '/console/api/cases')).json as unknown as InboxPage;
    expect(list.items.map((i) => i.trackingCode)).toEqual([codeA]);
    expect((await r.request('GET', `/console/api/cases/${codeB}`)).status).toBe(404);
    expect((await r.request('GET', `/console/api/cases/${questionB}`)).status).toBe(404);
  });

  it('answers a question only in scope, once per seen status, and the kiosk gets it', async () => {
    const mongolian = 'ᠲᠠᠨ ᠤ ᠠᠰᠠᠭᠤᠯᠲᠠ ᠳᠤ ᠬᠠᠷᠢᠭᠤ᠃';
    // (staff-a changed their password above; the region's reviewer is just as far outside.)
    const a = new Browser(server);
    expect((await a.login('reviewer-xlgl')).status).toBe(200);
    const outside = await a.request('POST', `/console/api/cases/${questionB}/answer`, {
      text: mongolian,
      language: 'mn-Mong',
      expectedStatus: 'received',
    });
    expect(outside.status).toBe(404);
    const b = new Browser(server, '198.51.100.4');
    await b.login('staff-b');
    const bad = await b.request('POST', `/console/api/cases/${questionB}/answer`, {
      text: '',
      language: 'mn',
      expectedStatus: 'received',
    });
    expect(bad.status).toBe(400);
    expect(
      (bad.json['error'] as { issues: { path: string }[] }).issues.map((i) => i.path).sort(),
    ).toEqual(['/language', '/text']);
    const answered = await b.request('POST', `/console/api/cases/${questionB}/answer`, {
      text: mongolian,
      language: 'mn-Mong',
      expectedStatus: 'received',
    });
    expect(answered.status).toBe(200);
    const stale = await b.request('POST', `/console/api/cases/${questionB}/answer`, {
      text: '第二个人的答复',
      language: 'zh-Hans',
      expectedStatus: 'received',
    });
    expect(stale.status).toBe(409);
    const pull = await server.app.inject({
      method: 'GET',
      url: '/api/sync/case_updates/pull?seq=0&limit=500',
      headers: { authorization: `Bearer ${kioskB.token}` },
    });
    const answers = (JSON.parse(pull.body) as { documents: Record<string, unknown>[] }).documents
      .filter((d) => d['trackingCode'] === questionB && d['kind'] === 'answer')
      .map((d) => d['answer']);
    expect(answers).toEqual([{ text: mongolian, language: 'mn-Mong' }]);
    const detail = (await b.request('GET', `/console/api/cases/${questionB}`)).json as {
      timeline: { text: string | null }[];
    };
    expect(detail.timeline.map((t) => t.text)).toContain(mongolian);
    const root = new Browser(server);
    await root.login('root');
    const audit = (
      await root.request('GET', `/console/api/audit?action=answer&subject=${questionB}`)
    ).json['entries'] as { actor: string; address: string }[];
    expect(audit).toEqual([expect.objectContaining({ actor: 'staff-b', address: '198.51.100.4' })]);
  });

  it('keeps a case with its first opener until they hand it on with a note (首接负责制)', async () => {
    const first = new Browser(server);
    await first.login('staff-b');
    const second = new Browser(server);
    await second.login('staff-b2');
    // staff-b opened codeB's photo and detail above; opening makes them the holder.
    const hold = await first.request('POST', `/console/api/cases/${codeB}/hold`, {});
    expect((hold.json['holder'] as { name: string }).name).toBe('staff-b');
    const refused = await second.request('POST', `/console/api/cases/${codeB}/status`, {
      status: 'under_review',
      expectedStatus: 'received',
    });
    expect(refused.status).toBe(409);
    expect((refused.json['error'] as { code: string }).code).toBe('held');
    const colleagues = (await first.request('GET', `/console/api/cases/${codeB}/colleagues`)).json[
      'colleagues'
    ] as { id: string; name: string }[];
    // Station A staff may not see the case, so they are not offered.
    expect(colleagues.map((c) => c.name).sort()).toEqual(['root', 'staff-b2']);
    const target = colleagues.find((c) => c.name === 'staff-b2')!;
    const noNote = await first.request('POST', `/console/api/cases/${codeB}/handover`, {
      toUserId: target.id,
      note: '   ',
    });
    expect(noNote.status).toBe(400);
    const handed = await first.request('POST', `/console/api/cases/${codeB}/handover`, {
      toUserId: target.id,
      note: '我下周休假，请接手',
    });
    expect(handed.status).toBe(200);
    const decided = await second.request('POST', `/console/api/cases/${codeB}/status`, {
      status: 'under_review',
      expectedStatus: 'received',
    });
    expect(decided.status).toBe(200);
    const detail = (await second.request('GET', `/console/api/cases/${codeB}`)).json as {
      holder: { name: string };
      timeline: { kind: string; text: string | null }[];
    };
    expect(detail.holder.name).toBe('staff-b2');
    expect(detail.timeline.filter((t) => t.kind === 'handover').map((t) => t.text)).toEqual([
      '我下周休假，请接手',
    ]);
    const mine = (await second.request('GET', '/console/api/cases?mine=true'))
      .json as unknown as InboxPage;
    expect(mine.items.map((i) => i.trackingCode)).toEqual([codeB]);
  });
});
