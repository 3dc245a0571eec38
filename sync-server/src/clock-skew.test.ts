/**
 * Devices whose clocks are two days behind or ahead of the center (a station PC with a flat
 * CMOS battery, a TV box that never synced its time). What the device stamps stays its own; what
 * the center decides runs on the center's clock: the receipt's time (from which the device's
 * retention timer starts), the case's received time, the center reference's year, the
 * stream's `serverTime`, and the lifetime of enrollment codes and stream tickets. Tracking codes
 * from skewed devices stay distinct and can be looked up.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTrackingCodeGenerator } from '@pls/shared/domain';
import type { EnrollResponse } from '@pls/shared/protocol';
import { sampleApplication } from '@pls/shared/testing';
import { listCases } from './services/cases';
import { issueEnrollmentCode } from './services/devices';
import {
  databaseKinds,
  startTestServer,
  TEST_STATIONS,
  type TestServer,
} from './testing/test-server';

const kinds = await databaseKinds();
const DAY = 24 * 60 * 60 * 1000;
/** The center's clock: near a year's end, so a device two days ahead lives in the next year. */
const CENTER_NOW = new Date('2026-12-30T09:00:00.000Z');

describe.each(kinds)('device clocks two days off, on %s', (kind) => {
  let server: TestServer;
  let ahead: EnrollResponse;
  let behind: EnrollResponse;

  beforeAll(async () => {
    server = await startTestServer(kind, { now: () => CENTER_NOW });
    ahead = await server.enroll('kiosk', TEST_STATIONS.xilinhot.id, 'kiosk ahead');
    behind = await server.enroll('kiosk', TEST_STATIONS.xilinhot.id, 'kiosk behind');
  });
  afterAll(async () => {
    await server?.close();
  });

  const applicationAt = (device: EnrollResponse, deviceNow: Date) => {
    const at = deviceNow.toISOString();
    const trackingCode = createTrackingCodeGenerator(device.deviceTag).next(deviceNow).code;
    return {
      ...sampleApplication({
        deviceId: device.deviceId,
        stationId: device.stationId!,
        trackingCode,
        createdAt: at,
        updatedAt: at,
        submittedAt: at,
      }),
      _deleted: false,
    };
  };
  const push = (device: EnrollResponse, doc: unknown) =>
    server.app.inject({
      method: 'POST',
      url: '/api/sync/applications/push',
      headers: { authorization: `Bearer ${device.token}`, 'content-type': 'application/json' },
      payload: JSON.stringify({ rows: [{ newDocumentState: doc }] }),
    });
  const receiptOf = async (device: EnrollResponse, caseId: string) => {
    const r = await server.app.inject({
      method: 'GET',
      url: '/api/sync/case_updates/pull?seq=0&limit=100',
      headers: { authorization: `Bearer ${device.token}` },
    });
    const { documents } = r.json() as { documents: Array<Record<string, unknown>> };
    return documents.find((d) => d['caseId'] === caseId && d['kind'] === 'received');
  };

  it.each([
    ['ahead', +2],
    ['behind', -2],
  ] as const)(
    'a device two days %s: receipt, received time and reference run on the center clock',
    async (_name, days) => {
      const device = days > 0 ? ahead : behind;
      const deviceNow = new Date(CENTER_NOW.getTime() + days * DAY);
      const doc = applicationAt(device, deviceNow);
      expect((await push(device, doc)).statusCode).toBe(200);

      const receipt = await receiptOf(device, doc.id);
      expect(receipt).toMatchObject({
        serverTime: CENTER_NOW.toISOString(),
        createdAt: CENTER_NOW.toISOString(),
        centerReference: expect.stringMatching(/^FY2026-\d{6}$/),
      });
      const [record] = await listCases(server.db, { trackingCode: doc.trackingCode });
      expect(record).toMatchObject({
        receivedAt: CENTER_NOW.toISOString(),
        trackingCode: doc.trackingCode,
        deviceId: device.deviceId,
      });
      // The device's own stamps are kept as it wrote them, never "corrected".
      const stored = await server.db.query<{ body: Record<string, unknown> }>(
        `select body from documents where collection = 'applications' and id = $1`,
        [doc.id],
      );
      expect(stored.rows[0]!.body['submittedAt']).toBe(deviceNow.toISOString());
    },
  );

  it('tracking codes of skewed devices stay distinct, also for one device whose clock was set back', async () => {
    const device = await server.enroll('kiosk', TEST_STATIONS.xilinhot.id, 'kiosk set back');
    const generator = createTrackingCodeGenerator(device.deviceTag);
    const early = generator.next(new Date(CENTER_NOW.getTime() + 2 * DAY)).code;
    // The clock is corrected two days back: the generator never goes back with it.
    const later = generator.next(CENTER_NOW).code;
    const codes = [
      early,
      later,
      applicationAt(behind, new Date(CENTER_NOW.getTime() - 2 * DAY)).trackingCode,
    ];
    expect(new Set(codes).size).toBe(3);
    for (const [i, code] of [early, later].entries()) {
      const doc = { ...applicationAt(device, CENTER_NOW), trackingCode: code };
      expect((await push(device, doc)).statusCode, `code ${i}`).toBe(200);
      expect(await listCases(server.db, { trackingCode: code })).toHaveLength(1);
    }
  });

  it("the stream's hello carries the center's time", async () => {
    const controller = new AbortController();
    const response = await fetch(`${server.url}/api/sync/stream`, {
      headers: { authorization: `Bearer ${behind.token}` },
      signal: controller.signal,
    });
    const reader = response.body!.getReader();
    let text = '';
    while (!text.includes('event: resync'))
      text += new TextDecoder().decode((await reader.read()).value);
    controller.abort();
    expect(text).toContain(`"serverTime":"${CENTER_NOW.toISOString()}"`);
  });

  it("enrollment codes expire by the center's clock, whatever the device sends", async () => {
    const issued = await issueEnrollmentCode(
      server.db,
      { kind: 'kiosk', stationId: TEST_STATIONS.hohhot.id },
      { ttlHours: 1, now: new Date(CENTER_NOW.getTime() - 2 * 60 * 60 * 1000) },
    );
    if (!issued.ok) throw new Error(issued.error.message);
    const r = await server.app.inject({
      method: 'POST',
      url: '/api/devices/enroll',
      headers: {
        'content-type': 'application/json',
        date: new Date(CENTER_NOW.getTime() - 2 * DAY).toUTCString(),
      },
      payload: JSON.stringify({ code: issued.value.code, kind: 'kiosk', name: 'late kiosk' }),
    });
    expect(r.statusCode).toBe(410);
  });
});
