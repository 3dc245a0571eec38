/**
 * The device heartbeat: a few numbers a device sends with every pull, as one request header,
 * so the console's fleet page can say how each device is doing without a request of its own
 * (a TV box on a nightly link pays nothing extra). `outbox=3;free=1200000000;app=0.1.0;…`:
 * under 200 bytes, parsed strictly on the server (an unknown or malformed field is dropped,
 * never stored).
 */
export const HEARTBEAT_HEADER = 'x-device-heartbeat';

export interface DeviceHeartbeat {
  /** Documents written on the device and not yet accepted by the center. */
  readonly outboxDepth?: number;
  /** Free storage the browser grants this app (navigator.storage.estimate), bytes. */
  readonly freeBytes?: number;
  readonly appVersion?: string;
  /** Version of the content pack the device shows. */
  readonly contentVersion?: string;
  /** When the device was last up to date with the center (its own clock). */
  readonly lastSyncedAt?: string;
}

const VERSION = /^[0-9A-Za-z._+-]{1,40}$/;
const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,3})?Z$/;
const COUNT = /^\d{1,15}$/;

export function formatHeartbeat(heartbeat: DeviceHeartbeat): string {
  const parts: string[] = [];
  if (heartbeat.outboxDepth !== undefined) parts.push(`outbox=${heartbeat.outboxDepth}`);
  if (heartbeat.freeBytes !== undefined) parts.push(`free=${Math.floor(heartbeat.freeBytes)}`);
  if (heartbeat.appVersion && VERSION.test(heartbeat.appVersion))
    parts.push(`app=${heartbeat.appVersion}`);
  if (heartbeat.contentVersion && VERSION.test(heartbeat.contentVersion))
    parts.push(`content=${heartbeat.contentVersion}`);
  if (heartbeat.lastSyncedAt && ISO.test(heartbeat.lastSyncedAt))
    parts.push(`synced=${heartbeat.lastSyncedAt}`);
  return parts.join(';');
}

/** The header's fields that are well formed; undefined when none is (or there is no header). */
export function parseHeartbeat(value: unknown): DeviceHeartbeat | undefined {
  if (typeof value !== 'string' || value.length === 0 || value.length > 400) return undefined;
  const out: { -readonly [K in keyof DeviceHeartbeat]: DeviceHeartbeat[K] } = {};
  for (const part of value.split(';')) {
    const eq = part.indexOf('=');
    if (eq <= 0) continue;
    const key = part.slice(0, eq).trim();
    const field = part.slice(eq + 1).trim();
    switch (key) {
      case 'outbox':
        if (COUNT.test(field)) out.outboxDepth = Number(field);
        break;
      case 'free':
        if (COUNT.test(field)) out.freeBytes = Number(field);
        break;
      case 'app':
        if (VERSION.test(field)) out.appVersion = field;
        break;
      case 'content':
        if (VERSION.test(field)) out.contentVersion = field;
        break;
      case 'synced':
        if (ISO.test(field) && !Number.isNaN(Date.parse(field))) out.lastSyncedAt = field;
        break;
      default:
        break;
    }
  }
  return Object.keys(out).length > 0 ? out : undefined;
}
