import { afterEach, describe, expect, it } from 'vitest';
import { ok, type Result } from '@pls/shared/domain';
import type { LocalDatabase } from '@pls/shared/db';
import type { SecretError } from '@pls/shared/protocol';
import { openTestDatabase } from '../testing/test-database';
import { enrollKiosk, loadEnrollment, type KioskSecrets } from './enrollment';

let db: LocalDatabase | undefined;
afterEach(async () => {
  await db?.close();
  db = undefined;
});

function memorySecrets(): KioskSecrets & { token: string | null } {
  const store = {
    token: null as string | null,
    async getDeviceToken(): Promise<Result<string | null, SecretError>> {
      return ok(store.token);
    },
    async setDeviceToken({ token }: { token: string }): Promise<Result<void, SecretError>> {
      store.token = token;
      return ok();
    },
  };
  return store;
}

const ANSWER = {
  deviceId: 'kiosk-8m2p',
  token: 't'.repeat(43),
  deviceTag: '8M2P',
  stationId: 'station-xilinhot-baiyinxile',
  scope: { kind: 'kiosk', stationId: 'station-xilinhot-baiyinxile', regionCode: '152502' },
};

describe('enrollment', () => {
  it('exchanges the one-time code, keeps the token in the secret store and the rest locally', async () => {
    db = await openTestDatabase(['device_config']);
    const secrets = memorySecrets();
    const requests: unknown[] = [];
    const fetchStub = (async (url: string, init: RequestInit) => {
      requests.push({ url, body: JSON.parse(String(init.body)) });
      return Response.json(ANSWER, { status: 201 });
    }) as unknown as typeof fetch;
    expect(await loadEnrollment(db, secrets)).toEqual({ ok: true, value: undefined });
    const enrolled = await enrollKiosk(db, secrets, {
      serverUrl: 'http://127.0.0.1:8787',
      code: 'WG9FDGCA',
      deviceName: 'kiosk 1',
      fetch: fetchStub,
      now: new Date('2026-11-23T05:00:00Z'),
    });
    expect(enrolled.ok).toBe(true);
    expect(requests).toEqual([
      {
        url: 'http://127.0.0.1:8787/api/devices/enroll',
        body: { code: 'WG9FDGCA', kind: 'kiosk', name: 'kiosk 1' },
      },
    ]);
    expect(secrets.token).toBe(ANSWER.token);
    const loaded = await loadEnrollment(db, secrets);
    expect(loaded).toEqual({
      ok: true,
      value: {
        token: ANSWER.token,
        enrollment: {
          deviceId: 'kiosk-8m2p',
          deviceTag: '8M2P',
          stationId: 'station-xilinhot-baiyinxile',
          regionCode: '152502',
          serverUrl: 'http://127.0.0.1:8787',
          enrolledAt: '2026-11-23T05:00:00.000Z',
        },
      },
    });
    // The token is not in the local document.
    const local = await db.getLocal('enrollment');
    expect(JSON.stringify(local?.toJSON())).not.toContain(ANSWER.token);
  });

  it('stores nothing when the center refuses the code, and says why', async () => {
    db = await openTestDatabase(['device_config']);
    const secrets = memorySecrets();
    const refuse = (async () =>
      Response.json(
        { error: { code: 'enroll_code_used', message: 'already used' } },
        { status: 409 },
      )) as unknown as typeof fetch;
    const result = await enrollKiosk(db, secrets, {
      serverUrl: 'http://127.0.0.1:8787',
      code: 'WG9FDGCA',
      deviceName: 'kiosk 1',
      fetch: refuse,
    });
    expect(result).toMatchObject({
      ok: false,
      error: { kind: 'refused', code: 'enroll_code_used' },
    });
    expect(secrets.token).toBeNull();
    expect((await loadEnrollment(db, secrets)).ok && (await loadEnrollment(db, secrets))).toEqual({
      ok: true,
      value: undefined,
    });
  });

  it('counts a token without its enrollment record as not enrolled', async () => {
    db = await openTestDatabase(['device_config']);
    const secrets = memorySecrets();
    secrets.token = 'left-over-token-0123456789';
    expect(await loadEnrollment(db, secrets)).toEqual({ ok: true, value: undefined });
  });
});
