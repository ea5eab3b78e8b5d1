import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { type SQL, sql } from 'drizzle-orm';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import pg from 'pg';
import * as schema from './schema.ts';

export type Schema = typeof schema;
/** The one database type every repository takes: PGlite and PostgreSQL look the same from here. */
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
export type Tx = PgTransaction<PgQueryResultHKT, Schema>;
/** Either the database or a transaction on it: repositories accept both. */
export type Executor = Db | Tx;

export type Database = {
  kind: 'pglite' | 'postgres';
  db: Db;
  /** Throws when the database does not answer (PostgreSQL: within `pingTimeoutMs`). */
  ping(): Promise<void>;
  /**
   * PostgreSQL only: who hears of a connection the server dropped while no query was running on it (a restart,
   * a failover). Such a loss is reported, never thrown; the next query on the pool answers for it.
   */
  onConnectionError?: (listener: (error: Error) => void) => void;
  close(): Promise<void>;
  /** PGlite only: a dump of the whole database, to open copies from. */
  snapshot?: () => Promise<Blob>;
};

export const migrationsFolder = fileURLToPath(new URL('./migrations', import.meta.url));

/** How long a query waits for a PostgreSQL connection before it fails (and the request answers 503). */
export const connectTimeoutMs = 5_000;
/** How long `/readyz` waits for `select 1`. */
export const pingTimeoutMs = 2_000;

// Serialises migrations when several app instances start against one PostgreSQL at once.
const migrationLockKey = 7_351_020_001;

/**
 * The embedded database: on disk in `dataDir`, or in memory without one. `snapshot` starts it from a dump
 * of an already migrated database (see `snapshotPglite`), which tests use to skip the migrations' cost.
 */
export async function openPglite(options: { dataDir?: string; snapshot?: Blob } = {}): Promise<Database> {
  const { dataDir, snapshot } = options;
  if (dataDir) mkdirSync(dataDir, { recursive: true });
  const client = new PGlite({
    // The participant search's trigram index (migration 0015) needs it.
    extensions: { pg_trgm },
    ...(dataDir ? { dataDir } : {}),
    ...(snapshot ? { loadDataDir: snapshot } : {}),
  });
  await client.waitReady;
  const db = drizzlePglite({ client, schema });
  await migratePglite(db, { migrationsFolder });
  return {
    kind: 'pglite',
    db: db as unknown as Db,
    ping: async () => {
      await client.query('select 1');
    },
    close: () => client.close(),
    snapshot: () => client.dumpDataDir('none'),
  };
}

/**
 * PostgreSQL through a pool. `migrate: false` for a read replica, which takes no writes (the primary's
 * migrations reach it by replication).
 */
export async function openPostgres(
  connectionString: string,
  poolSize = 10,
  { migrate = true }: { migrate?: boolean } = {},
): Promise<Database> {
  const pool = new pg.Pool({
    connectionString,
    max: poolSize,
    connectionTimeoutMillis: connectTimeoutMs,
    // Notices a server that vanished without closing the connection (a network cut), not only a clean stop.
    keepAlive: true,
  });
  let report: (error: Error) => void = () => {};
  // A dropped connection emits 'error' on its client, and on the pool when the client was idle; unheard,
  // either event crashes the process. The pool discards the client; a request holding it fails at its next
  // query. The pool's own event is the same loss, so only the client's is reported.
  pool.on('error', () => {});
  pool.on('connect', (client) => client.on('error', (error) => report(error)));
  const db = drizzlePg({ client: pool, schema });
  if (migrate) {
    const lock = await pool.connect();
    try {
      await lock.query('select pg_advisory_lock($1)', [migrationLockKey]);
      await migratePg(db, { migrationsFolder });
    } finally {
      await lock.query('select pg_advisory_unlock($1)', [migrationLockKey]).catch(() => {});
      lock.release();
    }
  }
  return {
    kind: 'postgres',
    db: db as unknown as Db,
    ping: async () => {
      await withTimeout(pool.query('select 1'), pingTimeoutMs);
    },
    onConnectionError: (listener) => {
      report = listener;
    },
    close: () => pool.end(),
  };
}

async function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(Object.assign(new Error(`no answer within ${ms} ms`), { code: 'ETIMEDOUT' })),
      ms,
    );
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/** Runs raw SQL and returns its rows; both drivers answer with `{ rows }`. */
export async function queryRows<T>(executor: Executor, query: SQL): Promise<T[]> {
  const result = (await executor.execute(query)) as unknown as { rows: T[] };
  return result.rows;
}

export { sql };
