/**
 * Telling "the device's storage is full" from other write failures. Browsers throw a
 * DOMException named 'QuotaExceededError' (legacy code 22; Firefox's older name
 * 'NS_ERROR_DOM_QUOTA_REACHED'); Dexie may wrap it in an AbortError with the original as
 * `inner`, and RxDB may wrap that again (`parameters.error`, `cause`). A full disk is an
 * expected failure on a kiosk that kept photos for days offline: callers turn it into a
 * Result the resident and staff can be told about, never a crash.
 */
const QUOTA_NAMES: ReadonlySet<string> = new Set([
  'QuotaExceededError',
  'NS_ERROR_DOM_QUOTA_REACHED',
]);

/** How deep wrapped errors are searched; the chains seen are at most three long. */
const MAX_DEPTH = 8;

export function isStorageFull(error: unknown): boolean {
  const queue: unknown[] = [error];
  for (let seen = 0; queue.length > 0 && seen < MAX_DEPTH; seen += 1) {
    const current = queue.shift();
    if (typeof current !== 'object' || current === null) continue;
    const record = current as Record<string, unknown>;
    if (typeof record['name'] === 'string' && QUOTA_NAMES.has(record['name'])) return true;
    if (record['code'] === 22 && record['name'] !== undefined) return true;
    const parameters = record['parameters'];
    queue.push(
      record['inner'],
      record['cause'],
      typeof parameters === 'object' && parameters !== null
        ? (parameters as Record<string, unknown>)['error']
        : undefined,
    );
  }
  return false;
}
