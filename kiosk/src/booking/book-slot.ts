/**
 * Booking a lawyer at this station: the slots come from the station's schedule in the
 * directory (published by the center, synced); the resident picks one, gives name and phone,
 * and the booking is stored offline as an `appointments` document. The center decides: the
 * first booking of a slot to reach it is confirmed; a later one (another kiosk booked the same
 * slot while offline) is declined with the next free slot offered (sync-server
 * services/appointments). This kiosk leaves out slots it already booked itself.
 */
import {
  chinaNow,
  describeValidationError,
  err,
  lookupVerifier,
  newDocumentId,
  ok,
  openSlots,
  parsePhone,
  phoneLast4,
  slotKey,
  validateDocument,
  type Appointment,
  type CaseCategory,
  type CaseUpdate,
  type Language,
  type PhoneError,
  type Result,
  type Slot,
  type StationSchedule,
} from '@pls/shared/domain';
import { nextTrackingCode, type DatabaseWith } from '@pls/shared/db';
import type { Enrollment } from '../boot/enrollment';

export const NAME_MAX = 60;

/** Slots of this kiosk's own bookings that are not declined or cancelled. */
export function ownSlots(
  appointments: readonly Appointment[],
  updates: readonly CaseUpdate[],
): Set<string> {
  const out = new Set<string>();
  for (const a of appointments) {
    if (a.slotTime === undefined) continue;
    const state = bookingState(updates.filter((u) => u.caseId === a.id));
    if (state.kind === 'declined' || state.kind === 'cancelled') continue;
    out.add(slotKey({ date: a.preferredDate, time: a.slotTime }));
  }
  return out;
}

/** The slots a resident can pick now, from the schedule, without this kiosk's own bookings. */
export function bookableSlots(
  schedule: StationSchedule | undefined,
  now: Date,
  own: ReadonlySet<string>,
): Slot[] {
  return schedule ? openSlots(schedule, now, own) : [];
}

export interface BookInput {
  readonly slot: Slot;
  readonly name: string;
  readonly phone: string;
  readonly category: CaseCategory;
  readonly language: Language;
}

export type BookError =
  | { readonly kind: 'nameEmpty' }
  | { readonly kind: 'phone'; readonly error: PhoneError }
  | { readonly kind: 'slotGone' }
  | { readonly kind: 'invalid'; readonly message: string };

export async function bookSlot(
  db: DatabaseWith<'appointments'>,
  enrollment: Pick<Enrollment, 'deviceId' | 'deviceTag' | 'stationId'>,
  available: readonly Slot[],
  input: BookInput,
  now: Date = new Date(),
): Promise<Result<Appointment, BookError>> {
  const name = input.name.trim();
  if (name === '') return err({ kind: 'nameEmpty' });
  const phone = parsePhone(input.phone);
  if (!phone.ok) return err({ kind: 'phone', error: phone.error });
  const wanted = slotKey(input.slot);
  if (!available.some((s) => slotKey(s) === wanted)) return err({ kind: 'slotGone' });
  const trackingCode = await nextTrackingCode(db, enrollment.deviceTag, now);
  const iso = now.toISOString();
  const doc: Appointment = {
    id: newDocumentId(now),
    schemaVersion: 1,
    createdAt: iso,
    updatedAt: iso,
    deviceId: enrollment.deviceId,
    stationId: enrollment.stationId,
    trackingCode,
    language: input.language,
    mode: 'in_person',
    preferredDate: input.slot.date,
    preferredPeriod: input.slot.time < '12:00' ? 'morning' : 'afternoon',
    slotTime: input.slot.time,
    caseCategory: input.category,
    note: '',
    contact: { name: name.slice(0, NAME_MAX), phone: phone.value },
    lookupVerifier: await lookupVerifier(trackingCode, phoneLast4(phone.value)),
    submittedAt: iso,
  };
  const valid = validateDocument('appointments', doc);
  if (!valid.ok) return err({ kind: 'invalid', message: describeValidationError(valid.error) });
  await db.appointments.insert(doc);
  return ok(doc);
}

export type BookingState =
  | { readonly kind: 'waiting' }
  | { readonly kind: 'received' }
  | { readonly kind: 'confirmed'; readonly slot: Slot }
  | { readonly kind: 'declined'; readonly offer: Slot | undefined }
  | { readonly kind: 'cancelled' };

/** Where a booking stands, from its case updates (newest status wins). */
export function bookingState(updates: readonly CaseUpdate[]): BookingState {
  // The center writes its receipt and its decision in one transaction, at the same server
  // time: at a tie the receipt comes first, so the decision is the newest status.
  const rank = (u: CaseUpdate) => (u.kind === 'received' ? 0 : 1);
  const sorted = [...updates].sort(
    (a, b) => a.serverTime.localeCompare(b.serverTime) || rank(a) - rank(b),
  );
  const last = sorted.filter((u) => u.status !== undefined).at(-1);
  const slotOf = (u: CaseUpdate): Slot | undefined =>
    u.appointment?.startTime
      ? { date: u.appointment.date, time: u.appointment.startTime }
      : undefined;
  if (last?.status === undefined) return { kind: 'waiting' };
  if (last.status === 'confirmed') {
    const slot = slotOf(last);
    return slot ? { kind: 'confirmed', slot } : { kind: 'received' };
  }
  if (last.status === 'declined') return { kind: 'declined', offer: slotOf(last) };
  if (last.status === 'cancelled' || last.status === 'no_show') return { kind: 'cancelled' };
  // received, completed, or a status of another case kind: the center has it.
  return { kind: 'received' };
}

/** "Today" in China, for labelling slots. */
export function chinaToday(now: Date): string {
  return chinaNow(now).date;
}
