/**
 * Where this kiosk's center is, and (first start only) the one-time enrollment code. Comes from
 * `runtime-config.json` next to index.html (written by `npm start`, kiosk/scripts/start.ts) and
 * can be overridden in the page URL (`?server=…&enroll=…`, used by the e2e suites and by staff
 * setting a kiosk up by hand). Parsed like any input: nothing here is trusted unchecked.
 */
import { err, ok, type Result } from '@pls/shared/domain';
import { normalizeEnrollCode } from '@pls/shared/protocol';

const RUNTIME_CONFIG_FILE = 'runtime-config.json';

export interface RuntimeConfig {
  /** http(s) URL of the sync server, without a trailing slash. */
  readonly syncServerUrl: string;
  /** One-time code from `npm run admin -- enroll-code` (normalized, 8 characters). */
  readonly enrollCode?: string;
  /** A name staff recognise in the console's device list. */
  readonly deviceName: string;
}

const DEFAULT_DEVICE_NAME = 'kiosk';

function parseServerUrl(value: unknown): string | undefined {
  if (typeof value !== 'string' || value.length > 300) return undefined;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return undefined;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return undefined;
  if (url.search !== '' || url.hash !== '' || url.username !== '' || url.password !== '') {
    return undefined;
  }
  return url.toString().replace(/\/+$/, '');
}

function parseEnrollCode(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const code = normalizeEnrollCode(value);
  return /^[23456789ABCDEFGHJKLMNPQRSTVWXYZ]{8}$/.test(code) ? code : undefined;
}

function parseDeviceName(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const name = value.trim();
  return name.length >= 1 && name.length <= 120 ? name : undefined;
}

/**
 * The file's content (or `undefined` when there is none) merged with the URL's query, the
 * query winning. A present but invalid value is an error, never silently dropped: a typo in a
 * server address should be seen at setup, not as "offline" forever.
 */
export function parseRuntimeConfig(
  file: unknown,
  query: URLSearchParams,
): Result<RuntimeConfig, string> {
  const base: Record<string, unknown> =
    file !== null && typeof file === 'object' && !Array.isArray(file)
      ? (file as Record<string, unknown>)
      : {};
  if (file !== undefined && base !== file) return err('runtime config is not a JSON object');
  // An empty query parameter counts as not given.
  const param = (name: string) => query.get(name) || undefined;
  const rawServer = param('server') ?? base['syncServerUrl'];
  const rawCode = param('enroll') ?? base['enrollCode'];
  const rawName = param('name') ?? base['deviceName'];
  if (rawServer === undefined || rawServer === null) return err('no sync server configured');
  const syncServerUrl = parseServerUrl(rawServer);
  if (syncServerUrl === undefined) return err(`not an http(s) server URL: ${String(rawServer)}`);
  let enrollCode: string | undefined;
  if (rawCode !== undefined && rawCode !== null && rawCode !== '') {
    enrollCode = parseEnrollCode(rawCode);
    if (enrollCode === undefined) return err('the enrollment code is not 8 code characters');
  }
  let deviceName = DEFAULT_DEVICE_NAME;
  if (rawName !== undefined && rawName !== null) {
    const parsed = parseDeviceName(rawName);
    if (parsed === undefined) return err('the device name must be 1-120 characters');
    deviceName = parsed;
  }
  return ok({ syncServerUrl, deviceName, ...(enrollCode ? { enrollCode } : {}) });
}

/** Reads runtime-config.json from the page's folder (absent is fine) and the page's query. */
export async function loadRuntimeConfig(
  location: Pick<Location, 'href' | 'search'>,
  fetchImpl: typeof fetch,
): Promise<Result<RuntimeConfig, string>> {
  let file: unknown;
  try {
    const response = await fetchImpl(new URL(RUNTIME_CONFIG_FILE, location.href), {
      cache: 'no-store',
    });
    if (response.ok) file = await response.json();
  } catch {
    // No file (or not JSON): the query may still configure the kiosk.
    file = undefined;
  }
  return parseRuntimeConfig(file, new URLSearchParams(location.search));
}
