import { afterEach, describe, expect, it } from 'vitest';
import {
  asDeviceId,
  asStationId,
  deviceTagFor,
  slotKey,
  validateDocument,
  type StationSchedule,
} from '@pls/shared/domain';
import { sampleAppointment, sampleCaseUpdate } from '@pls/shared/testing';
import { openTestDatabase } from '../testing/test-database';
import { bookableSlots, bookingState, bookSlot, ownSlots } from './book-slot';

const ENROLLMENT = {
  deviceId: asDeviceId('kiosk-test-booking'),
  deviceTag: deviceTagFor(11),
  stationId: asStationId('station-xilinhot-baiyinxile'),
};
const SCHEDULE: StationSchedule = {
  slotMinutes: 30,
  daysAhead: 3,
  weekdays: [{ weekday: 1, times: ['09:00', '15:00'] }],
  holidays: [],
};
// Sunday 2026-12-06 10:00 in China: Monday's slots are bookable.
const NOW = new Date('2026-12-06T02:00:00Z');
const MONDAY_9 = { date: '2026-12-07', time: '09:00' };

let close: (() => Promise<unknown>) | undefined;
afterEach(async () => {
  await close?.();
  close = undefined;
});

describe('booking a slot offline', () => {
  it('stores a valid booking of the slot and refuses bad input or a slot no longer offered', async () => {
    const db = await openTestDatabase(['appointments']);
    close = () => db.close();
    const slots = bookableSlots(SCHEDULE, NOW, new Set());
    expect(slots).toEqual([MONDAY_9, { date: '2026-12-07', time: '15:00' }]);
    const input = {
      slot: MONDAY_9,
      name: ' 萨仁 ',
      phone: '13847900000',
      category: 'wage_arrears',
      language: 'mn-Mong',
    } as const;
    const booked = await bookSlot(db, ENROLLMENT, slots, input, NOW);
    if (!booked.ok) throw new Error(JSON.stringify(booked.error));
    expect(validateDocument('appointments', booked.value).ok).toBe(true);
    expect(booked.value).toMatchObject({
      preferredDate: '2026-12-07',
      slotTime: '09:00',
      preferredPeriod: 'morning',
      contact: { name: '萨仁', phone: '13847900000' },
      language: 'mn-Mong',
    });
    expect(await bookSlot(db, ENROLLMENT, slots, { ...input, name: '' }, NOW)).toMatchObject({
      ok: false,
      error: { kind: 'nameEmpty' },
    });
    expect(await bookSlot(db, ENROLLMENT, slots, { ...input, phone: '123' }, NOW)).toMatchObject({
      ok: false,
      error: { kind: 'phone' },
    });
    const gone = { ...input, slot: { date: '2026-12-08', time: '09:00' } };
    expect(await bookSlot(db, ENROLLMENT, slots, gone, NOW)).toMatchObject({
      ok: false,
      error: { kind: 'slotGone' },
    });
    expect(await db.appointments.count().exec()).toBe(1);
  });
});

describe('booking state', () => {
  const a = sampleAppointment({ preferredDate: MONDAY_9.date, slotTime: MONDAY_9.time });
  const receipt = sampleCaseUpdate({
    caseId: a.id,
    kind: 'received',
    caseKind: 'appointments',
    status: 'received',
    serverTime: '2026-12-06T03:00:00.000Z',
  });
  it('follows the center: waiting, received, confirmed with its slot', () => {
    expect(bookingState([])).toEqual({ kind: 'waiting' });
    expect(bookingState([receipt])).toEqual({ kind: 'received' });
    const confirmed = sampleCaseUpdate({
      caseId: a.id,
      kind: 'appointment_scheduled',
      caseKind: 'appointments',
      status: 'confirmed',
      appointment: { date: MONDAY_9.date, startTime: MONDAY_9.time },
      // Written with the receipt, in the same transaction: the same server time.
      serverTime: receipt.serverTime,
    });
    expect(bookingState([confirmed, receipt])).toEqual({ kind: 'confirmed', slot: MONDAY_9 });
    expect(bookingState([receipt, confirmed])).toEqual({ kind: 'confirmed', slot: MONDAY_9 });
    expect(ownSlots([a], [receipt, confirmed])).toEqual(new Set([slotKey(MONDAY_9)]));
  });
  it('is declined with the offered slot, which frees the kiosk’s own hold on the lost one', () => {
    const declined = sampleCaseUpdate({
      caseId: a.id,
      kind: 'status',
      caseKind: 'appointments',
      status: 'declined',
      reason: { text: '该时段已被先到的预约占用', language: 'zh-Hans' },
      appointment: { date: '2026-12-07', startTime: '15:00' },
      serverTime: '2026-12-06T03:00:01.000Z',
    });
    expect(bookingState([receipt, declined])).toEqual({
      kind: 'declined',
      offer: { date: '2026-12-07', time: '15:00' },
    });
    expect(ownSlots([a], [receipt, declined])).toEqual(new Set());
  });
});
