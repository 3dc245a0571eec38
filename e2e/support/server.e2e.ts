/**
 * The e2e server helper, and the device API as a browser uses it: from another origin (CORS)
 * with the native EventSource, which cannot send headers (token in the query).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchChromium, newPage } from './chromium';
import { SAMPLE_STATION_ID, startSyncServer, type StartedSyncServer } from './server';

describe('e2e sync server helper', () => {
  let server: StartedSyncServer;
  let browser: Browser;
  beforeAll(async () => {
    server = await startSyncServer();
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('enrolls devices and runs admin commands', async () => {
    const kiosk = await server.enroll({ kind: 'kiosk', stationId: SAMPLE_STATION_ID });
    const tv = await server.enroll({
      kind: 'tv',
      householdId: 'household-e2e',
      regionCode: '1525',
    });
    expect(kiosk.scope).toEqual({
      kind: 'kiosk',
      stationId: SAMPLE_STATION_ID,
      regionCode: '152502',
    });
    expect(tv.scope).toMatchObject({ kind: 'tv', householdId: 'household-e2e' });
    const devices = await server.admin('devices');
    expect(devices.output.join('\n')).toContain(kiosk.deviceId);
    expect(devices.output.join('\n')).toContain(tv.deviceId);
  });

  it('serves a browser page of another origin: CORS pull, and the stream over native EventSource', async () => {
    const kiosk = await server.enroll({
      kind: 'kiosk',
      stationId: SAMPLE_STATION_ID,
      name: 'browser kiosk',
    });
    const { context, page } = await newPage(browser);
    try {
      const result = await page.evaluate(
        async ({ url, token }) => {
          const pull = await fetch(`${url}/api/sync/device_config/pull?seq=0`, {
            headers: { authorization: `Bearer ${token}` },
          });
          const body = (await pull.json()) as { documents: Array<{ id: string }> };
          // As the sync client does in a browser: a one-time ticket, never the token, in the URL.
          const issued = await fetch(`${url}/api/sync/stream-ticket`, {
            method: 'POST',
            headers: { authorization: `Bearer ${token}` },
          });
          const { ticket } = (await issued.json()) as { ticket: string };
          const events = await new Promise<string[]>((resolve, reject) => {
            const seen: string[] = [];
            const source = new EventSource(
              `${url}/api/sync/stream?ticket=${encodeURIComponent(ticket)}`,
            );
            const timer = setTimeout(
              () => reject(new Error(`stream gave ${seen.join(',')}`)),
              10_000,
            );
            for (const name of ['hello', 'resync']) {
              source.addEventListener(name, () => {
                seen.push(name);
                if (seen.length === 2) {
                  clearTimeout(timer);
                  source.close();
                  resolve(seen);
                }
              });
            }
          });
          return { status: pull.status, ids: body.documents.map((d) => d.id), events };
        },
        { url: server.url, token: kiosk.token },
      );
      expect(result).toEqual({ status: 200, ids: [kiosk.deviceId], events: ['hello', 'resync'] });
    } finally {
      await context.close();
    }
  });

  it('comes back on the same URL and data after a kill', async () => {
    const before = await server.enroll({
      kind: 'kiosk',
      stationId: SAMPLE_STATION_ID,
      name: 'survivor',
    });
    await server.kill();
    await server.restart();
    const pull = await fetch(`${server.url}/api/sync/device_config/pull`, {
      headers: { authorization: `Bearer ${before.token}` },
    });
    expect(pull.status).toBe(200);
  });
});
