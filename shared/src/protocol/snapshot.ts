/**
 * Content snapshots (docs/decisions/0009-content-snapshots.md): what
 * `GET /api/sync/:collection/snapshot` answers a device. The file it names is gzip-compressed
 * JSON of the same shape as a pull answer (`{documents, checkpoint}`), immutable and public to
 * its scope, fetched with range requests from `url` (relative to the server).
 */
import { isRecord } from '../domain/is-record';
import { err, ok, type Result } from '../domain/result';
import type { SyncCheckpoint } from './sync-wire';

/** The collections public to a scope, which have snapshots; personal ones never do. */
export const SNAPSHOT_COLLECTIONS = ['content', 'directory'] as const;
export type SnapshotCollection = (typeof SNAPSHOT_COLLECTIONS)[number];

export function isSnapshotCollection(name: string): name is SnapshotCollection {
  return (SNAPSHOT_COLLECTIONS as readonly string[]).includes(name);
}

export interface SnapshotDescriptor {
  readonly url: string;
  /** Hex sha256 of the compressed file; its strong ETag is `"sha256-<sha256>"`. */
  readonly sha256: string;
  /** Compressed bytes. */
  readonly size: number;
  readonly count: number;
  /** Pull from here after the snapshot: every document up to it is in the file. */
  readonly checkpoint: SyncCheckpoint;
}

export function parseSnapshotDescriptor(value: unknown): Result<SnapshotDescriptor, string> {
  if (!isRecord(value)) return err('snapshot descriptor is not an object');
  const { url, sha256, size, count, checkpoint } = value;
  if (typeof url !== 'string' || !url.startsWith('/api/snapshots/'))
    return err('snapshot url malformed');
  if (typeof sha256 !== 'string' || !/^[0-9a-f]{64}$/.test(sha256))
    return err('snapshot sha256 malformed');
  if (typeof size !== 'number' || !Number.isSafeInteger(size) || size < 0)
    return err('snapshot size malformed');
  if (typeof count !== 'number' || !Number.isSafeInteger(count) || count < 0)
    return err('snapshot count malformed');
  if (
    !isRecord(checkpoint) ||
    typeof checkpoint['seq'] !== 'number' ||
    typeof checkpoint['id'] !== 'string'
  )
    return err('snapshot checkpoint malformed');
  return ok({
    url,
    sha256,
    size,
    count,
    checkpoint: { seq: checkpoint['seq'], id: checkpoint['id'] },
  });
}
