import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { buildApp } from '../app.ts';
import { loadConfig } from '../config.ts';
import { createUser, createWorld, enrolParticipant, testPassword } from '../test/factories.ts';
import { createTestApp, login, type TestContext } from '../test/test-app.ts';
import { type Database, openPostgres, queryRows } from './client.ts';

// Issue 8 §4: with DATABASE_REPLICA_URL the dashboard and the goal figure read from a replica, everything else
// from the primary. The "replica" here is the test database through a second pool whose every transaction is
// read-only, as on a hot standby, and named, so its connections can be told apart; then one that does not
// answer at all. It runs with `npm run test:pg`: PGlite has no replicas.

const skipReason = inject('postgresTemplate') ? null : 'runs in `npm run test:pg`';
const config = { ...loadConfig({}), webDir: '/nonexistent', loginRateLimit: 1000 };

function replicaUrl(url: string): string {
  const replica = new URL(url);
  replica.searchParams.set('application_name', 'stegvis-replica');
  replica.searchParams.set('options', '-c default_transaction_read_only=on');
  return replica.toString();
}

describe.skipIf(skipReason !== null)('a read replica for the figures (DATABASE_REPLICA_URL)', () => {
  let t: TestContext;
  let replica: Database;
  let onReplica: FastifyInstance;
  let world: Awaited<ReturnType<typeof createWorld>>;

  beforeAll(async () => {
    t = await createTestApp();
    replica = await openPostgres(replicaUrl(t.databaseUrl ?? ''), 2, { migrate: false });
    onReplica = await buildApp({ database: t.database, replica, config });
    await onReplica.ready();
    world = await createWorld(t.app, t.db);
    await enrolParticipant(world.caseworker, world);
  });
  afterAll(async () => {
    await onReplica?.close();
    await replica?.close();
    await t?.close();
  });

  it('answers the dashboard and the goal figure from the replica, as the primary would', async () => {
    const { email } = await createUser(t.db, 'programme_manager', [world.centre.id], world.organisation.id);
    const manager = await login(t.app, email, testPassword);
    const throughReplica = await login(onReplica, email, testPassword);
    const programmeId = world.programme.programme.id;
    for (const path of [
      `/api/programmes/${programmeId}/dashboard`,
      `/api/programmes/${programmeId}/goal-figure`,
    ]) {
      const fromReplica = await throughReplica.get(path);
      expect(fromReplica.statusCode, fromReplica.body).toBe(200);
      expect(fromReplica.json()).toEqual((await manager.get(path)).json());
    }
    const dashboard = (await throughReplica.get(`/api/programmes/${programmeId}/dashboard`)).json();
    expect(dashboard.enrolled.counts.total).toBe(1);
    const connections = await queryRows<{ n: number }>(
      t.db,
      sql`select count(*)::int as n from pg_stat_activity
        where application_name = 'stegvis-replica' and datname = current_database()`,
    );
    expect(connections[0]?.n).toBeGreaterThan(0);
    // The replica's pool takes no writes, so nothing those routes do writes.
    // 25006: read_only_sql_transaction.
    await expect(replica.db.execute(sql`create table not_on_a_replica (id int)`)).rejects.toMatchObject({
      cause: { code: '25006' },
    });
  });

  it('keeps everything else on the primary when the replica does not answer', async () => {
    const gone = await openPostgres('postgres://root@127.0.0.1:1/stegvis', 2, { migrate: false });
    const app = await buildApp({ database: t.database, replica: gone, config });
    try {
      const { email } = await createUser(t.db, 'coordinator', [world.centre.id], world.organisation.id);
      const session = await login(app, email, testPassword);
      const list = await session.post('/api/participants/search', {});
      expect(list.statusCode).toBe(200);
      expect(list.json().total).toBe(1);
      const figures = await session.get(`/api/programmes/${world.programme.programme.id}/dashboard`);
      expect(figures.statusCode).toBe(503);
      expect(figures.json().error.code).toBe('DATABASE_UNAVAILABLE');
    } finally {
      await app.close();
      await gone.close();
    }
  });

  it('is refused without DATABASE_URL: the embedded database has no replicas', () => {
    expect(() => loadConfig({ DATABASE_REPLICA_URL: 'postgres://replica/stegvis' })).toThrow(/DATABASE_URL/);
    expect(
      loadConfig({
        DATABASE_URL: 'postgres://primary/stegvis',
        DATABASE_REPLICA_URL: 'postgres://replica/stegvis',
      }).databaseReplicaUrl,
    ).toBe('postgres://replica/stegvis');
    expect(loadConfig({ DATABASE_URL: 'postgres://primary/stegvis' }).databaseReplicaUrl).toBeNull();
  });
});
