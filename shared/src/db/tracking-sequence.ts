/**
 * Tracking codes made on the device. The sequence is persisted before the code is returned,
 * so a code is never handed out twice, even across a power cut (and the generator's clock
 * floor covers a lost store). See domain/tracking-code.ts.
 */
import type { TrackingCode } from '../domain/ids';
import { createTrackingCodeGenerator } from '../domain/tracking-code';
import type { LocalDatabase } from './create-local-database';
import { LOCAL_KEYS, readLocalValue, serialized, writeLocalValue } from './local-store';

function parseSequence(value: Record<string, unknown>): number | undefined {
  const sequence = value['sequence'];
  return typeof sequence === 'number' && Number.isSafeInteger(sequence) && sequence >= 0
    ? sequence
    : undefined;
}

export function nextTrackingCode(
  db: LocalDatabase,
  deviceTag: string,
  now: Date = new Date(),
): Promise<TrackingCode> {
  return serialized(db, async () => {
    const last = (await readLocalValue(db, LOCAL_KEYS.trackingSequence, parseSequence)) ?? 0;
    const { code, sequence } = createTrackingCodeGenerator(deviceTag, last).next(now);
    await writeLocalValue(db, LOCAL_KEYS.trackingSequence, { sequence });
    return code;
  });
}
