import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { acceptsGzip, COMPRESS_MIN_BYTES, encodeBody } from './compression';

describe('acceptsGzip', () => {
  it('reads the Accept-Encoding header as browsers and Node send it', () => {
    expect(acceptsGzip('gzip, deflate, br')).toBe(true);
    expect(acceptsGzip('br, gzip;q=0.5')).toBe(true);
    expect(acceptsGzip('*')).toBe(true);
    expect(acceptsGzip('GZIP')).toBe(true);
  });

  it('refuses when gzip is absent or excluded with q=0', () => {
    expect(acceptsGzip(undefined)).toBe(false);
    expect(acceptsGzip('')).toBe(false);
    expect(acceptsGzip('identity')).toBe(false);
    expect(acceptsGzip('br, deflate')).toBe(false);
    expect(acceptsGzip('gzip;q=0')).toBe(false);
    expect(acceptsGzip('gzip; q=0.000')).toBe(false);
    expect(acceptsGzip('*, gzip;q=0')).toBe(false);
    expect(acceptsGzip('*;q=0')).toBe(false);
  });
});

describe('encodeBody', () => {
  const large = JSON.stringify({
    documents: Array.from({ length: 200 }, (_, i) => ({ i, zh: '法律援助'.repeat(20) })),
  });

  it('gzips a large answer the client accepts, and it unzips to the same text', async () => {
    expect(Buffer.byteLength(large)).toBeGreaterThan(COMPRESS_MIN_BYTES);
    const encoded = await encodeBody(large, 'gzip, deflate');
    expect(encoded.encoding).toBe('gzip');
    expect(gunzipSync(encoded.payload).toString('utf8')).toBe(large);
    expect(encoded.payload.length).toBeLessThan(Buffer.byteLength(large) / 4);
  });

  it('sends small answers and clients without gzip the text as it is', async () => {
    expect(await encodeBody('{"documents":[]}', 'gzip')).toEqual({
      payload: '{"documents":[]}',
      encoding: undefined,
    });
    expect(await encodeBody(large, 'identity')).toEqual({ payload: large, encoding: undefined });
  });
});
