import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import pg from 'pg';
import { inject } from 'vitest';
import { buildApp } from '../app.ts';
import { type Config, loadConfig } from '../config.ts';
import { type Database, openPglite, openPostgres } from '../db/client.ts';
import { withDatabase } from './global-setup.ts';

export type TestContext = {
  app: FastifyInstance;
  database: Database;
  db: Database['db'];
  /** The test database's connection string on PostgreSQL; null on PGlite. */
  databaseUrl: string | null;
  close(): Promise<void>;
};

/** A fresh database of the engine under test (PGlite or PostgreSQL) and the app on it, for one test file. */
export async function createTestApp(overrides: Partial<Config> = {}): Promise<TestContext> {
  const { database, databaseUrl, drop } = await openTestDatabase();
  const config: Config = { ...loadConfig({}), webDir: '/nonexistent', loginRateLimit: 1000, ...overrides };
  const app = await buildApp({ database, config });
  await app.ready();
  return {
    app,
    database,
    db: database.db,
    databaseUrl,
    close: async () => {
      await app.close();
      await database.close();
      await drop();
    },
  };
}

async function openTestDatabase(): Promise<{
  database: Database;
  databaseUrl: string | null;
  drop: () => Promise<void>;
}> {
  const template = inject('postgresTemplate');
  if (!template) {
    const snapshot = new Blob([readFileSync(inject('pgliteSnapshotPath'))]);
    return { database: await openPglite({ snapshot }), databaseUrl: null, drop: async () => {} };
  }
  const url = inject('postgresUrl');
  const name = `stegvis_test_${randomUUID().replaceAll('-', '')}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`create database ${name} template ${template}`);
  await admin.end();
  const databaseUrl = withDatabase(url, name);
  const database = await openPostgres(databaseUrl, 5);
  return {
    database,
    databaseUrl,
    drop: async () => {
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      await client.query(`drop database if exists ${name} with (force)`);
      await client.end();
    },
  };
}

/** A logged-in member of staff, sending requests with their session cookie and CSRF token. */
export type Session = {
  userId: string;
  cookie: string;
  csrfToken: string;
  request(options: InjectOptions): Promise<LightMyRequestResponse>;
  get(url: string): Promise<LightMyRequestResponse>;
  post(url: string, body?: unknown): Promise<LightMyRequestResponse>;
  put(url: string, body?: unknown): Promise<LightMyRequestResponse>;
  patch(url: string, body?: unknown): Promise<LightMyRequestResponse>;
};

export async function login(app: FastifyInstance, email: string, password: string): Promise<Session> {
  const response = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { email, password } });
  if (response.statusCode !== 200) throw new Error(`login failed: ${response.statusCode} ${response.body}`);
  const cookie = response.cookies.find((c) => c.name === 'stegvis_session');
  if (!cookie) throw new Error('no session cookie');
  const body = response.json() as { csrfToken: string; user: { id: string } };
  const session: Session = {
    userId: body.user.id,
    cookie: `stegvis_session=${cookie.value}`,
    csrfToken: body.csrfToken,
    request: (options) =>
      app.inject({
        ...options,
        headers: { cookie: session.cookie, 'x-csrf-token': session.csrfToken, ...options.headers },
      }),
    get: (url) => session.request({ method: 'GET', url }),
    post: (url, body) => session.request({ method: 'POST', url, payload: body as InjectOptions['payload'] }),
    put: (url, body) => session.request({ method: 'PUT', url, payload: body as InjectOptions['payload'] }),
    patch: (url, body) =>
      session.request({ method: 'PATCH', url, payload: body as InjectOptions['payload'] }),
  };
  return session;
}
