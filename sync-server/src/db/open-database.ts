import { join } from 'node:path';
import type { Database } from './database';
import { migrate } from './migrations';
import { openPglite } from './pglite';
import { openPostgres } from './postgres';

export type DatabaseTarget =
  | {
      readonly kind: 'pglite';
      readonly dataDir: string | 'memory://';
      /** PostgreSQL's shared_buffers inside PGlite (default in pglite.ts). */
      readonly sharedBuffers?: string;
    }
  | { readonly kind: 'postgres'; readonly url: string; readonly poolSize?: number };

function pgliteDirectory(dataDir: string): string {
  return join(dataDir, 'pglite');
}

/** Opens the database and brings its schema up to date. */
export async function openDatabase(target: DatabaseTarget): Promise<Database> {
  const db =
    target.kind === 'postgres'
      ? await openPostgres(target.url, target.poolSize)
      : await openPglite(
          target.dataDir === 'memory://' ? 'memory://' : pgliteDirectory(target.dataDir),
          target.sharedBuffers ? { sharedBuffers: target.sharedBuffers } : {},
        );
  try {
    await migrate(db);
  } catch (error) {
    await db.close();
    throw error;
  }
  return db;
}
