import type { DeviceAuth } from './auth/device-auth';
import type { Database } from './db/database';
import type { ChangeFeed } from './sync/change-feed';
import type { StreamCaps } from './sync/stream-caps';

/** What the routes share: built once per server process. */
export interface AppContext {
  readonly db: Database;
  readonly feed: ChangeFeed;
  readonly auth: DeviceAuth;
  readonly version: string;
  readonly startedAt: number;
  readonly heartbeatSeconds: number;
  /** Per-run secret of the admin RPC (admin CLI → running PGlite server); absent: RPC off. */
  readonly adminToken?: string;
  /** Where `publish` and the seed read content pack files. */
  readonly contentDir: string;
  readonly now: () => Date;
  /** Enrollments allowed per client address and minute. */
  readonly enrollRateLimit: number;
  /** Open event streams per device and per client address. */
  readonly streams: StreamCaps;
}
