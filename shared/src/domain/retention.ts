/**
 * Retention of personal data on a device: a case's PII may leave the device only after the
 * center acknowledged it (a 'received' case update, which carries the server time) and the
 * retention window has passed since that acknowledgement. Without a receipt nothing is purged,
 * however old: the device may be the only copy.
 */
const DAY_MS = 86_400_000;

export interface RetentionInput {
  /** serverTime of the case's 'received' update, if the center acknowledged it. */
  readonly receivedAt: string | undefined;
  readonly retentionDays: number;
  /** Already purged documents are left alone. */
  readonly piiPurgedAt: string | undefined;
}

export function purgeDueAt(receivedAt: string, retentionDays: number): Date {
  return new Date(Date.parse(receivedAt) + retentionDays * DAY_MS);
}

export function isPurgeDue(input: RetentionInput, now: Date): boolean {
  if (input.piiPurgedAt !== undefined || input.receivedAt === undefined) return false;
  const received = Date.parse(input.receivedAt);
  if (Number.isNaN(received)) return false;
  return now.getTime() >= purgeDueAt(input.receivedAt, input.retentionDays).getTime();
}
