/**
 * Bookable slots of a station's schedule (directory `schedule`), in China time (UTC+8, no
 * daylight saving): the kiosk lists them, the server checks a booking against them and offers
 * the next free one when two kiosks took the same slot while offline. Pure: the caller says
 * what "now" is and which slots are taken.
 */
import type { StationSchedule } from './schemas/directory';

export interface Slot {
  /** YYYY-MM-DD, China time. */
  readonly date: string;
  /** HH:MM, China time. */
  readonly time: string;
}

const CHINA_OFFSET_MS = 8 * 3600 * 1000;
const DAY_MS = 86_400_000;

export function slotKey(slot: Slot): string {
  return `${slot.date}T${slot.time}`;
}

/** Today's date in China and the minutes since its midnight. */
export function chinaNow(now: Date): { readonly date: string; readonly minutes: number } {
  const shifted = new Date(now.getTime() + CHINA_OFFSET_MS);
  return {
    date: shifted.toISOString().slice(0, 10),
    minutes: shifted.getUTCHours() * 60 + shifted.getUTCMinutes(),
  };
}

function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/** ISO weekday, 1 = Monday … 7 = Sunday. */
export function isoWeekday(date: string): number {
  const day = new Date(`${date}T00:00:00Z`).getUTCDay();
  return day === 0 ? 7 : day;
}

function minutesOf(time: string): number {
  return Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));
}

/**
 * Every slot from now (a slot that already started today is gone) for the schedule's days
 * ahead, in time order, without holidays and without the taken ones.
 */
export function openSlots(
  schedule: StationSchedule,
  now: Date,
  taken: ReadonlySet<string> = new Set(),
): Slot[] {
  const today = chinaNow(now);
  const holidays = new Set(schedule.holidays);
  const out: Slot[] = [];
  for (let d = 0; d < schedule.daysAhead; d++) {
    const date = addDays(today.date, d);
    if (holidays.has(date)) continue;
    const weekday = isoWeekday(date);
    const times = schedule.weekdays
      .filter((w) => w.weekday === weekday)
      .flatMap((w) => w.times)
      .sort();
    for (const time of new Set(times)) {
      if (d === 0 && minutesOf(time) <= today.minutes) continue;
      const slot = { date, time };
      if (!taken.has(slotKey(slot))) out.push(slot);
    }
  }
  return out;
}

/** Whether the schedule offers this slot (now or later); a booking for any other is refused. */
export function isOpenSlot(schedule: StationSchedule, now: Date, slot: Slot): boolean {
  return openSlots(schedule, now).some((s) => s.date === slot.date && s.time === slot.time);
}

/** The first free slot after the given one (or from now), if the schedule has one. */
export function nextFreeSlot(
  schedule: StationSchedule,
  now: Date,
  taken: ReadonlySet<string>,
  after?: Slot,
): Slot | undefined {
  const from = after ? slotKey(after) : '';
  return openSlots(schedule, now, taken).find((s) => slotKey(s) > from);
}
