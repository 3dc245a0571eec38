import { describe, expect, it } from 'vitest';
import { isOpenSlot, isoWeekday, nextFreeSlot, openSlots, slotKey } from './booking-slots';
import type { StationSchedule } from './schemas/directory';

const SCHEDULE: StationSchedule = {
  slotMinutes: 30,
  daysAhead: 7,
  // Monday and Wednesday mornings; Friday one afternoon slot.
  weekdays: [
    { weekday: 1, times: ['10:00', '09:00'] },
    { weekday: 3, times: ['09:00'] },
    { weekday: 5, times: ['15:00'] },
  ],
  holidays: ['2026-12-09'],
};

// Monday 2026-12-07, 09:30 in China (01:30 UTC).
const MONDAY_0930 = new Date('2026-12-07T01:30:00Z');

describe('booking slots (China time)', () => {
  it('knows the weekday of a date', () => {
    expect(isoWeekday('2026-12-07')).toBe(1);
    expect(isoWeekday('2026-12-13')).toBe(7);
  });

  it('lists slots from now in time order, skipping started slots, holidays and other days', () => {
    expect(openSlots(SCHEDULE, MONDAY_0930)).toEqual([
      { date: '2026-12-07', time: '10:00' },
      // Wednesday 12-09 is a holiday.
      { date: '2026-12-11', time: '15:00' },
    ]);
  });

  it('uses the China date, not the UTC date, near midnight', () => {
    // 2026-12-06 23:00 UTC is already Monday 07:00 in China.
    expect(openSlots(SCHEDULE, new Date('2026-12-06T23:00:00Z'))[0]).toEqual({
      date: '2026-12-07',
      time: '09:00',
    });
  });

  it('leaves taken slots out and offers the next free one after a lost slot', () => {
    const taken = new Set([slotKey({ date: '2026-12-07', time: '10:00' })]);
    expect(openSlots(SCHEDULE, MONDAY_0930, taken)).toEqual([
      { date: '2026-12-11', time: '15:00' },
    ]);
    expect(
      nextFreeSlot(SCHEDULE, MONDAY_0930, taken, { date: '2026-12-07', time: '10:00' }),
    ).toEqual({ date: '2026-12-11', time: '15:00' });
    const all = new Set([...taken, slotKey({ date: '2026-12-11', time: '15:00' })]);
    expect(nextFreeSlot(SCHEDULE, MONDAY_0930, all)).toBeUndefined();
  });

  it('accepts only slots the schedule offers', () => {
    expect(isOpenSlot(SCHEDULE, MONDAY_0930, { date: '2026-12-07', time: '10:00' })).toBe(true);
    expect(isOpenSlot(SCHEDULE, MONDAY_0930, { date: '2026-12-07', time: '09:00' })).toBe(false);
    expect(isOpenSlot(SCHEDULE, MONDAY_0930, { date: '2026-12-09', time: '09:00' })).toBe(false);
    expect(isOpenSlot(SCHEDULE, MONDAY_0930, { date: '2026-12-08', time: '09:00' })).toBe(false);
  });
});
