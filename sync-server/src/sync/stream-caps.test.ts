import { describe, expect, it } from 'vitest';
import { StreamCaps } from './stream-caps';

describe('stream caps', () => {
  it('a new stream beyond the device cap closes that device oldest, not another device', () => {
    const caps = new StreamCaps({ perDevice: 2, perAddress: 10 });
    const closed: string[] = [];
    for (const name of ['a1', 'a2', 'a3']) {
      expect(caps.admit('a', '10.0.0.1', () => closed.push(name)).ok).toBe(true);
    }
    caps.admit('b', '10.0.0.1', () => closed.push('b1'));
    expect(closed).toEqual(['a1']);
    expect(caps.countOf({ deviceId: 'a' })).toBe(2);
    expect(caps.countOf({ address: '10.0.0.1' })).toBe(3);
  });

  it('an address at its cap is refused; a released stream frees its place', () => {
    const caps = new StreamCaps({ perDevice: 2, perAddress: 2 });
    const first = caps.admit('a', 'x', () => undefined);
    expect(caps.admit('b', 'x', () => undefined).ok).toBe(true);
    expect(caps.admit('c', 'x', () => undefined)).toEqual({ ok: false, error: 'address_full' });
    expect(caps.admit('c', 'y', () => undefined).ok).toBe(true);
    if (first.ok) first.value.release();
    expect(caps.admit('c', 'x', () => undefined).ok).toBe(true);
  });

  it('a device replacing its own stream at a full address is admitted', () => {
    const caps = new StreamCaps({ perDevice: 1, perAddress: 2 });
    const closed: string[] = [];
    caps.admit('a', 'x', () => closed.push('a1'));
    caps.admit('b', 'x', () => closed.push('b1'));
    expect(caps.admit('a', 'x', () => closed.push('a2')).ok).toBe(true);
    expect(closed).toEqual(['a1']);
  });
});
