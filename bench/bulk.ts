import type { PGlite } from '@electric-sql/pglite';
import type pg from 'pg';
import type { Database } from '../src/server/db/client.ts';

/** Plain SQL with positional parameters, the same on both drivers. */
export type Sql = {
  query<T = Record<string, unknown>>(text: string, params?: unknown[]): Promise<{ rows: T[] }>;
};

// Drizzle keeps the driver it was given as $client: a PGlite, or the pg pool.
function driverOf(database: Database): PGlite | pg.Pool {
  return (database.db as unknown as { $client: PGlite | pg.Pool }).$client;
}

/** The database's own driver for plain queries: PGlite, or the pg pool (each query on any connection). */
export function clientOf(database: Database): Sql {
  return driverOf(database) as unknown as Sql;
}

/** `work` in one transaction, rolled back when it throws. PGlite's own transaction keeps other queries out. */
export async function transaction<T>(database: Database, work: (sql: Sql) => Promise<T>): Promise<T> {
  if (database.kind === 'pglite') {
    return (driverOf(database) as PGlite).transaction((tx) => work(tx as unknown as Sql));
  }
  return withConnection(database, async (sql) => {
    await sql.query('begin');
    try {
      const result = await work(sql);
      await sql.query('commit');
      return result;
    } catch (error) {
      await sql.query('rollback').catch(() => {});
      throw error;
    }
  });
}

/**
 * One connection of the database for `work`: PGlite has only one; PostgreSQL lends one from the pool, so a
 * transaction begun on it stays on it.
 */
export async function withConnection<T>(database: Database, work: (sql: Sql) => Promise<T>): Promise<T> {
  const client = driverOf(database);
  if (database.kind === 'pglite') return work(client as unknown as Sql);
  const connection = await (client as pg.Pool).connect();
  try {
    return await work(connection as unknown as Sql);
  } finally {
    connection.release();
  }
}

export type ColumnType =
  | 'uuid'
  | 'text'
  | 'integer'
  | 'boolean'
  | 'date'
  | 'timestamptz'
  | 'numeric'
  | 'jsonb'
  | 'text[]'
  | 'integer[]';

/**
 * Rows of one table collected column by column and written as one `insert … select from unnest(…)` per
 * batch: one parameter per column whatever the number of rows, on either driver.
 */
export class BulkTable {
  readonly name: string;
  private readonly columns: [string, ColumnType][];
  private values: unknown[][];
  private pending = 0;
  written = 0;

  constructor(name: string, columns: Record<string, ColumnType>) {
    this.name = name;
    this.columns = Object.entries(columns);
    this.values = this.columns.map(() => []);
  }

  get size(): number {
    return this.pending;
  }

  /** A row by column name; columns left out are null (or take their default when never listed). */
  add(row: Record<string, unknown>): void {
    for (const [i, [column, type]] of this.columns.entries()) {
      const value = row[column] ?? null;
      this.values[i]?.push(value !== null && type === 'jsonb' ? JSON.stringify(value) : value);
    }
    this.pending++;
  }

  async flush(sql: Sql): Promise<void> {
    if (this.pending === 0) return;
    const names = this.columns.map(([c]) => `"${c}"`).join(', ');
    // Arrays of arrays do not nest in unnest, so array columns travel as their text form and are cast back.
    const selected = this.columns
      .map(([c, type]) => (type.endsWith('[]') ? `"${c}"::${type}` : `"${c}"`))
      .join(', ');
    const unnested = this.columns
      .map(([, type], i) => `$${i + 1}::${type.endsWith('[]') ? 'text' : type}[]`)
      .join(', ');
    await sql.query(
      `insert into "${this.name}" (${names}) select ${selected} from unnest(${unnested}) as u(${names})`,
      this.values,
    );
    this.written += this.pending;
    this.values = this.columns.map(() => []);
    this.pending = 0;
  }
}

/** The text form of a PostgreSQL array of plain words or numbers, for text[] and integer[] columns. */
export function arrayLiteral(items: readonly (string | number)[]): string {
  return `{${items.join(',')}}`;
}

/**
 * Tables in the order their foreign keys need. When any holds `batchSize` rows, all are written in that
 * order, so a row never arrives before the row it points to.
 */
export class BulkWriter {
  private readonly tables: BulkTable[] = [];
  private readonly sql: Sql;
  private readonly batchSize: number;

  constructor(sql: Sql, batchSize: number) {
    this.sql = sql;
    this.batchSize = batchSize;
  }

  table(name: string, columns: Record<string, ColumnType>): BulkTable {
    const table = new BulkTable(name, columns);
    this.tables.push(table);
    return table;
  }

  async maybeFlush(): Promise<void> {
    if (this.tables.some((t) => t.size >= this.batchSize)) await this.flush();
  }

  async flush(): Promise<void> {
    for (const table of this.tables) await table.flush(this.sql);
  }

  counts(): Record<string, number> {
    return Object.fromEntries(this.tables.map((t) => [t.name, t.written]));
  }
}
