import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { sql } from 'drizzle-orm';
import Provider from 'oidc-provider';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../config.ts';
import { queryRows } from '../../db/client.ts';
import { createUser } from '../../test/factories.ts';
import { createTestApp, type TestContext } from '../../test/test-app.ts';
import { hashToken } from './auth.service.ts';

// Single sign-on end to end over real HTTP: a local OpenID Connect provider (oidc-provider, in memory, with its
// development login and consent pages) on one port, the app on another, and a fetch-driven "browser" with one
// cookie jar between them, as a browser shares cookies across ports of one host.

type Account = { email: string; email_verified: boolean };
const accounts = new Map<string, Account>();

let t: TestContext;
let idp: Server;
let appUrl: string;
let issuer: string;

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

beforeAll(async () => {
  idp = createServer();
  await new Promise<void>((resolve) => idp.listen(0, '127.0.0.1', resolve));
  issuer = `http://127.0.0.1:${(idp.address() as AddressInfo).port}`;
  const appPort = await freePort();
  appUrl = `http://127.0.0.1:${appPort}`;
  const redirectUri = `${appUrl}/api/auth/oidc/callback`;
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: 'stegvis',
        client_secret: 'a client secret for the tests only',
        redirect_uris: [redirectUri],
        token_endpoint_auth_method: 'client_secret_post',
      },
    ],
    async findAccount(_ctx, sub) {
      const account = accounts.get(sub);
      if (!account) return undefined;
      return { accountId: sub, claims: async () => ({ sub, ...account }) };
    },
    claims: { openid: ['sub'], email: ['email', 'email_verified'] },
    pkce: { required: () => true },
    features: { devInteractions: { enabled: true } },
    cookies: { keys: ['a cookie key for the tests only'] },
    // Lifetimes of the provider's artifacts, set so that it does not warn of its defaults.
    ttl: {
      AccessToken: 600,
      AuthorizationCode: 60,
      Grant: 600,
      IdToken: 600,
      Interaction: 600,
      Session: 600,
    },
  });
  idp.on('request', provider.callback());
  t = await createTestApp({
    oidc: {
      issuer,
      clientId: 'stegvis',
      clientSecret: 'a client secret for the tests only',
      redirectUri,
    },
    // Coordinators' password logins need two-step verification; their single sign-ons do not.
    twoFactorRoles: ['coordinator'],
  });
  await t.app.listen({ port: appPort, host: '127.0.0.1' });
}, 60_000);
afterAll(async () => {
  await t?.close();
  await new Promise((resolve) => idp?.close(resolve));
});

/** A browser's cookies for 127.0.0.1 (any port, any path). */
type Jar = Map<string, string>;

function remember(jar: Jar, response: Response) {
  for (const header of response.headers.getSetCookie()) {
    const [pair] = header.split(';');
    const [name, ...value] = (pair as string).split('=');
    const expired = /max-age=0|expires=thu, 01 jan 1970/i.test(header);
    if (expired) jar.delete(name as string);
    else jar.set(name as string, value.join('='));
  }
}

/**
 * Goes to the URL and follows redirects as a browser does, until a page is shown or the app sends the browser
 * to one of its own pages (the test app serves no pages): returns that page's path, or the shown page.
 */
async function browse(
  jar: Jar,
  url: string,
  form?: Record<string, string>,
): Promise<{ url: string; page?: string; appPath?: string }> {
  let current = url;
  let body: URLSearchParams | undefined = form ? new URLSearchParams(form) : undefined;
  for (let hops = 0; hops < 20; hops++) {
    const response = await fetch(current, {
      method: body ? 'POST' : 'GET',
      redirect: 'manual',
      headers: {
        cookie: [...jar].map(([name, value]) => `${name}=${value}`).join('; '),
        ...(body ? { 'content-type': 'application/x-www-form-urlencoded' } : {}),
      },
      body,
    });
    remember(jar, response);
    body = undefined;
    const location = response.headers.get('location');
    if (response.status < 300 || response.status >= 400 || !location) {
      return { url: current, page: await response.text() };
    }
    const next = new URL(location, current);
    if (next.origin === appUrl && !next.pathname.startsWith('/api/')) {
      return { url: current, appPath: next.pathname + next.search };
    }
    current = next.href;
  }
  throw new Error('too many redirects');
}

/**
 * Logs in at the provider as the account, from starting at the app to the app's answer. `beforeCallback` may
 * tamper with the browser before the provider sends it back to the app.
 */
