/**
 * Wire types of the sync protocol (docs/decisions/0002-sync-protocol.md), shared by the server
 * and the replication client, with parsers for everything that crosses the network. Documents
 * themselves are checked against their collection schema (`validateDocument`) where they enter;
 * the parsers here check the envelopes.
 */
import type { CollectionName } from '../domain/collections';
import { isCollectionName } from '../domain/collections';
import { err, ok, type Result } from '../domain/result';
import { isRecord } from '../domain/is-record';

/**
 * Server-owned position in one collection's change feed. `seq` is assigned by the server on
 * every accepted write, outside the replicated body, and grows in commit order; `id` only
 * breaks ties for clients that compare checkpoints.
 */
export interface SyncCheckpoint {
  readonly seq: number;
  readonly id: string;
}

/** A replicated document as it travels: the collection's body plus RxDB's `_deleted` flag. */
export type WireDocument = Readonly<Record<string, unknown>> & { readonly _deleted: boolean };

/** `GET /api/sync/:collection/pull?seq=&id=&limit=` */
export interface PullResponse {
  readonly documents: readonly WireDocument[];
  /** The position after the last document; the request's own position when nothing is new. */
  readonly checkpoint: SyncCheckpoint | null;
}

export const PULL_LIMIT_DEFAULT = 500;
export const PULL_LIMIT_MAX = 2000;

/** One row of `POST /api/sync/:collection/push`: what the device last saw and what it has now. */
export interface PushRow {
  readonly assumedMasterState?: WireDocument;
  readonly newDocumentState: WireDocument;
}

export interface PushRequest {
  readonly rows: readonly PushRow[];
}

/** Rows whose stored body differs from their `assumedMasterState` come back with that body. */
export interface PushResponse {
  readonly conflicts: readonly WireDocument[];
}

export const PUSH_ROWS_MAX = 200;

/** Events of `GET /api/sync/stream` (Server-Sent Events, one connection per device). */
export type StreamEvent =
  | {
      readonly type: 'hello';
      readonly deviceId: string;
      readonly serverTime: string;
      readonly heartbeatSeconds: number;
    }
  /** Sent first on every connection: the client must pull from its checkpoints (it may have missed changes). */
  | { readonly type: 'resync' }
  | {
      readonly type: 'changes';
      readonly collection: CollectionName;
      readonly documents: readonly WireDocument[];
      readonly checkpoint: SyncCheckpoint;
    }
  | { readonly type: 'heartbeat'; readonly serverTime: string }
  /** The server ends the stream: the device was revoked, or the server is shutting down. */
  | { readonly type: 'closing'; readonly reason: 'revoked' | 'shutdown' };

export type StreamEventType = StreamEvent['type'];
export const STREAM_EVENT_TYPES: readonly StreamEventType[] = [
  'hello',
  'resync',
  'changes',
  'heartbeat',
  'closing',
];

/** Heartbeat interval of the stream; the client treats twice this without data as a dead link. */
export const STREAM_HEARTBEAT_SECONDS = 20;

/** Serializes an event as an SSE frame (`event:` name, one `data:` line of JSON). */
export function encodeStreamEvent(event: StreamEvent): string {
  const { type, ...data } = event;
  return `event: ${type}\ndata: ${JSON.stringify(data)}\n\n`;
}

export interface HealthResponse {
  readonly status: 'ok';
  readonly version: string;
  readonly database: 'pglite' | 'postgres';
  readonly uptimeSeconds: number;
  readonly serverTime: string;
  /** Event streams this server process holds now (capacity and balancing, not per device). */
  readonly openStreams: number;
}

export function isSyncCheckpoint(value: unknown): value is SyncCheckpoint {
  return (
    isRecord(value) &&
    typeof value['seq'] === 'number' &&
    Number.isSafeInteger(value['seq']) &&
    value['seq'] >= 0 &&
    typeof value['id'] === 'string'
  );
}

function isWireDocument(value: unknown): value is WireDocument {
  return (
    isRecord(value) && typeof value['_deleted'] === 'boolean' && typeof value['id'] === 'string'
  );
}

export type EnvelopeError = { readonly kind: 'envelope'; readonly message: string };

export function parsePullResponse(value: unknown): Result<PullResponse, EnvelopeError> {
  if (!isRecord(value)) return err({ kind: 'envelope', message: 'pull response is not an object' });
  const { documents, checkpoint } = value;
  if (!Array.isArray(documents) || !documents.every(isWireDocument)) {
    return err({ kind: 'envelope', message: 'pull response documents malformed' });
  }
  if (checkpoint !== null && !isSyncCheckpoint(checkpoint)) {
    return err({ kind: 'envelope', message: 'pull response checkpoint malformed' });
  }
  return ok({ documents, checkpoint });
}

export function parsePushResponse(value: unknown): Result<PushResponse, EnvelopeError> {
  if (!isRecord(value) || !Array.isArray(value['conflicts'])) {
    return err({ kind: 'envelope', message: 'push response has no conflicts array' });
  }
  const conflicts = value['conflicts'];
  if (!conflicts.every(isWireDocument)) {
    return err({ kind: 'envelope', message: 'push response conflicts malformed' });
  }
  return ok({ conflicts });
}

/** Parses the `data:` of one SSE frame whose `event:` was `type`. */
export function parseStreamEvent(type: string, data: string): Result<StreamEvent, EnvelopeError> {
  let body: unknown;
  try {
    body = data === '' ? {} : JSON.parse(data);
  } catch {
    return err({ kind: 'envelope', message: `stream event ${type}: data is not JSON` });
  }
  if (!isRecord(body))
    return err({ kind: 'envelope', message: `stream event ${type}: not an object` });
  switch (type) {
    case 'hello':
      if (
        typeof body['deviceId'] === 'string' &&
        typeof body['serverTime'] === 'string' &&
        typeof body['heartbeatSeconds'] === 'number'
      ) {
        return ok({
          type,
          deviceId: body['deviceId'],
          serverTime: body['serverTime'],
          heartbeatSeconds: body['heartbeatSeconds'],
        });
      }
      break;
    case 'resync':
      return ok({ type });
    case 'heartbeat':
      if (typeof body['serverTime'] === 'string')
        return ok({ type, serverTime: body['serverTime'] });
      break;
    case 'closing':
      if (body['reason'] === 'revoked' || body['reason'] === 'shutdown') {
        return ok({ type, reason: body['reason'] });
      }
      break;
    case 'changes': {
      const { collection, documents, checkpoint } = body;
      if (
        typeof collection === 'string' &&
        isCollectionName(collection) &&
        Array.isArray(documents) &&
        documents.every(isWireDocument) &&
        isSyncCheckpoint(checkpoint)
      ) {
        return ok({ type, collection, documents, checkpoint });
      }
      break;
    }
    default:
      return err({ kind: 'envelope', message: `unknown stream event ${type}` });
  }
  return err({ kind: 'envelope', message: `stream event ${type}: malformed` });
}
