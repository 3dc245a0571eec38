import { getRxStorageMemory } from 'rxdb/plugins/storage-memory';
import { afterEach, describe, expect, it } from 'vitest';
import { createLocalDatabase, type LocalDatabase } from '../db/create-local-database';
import { err, ok, type Result } from '../domain/result';
import { enrollDevice, loadDeviceEnrollment, type DeviceTokenStore } from './device-enrollment';

let db: LocalDatabase | undefined;
let counter = 0;
afterEach(async () => {
  await db?.close();
  db = undefined;
});

async function openDevice(): Promise<LocalDatabase> {
  db = await createLocalDatabase({
    name: `pls-device-enrollment-test-${process.pid}-${++counter}`,
    storage: getRxStorageMemory(),
    encryptionKey: 'device-enrollment-test-key-not-secret',
    deviceKind: 'tv',
    collections: ['device_config'],
  });
  return db;
}

/** A synchronous store, as the TV host's is; `failSet` makes the write fail. */
function memoryTokens(failSet = false): DeviceTokenStore & { token: string | null } {
  const store = {
    token: null as string | null,
    get: (): Result<string | null, string> => ok(store.token),
    set: (token: string): Result<void, string> => {
      if (failSet) return err('storage full');
      store.token = token;
      return ok();
    },
  };
  return store;
}

const TV_ANSWER = {
  deviceId: 'tv-4k7q',
  token: 't'.repeat(43),
  deviceTag: '4K7Q',
  scope: { kind: 'tv', householdId: 'household-sample-0001', regionCode: '152502' },
};

const answering =
  (body: unknown): typeof fetch =>
  async () =>
    Response.json(body, { status: 201 });

const INPUT = {
  serverUrl: 'http://127.0.0.1:8787',
  code: 'WG9FDGCA',
  name: 'TV',
  now: new Date('2026-11-23T05:00:00Z'),
};

describe('device enrollment', () => {
  it('enrolls a TV box: the token in its store, the household in the local record', async () => {
    const device = await openDevice();
    const tokens = memoryTokens();
    const enrolled = await enrollDevice('tv', device, tokens, {
      ...INPUT,
      fetch: answering(TV_ANSWER),
    });
    const enrollment = {
      deviceId: 'tv-4k7q',
      deviceTag: '4K7Q',
      householdId: 'household-sample-0001',
      regionCode: '152502',
      serverUrl: 'http://127.0.0.1:8787',
      enrolledAt: '2026-11-23T05:00:00.000Z',
    };
    expect(enrolled).toEqual(ok({ enrollment, token: TV_ANSWER.token }));
    expect(tokens.token).toBe(TV_ANSWER.token);
    expect(await loadDeviceEnrollment('tv', device, tokens)).toEqual(
      ok({ enrollment, token: TV_ANSWER.token }),
    );
    // Read as a kiosk, the record lacks a station: not enrolled.
    expect(await loadDeviceEnrollment('kiosk', device, tokens)).toEqual(ok(undefined));
  });

  it('refuses a code made for the other kind of device and stores nothing', async () => {
    const device = await openDevice();
    const tokens = memoryTokens();
    const kioskAnswer = {
      ...TV_ANSWER,
      scope: { kind: 'kiosk', stationId: 'station-sample-0001', regionCode: '152502' },
    };
    const result = await enrollDevice('tv', device, tokens, {
      ...INPUT,
      fetch: answering(kioskAnswer),
    });
    expect(result).toMatchObject({ ok: false, error: { kind: 'wrongDevice' } });
    expect(tokens.token).toBeNull();
    expect(await device.getLocal('enrollment')).toBeNull();
  });

  it('writes no record when the token cannot be stored', async () => {
    const device = await openDevice();
    const tokens = memoryTokens(true);
    const result = await enrollDevice('tv', device, tokens, {
      ...INPUT,
      fetch: answering(TV_ANSWER),
    });
    expect(result).toEqual(err({ kind: 'tokenStore', message: 'storage full' }));
    expect(await loadDeviceEnrollment('tv', device, tokens)).toEqual(ok(undefined));
    expect(await device.getLocal('enrollment')).toBeNull();
  });
});
