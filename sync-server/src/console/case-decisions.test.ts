/**
 * The legal-aid decisions through the console API (app.inject, PGlite and PostgreSQL): codes
 * for missing materials and refusal reasons reach the device's case updates; materials are
 * asked for once (第四十三条第二款); approve-and-assign picks a lawyer from the directory and
 * counts it as an open case; the decision letter carries the applicant's name; the clocks of
 * 第四十三条 and 第四十九条; two staff deciding at once → the second gets a conflict.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EnrollResponse } from '@pls/shared/protocol';
import { sampleApplication } from '@pls/shared/testing';
import { REPOSITORY_ROOT } from '../config';
import { publishDocuments } from '../services/publish';
import { addUser } from '../services/users';
import {
  Browser as ConsoleBrowser,
  PASSWORD as CONSOLE_TEST_PASSWORD,
} from '../testing/console-browser';
import {
  databaseKinds,
  startTestServer,
  TEST_STATIONS,
  type TestServer,
} from '../testing/test-server';
import type { CaseDetail } from './api-types';
import type { Lawyer } from '../services/lawyers';

const kinds = await databaseKinds();
const DIRECTORY = JSON.parse(
  readFileSync(join(REPOSITORY_ROOT, 'assets', 'content', 'directory.json'), 'utf8'),
) as unknown[];

describe.each(kinds)('legal-aid decisions on %s', (kind) => {
  let server: TestServer;
  let kiosk: EnrollResponse;
  let staff: ConsoleBrowser;
  let colleague: ConsoleBrowser;

  async function file(): Promise<string> {
    const doc = sampleApplication({ deviceId: kiosk.deviceId, stationId: kiosk.stationId! });
    const r = await server.app.inject({
      method: 'POST',
      url: '/api/sync/applications/push',
      headers: { authorization: `Bearer ${kiosk.token}`, 'content-type': 'application/json' },
      payload: JSON.stringify({ rows: [{ newDocumentState: { ...doc, _deleted: false } }] }),
    });
    expect(r.statusCode).toBe(200);
    return doc.trackingCode;
  }

  async function updatesOf(code: string): Promise<Array<Record<string, unknown>>> {
    const r = await server.app.inject({
      method: 'GET',
      url: '/api/sync/case_updates/pull?seq=0&limit=500',
      headers: { authorization: `Bearer ${kiosk.token}` },
    });
    const docs = (JSON.parse(r.body) as { documents: Array<Record<string, unknown>> }).documents;
    return docs.filter((d) => d['trackingCode'] === code);
  }

  const status = (b: ConsoleBrowser, code: string, body: Record<string, unknown>) =>
    b.request('POST', `/console/api/cases/${code}/status`, body);

  beforeAll(async () => {
    server = await startTestServer(kind);
    expect((await publishDocuments(server.db, 'directory', DIRECTORY)).ok).toBe(true);
    for (const name of ['li-staff', 'wang-staff'])
      expect(
        (
          await addUser(server.db, {
            name,
            role: 'station_staff',
            password: CONSOLE_TEST_PASSWORD,
            stationId: TEST_STATIONS.xilinhot.id,
          })
        ).ok,
      ).toBe(true);
    kiosk = await server.enroll('kiosk', TEST_STATIONS.xilinhot.id);
    staff = new ConsoleBrowser(server);
    colleague = new ConsoleBrowser(server);
    expect((await staff.login('li-staff')).status).toBe(200);
    expect((await colleague.login('wang-staff')).status).toBe(200);
  });
  afterAll(() => server?.close());

  it('asks for materials once, by code, then approves and assigns a sample lawyer', async () => {
    const code = await file();
    expect(
      (await status(staff, code, { status: 'under_review', expectedStatus: 'received' })).status,
    ).toBe(200);
    // Materials need a code or a text.
    expect(
      (await status(staff, code, { status: 'needs_materials', expectedStatus: 'under_review' }))
        .status,
    ).toBe(409);
    const asked = await status(staff, code, {
      status: 'needs_materials',
      expectedStatus: 'under_review',
      missingMaterials: ['labor_relation_proof', 'id_document'],
    });
    expect(asked.status).toBe(200);
    expect(
      (await status(staff, code, { status: 'under_review', expectedStatus: 'needs_materials' }))
        .status,
    ).toBe(200);
    // 一次性告知: a second request for materials is refused and changes nothing.
    const again = await status(staff, code, {
      status: 'needs_materials',
      expectedStatus: 'under_review',
      missingMaterials: ['case_evidence'],
    });
    expect(again.status).toBe(409);
    expect(String((again.json['error'] as { message: string }).message)).toContain('第四十三条');
    // An unknown code is refused by the form schema.
    expect(
      (
        await status(staff, code, {
          status: 'rejected',
          expectedStatus: 'under_review',
          refusalReasons: ['nope'],
        })
      ).status,
    ).toBe(400);

    const lawyers = (await staff.request('GET', `/console/api/cases/${code}/lawyers`)).json[
      'lawyers'
    ] as Lawyer[];
    expect(lawyers.length).toBeGreaterThan(3);
    expect(lawyers.every((l) => l.sample)).toBe(true);
    // The case's own station first.
    expect(lawyers[0]!.stationId).toBe(TEST_STATIONS.xilinhot.id);
    const before = lawyers[0]!.openCases;
    const assigned = await staff.request('POST', `/console/api/cases/${code}/assign`, {
      lawyerId: lawyers[0]!.id,
      expectedStatus: 'under_review',
    });
    expect(assigned.status, assigned.text).toBe(200);
    const after = (await staff.request('GET', `/console/api/cases/${code}/lawyers`)).json[
      'lawyers'
    ] as Lawyer[];
    expect(after.find((l) => l.id === lawyers[0]!.id)!.openCases).toBe(before + 1);

    const updates = await updatesOf(code);
    expect(updates.every((u) => u['schemaVersion'] === 1)).toBe(true);
    expect(updates.map((u) => u['status'])).toEqual([
      'received',
      'under_review',
      'needs_materials',
      'under_review',
      'approved',
      'assigned',
    ]);
    expect(updates.find((u) => u['status'] === 'needs_materials')!['missingMaterials']).toEqual([
      'labor_relation_proof',
      'id_document',
    ]);
    const provider = updates.at(-1)!['provider'] as Record<string, unknown>;
    expect(provider['directoryId']).toBe(lawyers[0]!.id);
    expect(provider['sample']).toBe(true);

    const letter = await staff.request('GET', `/console/api/cases/${code}/letter`);
    expect(letter.status, letter.text).toBe(200);
    const content = letter.json['letter'] as Record<string, unknown>;
    expect(content['decision']).toBe('granted');
    expect(content['applicantName']).toBe('巴特尔');
    expect((content['lawyer'] as { displayName: { zh: string } }).displayName.zh).toContain('示例');
  });

  it('refuses with reason codes, takes an objection and runs its 5-day clock', async () => {
    const code = await file();
    const refused = await status(staff, code, {
      status: 'rejected',
      expectedStatus: 'received',
      refusalReasons: ['not_hardship'],
    });
    expect(refused.status).toBe(200);
    const letter = (await staff.request('GET', `/console/api/cases/${code}/letter`)).json[
      'letter'
    ] as Record<string, unknown>;
    expect(letter['decision']).toBe('refused');
    expect(letter['refusalReasons']).toEqual(['not_hardship']);
    expect(
      (await status(staff, code, { status: 'objection', expectedStatus: 'rejected' })).status,
    ).toBe(200);
    const detail = (await staff.request('GET', `/console/api/cases/${code}`))
      .json as unknown as CaseDetail;
    expect(detail.item.clock).toBe('objection');
    const due = Date.parse(detail.item.dueAt!) - Date.parse(detail.timeline.at(-1)!.at);
    expect(Math.round(due / 86_400_000)).toBe(5);
    const timeline = detail.timeline.find((t) => t.status === 'rejected')!;
    expect(timeline.codes).toEqual(['not_hardship']);
  });

  it('gives the second of two staff deciding the same case at once a conflict', async () => {
    const code = await file();
    expect(
      (await status(staff, code, { status: 'under_review', expectedStatus: 'received' })).status,
    ).toBe(200);
    // The holder hands it to a colleague, who opens it in a second window while the first
    // window still shows under_review: both decide from the same status.
    const colleagues = (await staff.request('GET', `/console/api/cases/${code}/colleagues`)).json[
      'colleagues'
    ] as { id: string; name: string }[];
    const wang = colleagues.find((c) => c.name === 'wang-staff')!;
    expect(
      (
        await staff.request('POST', `/console/api/cases/${code}/handover`, {
          toUserId: wang.id,
          note: '请接手',
        })
      ).status,
    ).toBe(200);
    const [first, second] = await Promise.all([
      status(colleague, code, {
        status: 'rejected',
        expectedStatus: 'under_review',
        refusalReasons: ['outside_scope'],
      }),
      colleague.request('POST', `/console/api/cases/${code}/assign`, {
        lawyerId: 'lawyer-sample-01',
        expectedStatus: 'under_review',
      }),
    ]);
    const codes = [first.status, second.status].sort();
    expect(codes).toEqual([200, 409]);
    const loser = first.status === 409 ? first : second;
    expect((loser.json['error'] as { code: string; message: string }).code).toBe('conflict');
    expect((loser.json['error'] as { message: string }).message).toContain('changed meanwhile');
    // Exactly one decision reached the device.
    const decisions = (await updatesOf(code)).filter((u) =>
      ['rejected', 'approved'].includes(String(u['status'])),
    );
    expect(decisions).toHaveLength(1);
  });
});
