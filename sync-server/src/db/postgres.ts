import pg from 'pg';
import type { Database, Queryable } from './database';

const INT8_OID = 20;

/**
 * A real PostgreSQL through a connection pool. Sequences (int8) come back as numbers: they
 * stay far below 2^53. LISTEN uses its own connection, re-opened if it drops.
 */
export async function openPostgres(connectionString: string, poolSize = 10): Promise<Database> {
  const types = new pg.TypeOverrides();
  types.setTypeParser(INT8_OID, (value: string) => Number(value));
  const pool = new pg.Pool({ connectionString, max: poolSize, types });
  // An idle client's error (server restart) must not crash the process; the pool replaces it.
  pool.on('error', (error) => console.error('postgres pool error:', error.message));
  await pool.query('select 1');

  const listeners = new Map<string, Set<(payload: string) => void>>();
  let listenClient: pg.Client | undefined;
  let closed = false;

  async function connectListener(): Promise<void> {
    const client = new pg.Client({ connectionString, types });
    client.on('notification', (message) => {
      for (const callback of listeners.get(message.channel) ?? []) callback(message.payload ?? '');
    });
    client.on('error', (error) => {
      console.error('postgres listen connection error:', error.message);
      listenClient = undefined;
      if (!closed) setTimeout(() => void connectListener().catch(() => undefined), 1000);
    });
    await client.connect();
    for (const channel of listeners.keys())
      await client.query(`LISTEN ${pg.escapeIdentifier(channel)}`);
    listenClient = client;
  }

  const wrap = (q: pg.Pool | pg.PoolClient): Queryable => ({
    async query<T>(sql: string, params?: readonly unknown[]) {
      const result = await q.query(sql, params ? [...params] : undefined);
      return { rows: result.rows as T[] };
    },
    async exec(sql: string) {
      // Without parameters pg uses the simple protocol, which runs several statements.
      await q.query(sql);
    },
  });

  return {
    kind: 'postgres',
    ...wrap(pool),
    async transaction(work) {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const result = await work(wrap(client));
        await client.query('COMMIT');
        return result;
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw error;
      } finally {
        client.release();
      }
    },
    async listen(channel, onPayload) {
      let set = listeners.get(channel);
      if (!set) {
        set = new Set();
        listeners.set(channel, set);
        if (listenClient) await listenClient.query(`LISTEN ${pg.escapeIdentifier(channel)}`);
      }
      set.add(onPayload);
      if (!listenClient) await connectListener();
      return async () => {
        set.delete(onPayload);
      };
    },
    async close() {
      closed = true;
      await listenClient?.end().catch(() => undefined);
      await pool.end();
    },
  };
}
