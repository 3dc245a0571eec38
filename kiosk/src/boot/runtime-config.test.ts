import { describe, expect, it } from 'vitest';
import { loadRuntimeConfig, parseRuntimeConfig } from './runtime-config';

describe('runtime config', () => {
  it('takes the file and lets the page URL override it', () => {
    const file = {
      syncServerUrl: 'http://127.0.0.1:8787/',
      enrollCode: 'wg9f-dgca',
      deviceName: 'Baiyinxile kiosk 1',
    };
    expect(parseRuntimeConfig(file, new URLSearchParams())).toEqual({
      ok: true,
      value: {
        syncServerUrl: 'http://127.0.0.1:8787',
        enrollCode: 'WG9FDGCA',
        deviceName: 'Baiyinxile kiosk 1',
      },
    });
    expect(
      parseRuntimeConfig(file, new URLSearchParams('server=https://center.example:8443&enroll=')),
    ).toEqual({
      ok: true,
      value: {
        syncServerUrl: 'https://center.example:8443',
        enrollCode: 'WG9FDGCA',
        deviceName: 'Baiyinxile kiosk 1',
      },
    });
  });

  it('refuses a bad server address or code instead of ignoring it', () => {
    const none = new URLSearchParams();
    expect(parseRuntimeConfig(undefined, none)).toEqual({
      ok: false,
      error: 'no sync server configured',
    });
    expect(parseRuntimeConfig({ syncServerUrl: 'ftp://x' }, none).ok).toBe(false);
    expect(parseRuntimeConfig({ syncServerUrl: 'http://x/?token=1' }, none).ok).toBe(false);
    expect(
      parseRuntimeConfig({ syncServerUrl: 'http://x', enrollCode: 'O0I1-UV00' }, none).ok,
    ).toBe(false);
    expect(parseRuntimeConfig([1, 2], none).ok).toBe(false);
  });

  it('reads runtime-config.json next to the page, and does without it', async () => {
    const location = {
      href: 'http://127.0.0.1:5710/index.html',
      search: '?server=http://127.0.0.1:9000',
    };
    const asked: string[] = [];
    const missing = (async (url: URL) => {
      asked.push(String(url));
      // The agent answers unknown paths with index.html: not JSON.
      return new Response('<!doctype html>', { status: 200 });
    }) as unknown as typeof fetch;
    expect(await loadRuntimeConfig(location, missing)).toEqual({
      ok: true,
      value: { syncServerUrl: 'http://127.0.0.1:9000', deviceName: 'kiosk' },
    });
    expect(asked).toEqual(['http://127.0.0.1:5710/runtime-config.json']);
    const present = (async () =>
      Response.json({
        syncServerUrl: 'http://127.0.0.1:8787',
        enrollCode: 'WG9FDGCA',
      })) as unknown as typeof fetch;
    expect(await loadRuntimeConfig({ ...location, search: '' }, present)).toMatchObject({
      ok: true,
      value: { syncServerUrl: 'http://127.0.0.1:8787', enrollCode: 'WG9FDGCA' },
    });
  });
});
