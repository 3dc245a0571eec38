/**
 * Content snapshots (docs/decisions/0009-content-snapshots.md): every document of a content
 * scope at one checkpoint, as one gzip-compressed, immutable file named by scope and
 * checkpoint. A new device downloads it (with range requests, resuming after a cut) instead of
 * pulling page by page, then pulls the delta from its checkpoint.
 *
 * A snapshot is read by one SQL statement, like a pull: the feed's last seq and the rows come
 * from the same MVCC snapshot, and writers hold the seq counter's lock through commit, so every
 * row up to that seq is in the file and none after it. A document written while the snapshot is
 * taken is either in the file (its old version, when the write commits later) and again in the
 * delta pull (its new version, same id), or only in the delta: none missed, none twice.
 */
import { createHash } from 'node:crypto';
import { promisify } from 'node:util';
import { gzip } from 'node:zlib';
import type { SnapshotCollection, SnapshotDescriptor, SyncCheckpoint } from '@pls/shared/protocol';
import type { Queryable } from '../db/database';
import { scopeCondition, type DeviceIdentity } from './scope';

const gzipAsync = promisify(gzip);

export interface Snapshot {
  readonly name: string;
  readonly bytes: Buffer;
  readonly sha256: string;
  readonly count: number;
  readonly checkpoint: SyncCheckpoint;
}

/** Names of snapshot files: what `GET /api/snapshots/:name` accepts. */
export const SNAPSHOT_NAME = /^(content|directory)\.[a-z0-9-]{1,40}\.\d{1,15}\.json\.gz$/;

/**
 * The scope a device's view of a public collection depends on: content by device kind and
 * region, the directory by region only. Every device of a scope sees the same documents.
 */
export function snapshotScopeOf(device: DeviceIdentity, collection: SnapshotCollection): string {
  const region = /^[0-9]{1,12}$/.test(device.regionCode) ? device.regionCode : 'all';
  return collection === 'content' ? `${device.kind}-${region}` : region;
}

export function descriptorOf(snapshot: Snapshot): SnapshotDescriptor {
  return {
    url: `/api/snapshots/${snapshot.name}`,
    sha256: snapshot.sha256,
    size: snapshot.bytes.length,
    count: snapshot.count,
    checkpoint: snapshot.checkpoint,
  };
}

export async function buildSnapshot(
  db: Queryable,
  device: DeviceIdentity,
  collection: SnapshotCollection,
): Promise<Snapshot> {
  const params: unknown[] = [collection];
  const scope = scopeCondition(device, collection, params);
  const { rows } = await db.query<{
    last_seq: number;
    bodies: string;
    count: number;
    last_id: string | null;
  }>(
    `select c.last_seq,
            coalesce(string_agg(d.body::text, ',' order by d.seq), '') as bodies,
            count(d.seq)::int as count,
            (array_agg(d.id order by d.seq desc))[1] as last_id
       from collection_seq c
       left join documents d
         on d.collection = c.collection and d.seq <= c.last_seq and ${scope}
      where c.collection = $1
      group by c.last_seq`,
    params,
  );
  const row = rows[0];
  if (!row) throw new Error(`no seq counter for ${collection}`);
  const checkpoint: SyncCheckpoint = { seq: Number(row.last_seq), id: row.last_id ?? '' };
  const bytes = await gzipAsync(
    `{"documents":[${row.bodies}],"checkpoint":${JSON.stringify(checkpoint)}}`,
  );
  return {
    name: `${collection}.${snapshotScopeOf(device, collection)}.${checkpoint.seq}.json.gz`,
    bytes,
    sha256: createHash('sha256').update(bytes).digest('hex'),
    count: row.count,
    checkpoint,
  };
}

export interface SnapshotStoreOptions {
  /** Writes to the collection after a snapshot before the next device gets a new one. */
  readonly rebuildAfter: number;
  /** Bytes of snapshots kept in memory; the least recently used go first. */
  readonly maxBytes: number;
}

export const DEFAULT_SNAPSHOT_OPTIONS: SnapshotStoreOptions = {
  rebuildAfter: 500,
  maxBytes: 128 * 1024 * 1024,
};

/**
 * The snapshots of one server process. A scope's snapshot is rebuilt when its collection has
 * moved `rebuildAfter` seqs past it (the delta pull is then no longer small) or on `invalidate`;
 * older files stay served while they fit, so a download begun before a rebuild still resumes.
 */
export class SnapshotStore {
  private readonly current = new Map<string, Snapshot>();
  private readonly building = new Map<string, Promise<Snapshot>>();
  /** By name, in least-recently-used order. */
  private readonly files = new Map<string, Snapshot>();
  private bytes = 0;

  constructor(
    private readonly db: Queryable,
    private readonly highWaterOf: (collection: SnapshotCollection) => number,
    private readonly options: SnapshotStoreOptions = DEFAULT_SNAPSHOT_OPTIONS,
  ) {}

  async forDevice(device: DeviceIdentity, collection: SnapshotCollection): Promise<Snapshot> {
    const key = `${collection}.${snapshotScopeOf(device, collection)}`;
    const known = this.current.get(key);
    if (known && this.highWaterOf(collection) - known.checkpoint.seq < this.options.rebuildAfter)
      return known;
    // Devices of one scope asking together share one build.
    let pending = this.building.get(key);
    if (!pending) {
      pending = buildSnapshot(this.db, device, collection).finally(() => this.building.delete(key));
      this.building.set(key, pending);
    }
    const built = await pending;
    this.current.set(key, built);
    this.keep(built);
    return built;
  }

  file(name: string): Snapshot | undefined {
    const found = this.files.get(name);
    if (found) {
      this.files.delete(name);
      this.files.set(name, found);
    }
    return found;
  }

  /** The next device of every scope gets a fresh snapshot (content republished). */
  invalidate(): void {
    this.current.clear();
  }

  private keep(snapshot: Snapshot): void {
    if (this.files.has(snapshot.name)) return;
    this.files.set(snapshot.name, snapshot);
    this.bytes += snapshot.bytes.length;
    for (const [name, old] of this.files) {
      if (this.bytes <= this.options.maxBytes || name === snapshot.name) break;
      this.files.delete(name);
      this.bytes -= old.bytes.length;
    }
  }
}
