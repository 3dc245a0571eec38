/**
 * The one database interface the server uses, with two implementations: embedded PGlite (the
 * default, files under DATA_DIR) and a real PostgreSQL (DATABASE_URL). Same SQL for both.
 */
export interface QueryResult<T> {
  readonly rows: T[];
}

export interface Queryable {
  query<T = Record<string, unknown>>(
    sql: string,
    params?: readonly unknown[],
  ): Promise<QueryResult<T>>;
  /** Several statements without parameters (migrations). */
  exec(sql: string): Promise<void>;
}

export type DatabaseKind = 'pglite' | 'postgres';

export interface Database extends Queryable {
  readonly kind: DatabaseKind;
  /** Runs `work` in one transaction; a thrown error rolls everything back. */
  transaction<T>(work: (tx: Queryable) => Promise<T>): Promise<T>;
  /** LISTEN on a channel; NOTIFYs sent in a transaction arrive after its commit. */
  listen(channel: string, onPayload: (payload: string) => void): Promise<() => Promise<void>>;
  close(): Promise<void>;
}

/** Channels of NOTIFY between server processes sharing one PostgreSQL. */
export const CHANNELS = {
  /** Payload `<collection>:<seq>`: a change was committed in that collection. */
  changes: 'pls_changes',
  /** Payload `<deviceId>`: that device's token no longer works. */
  revoked: 'pls_revoked',
} as const;
