/**
 * Where this box's center is: `runtime-config.json` next to index.html (written by
 * tv-client/scripts/start.ts) or `?server=` in the page URL (e2e suites, a technician). A
 * present but invalid address is an error shown at setup, never silently "offline forever".
 */
import { err, ok, type Result } from '@pls/shared/domain';

export function parseServerUrl(value: unknown): string | undefined {
  if (typeof value !== 'string' || value.length > 300) return undefined;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return undefined;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return undefined;
  if (url.search !== '' || url.hash !== '' || url.username !== '' || url.password !== '')
    return undefined;
  return url.toString().replace(/\/+$/, '');
}

export async function loadServerUrl(
  location: Pick<Location, 'search' | 'href'>,
  fetchImpl: typeof fetch,
): Promise<Result<string, 'missing' | 'invalid'>> {
  const fromQuery = new URLSearchParams(location.search).get('server');
  let candidate: unknown = fromQuery ?? undefined;
  if (candidate === undefined) {
    try {
      const response = await fetchImpl(new URL('runtime-config.json', location.href));
      if (response.ok)
        candidate = ((await response.json()) as Record<string, unknown>)['syncServerUrl'];
    } catch {
      // No file (a plain build): the technician enters nothing here; setup says so.
    }
  }
  if (candidate === undefined) return err('missing');
  const url = parseServerUrl(candidate);
  return url === undefined ? err('invalid') : ok(url);
}
