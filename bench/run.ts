import { type ChildProcess, spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { cpus, totalmem, userInfo } from 'node:os';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import autocannon, { type Result } from 'autocannon';
import { todayInSweden } from '../src/core/dates.ts';
import type { Dashboard } from '../src/core/schemas/dashboard.schema.ts';
import { type Database, openPglite, openPostgres } from '../src/server/db/client.ts';
import {
  benchLogins,
  benchPassword,
  defaultSeed,
  type GenerateOptions,
  generate,
  markerOf,
  readMarker,
  shape,
} from './generate.ts';
import {
  describeTarget,
  postgresReachable,
  preparePglite,
  preparePostgres,
  type Target,
  withDatabaseName,
} from './target.ts';

// npm run bench: on PGlite and on PostgreSQL, generate the data set, time a cold start of the app to /readyz,
// then load the app's endpoints with autocannon, each beside its floor (bench/floor.ts) in the same run, time
// the heavy reports, read the server's memory, and write bench/results.md. A benchmark measures; it never fails
// on a number.

const { values } = parseArgs({
  options: {
    participants: { type: 'string', default: '20000' },
    duration: { type: 'string', default: '6' },
    connections: { type: 'string', default: '10' },
    engines: { type: 'string', default: 'pglite,postgres' },
    'database-url': { type: 'string' },
    pglite: { type: 'string' },
    seed: { type: 'string', default: String(defaultSeed) },
    reuse: { type: 'boolean', default: false },
    output: { type: 'string', default: 'bench/results.md' },
    help: { type: 'boolean', default: false },
  },
});
const usage = `Usage: npm run bench -- [--participants N] [--duration S] [--connections N] [--engines pglite,postgres]
                     [--database-url URL] [--pglite DIR] [--seed N] [--reuse] [--output FILE]
  --participants  size of the data set (default 20000; 100000 and 1000000 are the national sizes)
  --duration      seconds of load per endpoint, app and floor each (default 6)
  --connections   concurrent connections of the load (default 10)
  --database-url  the PostgreSQL database to fill (default stegvis_bench on DATABASE_URL's server, or local)
  --pglite        the embedded database directory (default bench/data/pglite-N)
  --reuse         keep a data set of the same size, seed and day instead of generating it again
  --output        where the results go (default bench/results.md)`;
if (values.help) {
  process.stdout.write(`${usage}\n`);
  process.exit(0);
}
const participants = Number(values.participants);
const duration = Number(values.duration);
const connections = Number(values.connections);
const seed = Number(values.seed);
if (![participants, duration, connections, seed].every((n) => Number.isInteger(n) && n > 0)) {
  process.stderr.write(`${usage}\n`);
  process.exit(2);
}
const engines = values.engines.split(',').map((e) => e.trim());
const today = todayInSweden();
const postgresUrl =
  values['database-url'] ??
  process.env.BENCH_DATABASE_URL ??
  (process.env.DATABASE_URL
    ? withDatabaseName(process.env.DATABASE_URL, 'stegvis_bench')
    : `postgres://${userInfo().username}@127.0.0.1:5432/stegvis_bench`);
const pgliteDir = resolve(values.pglite ?? `bench/data/pglite-${participants}`);
const dataOptions: GenerateOptions = { participants, seed, today };

const say = (line: string) => process.stdout.write(`${line}\n`);

// ---------------------------------------------------------------- measurements

type Load = {
  reqPerSec: number;
  p50: number;
  p99: number;
  non2xx: number;
  errors: number;
  /** The statuses of the non-2xx answers, e.g. '409×3'. */
  codes: string[];
};
type Row = {
  name: string;
  app: Load | null;
  floor: Load | null;
  sameAnswer: boolean | null;
  note?: string;
};
type Report = { name: string; medianMs: number | null; bytes: number | null; note?: string };
type EngineResult = {
  engine: string;
  label: string;
  data: string;
  coldStartMs: number | null;
  memory: { idle: number; after: number; peak: number } | null;
  rows: Row[];
  reports: Report[];
  failure?: string;
};

async function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const server = createServer();
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => done(port));
    });
  });
}

