/**
 * This process's view of the change feeds: the high-water seq of every collection (so a pull
 * with nothing new is answered without the database) and the fan-out of new center-written
 * documents to the devices streaming from this process. Other processes' commits arrive by
 * LISTEN/NOTIFY; this process's own commits arrive the same way (and are noted at once).
 */
import {
  CENTER_WRITTEN_COLLECTIONS,
  COLLECTION_NAMES,
  isCollectionName,
  type CollectionName,
} from '@pls/shared/domain';
import { encodeStreamEvent, type SyncCheckpoint } from '@pls/shared/protocol';
import { CHANNELS, type Database } from '../db/database';
import { visibleTo, type DeviceIdentity } from './scope';

export interface StreamSubscriber {
  readonly device: DeviceIdentity;
  /** Writes one SSE frame; returns false when the connection is too far behind (it is then closed). */
  send(frame: string): boolean;
  close(reason: 'revoked' | 'shutdown' | 'lagging'): void;
}

interface FeedRow {
  seq: number;
  id: string;
  body: string;
  owner_device_id: string | null;
  household_id: string | null;
  region_code: string | null;
  audiences: string[] | null;
}

const FETCH_BATCH = 500;
const STREAMED: ReadonlySet<CollectionName> = new Set(CENTER_WRITTEN_COLLECTIONS);

export class ChangeFeed {
  private readonly highWater = new Map<CollectionName, number>();
  private readonly broadcastSeq = new Map<CollectionName, number>();
  private readonly subscribers = new Set<StreamSubscriber>();
  private readonly running = new Map<CollectionName, Promise<void>>();
  private readonly again = new Set<CollectionName>();
  private readonly revocationListeners = new Set<(deviceId: string) => void>();
  private unlisten: Array<() => Promise<void>> = [];
  private heartbeat: NodeJS.Timeout | undefined;
  private stopped = false;

  private constructor(private readonly db: Database) {}

  static async start(db: Database, heartbeatSeconds: number): Promise<ChangeFeed> {
    const feed = new ChangeFeed(db);
    feed.unlisten.push(
      await db.listen(CHANNELS.changes, (payload) => feed.onNotify(payload)),
      await db.listen(CHANNELS.revoked, (deviceId) => feed.onRevoked(deviceId)),
    );
    const { rows } = await db.query<{ collection: string; last_seq: number }>(
      'select collection, last_seq from collection_seq',
    );
    for (const name of COLLECTION_NAMES) {
      const last = rows.find((r) => r.collection === name)?.last_seq ?? 0;
      feed.highWater.set(name, last);
      feed.broadcastSeq.set(name, last);
    }
    feed.heartbeat = setInterval(() => feed.sendHeartbeats(), heartbeatSeconds * 1000);
    feed.heartbeat.unref();
    return feed;
  }

  highWaterOf(collection: CollectionName): number {
    return this.highWater.get(collection) ?? 0;
  }

  /** A commit this process made or learned of (a pull saw a later seq): raise the mark, fan out. */
  noteCommitted(collection: CollectionName, seq: number): void {
    if (seq > this.highWaterOf(collection)) this.highWater.set(collection, seq);
    if (STREAMED.has(collection)) this.schedule(collection);
  }

  subscribe(subscriber: StreamSubscriber): () => void {
    this.subscribers.add(subscriber);
    return () => {
      this.subscribers.delete(subscriber);
    };
  }

  get subscriberCount(): number {
    return this.subscribers.size;
  }

  onRevocation(listener: (deviceId: string) => void): () => void {
    this.revocationListeners.add(listener);
    return () => this.revocationListeners.delete(listener);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearInterval(this.heartbeat);
    for (const subscriber of [...this.subscribers]) subscriber.close('shutdown');
    this.subscribers.clear();
    await Promise.all(this.unlisten.map((u) => u().catch(() => undefined)));
    await Promise.all([...this.running.values()].map((p) => p.catch(() => undefined)));
  }

  private onNotify(payload: string): void {
    const at = payload.lastIndexOf(':');
    const collection = payload.slice(0, at);
    const seq = Number(payload.slice(at + 1));
    if (!isCollectionName(collection) || !Number.isSafeInteger(seq)) return;
    this.noteCommitted(collection, seq);
  }

  private onRevoked(deviceId: string): void {
    for (const listener of this.revocationListeners) listener(deviceId);
    for (const subscriber of [...this.subscribers]) {
      if (subscriber.device.id === deviceId) {
        this.subscribers.delete(subscriber);
        subscriber.close('revoked');
      }
    }
  }

  private sendHeartbeats(): void {
    const frame = encodeStreamEvent({ type: 'heartbeat', serverTime: new Date().toISOString() });
    for (const subscriber of [...this.subscribers]) this.deliver(subscriber, frame);
  }

  private deliver(subscriber: StreamSubscriber, frame: string): void {
    if (!subscriber.send(frame)) {
      this.subscribers.delete(subscriber);
      subscriber.close('lagging');
    }
  }

  /** One fetch loop per collection at a time; a notification during a loop runs it once more. */
  private schedule(collection: CollectionName): void {
    if (this.stopped) return;
    if (this.running.has(collection)) {
      this.again.add(collection);
      return;
    }
    const run = this.fanOut(collection)
      .catch((error: unknown) => console.error(`change feed ${collection}:`, error))
      .finally(() => {
        this.running.delete(collection);
        if (this.again.delete(collection)) this.schedule(collection);
      });
    this.running.set(collection, run);
  }

  private async fanOut(collection: CollectionName): Promise<void> {
    for (;;) {
      const from = this.broadcastSeq.get(collection) ?? 0;
      if (this.subscribers.size === 0) {
        // Nobody to tell: a device connecting later resyncs from its own checkpoint anyway.
        this.broadcastSeq.set(collection, Math.max(from, this.highWaterOf(collection)));
        return;
      }
      if (from >= this.highWaterOf(collection)) return;
      const { rows } = await this.db.query<FeedRow>(
        `select seq, id, body::text as body, owner_device_id, household_id, region_code, audiences
           from documents where collection = $1 and seq > $2 order by seq limit $3`,
        [collection, from, FETCH_BATCH],
      );
      const last = rows.at(-1);
      if (!last) {
        // The notified rows are not visible yet to this connection; the next notify retries.
        return;
      }
      this.broadcastSeq.set(collection, last.seq);
      if (last.seq > this.highWaterOf(collection)) this.highWater.set(collection, last.seq);
      this.dispatch(collection, rows);
      if (rows.length < FETCH_BATCH) return;
    }
  }

  private dispatch(collection: CollectionName, rows: readonly FeedRow[]): void {
    for (const subscriber of [...this.subscribers]) {
      const visible = rows.filter((row) =>
        visibleTo(subscriber.device, collection, {
          owner: row.owner_device_id,
          household: row.household_id,
          region: row.region_code,
          audiences: row.audiences,
        }),
      );
      const last = visible.at(-1);
      if (!last) continue;
      const checkpoint: SyncCheckpoint = { seq: last.seq, id: last.id };
      // Bodies are already JSON text from the database: splice them in without re-parsing.
      const data = `{"collection":${JSON.stringify(collection)},"documents":[${visible.map((r) => r.body).join(',')}],"checkpoint":${JSON.stringify(checkpoint)}}`;
      this.deliver(subscriber, `event: changes\ndata: ${data}\n\n`);
    }
  }
}
