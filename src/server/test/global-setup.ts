import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { openPglite, openPostgres } from '../db/client.ts';
import { loadReferenceData } from '../db/reference-data.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** PGlite: a dump of a migrated database with reference data, which each test file opens a copy of. */
    pgliteSnapshotPath: string;
    /** PostgreSQL: a migrated template database each test file clones into a database of its own. */
    postgresTemplate: string;
    postgresUrl: string;
  }
}

export const defaultTestPostgresUrl = 'postgres://root@127.0.0.1:5432/test';

/** Migrates once per run; test files then start from a copy, each with a database of its own. */
export default async function setup(project: TestProject) {
  if (process.env.STEGVIS_TEST_DATABASE === 'postgres') {
    const url = process.env.DATABASE_URL || defaultTestPostgresUrl;
    const template = `stegvis_template_${process.pid}`;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`drop database if exists ${template}`);
    await admin.query(`create database ${template}`);
    const database = await openPostgres(withDatabase(url, template), 2);
    await loadReferenceData(database.db);
    await database.close();
    project.provide('postgresTemplate', template);
    project.provide('postgresUrl', url);
    project.provide('pgliteSnapshotPath', '');
    return async () => {
      await admin.query(`drop database if exists ${template}`);
      await admin.end();
    };
  }
  const database = await openPglite();
  await loadReferenceData(database.db);
  const snapshot = await database.snapshot?.();
  await database.close();
  if (!snapshot) throw new Error('PGlite gave no snapshot');
  const dir = mkdtempSync(join(tmpdir(), 'stegvis-test-'));
  const path = join(dir, 'snapshot.tar');
  writeFileSync(path, Buffer.from(await snapshot.arrayBuffer()));
  project.provide('pgliteSnapshotPath', path);
  project.provide('postgresTemplate', '');
  project.provide('postgresUrl', '');
  return () => rmSync(dir, { recursive: true, force: true });
}

export function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}
