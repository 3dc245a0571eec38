/**
 * The center's rule for bookings of a station's schedule: a slot belongs to the first booking
 * that reaches the center. Two kiosks of one station may book the same slot while both are
 * offline; when their pushes arrive, the first is confirmed and the second declined with the
 * next free slot offered (in `appointment` of its decline), which its kiosk shows in the
 * resident's language. Runs inside the push transaction, after the receipts, with the
 * appointments and case_updates feeds locked, so two pushes are decided one after the other.
 *
 * A booking without a slot (a preferred half-day only) is left to staff; so is one for a
 * station without a published schedule.
 */
import {
  isOpenSlot,
  newDocumentId,
  nextFreeSlot,
  slotKey,
  validateDocument,
  type Slot,
  type StationSchedule,
} from '@pls/shared/domain';
import type { WireDocument } from '@pls/shared/protocol';
import type { Queryable } from '../db/database';

/** Written in Chinese for the center's records; the kiosk shows its own words. */
const REASON_TAKEN = '该时段已被先到的预约占用';
const REASON_NOT_OPEN = '该时段不在本站的预约时间内';

async function stationSchedule(
  tx: Queryable,
  stationId: string,
): Promise<StationSchedule | undefined> {
  const { rows } = await tx.query<{ body: unknown }>(
    "select body from documents where collection = 'directory' and id = $1",
    [stationId],
  );
  const body = rows[0]?.body;
  const parsed = typeof body === 'string' ? (JSON.parse(body) as unknown) : body;
  const checked = validateDocument('directory', parsed);
  if (!checked.ok || checked.value.withdrawn) return undefined;
  return checked.value.schedule;
}

/** Slots of the station held by confirmed bookings. */
async function takenSlots(tx: Queryable, stationId: string): Promise<Set<string>> {
  const { rows } = await tx.query<{ date: string | null; time: string | null }>(
    `select d.body->>'preferredDate' as date, d.body->>'slotTime' as time
       from cases c
       join documents d on d.collection = 'appointments' and d.id = c.case_id
      where c.case_kind = 'appointments' and c.status = 'confirmed' and c.station_id = $1`,
    [stationId],
  );
  return new Set(
    rows.flatMap((r) => (r.date && r.time ? [slotKey({ date: r.date, time: r.time })] : [])),
  );
}

function decision(
  doc: WireDocument,
  now: Date,
  outcome:
    | { readonly kind: 'confirmed'; readonly slot: Slot }
    | { readonly kind: 'declined'; readonly reason: string; readonly offer: Slot | undefined },
): WireDocument {
  const iso = now.toISOString();
  return {
    id: newDocumentId(now),
    schemaVersion: 0,
    createdAt: iso,
    updatedAt: iso,
    kind: outcome.kind === 'confirmed' ? 'appointment_scheduled' : 'status',
    caseKind: 'appointments',
    caseId: doc['id'],
    trackingCode: doc['trackingCode'],
    deviceId: doc['deviceId'],
    stationId: doc['stationId'],
    status: outcome.kind,
    ...(outcome.kind === 'confirmed'
      ? { appointment: { date: outcome.slot.date, startTime: outcome.slot.time } }
      : {
          reason: { text: outcome.reason, language: 'zh-Hans' },
          // On a decline, the slot offered instead.
          ...(outcome.offer
            ? { appointment: { date: outcome.offer.date, startTime: outcome.offer.time } }
            : {}),
        }),
    serverTime: iso,
    _deleted: false,
  };
}

/**
 * Decides the newly arrived bookings (in the order received) and returns their case updates;
 * updates the cases' status in the same transaction.
 */
export async function decideBookings(
  tx: Queryable,
  inserted: readonly WireDocument[],
  now: Date,
): Promise<WireDocument[]> {
  const updates: WireDocument[] = [];
  const schedules = new Map<string, StationSchedule | undefined>();
  const taken = new Map<string, Set<string>>();
  for (const doc of inserted) {
    const stationId = doc['stationId'];
    const date = doc['preferredDate'];
    const time = doc['slotTime'];
    if (doc._deleted === true || typeof stationId !== 'string') continue;
    if (typeof date !== 'string' || typeof time !== 'string') continue;
    if (!schedules.has(stationId)) schedules.set(stationId, await stationSchedule(tx, stationId));
    const schedule = schedules.get(stationId);
    if (!schedule) continue;
    let held = taken.get(stationId);
    if (!held) {
      held = await takenSlots(tx, stationId);
      taken.set(stationId, held);
    }
    const slot = { date, time };
    let update: WireDocument;
    if (!isOpenSlot(schedule, now, slot)) {
      update = decision(doc, now, {
        kind: 'declined',
        reason: REASON_NOT_OPEN,
        offer: nextFreeSlot(schedule, now, held),
      });
    } else if (held.has(slotKey(slot))) {
      update = decision(doc, now, {
        kind: 'declined',
        reason: REASON_TAKEN,
        offer: nextFreeSlot(schedule, now, held, slot) ?? nextFreeSlot(schedule, now, held),
      });
    } else {
      held.add(slotKey(slot));
      update = decision(doc, now, { kind: 'confirmed', slot });
    }
    await tx.query(
      "update cases set status = $2, updated_at = $3 where case_kind = 'appointments' and case_id = $1",
      [doc['id'], update['status'], now.toISOString()],
    );
    updates.push(update);
  }
  return updates;
}