async function signIn(sub: string, options: { jar?: Jar; beforeCallback?: (jar: Jar) => void } = {}) {
  const jar = options.jar ?? new Map();
  const login = await browse(jar, `${appUrl}/api/auth/oidc/start?next=${encodeURIComponent('/konto')}`);
  expect(login.page).toContain('name="login"');
  const consent = await browse(jar, login.url, { prompt: 'login', login: sub, password: 'any' });
  expect(consent.page).toContain('name="prompt" value="consent"');
  // The consent page's form sends the browser back to the app: stop there when the test tampers.
  const consentForm = new URLSearchParams({ prompt: 'consent' });
  const response = await fetch(consent.url, {
    method: 'POST',
    redirect: 'manual',
    headers: {
      cookie: [...jar].map(([name, value]) => `${name}=${value}`).join('; '),
      'content-type': 'application/x-www-form-urlencoded',
    },
    body: consentForm,
  });
  remember(jar, response);
  let next = new URL(response.headers.get('location') as string, consent.url).href;
  // The provider resumes the authorization, then redirects to the app's callback.
  while (!next.startsWith(`${appUrl}/api/auth/oidc/callback`)) {
    const hop = await fetch(next, {
      redirect: 'manual',
      headers: { cookie: [...jar].map(([name, value]) => `${name}=${value}`).join('; ') },
    });
    remember(jar, hop);
    next = new URL(hop.headers.get('location') as string, next).href;
  }
  options.beforeCallback?.(jar);
  const answer = await browse(jar, next);
  return { jar, callbackUrl: next, appPath: answer.appPath };
}

async function sessionOf(jar: Jar) {
  const token = jar.get('stegvis_session');
  if (!token) return null;
  const response = await fetch(`${appUrl}/api/auth/session`, {
    headers: { cookie: `stegvis_session=${token}` },
  });
  return response.status === 200
    ? ((await response.json()) as { user: { id: string }; mustEnrolTwoFactor: boolean })
    : null;
}

describe('single sign-on with OpenID Connect', () => {
  it('logs a known user in through the provider and sends them where they were going', async () => {
    const user = await createUser(t.db, 'coordinator', []);
    accounts.set('anna-1', { email: user.email.toUpperCase(), email_verified: true });
    const { jar, appPath } = await signIn('anna-1');
    expect(appPath).toBe('/konto');
    expect(await sessionOf(jar)).toMatchObject({ user: { id: user.id }, mustEnrolTwoFactor: false });
    const participants = await fetch(`${appUrl}/api/caseload`, {
      headers: { cookie: `stegvis_session=${jar.get('stegvis_session')}` },
    });
    expect(participants.status).toBe(200);
    expect(jar.has('stegvis_sso_state')).toBe(false);
    const [linked] = await queryRows<{ oidc_issuer: string; oidc_subject: string }>(
      t.db,
      sql`select oidc_issuer, oidc_subject from users where id = ${user.id}`,
    );
    expect(linked).toEqual({ oidc_issuer: issuer, oidc_subject: 'anna-1' });
    const events = await queryRows<{ kind: string }>(
      t.db,
      sql`select kind from security_events where user_id = ${user.id}`,
    );
    expect(events).toEqual([{ kind: 'sso_login' }]);
  });

  it('finds a linked user by the subject, whatever the email at the provider now says', async () => {
    const user = await createUser(t.db, 'job_agent', []);
    accounts.set('bo-2', { email: user.email, email_verified: true });
    expect((await signIn('bo-2')).appPath).toBe('/konto');
    accounts.set('bo-2', { email: 'bo.new@elsewhere.example', email_verified: true });
    const again = await signIn('bo-2');
    expect(again.appPath).toBe('/konto');
    expect((await sessionOf(again.jar))?.user.id).toBe(user.id);
  });

  it('refuses someone without an account, and creates none', async () => {
    accounts.set('stranger-3', { email: 'stranger@nowhere.example', email_verified: true });
    const { jar, appPath } = await signIn('stranger-3');
    expect(appPath).toBe('/login?sso=no_account');
    expect(jar.has('stegvis_session')).toBe(false);
    const rows = await queryRows<{ n: number }>(
      t.db,
      sql`select count(*)::int as n from users where lower(email) = 'stranger@nowhere.example'`,
    );
    expect(rows[0]?.n).toBe(0);
  });

  it('does not link by an email address the provider has not verified', async () => {
    const user = await createUser(t.db, 'coordinator', []);
    accounts.set('unverified-4', { email: user.email, email_verified: false });
    const { jar, appPath } = await signIn('unverified-4');
    expect(appPath).toBe('/login?sso=no_account');
    expect(await sessionOf(jar)).toBeNull();
  });

  it('does not take over an account linked to another subject', async () => {
    const user = await createUser(t.db, 'coordinator', []);
    accounts.set('first-5', { email: user.email, email_verified: true });
    expect((await signIn('first-5')).appPath).toBe('/konto');
    accounts.set('second-5', { email: user.email, email_verified: true });
    expect((await signIn('second-5')).appPath).toBe('/login?sso=no_account');
  });

  it('refuses a disabled user', async () => {
    const user = await createUser(t.db, 'coordinator', []);
    await t.db.execute(sql`update users set disabled_at = now() where id = ${user.id}`);
    accounts.set('disabled-6', { email: user.email, email_verified: true });
    const { jar, appPath } = await signIn('disabled-6');
    expect(appPath).toBe('/login?sso=no_account');
    expect(jar.has('stegvis_session')).toBe(false);
  });

  it('refuses a callback whose state is not the one this browser started with', async () => {
    const user = await createUser(t.db, 'coordinator', []);
    accounts.set('state-7', { email: user.email, email_verified: true });
    const tampered = await signIn('state-7', {
      beforeCallback: (jar) => jar.set('stegvis_sso_state', 'someone-elses-state'),
    });
    expect(tampered.appPath).toBe('/login?sso=failed');
    expect(tampered.jar.has('stegvis_session')).toBe(false);
    // A callback taken to another browser (login CSRF) has no state cookie at all.
    const stolen = await signIn('state-7', { beforeCallback: (jar) => jar.delete('stegvis_sso_state') });
    expect(stolen.appPath).toBe('/login?sso=failed');
    expect(stolen.jar.has('stegvis_session')).toBe(false);
  });

  it('finishes a login once: the same callback again is refused', async () => {
    const user = await createUser(t.db, 'coordinator', []);
    accounts.set('replay-8', { email: user.email, email_verified: true });
    let state = '';
    const first = await signIn('replay-8', {
      beforeCallback: (jar) => {
        state = jar.get('stegvis_sso_state') as string;
      },
    });
    expect(first.appPath).toBe('/konto');
    const replayJar: Jar = new Map([['stegvis_sso_state', state]]);
    const replay = await browse(replayJar, first.callbackUrl);
    expect(replay.appPath).toBe('/login?sso=failed');
    expect(replayJar.has('stegvis_session')).toBe(false);
  });

  it('refuses an error answer from the provider', async () => {
    const jar: Jar = new Map([['stegvis_sso_state', 'x']]);
    const answer = await browse(jar, `${appUrl}/api/auth/oidc/callback?error=access_denied&state=x`);
    expect(answer.appPath).toBe('/login?sso=failed');
  });

  it('tells the login page that single sign-on is offered', async () => {
    const response = await fetch(`${appUrl}/api/auth/methods`);
    expect(await response.json()).toEqual({ singleSignOn: true });
  });
});

