import { type ChildProcess, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { createServer } from 'node:net';
import { userInfo } from 'node:os';
import pg from 'pg';
import { todayInSweden } from '../src/core/dates.ts';
import { demoPassword } from '../src/server/db/demo-data.ts';

// npm run check:two-instances: two app instances on two ports, one PostgreSQL database (a fresh one, dropped at
// the end). A login on one is valid on the other, CSRF included; a write on one is read on the other; a logout
// on one ends the session on both. Exits non-zero on any failure. The server comes from DATABASE_URL (any
// database on it), else the local one.

const serverUrl = process.env.DATABASE_URL ?? `postgres://${userInfo().username}@127.0.0.1:5432/postgres`;
const databaseName = 'stegvis_two';
const email = 'samordnare@haninge.example';

function withDatabase(url: string, name: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${name}`;
  return parsed.toString();
}

async function admin(statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

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

type Instance = { name: string; url: string; child: ChildProcess; log: () => string };

function start(name: string, port: number, demoData: boolean): Instance {
  const child = spawn(process.execPath, ['src/server/main.ts'], {
    env: {
      ...process.env,
      DATABASE_URL: withDatabase(serverUrl, databaseName),
      PORT: String(port),
      HOST: '127.0.0.1',
      STEGVIS_DEMO_DATA: String(demoData),
      LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk) => {
    output += String(chunk);
  });
  child.stderr?.on('data', (chunk) => {
    output += String(chunk);
  });
  return { name, url: `http://127.0.0.1:${port}`, child, log: () => output };
}

async function ready(instance: Instance): Promise<void> {
  const started = Date.now();
  while (Date.now() - started < 120_000) {
    if (instance.child.exitCode !== null) throw new Error(`${instance.name} exited:\n${instance.log()}`);
    const ok = await fetch(`${instance.url}/readyz`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${instance.name} was not ready within 120 s:\n${instance.log()}`);
}

function stop(instance: Instance): Promise<void> {
  return new Promise((done) => {
    if (instance.child.exitCode !== null) return done();
    const timer = setTimeout(() => instance.child.kill('SIGKILL'), 10_000);
    instance.child.once('exit', () => {
      clearTimeout(timer);
      done();
    });
    instance.child.kill('SIGTERM');
  });
}

function check(condition: boolean, what: string, detail = ''): void {
  if (!condition) throw new Error(`${what}${detail ? `: ${detail}` : ''}`);
  process.stdout.write(`  ok  ${what}\n`);
}

type Session = { cookie: string; csrfToken: string; userId: string };

async function call(
  instance: Instance,
  method: string,
  path: string,
  session: Session | null,
  body?: unknown,
  extra: Record<string, string> = {},
): Promise<{ status: number; json: unknown }> {
  const headers: Record<string, string> = { ...extra };
  if (session) {
    headers.cookie = session.cookie;
    if (method !== 'GET' && !('x-csrf-token' in extra)) headers['x-csrf-token'] = session.csrfToken;
  }
  if (body !== undefined) headers['content-type'] = 'application/json';
  const response = await fetch(`${instance.url}${path}`, {
    method,
    headers,
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await response.text();
  return { status: response.status, json: text ? JSON.parse(text) : null };
}

async function login(instance: Instance): Promise<Session> {
  const response = await fetch(`${instance.url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: demoPassword }),
  });
  if (response.status !== 200) throw new Error(`login on ${instance.name}: ${response.status}`);
  const cookie = response.headers
    .getSetCookie()
    .map((c) => c.split(';')[0] ?? '')
    .find((c) => c.startsWith('stegvis_session='));
  if (!cookie) throw new Error(`login on ${instance.name} set no session cookie`);
  const body = (await response.json()) as { csrfToken: string; user: { id: string } };
  return { cookie, csrfToken: body.csrfToken, userId: body.user.id };
}

async function main(): Promise<void> {
  process.stdout.write(`Two instances on one PostgreSQL database (${databaseName})\n`);
  await admin(`drop database if exists ${databaseName} with (force)`);
  await admin(`create database ${databaseName}`);
  // Both start at once: the migrations run under an advisory lock; only the first seeds the demo logins.
  const a = start('instance A', await freePort(), true);
  const b = start('instance B', await freePort(), false);
  try {
    await Promise.all([ready(a), ready(b)]);
    check(true, `both instances ready: A on ${a.url}, B on ${b.url}`);

    const session = await login(a);
    check(true, `logged in on A as ${email}`);
    const onB = await call(b, 'GET', '/api/auth/session', session);
    const seen = onB.json as { user?: { id: string }; csrfToken?: string };
    check(onB.status === 200 && seen.user?.id === session.userId, 'the session cookie from A is valid on B');
    check(seen.csrfToken === session.csrfToken, 'B hands out the same CSRF token for that session');

    const list = await call(a, 'POST', '/api/participants/search', session, {
      status: 'enrolled',
      pageSize: 20,
    });
    const participants = (list.json as { items?: { id: string }[] }).items ?? [];
    check(list.status === 200 && participants.length > 0, 'A lists the participants of the coordinator');

    const entry = {
      entryDate: todayInSweden(),
      category: 'note',
      text: `Written on instance B, ${randomUUID()}`,
    };
    const participantId = participants[0]?.id ?? '';
    const noToken = await call(b, 'POST', `/api/participants/${participantId}/journal`, session, entry, {
      'x-csrf-token': 'not-the-token',
    });
    check(
      noToken.status === 403,
      'B refuses a write without the session’s CSRF token',
      String(noToken.status),
    );

    let written: { status: number; json: unknown } = { status: 0, json: null };
    let target = '';
    // A participant whose consent is withdrawn is read-only; the demo has one, so try the next.
    for (const p of participants) {
      written = await call(b, 'POST', `/api/participants/${p.id}/journal`, session, entry);
      target = p.id;
      if (written.status === 201) break;
    }
    check(written.status === 201, 'B accepts a journal entry with the session and CSRF token from A');
    const entryId = (written.json as { id: string }).id;

    const journal = await call(a, 'GET', `/api/participants/${target}/journal`, session);
    const items = (journal.json as { items?: { id: string; text: string }[] }).items ?? [];
    check(
      journal.status === 200 && items.some((i) => i.id === entryId && i.text === entry.text),
      'A reads the entry written on B',
    );

    const logout = await call(b, 'POST', '/api/auth/logout', session);
    check(logout.status === 200, 'logged out on B');
    const after = await call(a, 'GET', '/api/auth/session', session);
    check(after.status === 401, 'the session has ended on A too', String(after.status));
    process.stdout.write('Two instances share sessions and data through the database: ok\n');
  } finally {
    await Promise.all([stop(a), stop(b)]);
    await admin(`drop database if exists ${databaseName} with (force)`);
  }
}

main().catch((error: unknown) => {
  process.stderr.write(
    `two-instances check failed: ${error instanceof Error ? error.message : String(error)}\n`,
  );
  process.exitCode = 1;
});
