import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCentre, createSession, createUser, testPassword } from '../../test/factories.ts';
import { createTestApp, login, type TestContext } from '../../test/test-app.ts';

let t: TestContext;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe('login', () => {
  it('opens a session in an httpOnly, SameSite cookie and returns the user and a CSRF token', async () => {
    const centre = await createCentre(t.db);
    const user = await createUser(t.db, 'coordinator', [centre.id]);
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: user.email.toUpperCase(), password: testPassword },
    });
    expect(response.statusCode).toBe(200);
    const cookie = response.cookies.find((c) => c.name === 'stegvis_session');
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
    expect(cookie?.secure).toBeFalsy();
    const body = response.json();
    expect(body.user).toMatchObject({ id: user.id, role: 'coordinator', centres: [{ id: centre.id }] });
    expect(body.csrfToken).toMatch(/^[\w-]{40,}$/);
  });

  it('marks the cookie Secure when the request came over https through a trusted proxy', async () => {
    const proxied = await createTestApp({ trustProxy: true });
    try {
      const user = await createUser(proxied.db, 'coordinator', []);
      const response = await proxied.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        headers: { 'x-forwarded-proto': 'https' },
        payload: { email: user.email, password: testPassword },
      });
      expect(response.cookies.find((c) => c.name === 'stegvis_session')?.secure).toBe(true);
    } finally {
      await proxied.close();
    }
  });

  it('refuses a wrong password and an unknown user with the same answer', async () => {
    const user = await createUser(t.db, 'coordinator', []);
    const wrong = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: user.email, password: 'wrong password' },
    });
    const unknown = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: 'nobody@test.example', password: 'wrong password' },
    });
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.json()).toEqual(unknown.json());
    expect(wrong.json().error.code).toBe('INVALID_CREDENTIALS');
  });

  it('names the missing fields in Swedish, or in English when asked', async () => {
    const sv = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: {} });
    expect(sv.statusCode).toBe(400);
    expect(sv.json().error.code).toBe('VALIDATION_FAILED');
    expect(sv.json().error.fields.map((f: { message: string }) => f.message)).toContain(
      'Lösenord måste fyllas i',
    );
    const en = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: { 'accept-language': 'en-GB,en;q=0.9' },
      payload: {},
    });
    expect(en.json().error.fields.map((f: { message: string }) => f.message)).toContain(
      'Password is required',
    );
  });

  it('is rate limited', async () => {
    const limited = await createTestApp({ loginRateLimit: 3 });
    try {
      const attempt = () =>
        limited.app.inject({
          method: 'POST',
          url: '/api/auth/login',
          payload: { email: 'nobody@test.example', password: 'x' },
        });
      for (let i = 0; i < 3; i++) expect((await attempt()).statusCode).toBe(401);
      const blocked = await attempt();
      expect(blocked.statusCode).toBe(429);
      expect(blocked.json().error.code).toBe('RATE_LIMITED');
    } finally {
      await limited.close();
    }
  });
});

describe('session', () => {
  it('answers 401 without a session', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/auth/session' });
    expect(response.statusCode).toBe(401);
    expect(response.json().error.code).toBe('UNAUTHENTICATED');
  });

  it('ends at logout', async () => {
    const session = await createSession(t.app, t.db, 'coordinator', []);
    expect((await session.get('/api/auth/session')).statusCode).toBe(200);
    expect((await session.post('/api/auth/logout')).statusCode).toBe(200);
    expect((await session.get('/api/auth/session')).statusCode).toBe(401);
  });

  it('ends after 30 minutes idle', async () => {
    const session = await createSession(t.app, t.db, 'coordinator', []);
    await t.db.execute(
      sql`update sessions set last_seen_at = now() - interval '31 minutes' where user_id = ${session.userId}`,
    );
    expect((await session.get('/api/auth/session')).statusCode).toBe(401);
  });

  it('ends 12 hours after login even when active', async () => {
    const session = await createSession(t.app, t.db, 'coordinator', []);
    await t.db.execute(
      sql`update sessions set created_at = now() - interval '12 hours 1 minute', last_seen_at = now() where user_id = ${session.userId}`,
    );
    expect((await session.get('/api/auth/session')).statusCode).toBe(401);
  });

  it('stays alive while used within the idle timeout', async () => {
    const session = await createSession(t.app, t.db, 'coordinator', []);
    await t.db.execute(
      sql`update sessions set last_seen_at = now() - interval '29 minutes' where user_id = ${session.userId}`,
    );
    expect((await session.get('/api/auth/session')).statusCode).toBe(200);
  });

  it('stores only a hash of the cookie token', async () => {
    const session = await createSession(t.app, t.db, 'coordinator', []);
    const token = session.cookie.split('=')[1] ?? '';
    const rows = await t.db.execute(sql`select id from sessions where user_id = ${session.userId}`);
    const ids = (rows as unknown as { rows: { id: string }[] }).rows.map((r) => r.id);
    expect(ids).toHaveLength(1);
    expect(ids[0]).not.toBe(token);
  });
});

describe('CSRF protection', () => {
  it('refuses a state-changing request without the token', async () => {
    const session = await createSession(t.app, t.db, 'coordinator', []);
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/auth/logout',
      headers: { cookie: session.cookie },
    });
    expect(response.statusCode).toBe(403);
    expect(response.json().error.code).toBe('CSRF_INVALID');
  });

  it('refuses a wrong token', async () => {
    const session = await createSession(t.app, t.db, 'coordinator', []);
    const response = await session.request({
      method: 'POST',
      url: '/api/auth/logout',
      headers: { 'x-csrf-token': 'not-the-token' },
    });
    expect(response.statusCode).toBe(403);
  });

  it('refuses a request from another origin even with the token', async () => {
    const session = await createSession(t.app, t.db, 'coordinator', []);
    const response = await session.request({
      method: 'POST',
      url: '/api/auth/logout',
      headers: { origin: 'https://evil.example' },
    });
    expect(response.statusCode).toBe(403);
    expect((await session.get('/api/auth/session')).statusCode).toBe(200);
  });
});

describe('security headers', () => {
  it('sends a CSP without unsafe-inline, no-store on the API and the usual hardening headers', async () => {
    const session = await createSession(t.app, t.db, 'coordinator', []);
    const response = await session.get('/api/auth/session');
    const csp = String(response.headers['content-security-policy']);
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toContain('unsafe-inline');
    expect(response.headers['cache-control']).toBe('no-store');
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['x-frame-options']).toBe('SAMEORIGIN');
  });
});

describe('a disabled account', () => {
  it('cannot log in', async () => {
    const user = await createUser(t.db, 'coordinator', []);
    await t.db.execute(sql`update users set disabled_at = now() where id = ${user.id}`);
    await expect(login(t.app, user.email, testPassword)).rejects.toThrow(/401/);
  });
});