describe('without single sign-on configured', () => {
  it('offers none and answers its routes with 404', async () => {
    const plain = await createTestApp();
    try {
      expect((await plain.app.inject({ method: 'GET', url: '/api/auth/methods' })).json()).toEqual({
        singleSignOn: false,
      });
      for (const url of ['/api/auth/oidc/start', '/api/auth/oidc/callback?code=x&state=y']) {
        const response = await plain.app.inject({ method: 'GET', url });
        expect(response.statusCode).toBe(404);
      }
    } finally {
      await plain.close();
    }
  });
});

describe('with the provider unreachable', () => {
  it('answers the start with 503 and a callback with the login page', async () => {
    const port = await freePort();
    const down = await createTestApp({
      oidc: {
        issuer: `http://127.0.0.1:${port}`,
        clientId: 'stegvis',
        clientSecret: null,
        redirectUri: 'http://127.0.0.1/api/auth/oidc/callback',
      },
    });
    try {
      const start = await down.app.inject({ method: 'GET', url: '/api/auth/oidc/start' });
      expect(start.statusCode).toBe(503);
      expect(start.json().error.code).toBe('SERVICE_UNAVAILABLE');
      // A login started before the provider went away.
      await down.db.execute(
        sql`insert into oidc_logins (id, code_verifier, nonce, next, expires_at)
            values (${hashToken('y')}, 'verifier', 'nonce', '/konto', now() + interval '5 minutes')`,
      );
      const callback = await down.app.inject({
        method: 'GET',
        url: '/api/auth/oidc/callback?code=x&state=y',
        cookies: { stegvis_sso_state: 'y' },
      });
      expect(callback.statusCode).toBe(302);
      expect(callback.headers.location).toBe('/login?sso=failed');
    } finally {
      await down.close();
    }
  });
});

describe('the configuration', () => {
  it('is off without an issuer, and derives the redirect URI from the public URL', () => {
    expect(loadConfig({}).oidc).toBeNull();
    expect(
      loadConfig({
        STEGVIS_OIDC_ISSUER: 'https://idp.example.se',
        STEGVIS_OIDC_CLIENT_ID: 'stegvis',
        STEGVIS_PUBLIC_URL: 'https://stegvis.example.se/',
      }).oidc,
    ).toEqual({
      issuer: 'https://idp.example.se',
      clientId: 'stegvis',
      clientSecret: null,
      redirectUri: 'https://stegvis.example.se/api/auth/oidc/callback',
    });
  });

  it('refuses an issuer without a client id or a way back', () => {
    expect(() => loadConfig({ STEGVIS_OIDC_ISSUER: 'https://idp.example.se' })).toThrow(
      'STEGVIS_OIDC_CLIENT_ID',
    );
    expect(() =>
      loadConfig({ STEGVIS_OIDC_ISSUER: 'https://idp.example.se', STEGVIS_OIDC_CLIENT_ID: 'stegvis' }),
    ).toThrow('STEGVIS_PUBLIC_URL');
  });
});
