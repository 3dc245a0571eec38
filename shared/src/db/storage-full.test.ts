import { describe, expect, it } from 'vitest';
import { isStorageFull } from './storage-full';

const quota = () => new DOMException('The quota has been exceeded.', 'QuotaExceededError');

describe('isStorageFull', () => {
  it('finds the quota error as browsers, Dexie and RxDB hand it over', () => {
    expect(isStorageFull(quota())).toBe(true);
    // Dexie: an AbortError of the transaction with the DOMException as `inner`.
    expect(
      isStorageFull(Object.assign(new Error('abort'), { name: 'AbortError', inner: quota() })),
    ).toBe(true);
    // RxDB: its own error with the storage's in `parameters.error`, or a `cause` chain.
    expect(isStorageFull({ name: 'RxError', parameters: { error: { inner: quota() } } })).toBe(
      true,
    );
    expect(isStorageFull(new Error('write failed', { cause: quota() }))).toBe(true);
    expect(isStorageFull({ name: 'NS_ERROR_DOM_QUOTA_REACHED' })).toBe(true);
  });

  it('says no for other failures and odd values', () => {
    expect(isStorageFull(new Error('conflict'))).toBe(false);
    expect(isStorageFull(new DOMException('gone', 'NotFoundError'))).toBe(false);
    expect(isStorageFull(undefined)).toBe(false);
    expect(isStorageFull('QuotaExceededError')).toBe(false);
    const loop: Record<string, unknown> = { name: 'Error' };
    loop['cause'] = loop;
    expect(isStorageFull(loop)).toBe(false);
  });
});
