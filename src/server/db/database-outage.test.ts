import { type ChildProcess, spawn } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { errorMessages } from '../../core/messages.ts';
import { retryAfterSeconds } from '../plugins/errors.ts';
import { createCentre, createProgramme, createUser, personInput, testPassword } from '../test/factories.ts';
import {
  freePort,
  type PostgresCluster,
  postgresBinDir,
  startPostgresCluster,
} from '../test/postgres-cluster.ts';
import { openPostgres } from './client.ts';

// Issue 7 §7: with PostgreSQL stopped and started under load, the app answers 503 and recovers by itself.
// The app runs as it does in production (`node src/server/main.ts`, a process of its own, so a crash shows)
// on a PostgreSQL server this test starts, stops and starts again. It runs with `npm run test:pg`, the
// PostgreSQL suite, and never touches that suite's shared server.

const binDir = postgresBinDir();
const skipReason = !inject('postgresTemplate')
  ? 'runs in `npm run test:pg`'
  : binDir
    ? null
    : 'no PostgreSQL server binaries (initdb, pg_ctl): neither `pg_config --bindir` nor /usr/lib/postgresql/*/bin';

// A request that has not answered by then hangs: the pool gives up on a connection after 5 s.
const hangLimitMs = 20_000;

type Target = 'list-sv' | 'list-en' | 'readyz' | 'healthz';
type Phase = 'up' | 'stopping' | 'down' | 'starting' | 'recovered';
type Result = {
  target: Target;
  /** The phase when the request was sent and when its answer came (or it gave up). */
  sent: Phase;
  answered: Phase;
  status: number | 'hang' | 'no-answer';
  code?: string;
  message?: string;
  retryAfter: string | null;
};

