import { existsSync, rmSync } from 'node:fs';
import pg from 'pg';

/** Where a benchmark data set lives: an embedded database directory, or a PostgreSQL database. */
export type Target = { kind: 'pglite'; dir: string } | { kind: 'postgres'; url: string };

export function describeTarget(target: Target): string {
  if (target.kind === 'pglite') return `PGlite in ${target.dir}`;
  const url = new URL(target.url);
  return `PostgreSQL ${url.host}${url.pathname}`;
}

/** The same server with another database. */
export function withDatabaseName(url: string, name: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${name}`;
  return parsed.toString();
}

function databaseNameOf(url: string): string {
  const name = decodeURIComponent(new URL(url).pathname.slice(1));
  // Only plain names: the name goes into DDL, which takes no parameters.
  if (!/^[a-z][a-z0-9_]*$/.test(name)) throw new Error(`Use a plain lower-case database name, not "${name}"`);
  return name;
}

async function onMaintenanceDatabase<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  let lastError: unknown;
  for (const name of ['postgres', 'template1']) {
    const client = new pg.Client({
      connectionString: withDatabaseName(url, name),
      connectionTimeoutMillis: 5_000,
    });
    try {
      await client.connect();
    } catch (error) {
      lastError = error;
      await client.end().catch(() => {});
      continue;
    }
    try {
      return await work(client);
    } finally {
      await client.end();
    }
  }
  throw lastError;
}

/** Creates the database of `url` if it is missing; with `reset`, drops it first. */
export async function preparePostgres(url: string, reset: boolean): Promise<void> {
  const name = databaseNameOf(url);
  await onMaintenanceDatabase(url, async (client) => {
    if (reset) await client.query(`drop database if exists ${name} with (force)`);
    const { rows } = await client.query('select 1 from pg_database where datname = $1', [name]);
    if (rows.length === 0) await client.query(`create database ${name}`);
  });
}

export async function dropPostgres(url: string): Promise<void> {
  const name = databaseNameOf(url);
  await onMaintenanceDatabase(url, (client) => client.query(`drop database if exists ${name} with (force)`));
}

/** Whether a PostgreSQL server answers at `url` (any database of it). */
export async function postgresReachable(url: string): Promise<boolean> {
  try {
    await onMaintenanceDatabase(url, (client) => client.query('select 1'));
    return true;
  } catch {
    return false;
  }
}

export function preparePglite(dir: string, reset: boolean): void {
  if (reset && existsSync(dir)) rmSync(dir, { recursive: true, force: true });
}
