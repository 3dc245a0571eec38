import { describe, expect, it } from 'vitest';
import { loadServerUrl, parseServerUrl } from './runtime-config';

describe('server address', () => {
  it('accepts http(s) addresses without query, fragment or credentials', () => {
    expect(parseServerUrl('http://127.0.0.1:8787/')).toBe('http://127.0.0.1:8787');
    expect(parseServerUrl('ftp://x')).toBeUndefined();
    expect(parseServerUrl('http://u:p@x')).toBeUndefined();
    expect(parseServerUrl('not a url')).toBeUndefined();
  });

  it('takes ?server= over the file and reports a missing or invalid one', async () => {
    const file = (body: unknown) =>
      (async () => new Response(JSON.stringify(body))) as unknown as typeof fetch;
    const here = 'http://127.0.0.1:5720/';
    expect(
      await loadServerUrl(
        { search: '?server=http://a:1', href: here },
        file({ syncServerUrl: 'http://b:2' }),
      ),
    ).toEqual({ ok: true, value: 'http://a:1' });
    expect(
      await loadServerUrl({ search: '', href: here }, file({ syncServerUrl: 'http://b:2' })),
    ).toEqual({ ok: true, value: 'http://b:2' });
    expect(await loadServerUrl({ search: '', href: here }, file({}))).toEqual({
      ok: false,
      error: 'missing',
    });
    expect(await loadServerUrl({ search: '?server=javascript:1', href: here }, file({}))).toEqual({
      ok: false,
      error: 'invalid',
    });
  });
});