describe.skipIf(skipReason !== null)(
  `PostgreSQL stops and starts under load${skipReason ? ` (skipped: ${skipReason})` : ''}`,
  () => {
    let cluster: PostgresCluster;
    let app: ChildProcess;
    let appLog = '';
    let baseUrl: string;
    let cookie: string;
    let csrfToken: string;
    let centreId: string;
    let programmeId: string;

    async function call(path: string, init: RequestInit = {}) {
      return fetch(`${baseUrl}${path}`, {
        ...init,
        headers: { cookie, 'x-csrf-token': csrfToken, ...(init.headers as Record<string, string>) },
        signal: AbortSignal.timeout(hangLimitMs),
      });
    }

    function refer() {
      return call('/api/referrals', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          participant: personInput(),
          programmeId,
          centreId,
          referringOfficer: 'Handläggare Test',
          referringOffice: 'Arbetsförmedlingen Haninge',
          referredOn: '2026-11-02',
          basis: 'establishment_programme',
          note: null,
        }),
      });
    }

    beforeAll(async () => {
      cluster = await startPostgresCluster(binDir as string);
      // The app migrates the empty database and loads the code lists itself, as in production.
      const port = await freePort();
      baseUrl = `http://127.0.0.1:${port}`;
      app = spawn(process.execPath, ['src/server/main.ts'], {
        env: {
          ...process.env,
          DATABASE_URL: cluster.url,
          DATABASE_POOL_SIZE: '4',
          PORT: String(port),
          HOST: '127.0.0.1',
          STEGVIS_DEMO_DATA: 'false',
          STEGVIS_WEB_DIR: '/nonexistent',
          LOG_LEVEL: 'warn',
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      app.stdout?.on('data', (chunk) => {
        appLog += String(chunk);
      });
      app.stderr?.on('data', (chunk) => {
        appLog += String(chunk);
      });
      await until('the app is ready', 1200, async () => {
        if (app.exitCode !== null) throw new Error(`the app exited:\n${appLog}`);
        return fetch(`${baseUrl}/readyz`).then(
          (r) => r.ok,
          () => false,
        );
      });

      const database = await openPostgres(cluster.url, 2);
      try {
        const centre = await createCentre(database.db);
        centreId = centre.id;
        programmeId = (await createProgramme(database.db, [centre.id], centre.organisationId)).programme.id;
        const user = await createUser(database.db, 'coordinator', [centre.id], centre.organisationId);
        const login = await fetch(`${baseUrl}/api/auth/login`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ email: user.email, password: testPassword }),
        });
        expect(login.status).toBe(200);
        cookie = login.headers
          .getSetCookie()
          .map((c) => c.split(';')[0] ?? '')
          .find((c) => c.startsWith('stegvis_session=')) as string;
        csrfToken = ((await login.json()) as { csrfToken: string }).csrfToken;
        for (let i = 0; i < 3; i++) expect((await refer()).status).toBe(201);
      } finally {
        await database.close();
      }
    }, 180_000);

    afterAll(async () => {
      if (app && app.exitCode === null) {
        const exited = new Promise((resolve) => app.once('exit', resolve));
        app.kill('SIGTERM');
        await exited;
      }
      await cluster?.destroy();
    }, 60_000);

    it('answers 503 DATABASE_UNAVAILABLE while it is down, stays live, and recovers on its own', async () => {
      const paths: Record<Target, [string, string]> = {
        'list-sv': ['/api/participants/search', 'sv-SE'],
        'list-en': ['/api/participants/search', 'en-GB'],
        readyz: ['/readyz', 'sv-SE'],
        healthz: ['/healthz', 'sv-SE'],
      };
      const targets = Object.keys(paths) as Target[];
      let phase: Phase = 'up';
      let results: Result[] = [];
      let loading = true;

      async function request(target: Target): Promise<void> {
        const [path, language] = paths[target];
        const sent = phase;
        const into = results;
        try {
          // The participant list is a search: its terms go in a POST body.
          const search = path === '/api/participants/search';
          const response = await call(path, {
            method: search ? 'POST' : 'GET',
            headers: {
              'accept-language': language,
              ...(search ? { 'content-type': 'application/json' } : {}),
            },
            ...(search ? { body: '{}' } : {}),
          });
          const body = (await response.json()) as { error?: { code: string; message: string } };
          into.push({
            target,
            sent,
            answered: phase,
            status: response.status,
            ...(body.error ? { code: body.error.code, message: body.error.message } : {}),
            retryAfter: response.headers.get('retry-after'),
          });
        } catch (error) {
          const status = (error as Error).name === 'TimeoutError' ? 'hang' : 'no-answer';
          into.push({ target, sent, answered: phase, status, retryAfter: null });
        }
      }
      const count = (target: Target, inPhase: Phase) =>
        results.filter((r) => r.target === target && r.sent === inPhase && r.answered === inPhase).length;

      /** One outage under the load: the server stops (fast: clean; immediate: a crash) and starts again. */
      async function outage(mode: 'fast' | 'immediate'): Promise<Result[]> {
        results = [];
        phase = 'up';
        await until('answers before the stop', 600, async () => targets.every((t) => count(t, 'up') >= 5));

        phase = 'stopping';
        await cluster.stop(mode);
        phase = 'down';
        await until('answers while the database is down', 600, async () =>
          targets.every((t) => count(t, 'down') >= 10),
        );
        expect(app.exitCode, `the app exited while the database was down:\n${appLog}`).toBeNull();

        // Beside the load: a write and a login are refused as unavailable, not as a fault or a wrong password.
        const write = await refer();
        expect(write.status).toBe(503);
        expect(((await write.json()) as { error: { code: string } }).error.code).toBe('DATABASE_UNAVAILABLE');
        const login = await fetch(`${baseUrl}/api/auth/login`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ email: 'nobody@test.example', password: testPassword }),
          signal: AbortSignal.timeout(hangLimitMs),
        });
        expect(login.status).toBe(503);

        phase = 'starting';
        await cluster.start();
        phase = 'recovered';
        await until('the list answers again after the restart', 600, async () =>
          results.some((r) => r.target === 'list-sv' && r.sent === 'recovered' && r.status === 200),
        );
        await until('more answers after the restart', 600, async () =>
          targets.every((t) => count(t, 'recovered') >= 10),
        );
        return results;
      }

      // Steady load: six clients, each going round the list in both languages, readiness and liveness.
      const clients = Array.from({ length: 6 }, async (_, client) => {
        for (let i = client; loading; i++) await request(targets[i % targets.length] as Target);
      });
      const rounds: [string, Result[]][] = [];
      try {
        rounds.push(['fast', await outage('fast')]);
        rounds.push(['immediate', await outage('immediate')]);
      } finally {
        loading = false;
        await Promise.all(clients);
      }

      for (const [mode, round] of rounds) {
        const summary = `pg_ctl stop -m ${mode}: ${JSON.stringify(
          round.map((r) => `${r.sent}→${r.answered} ${r.target} ${r.status} ${r.code ?? ''}`),
        )}`;
        // Never a fault, a hang or a dropped connection, in any phase: 200 or 503.
        expect(
          round.filter((r) => r.status !== 200 && r.status !== 503),
          summary,
        ).toEqual([]);
        // Liveness never depends on the database: a supervisor must not restart an instance that only waits.
        expect(
          round.filter((r) => r.target === 'healthz' && r.status !== 200),
          summary,
        ).toEqual([]);
        // Before the stop, everything answered.
        expect(
          round.filter((r) => r.sent === 'up' && r.answered === 'up' && r.status !== 200),
          summary,
        ).toEqual([]);

        // While it was down: every list and readiness answer was a 503 with its code, message and Retry-After.
        const down = round.filter(
          (r) => r.sent === 'down' && r.answered === 'down' && r.target !== 'healthz',
        );
        expect(down.length).toBeGreaterThanOrEqual(30);
        for (const r of down) {
          const message =
            r.target === 'list-en'
              ? errorMessages.en.DATABASE_UNAVAILABLE
              : errorMessages.sv.DATABASE_UNAVAILABLE;
          expect(r, summary).toEqual({
            ...r,
            status: 503,
            code: 'DATABASE_UNAVAILABLE',
            message,
            retryAfter: String(retryAfterSeconds),
          });
        }

        // Recovered without a restart of the app: once the list answered again, nothing failed any more.
        const recovered = round.filter((r) => r.sent === 'recovered');
        const firstSuccess = recovered.findIndex((r) => r.target !== 'healthz' && r.status === 200);
        expect(firstSuccess, summary).toBeGreaterThanOrEqual(0);
        expect(
          recovered.slice(firstSuccess).filter((r) => r.status !== 200),
          summary,
        ).toEqual([]);
      }

      // The session from before the outages still holds (sessions live in the database), reads and writes.
      const list = await call('/api/participants/search', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: '{}',
      });
      expect(list.status).toBe(200);
      expect(((await list.json()) as { total: number }).total).toBe(3);
      expect((await refer()).status).toBe(201);
      const session = await call('/api/auth/session');
      expect(session.status).toBe(200);

      // The same process served it all: it never crashed, and logged the outages as warnings, not faults.
      expect(app.exitCode).toBeNull();
      expect(appLog).toContain('database unavailable');
      expect(appLog).not.toMatch(/"level":(50|60)/);
    }, 300_000);
  },
);

/** Polls every 100 ms, at most `tries` times. */
async function until(what: string, tries: number, ready: () => Promise<boolean>): Promise<void> {
  for (let i = 0; i < tries; i++) {
    if (await ready()) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`gave up waiting for ${what}`);
}
