/**
 * Two kiosks of one station book the same slot while offline; when they sync, the first push
 * to arrive holds the slot and the second is declined with the next free slot offered.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  openSlots,
  validateDocument,
  type CaseUpdate,
  type StationSchedule,
} from '@pls/shared/domain';
import type { EnrollResponse } from '@pls/shared/protocol';
import { sampleAppointment, sampleDirectoryEntry } from '@pls/shared/testing';
import { publishDocuments } from './publish';
import { startTestServer, TEST_STATIONS, type TestServer } from '../testing/test-server';

const EVERY_DAY = [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({
  weekday,
  times: ['09:00', '09:30'],
}));
const SCHEDULE: StationSchedule = {
  slotMinutes: 30,
  daysAhead: 7,
  weekdays: EVERY_DAY,
  holidays: [],
};

describe('booking a slot: first received wins', () => {
  let server: TestServer;
  let kioskA: EnrollResponse;
  let kioskB: EnrollResponse;

  beforeAll(async () => {
    server = await startTestServer('pglite');
    const published = await publishDocuments(server.db, 'directory', [
      sampleDirectoryEntry({ id: TEST_STATIONS.xilinhot.id, schedule: SCHEDULE }),
    ]);
    expect(published.ok).toBe(true);
    kioskA = await server.enroll('kiosk', TEST_STATIONS.xilinhot.id, 'kiosk A');
    kioskB = await server.enroll('kiosk', TEST_STATIONS.xilinhot.id, 'kiosk B');
  });
  afterAll(async () => {
    await server?.close();
  });

  const push = (device: EnrollResponse, doc: unknown) =>
    server.app.inject({
      method: 'POST',
      url: '/api/sync/appointments/push',
      headers: { authorization: `Bearer ${device.token}`, 'content-type': 'application/json' },
      payload: JSON.stringify({ rows: [{ newDocumentState: doc }] }),
    });
  const updatesOf = async (device: EnrollResponse, caseId: string): Promise<CaseUpdate[]> => {
    const r = await server.app.inject({
      method: 'GET',
      url: '/api/sync/case_updates/pull?seq=0&limit=2000',
      headers: { authorization: `Bearer ${device.token}` },
    });
    const docs = (r.json() as { documents: Array<CaseUpdate & { _deleted?: boolean }> }).documents;
    return docs
      .filter((d) => d.caseId === caseId)
      .map(({ _deleted, ...d }) => {
        expect(validateDocument('case_updates', d).ok).toBe(true);
        return d;
      });
  };
  const booking = (device: EnrollResponse, slot: { date: string; time: string }) => ({
    ...sampleAppointment({
      deviceId: device.deviceId,
      stationId: device.stationId!,
      preferredDate: slot.date,
      slotTime: slot.time,
      schemaVersion: 1,
    }),
    _deleted: false,
  });

  it('confirms the first, declines the second with the next free slot, and stays decided', async () => {
    const [first, second] = openSlots(SCHEDULE, server.ctx.now()).slice(1);
    const a = booking(kioskA, first!);
    const b = booking(kioskB, first!);
    expect((await push(kioskA, a)).statusCode).toBe(200);
    expect((await push(kioskB, b)).statusCode).toBe(200);

    const forA = await updatesOf(kioskA, a.id);
    expect(forA.map((u) => [u.kind, u.status])).toEqual([
      ['received', 'received'],
      ['appointment_scheduled', 'confirmed'],
    ]);
    expect(forA[1]!.appointment).toEqual({ date: first!.date, startTime: first!.time });

    const forB = await updatesOf(kioskB, b.id);
    expect(forB.map((u) => [u.kind, u.status])).toEqual([
      ['received', 'received'],
      ['status', 'declined'],
    ]);
    expect(forB[1]!.reason?.text).toContain('已被');
    expect(forB[1]!.appointment).toEqual({ date: second!.date, startTime: second!.time });
    // Kiosk A sees nothing of B's case.
    expect(await updatesOf(kioskA, b.id)).toEqual([]);

    // A replayed push decides nothing again.
    expect((await push(kioskB, b)).statusCode).toBe(200);
    expect(await updatesOf(kioskB, b.id)).toHaveLength(2);

    // B takes the offered slot: confirmed.
    const b2 = booking(kioskB, second!);
    expect((await push(kioskB, b2)).statusCode).toBe(200);
    expect((await updatesOf(kioskB, b2.id)).map((u) => u.status)).toEqual([
      'received',
      'confirmed',
    ]);
  });

  it('declines a slot the schedule does not offer, and leaves a booking without a slot to staff', async () => {
    const closed = booking(kioskA, { date: '2020-01-06', time: '09:00' });
    expect((await push(kioskA, closed)).statusCode).toBe(200);
    expect((await updatesOf(kioskA, closed.id)).map((u) => u.status)).toEqual([
      'received',
      'declined',
    ]);
    const { slotTime: _none, ...halfDay } = booking(kioskA, { date: '2020-01-06', time: '09:00' });
    expect((await push(kioskA, halfDay)).statusCode).toBe(200);
    expect((await updatesOf(kioskA, halfDay.id)).map((u) => u.status)).toEqual(['received']);
  });
});
