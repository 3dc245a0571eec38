import { describe, expect, it } from 'vitest';
import { formatHeartbeat, parseHeartbeat } from './heartbeat';

describe('device heartbeat header', () => {
  it('round-trips every field', () => {
    const heartbeat = {
      outboxDepth: 3,
      freeBytes: 1_200_000_000,
      appVersion: '0.1.0',
      contentVersion: '2026-12-01.3',
      lastSyncedAt: '2026-12-04T08:00:00.000Z',
    };
    const header = formatHeartbeat(heartbeat);
    expect(header.length).toBeLessThan(200);
    expect(parseHeartbeat(header)).toEqual(heartbeat);
  });

  it('drops malformed fields and unknown keys, keeps the good ones', () => {
    expect(
      parseHeartbeat('outbox=-1;free=12;app=<script>;synced=yesterday;evil=1;content=v2'),
    ).toEqual({ freeBytes: 12, contentVersion: 'v2' });
    expect(parseHeartbeat('nonsense')).toBeUndefined();
    expect(parseHeartbeat(undefined)).toBeUndefined();
    expect(parseHeartbeat('x'.repeat(500))).toBeUndefined();
  });

  it('never writes a field it could not read back', () => {
    expect(formatHeartbeat({ appVersion: 'a;b', lastSyncedAt: 'now' })).toBe('');
  });
});