function stop(child: ChildProcess): Promise<void> {
  return new Promise((done) => {
    if (child.exitCode !== null) return done();
    const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
    child.once('exit', () => {
      clearTimeout(timer);
      done();
    });
    child.kill('SIGTERM');
  });
}

function targetEnv(target: Target): NodeJS.ProcessEnv {
  const { DATABASE_URL: _, ...env } = process.env;
  return target.kind === 'postgres'
    ? { ...env, DATABASE_URL: target.url }
    : { ...env, STEGVIS_DATA_DIR: target.dir };
}

/** From spawning `node src/server/main.ts` (what `npm start` runs after the build) to the first 200 of /readyz. */
async function coldStart(target: Target): Promise<number> {
  const port = await freePort();
  const started = performance.now();
  const child = spawn(process.execPath, ['src/server/main.ts'], {
    env: {
      ...targetEnv(target),
      PORT: String(port),
      HOST: '127.0.0.1',
      STEGVIS_DEMO_DATA: 'false',
      LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (chunk) => {
    stderr += String(chunk);
  });
  try {
    while (performance.now() - started < 180_000) {
      if (child.exitCode !== null) throw new Error(`the app exited: ${stderr.trim()}`);
      const ready = await fetch(`http://127.0.0.1:${port}/readyz`).then(
        (r) => r.ok,
        () => false,
      );
      if (ready) return performance.now() - started;
      await new Promise((r) => setTimeout(r, 20));
    }
    throw new Error('the app was not ready within 180 s');
  } finally {
    await stop(child);
  }
}

type Server = { child: ChildProcess; app: string; floor: string };

async function startServer(target: Target): Promise<Server> {
  const args = target.kind === 'postgres' ? ['--database-url', target.url] : ['--pglite', target.dir];
  const child = spawn(process.execPath, ['bench/server.ts', ...args], {
    env: targetEnv(target),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (chunk) => {
    stderr += String(chunk);
  });
  const ports = await new Promise<{ app: number; floor: number }>((done, fail) => {
    let out = '';
    child.stdout?.on('data', (chunk) => {
      out += String(chunk);
      const line = out.split('\n').find((l) => l.startsWith('{'));
      if (line) done(JSON.parse(line) as { app: number; floor: number });
    });
    child.once('exit', () => fail(new Error(`the bench server exited: ${stderr.trim()}`)));
  });
  return { child, app: `http://127.0.0.1:${ports.app}`, floor: `http://127.0.0.1:${ports.floor}` };
}

type Session = { headers: Record<string, string> };

async function login(appUrl: string, email: string): Promise<Session> {
  const response = await fetch(`${appUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: benchPassword }),
  });
  if (!response.ok) throw new Error(`login as ${email} failed: ${response.status} ${await response.text()}`);
  const cookie = response.headers
    .getSetCookie()
    .map((c) => c.split(';')[0] ?? '')
    .find((c) => c.startsWith('stegvis_session='));
  if (!cookie) throw new Error('the login set no session cookie');
  const body = (await response.json()) as { csrfToken: string };
  return { headers: { cookie, 'x-csrf-token': body.csrfToken } };
}

async function getJson<T>(url: string, headers: Record<string, string> = {}): Promise<T> {
  const response = await fetch(url, { headers });
  if (!response.ok)
    throw new Error(`GET ${url}: ${response.status} ${(await response.text()).slice(0, 300)}`);
  return (await response.json()) as T;
}

async function putJson<T>(url: string, body: unknown, headers: Record<string, string> = {}): Promise<T> {
  return fetchNext<T>(url, { method: 'PUT', path: '', body: JSON.stringify(body) }, headers);
}

/** The JSON answer to one request of a load (`base` + its path), as the load would send it. */
async function fetchNext<T>(base: string, next: Next, headers: Record<string, string> = {}): Promise<T> {
  const url = `${base}${next.path}`;
  const response = await fetch(url, {
    method: next.method,
    headers: next.body ? { ...headers, 'content-type': 'application/json' } : headers,
    body: next.body,
  });
  if (!response.ok)
    throw new Error(`${next.method} ${url}: ${response.status} ${(await response.text()).slice(0, 300)}`);
  return (await response.json()) as T;
}

type Next = { method: 'GET' | 'POST' | 'PUT'; path: string; body?: string };

/** Load from `connections` connections for `seconds`, each request from `next`. */
async function load(
  base: string,
  headers: Record<string, string>,
  next: (i: number) => Next,
  seconds: number,
  onResponse?: (status: number, body: string) => void,
): Promise<Load> {
  let i = 0;
  const result: Result = await autocannon({
    url: base,
    connections,
    duration: seconds,
    timeout: 30,
    requests: [
      {
        setupRequest: (request) => {
          const n = next(i++);
          request.method = n.method;
          request.path = n.path;
          request.headers = n.body ? { ...headers, 'content-type': 'application/json' } : headers;
          request.body = n.body ?? '';
          return request;
        },
        ...(onResponse ? { onResponse: (status: number, body: string) => onResponse(status, body) } : {}),
      },
    ],
  });
  return {
    reqPerSec: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    non2xx: result.non2xx,
    errors: result.errors,
    codes: Object.entries(result.statusCodeStats)
      .filter(([code]) => !code.startsWith('2'))
      .map(([code, { count }]) => `${code}×${count}`),
  };
}

/** The i-th item, round and round. */
function at<T>(items: readonly T[], i: number): T {
  if (items.length === 0) throw new Error('no fixtures to ask about');
  return items[i % items.length] as T;
}

// ---------------------------------------------------------------- the scenarios

type Fixtures = {
  userId: string;
  centreId: string;
  programmeId: string;
  participants: string[];
  sessions: string[];
  openings: string[];
};

type Scenario = {
  name: string;
  /** The i-th request: the same i asks the app and the floor the same question. */
  app: (i: number) => Next;
  floor: (i: number) => Next;
  /** What must agree between the app's answer and the floor's for the same request. */
  key: (body: unknown) => string;
};

type Items<T> = { items: T[] };
const searchTerms = ['hassan', 'moha', 'ali', 'öz', 'fat', 'kov', 'ahmad', 'haile', 'yusuf', 'ibra', '1985'];

function scenarios(f: Fixtures): Scenario[] {
  const user = `user=${f.userId}`;
  const participant = (i: number) => at(f.participants, i);
  const term = (i: number) => at(searchTerms, i);
  const opening = (i: number) => at(f.openings, i);
  const get = (path: string): Next => ({ method: 'GET', path });
  return [
    {
      name: 'Participant page `GET /api/participants/:id`',
      app: (i) => get(`/api/participants/${participant(i)}`),
      floor: (i) => get(`/floor/participants/${participant(i)}?${user}`),
      key: (b) => {
        const p = b as {
          id: string;
          version: number;
          status: string;
          readOnly: boolean;
          assignedStaff: unknown[];
        };
        return `${p.id} v${p.version} ${p.status} ${p.readOnly} staff=${p.assignedStaff.length}`;
      },
    },
    {
      name: 'Participant search `POST /api/participants/search`',
      app: (i) => ({
        method: 'POST',
        path: '/api/participants/search',
        body: JSON.stringify({ q: term(i) }),
      }),
      floor: (i) => get(`/floor/participants?${user}&q=${encodeURIComponent(term(i))}`),
      key: (b) => {
        const list = b as Items<{ id: string }> & { total: number };
        return `${list.total}: ${list.items.map((i) => i.id).join(',')}`;
      },
    },
    {
      name: 'Caseload `GET /api/caseload`',
      app: () => get('/api/caseload'),
      floor: () => get(`/floor/caseload?${user}`),
      key: (b) =>
        (b as Items<{ participantId: string; warnings: string[] }>).items
          .map((i) => `${i.participantId}:${i.warnings.join('+')}`)
          .join(','),
    },
    {
      name: 'Matching for an opening `GET /api/openings/:id/matches`',
      app: (i) => get(`/api/openings/${opening(i)}/matches`),
      floor: (i) => get(`/floor/openings/${opening(i)}/matches?${user}`),
      key: (b) =>
        (b as Items<{ participantId: string; score: number }>).items
          .map((i) => `${i.participantId}:${i.score}`)
          .join(','),
    },
    {
      name: 'Matching for a participant `GET /api/participants/:id/matches`',
      app: (i) => get(`/api/participants/${participant(i)}/matches`),
      floor: (i) => get(`/floor/participants/${participant(i)}/matches?${user}`),
      key: (b) =>
        (b as Items<{ openingId: string; score: number }>).items
          .map((i) => `${i.openingId}:${i.score}`)
          .join(','),
    },
    {
      name: 'Programme dashboard `GET /api/programmes/:id/dashboard`',
      app: () => get(`/api/programmes/${f.programmeId}/dashboard`),
      floor: () => get(`/floor/programmes/${f.programmeId}/dashboard?${user}&today=${todayInSweden()}`),
      key: (b) => {
        const floor = b as { facts?: string[] };
        return (floor.facts ?? dashboardFacts(b as Dashboard)).join(',');
      },
    },
  ];
}

/** The dashboard's figures as the floor gives them: `dimension|key|gender|n`, zeros left out, sorted. */
function dashboardFacts(d: Dashboard): string[] {
  const facts: string[] = [];
  const add = (dimension: string, key: string, counts: Record<string, number>) => {
    for (const [gender, n] of Object.entries(counts))
      if (n > 0) facts.push(`${dimension}|${key}|${gender}|${n}`);
  };
  const parts = (shares: Dashboard['atExit']['shares'], part: 'numerator' | 'denominator') =>
    Object.fromEntries(Object.entries(shares).map(([g, s]) => [g, s[part]]));
  add('enrolled', '', d.enrolled.counts);
  add('active', '', d.active.counts);
  add('exited', '', d.exits.counts);
  add('toWorkOrStudies', '', parts(d.atExit.shares, 'numerator'));
  add('followedUp', '', parts(d.atFollowUp.shares, 'denominator'));
  add('followedUpInWorkOrStudies', '', parts(d.atFollowUp.shares, 'numerator'));
  add('pending', '', d.atFollowUp.pending);
  for (const s of d.active.byStep) add('step', s.stepId, s.counts);
  for (const c of d.active.byCentre) add('centre', c.centreId, c.counts);
  for (const t of d.active.byTargetGroup) add('targetGroup', t.kind, t.counts);
  for (const o of d.exits.byOutcome) add('outcome', o.outcome, o.counts);
  for (const m of d.months) {
    add('enrolledIn', m.month, m.enrolled);
    add('exitedIn', m.month, m.exited);
  }
  return facts.sort();
}

/** Runs one scenario's first request on both sides and compares the answers by the scenario's key. */
async function sameAnswer(server: Server, session: Session, scenario: Scenario): Promise<boolean> {
  const app = scenario.app(0);
  const floor = scenario.floor(0);
  const [a, b] = await Promise.all([
    fetchNext(server.app, app, session.headers),
    fetchNext(server.floor, floor),
  ]);
  return scenario.key(a) === scenario.key(b);
}

type RollCallRow = {
  enrolmentId: string;
  attendance: { status: string; lateMinutes: number | null; attendedMinutes: number; version: number } | null;
};
type RollCallAnswer = { session: { id: string }; rows: RollCallRow[] };

/**
 * The roll-call save: sessions in turn, each saved with the versions of its last answer (so two saves of one
 * session are never in flight at once), everyone marked present or 10 minutes late, turn about.
 */
function rollCalls(f: Fixtures) {
  const state = new Map<string, RollCallRow[]>();
  let turn = 0;
  const remember = (status: number, body: string) => {
    if (status !== 200) return;
    const answer = JSON.parse(body) as RollCallAnswer;
    state.set(answer.session.id, answer.rows);
  };
  const bodyFor = (sessionId: string) => {
    const late = turn++ % 2 === 0;
    const rows = (state.get(sessionId) ?? [])
      .filter((r) => r.attendance !== null)
      .map((r) => ({
        enrolmentId: r.enrolmentId,
        status: late ? 'late' : 'present',
        lateMinutes: late ? 10 : null,
        absenceReason: null,
        reasonText: null,
        version: r.attendance?.version,
      }));
    return JSON.stringify({ rows });
  };
  return {
    /** Reads every session's roll call afresh, so a save lost at the end of a run does not leave stale versions. */
    refresh: async (server: Server, headers: Record<string, string>) => {
      // Saves still queued in the server when a run stopped finish first, or their new versions would be missed.
      await new Promise((r) => setTimeout(r, 3_000));
      const queue = [...f.sessions];
      const worker = async () => {
        for (let id = queue.shift(); id; id = queue.shift())
          remember(200, JSON.stringify(await getJson(`${server.app}/api/sessions/${id}/roll-call`, headers)));
      };
      await Promise.all([worker(), worker(), worker(), worker()]);
    },
    app: (i: number): Next => {
      const id = at(f.sessions, i);
      return { method: 'PUT', path: `/api/sessions/${id}/roll-call`, body: bodyFor(id) };
    },
    floor: (i: number): Next => {
      const id = at(f.sessions, i);
      return { method: 'PUT', path: `/floor/sessions/${id}/roll-call?user=${f.userId}`, body: bodyFor(id) };
    },
    remember,
    /** The same save through both: the marks and attended minutes that result must be the same. */
    sameAnswer: async (server: Server, headers: Record<string, string>) => {
      const id = f.sessions[0] ?? '';
      const key = (a: RollCallAnswer) =>
        a.rows
          .map((r) => `${r.enrolmentId}:${r.attendance?.status}:${r.attendance?.attendedMinutes}`)
          .join(',');
      turn = 1;
      const viaApp = await putJson<RollCallAnswer>(
        `${server.app}/api/sessions/${id}/roll-call`,
        JSON.parse(bodyFor(id)),
        headers,
      );
      remember(200, JSON.stringify(viaApp));
      turn = 1;
      const viaFloor = await putJson<RollCallAnswer>(
        `${server.floor}/floor/sessions/${id}/roll-call?user=${f.userId}`,
        JSON.parse(bodyFor(id)),
      );
      remember(200, JSON.stringify(viaFloor));
      return key(viaApp) === key(viaFloor);
    },
  };
}

/** Dashboard endpoints, if the app has any by now: GET paths under /api/dashboard in the OpenAPI document. */
async function dashboardPaths(server: Server, f: Fixtures): Promise<{ template: string; path: string }[]> {
  const doc = await getJson<{ paths: Record<string, Record<string, unknown>> }>(
    `${server.app}/api/openapi.json`,
  );
  return Object.entries(doc.paths)
    .filter(([path, methods]) => path.includes('dashboard') && 'get' in methods)
    .map(([template]) => ({
      template: template.replace(/\{(\w+)\}/g, ':$1'),
      path: template
        .replace(/\/programmes\/\{[^}]+\}/, `/programmes/${f.programmeId}`)
        .replace(/\/centres\/\{[^}]+\}/, `/centres/${f.centreId}`),
    }))
    .filter(({ path }) => !path.includes('{'));
}

async function timeReport(
  url: string,
  headers: Record<string, string>,
): Promise<{ medianMs: number; bytes: number }> {
  const once = async () => {
    const started = performance.now();
    const response = await fetch(url, { headers });
    const body = await response.arrayBuffer();
    if (!response.ok) throw new Error(`${response.status} ${Buffer.from(body).toString().slice(0, 200)}`);
    return { ms: performance.now() - started, bytes: body.byteLength };
  };
  await once();
  const runs = [await once(), await once(), await once()].sort((a, b) => a.ms - b.ms);
  const middle = runs[1] ?? { ms: 0, bytes: 0 };
  return { medianMs: middle.ms, bytes: middle.bytes };
}

function previousMonth(day: string): string {
  const year = Number(day.slice(0, 4));
  const month = Number(day.slice(5, 7));
  return month === 1 ? `${year - 1}-12` : `${year}-${String(month - 1).padStart(2, '0')}`;
}

// ---------------------------------------------------------------- one engine

async function open(target: Target): Promise<Database> {
  return target.kind === 'postgres' ? openPostgres(target.url, 2) : openPglite({ dataDir: target.dir });
}

async function prepareData(target: Target): Promise<string> {
  if (values.reuse) {
    const database = await open(target).catch(() => null);
    const marker = database ? await readMarker(database).catch(() => null) : null;
    await database?.close();
    if (marker === markerOf(dataOptions)) return 'reused from an earlier run (--reuse)';
  }
  if (target.kind === 'postgres') await preparePostgres(target.url, true);
  else preparePglite(target.dir, true);
  const database = await open(target);
  try {
    const summary = await generate(database, { ...dataOptions, log: say });
    const total = Object.values(summary.counts).reduce((sum, n) => sum + n, 0);
    const attendance = summary.counts.attendance ?? 0;
    return (
      `${total.toLocaleString('en')} rows (${attendance.toLocaleString('en')} attendance) generated in ` +
      `${summary.seconds.toFixed(0)} s, ${Math.round(total / summary.seconds).toLocaleString('en')} rows/s`
    );
  } finally {
    await database.close();
  }
}

async function benchEngine(engine: string, target: Target, label: string): Promise<EngineResult> {
  const result: EngineResult = {
    engine,
    label,
    data: '',
    coldStartMs: null,
    memory: null,
    rows: [],
    reports: [],
  };
  say(`\n== ${label}: ${describeTarget(target)}`);
  say('data set…');
  result.data = await prepareData(target);
  say(`  ${result.data}`);
  say('cold start…');
  result.coldStartMs = await coldStart(target);
  say(`  ${result.coldStartMs.toFixed(0)} ms to /readyz`);

  const server = await startServer(target);
  try {
    const session = await login(server.app, benchLogins.coordinator);
    const fixtures = await getJson<Fixtures>(
      `${server.floor}/floor/fixtures?email=${encodeURIComponent(benchLogins.coordinator)}`,
    );
    const idle = await getJson<{ rss: number }>(`${server.floor}/floor/memory`);
    const run = async (
      name: string,
      app: (i: number) => Next,
      floor: ((i: number) => Next) | null,
      check: () => Promise<boolean | null>,
      hooks?: { before: () => Promise<void>; onResponse: (s: number, b: string) => void },
    ) => {
      say(`${name}…`);
      const row: Row = { name, app: null, floor: null, sameAnswer: null };
      // A warm-up second, then the measured run; `before` again in between, as answers cut off at the end of
      // the warm-up are never read.
      const measure = async (base: string, headers: Record<string, string>, next: (i: number) => Next) => {
        await hooks?.before();
        await load(base, headers, next, 1, hooks?.onResponse);
        await hooks?.before();
        return load(base, headers, next, duration, hooks?.onResponse);
      };
      try {
        row.sameAnswer = await check();
        row.app = await measure(server.app, session.headers, app);
        if (floor) row.floor = await measure(server.floor, {}, floor);
        say(
          `  app ${describe(row.app)}${row.floor ? ` | floor ${describe(row.floor)}` : ''} | same answer: ${row.sameAnswer ?? '—'}`,
        );
      } catch (error) {
        row.note = `failed: ${error instanceof Error ? error.message : String(error)}`;
        say(`  ${row.note}`);
      }
      result.rows.push(row);
    };

    const list = scenarios(fixtures);
    for (const s of list.slice(0, 3)) await run(s.name, s.app, s.floor, () => sameAnswer(server, session, s));
    const roll = rollCalls(fixtures);
    await roll.refresh(server, session.headers);
    await run(
      'Roll-call save `PUT /api/sessions/:id/roll-call`',
      roll.app,
      roll.floor,
      () => roll.sameAnswer(server, session.headers),
      { before: () => roll.refresh(server, session.headers), onResponse: roll.remember },
    );
    for (const s of list.slice(3)) await run(s.name, s.app, s.floor, () => sameAnswer(server, session, s));
    const dashboards = await dashboardPaths(server, fixtures);

    say('reports…');
    const manager = await login(server.app, benchLogins.programmeManager);
    const month = previousMonth(today);
    const funderReports = `/api/programmes/${fixtures.programmeId}/funder-reports`;
    const reports: [string, string][] = [
      [
        `Monthly deviation report ${month}, the programme's 8 centres (JSON)`,
        `/api/attendance/deviations?month=${month}`,
      ],
      [
        `Monthly deviation report ${month} (CSV for Excel)`,
        `/api/attendance/deviations?month=${month}&format=csv`,
      ],
      [
        'Programme goal figure (share in work or studies at follow-up)',
        `/api/programmes/${fixtures.programmeId}/goal-figure`,
      ],
      ...dashboards.map(({ template, path }): [string, string] => [`Dashboard \`${template}\``, path]),
      [
        `Funder's monthly participant file ${month} (JSON with the check)`,
        `${funderReports}/monthly/${month}`,
      ],
      [`Funder's monthly participant file ${month} (CSV)`, `${funderReports}/monthly/${month}?format=csv`],
      [
        "Funder's monthly files: every month's state (fingerprints of all months)",
        `${funderReports}/monthly`,
      ],
      ["Funder's common indicators, the programme's whole period", `${funderReports}/indicators`],
      ['Co-financing from attendance, the whole period', `${funderReports}/cofinancing`],
    ];
    for (const [name, path] of reports) {
      try {
        const timing = await timeReport(`${server.app}${path}`, manager.headers);
        result.reports.push({ name, ...timing });
        say(`  ${name}: ${timing.medianMs.toFixed(0)} ms, ${timing.bytes} bytes`);
      } catch (error) {
        result.reports.push({
          name,
          medianMs: null,
          bytes: null,
          note: `failed: ${error instanceof Error ? error.message : String(error)}`,
        });
      }
    }
    const after = await getJson<{ rss: number; maxRss: number }>(`${server.floor}/floor/memory`);
    result.memory = { idle: idle.rss, after: after.rss, peak: after.maxRss };
  } finally {
    await stop(server.child);
  }
  return result;
}

function describe(l: Load): string {
  return `${l.reqPerSec.toFixed(0)} req/s p50 ${l.p50} ms p99 ${l.p99} ms${l.non2xx + l.errors > 0 ? ` (non-2xx ${l.codes.join(' ')}, ${l.errors} errors)` : ''}`;
}

// ---------------------------------------------------------------- the report

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;
const num = (n: number | undefined | null, digits = 0) =>
  n === undefined || n === null ? '—' : n.toFixed(digits);

function markdown(results: EngineResult[], skipped: string[]): string {
  const cpu = cpus();
  const sizes = shape(participants);
  const lines = [
    '# Benchmark results',
    '',
    `Written by \`npm run bench\` on ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC.`,
    '',
    `- Machine: ${cpu.length} cores (${cpu[0]?.model.trim() ?? 'unknown CPU'}), ${mb(totalmem())} memory, ${process.platform}`,
    `- Node ${process.version}; autocannon with ${connections} connections, ${duration} s per run after a 1 s warm-up`,
    '- The server (app and floor in one Node process) and the load generator share the machine with the database',
    `- Data: ${participants.toLocaleString('en')} participants in ${sizes.centres} centres, ${sizes.programmes} programme(s), ` +
      `${sizes.employers} employers; seed ${seed}, dated ${today}`,
    `- Load as \`${benchLogins.coordinator}\` (a coordinator of one centre, about 250 participants); reports as ` +
      `\`${benchLogins.programmeManager}\` (the programme's 8 centres)`,
    '',
    'The floor is a route outside the app (bench/floor.ts) that gives the same answer with only the SQL it needs: ' +
      'no session lookup, no access-log rows, no transaction where one statement does, no response schema. ' +
      "*App/floor* is the app's throughput as a share of the floor's; *same answer* compares the ids (and scores, " +
      "statuses, warnings) of one app answer with the floor's. Numbers are for comparing runs on one machine, " +
      'not promises.',
  ];
  for (const r of results) {
    lines.push('', `## ${r.label}`, '');
    if (r.failure) lines.push(`Failed: ${r.failure}`, '');
    lines.push(`- Data set: ${r.data || '—'}`);
    lines.push(
      `- Cold start (spawn \`node src/server/main.ts\` to the first 200 of \`/readyz\`): ${r.coldStartMs === null ? '—' : `${num(r.coldStartMs)} ms`}`,
    );
    if (r.memory)
      lines.push(
        `- Server memory (RSS of the process serving app and floor): ${mb(r.memory.idle)} after start, ` +
          `${mb(r.memory.after)} after the load, ${mb(r.memory.peak)} at its peak (start included)`,
      );
    lines.push(
      '',
      '| Endpoint | App req/s | App p50 ms | App p99 ms | Floor req/s | Floor p50 ms | Floor p99 ms | App/floor | Same answer | Non-2xx |',
      '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | :---: | ---: |',
    );
    for (const row of r.rows) {
      if (!row.app) {
        lines.push(`| ${row.name} | ${row.note ?? '—'} | | | | | | | | |`);
        continue;
      }
      const ratio =
        row.floor && row.floor.reqPerSec > 0
          ? `${((row.app.reqPerSec / row.floor.reqPerSec) * 100).toFixed(0)} %`
          : '—';
      const same = row.sameAnswer === null ? '—' : row.sameAnswer ? 'yes' : '**no**';
      const failed = (l: Load | null) =>
        l && l.non2xx + l.errors > 0
          ? `${[...l.codes, ...(l.errors > 0 ? [`errors×${l.errors}`] : [])].join(' ')}`
          : null;
      const failures =
        [failed(row.app), row.floor ? failed(row.floor) : null]
          .map((f, i) => (f ? `${i === 0 ? 'app' : 'floor'} ${f}` : null))
          .filter(Boolean)
          .join(', ') || '0';
      lines.push(
        `| ${row.name} | ${num(row.app.reqPerSec)} | ${row.app.p50} | ${row.app.p99} | ${num(row.floor?.reqPerSec)} | ` +
          `${row.floor?.p50 ?? '—'} | ${row.floor?.p99 ?? '—'} | ${ratio} | ${same} | ${failures} |`,
      );
    }
    lines.push('', '| Report | Median of 3 (ms) | Size |', '| --- | ---: | ---: |');
    for (const report of r.reports)
      lines.push(
        `| ${report.name} | ${report.note ?? num(report.medianMs)} | ${report.bytes === null ? '—' : `${(report.bytes / 1024).toFixed(1)} KB`} |`,
      );
  }
  lines.push(
    '',
    '## Not measured',
    '',
    ...skipped.map((s) => `- ${s}`),
    "- A floor for the funder's reports: not written yet; they are timed as reports, without one.",
    ...(participants < 1_000_000
      ? [
          '- Larger sets: `npm run bench -- --participants 100000`, or `--participants 1000000 --engines postgres` ' +
            '(about 73 million rows; over an hour of generating; PGlite is not meant for that size).',
        ]
      : []),
    '',
  );
  return lines.join('\n');
}

// ---------------------------------------------------------------- main

const results: EngineResult[] = [];
const skipped: string[] = [];
let failed = false;
for (const engine of engines) {
  let target: Target;
  let label: string;
  if (engine === 'pglite') {
    target = { kind: 'pglite', dir: pgliteDir };
    label = 'PGlite (embedded)';
  } else if (engine === 'postgres') {
    if (!(await postgresReachable(postgresUrl))) {
      const line = `PostgreSQL: no server answers at ${describeTarget({ kind: 'postgres', url: postgresUrl })}; skipped.`;
      say(line);
      skipped.push(line);
      continue;
    }
    target = { kind: 'postgres', url: postgresUrl };
    label = 'PostgreSQL';
  } else {
    say(`Unknown engine ${engine}; skipped.`);
    continue;
  }
  try {
    results.push(await benchEngine(engine, target, label));
  } catch (error) {
    failed = true;
    const failure = error instanceof Error ? error.message : String(error);
    say(`${label} failed: ${failure}`);
    results.push({
      engine,
      label,
      data: '',
      coldStartMs: null,
      memory: null,
      rows: [],
      reports: [],
      failure,
    });
  }
}
const output = resolve(values.output);
writeFileSync(output, markdown(results, skipped));
say(`\nWrote ${output}`);
// A slow number never fails the run; a benchmark that could not run does.
process.exitCode = failed ? 1 : 0;
