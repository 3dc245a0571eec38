import { BehaviorSubject } from 'rxjs';
import { describe, expect, it } from 'vitest';
import { parseHeartbeat } from '../protocol/heartbeat';
import { builtAppVersion, startHeartbeat } from './heartbeat';
import type { OutboxItem } from './outbox';
import type { SyncStatus } from './status';

describe('heartbeat source', () => {
  it('sends the version the renderer was built as when the host gives none', () => {
    // What shared/tools/vite-config.ts defines in a built renderer.
    const global = globalThis as { __APP_VERSION__?: string };
    expect(builtAppVersion()).toBeUndefined();
    global.__APP_VERSION__ = '0.1.0';
    try {
      const heartbeat = startHeartbeat({ storage: undefined, now: () => 0 });
      expect(parseHeartbeat(heartbeat.header())).toEqual({ appVersion: '0.1.0' });
      heartbeat.stop();
    } finally {
      delete global.__APP_VERSION__;
    }
  });

  it('reports outbox depth, last sync, free storage and versions', async () => {
    let asked = 0;
    const heartbeat = startHeartbeat({
      appVersion: '0.1.0',
      contentVersion: () => 'pack-7',
      storage: {
        estimate: async () => {
          asked++;
          return { quota: 1000, usage: 250 };
        },
      },
      now: () => 0,
    });
    const outbox$ = new BehaviorSubject<readonly OutboxItem[]>(
      (['pending', 'rejected', 'sent'] as const).map((state) => ({ state }) as OutboxItem),
    );
    const status$ = new BehaviorSubject<SyncStatus>({
      kind: 'upToDate',
      lastSyncedAt: '2026-12-04T08:00:00.000Z',
    });
    heartbeat.follow(outbox$, status$);
    heartbeat.header();
    await Promise.resolve();
    await Promise.resolve();
    expect(parseHeartbeat(heartbeat.header())).toEqual({
      outboxDepth: 2,
      freeBytes: 750,
      appVersion: '0.1.0',
      contentVersion: 'pack-7',
      lastSyncedAt: '2026-12-04T08:00:00.000Z',
    });
    // Storage is asked once per ten minutes, not per request.
    expect(asked).toBe(1);
    heartbeat.stop();
  });
});
