/**
 * 首接负责制 (first-responder responsibility, as on the 12348 platforms): the first staff member
 * who opens a case holds it; only the holder decides, until they hand it on with a note to a
 * colleague who may see the case. Every hold and hand-over is in the audit log and so on the
 * case's timeline.
 */
import { ok, type Result } from '@pls/shared/domain';
import type { Database } from '../db/database';
import { failure, type ServiceError } from '../errors';
import { recordAudit } from './audit';
import type { Actor } from './users';

export interface Holder {
  readonly userId: string;
  readonly name: string;
  readonly since: string;
}

/** Takes the case when nobody holds it; answers who holds it now either way. */
export async function claimCase(
  db: Database,
  trackingCode: string,
  user: { id: string; name: string },
  actor: Actor,
): Promise<Holder | undefined> {
  return db.transaction(async (tx) => {
    const { rows } = await tx.query<{ tracking_code: string }>(
      `update cases set holder_user_id = $2, held_at = now()
        where tracking_code = $1 and holder_user_id is null returning tracking_code`,
      [trackingCode, user.id],
    );
    if (rows.length > 0)
      await recordAudit(tx, {
        actor: actor.name,
        action: 'case-hold',
        subject: trackingCode,
        after: { holder: user.name },
        address: actor.address ?? null,
      });
    return holderOf(tx, trackingCode);
  });
}

export async function holderOf(
  db: Pick<Database, 'query'>,
  trackingCode: string,
): Promise<Holder | undefined> {
  const { rows } = await db.query<{ id: string; name: string; held_at: Date }>(
    `select u.id, u.name, c.held_at from cases c join users u on u.id = c.holder_user_id
      where c.tracking_code = $1`,
    [trackingCode],
  );
  const row = rows[0];
  return row
    ? { userId: row.id, name: row.name, since: new Date(row.held_at).toISOString() }
    : undefined;
}

/**
 * Hands the case from its holder (or, for an admin, from whoever holds it) to `toUserId`, who
 * must be active and able to see the case (`mayHold`, the route's scope check).
 */
export async function handOverCase(
  db: Database,
  input: {
    trackingCode: string;
    from: { id: string; name: string; role: string };
    toUserId: string;
    note: string;
    mayHold: (user: {
      role: string;
      stationId: string | null;
      regionCode: string | null;
    }) => boolean;
  },
  actor: Actor,
): Promise<Result<Holder, ServiceError>> {
  const note = input.note.trim();
  if (note === '' || note.length > 1000)
    return failure('bad_request', 'a hand-over note is 1-1000 characters');
  return db.transaction(async (tx) => {
    const { rows } = await tx.query<{ holder_user_id: string | null }>(
      'select holder_user_id from cases where tracking_code = $1 for update',
      [input.trackingCode],
    );
    const current = rows[0];
    if (!current) return failure('not_found', 'no such case');
    if (current.holder_user_id !== input.from.id && input.from.role !== 'admin')
      return failure('conflict', 'only the staff member holding this case can hand it on');
    const { rows: targets } = await tx.query<{
      id: string;
      name: string;
      role: string;
      station_id: string | null;
      region_code: string | null;
      disabled_at: Date | null;
    }>('select id, name, role, station_id, region_code, disabled_at from users where id = $1', [
      input.toUserId,
    ]);
    const target = targets[0];
    if (!target || target.disabled_at)
      return failure('bad_request', 'hand the case to an active colleague');
    if (
      !input.mayHold({
        role: target.role,
        stationId: target.station_id,
        regionCode: target.region_code,
      })
    )
      return failure('bad_request', 'that colleague may not see this case');
    const before = await holderOf(tx, input.trackingCode);
    await tx.query(
      'update cases set holder_user_id = $2, held_at = now() where tracking_code = $1',
      [input.trackingCode, target.id],
    );
    await recordAudit(tx, {
      actor: actor.name,
      action: 'case-handover',
      subject: input.trackingCode,
      before: { holder: before?.name ?? null },
      after: { holder: target.name, note },
      address: actor.address ?? null,
    });
    return ok((await holderOf(tx, input.trackingCode))!);
  });
}
