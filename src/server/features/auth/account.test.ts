import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCentre, createUser, testPassword } from '../../test/factories.ts';
import { createTestApp, login, type TestContext } from '../../test/test-app.ts';

let t: TestContext;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const strong = 'fyra ord om en blå cykel';

async function userWithTwoLogins() {
  const centre = await createCentre(t.db);
  const user = await createUser(t.db, 'coordinator', [centre.id]);
  const here = await login(t.app, user.email, testPassword);
  const there = await t.app.inject({
    method: 'POST',
    url: '/api/auth/login',
    headers: { 'user-agent': 'Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0' },
    payload: { email: user.email, password: testPassword },
  });
  expect(there.statusCode).toBe(200);
  const thereCookie = `stegvis_session=${there.cookies.find((c) => c.name === 'stegvis_session')?.value}`;
  const stillThere = async () =>
    (await t.app.inject({ method: 'GET', url: '/api/auth/session', headers: { cookie: thereCookie } }))
      .statusCode;
  return { user, here, stillThere };
}

describe('PUT /api/auth/password', () => {
  it('changes the password: the old one stops working, this session goes on, every other ends', async () => {
    const { user, here, stillThere } = await userWithTwoLogins();
    expect(await stillThere()).toBe(200);

    const response = await here.put('/api/auth/password', {
      currentPassword: testPassword,
      newPassword: strong,
    });

    expect(response.statusCode).toBe(200);
    expect((await here.get('/api/auth/session')).statusCode).toBe(200);
    expect(await stillThere()).toBe(401);
    await expect(login(t.app, user.email, testPassword)).rejects.toThrow(/401/);
    await login(t.app, user.email, strong);
    const result = await t.db.execute(sql`select password_hash from users where id = ${user.id}`);
    const [row] = (result as unknown as { rows: { password_hash: string }[] }).rows;
    expect(row?.password_hash).toMatch(/^\$argon2id\$/);
  });

  it('answers 400 naming the field: a wrong current password, the same again, too short, easy to guess', async () => {
    const { user, here, stillThere } = await userWithTwoLogins();
    const cases: [Record<string, string>, string, string][] = [
      [{ currentPassword: 'inte mitt lösenord', newPassword: strong }, 'currentPassword', 'wrong_password'],
      [{ currentPassword: testPassword, newPassword: testPassword }, 'newPassword', 'same_password'],
      [{ currentPassword: testPassword, newPassword: 'kort-ord1' }, 'newPassword', 'too_short'],
      [{ currentPassword: testPassword, newPassword: 'password123456' }, 'newPassword', 'weak_password'],
      [{ currentPassword: testPassword, newPassword: user.email }, 'newPassword', 'weak_password'],
      [{ currentPassword: '', newPassword: strong }, 'currentPassword', 'required'],
    ];
    for (const [body, field, code] of cases) {
      const response = await here.put('/api/auth/password', body);
      expect(response.statusCode, JSON.stringify(body)).toBe(400);
      expect(response.json().error.fields).toContainEqual(expect.objectContaining({ field, code }));
    }
    expect(await stillThere()).toBe(200);
    await login(t.app, user.email, testPassword);
  });

  it('answers 401 without a session and 403 without the CSRF token', async () => {
    const { here } = await userWithTwoLogins();
    const anonymous = await t.app.inject({
      method: 'PUT',
      url: '/api/auth/password',
      payload: { currentPassword: testPassword, newPassword: strong },
    });
    expect(anonymous.statusCode).toBe(401);
    const forged = await here.request({
      method: 'PUT',
      url: '/api/auth/password',
      headers: { 'x-csrf-token': 'forged' },
      payload: { currentPassword: testPassword, newPassword: strong },
    });
    expect(forged.statusCode).toBe(403);
  });
});

describe('GET /api/auth/sessions and DELETE /api/auth/sessions/:id', () => {
  it('lists the user’s own logins, this one marked, and ends another by its id', async () => {
    const { here, stillThere } = await userWithTwoLogins();
    const someoneElse = await userWithTwoLogins();

    const listed = await here.get('/api/auth/sessions');
    expect(listed.statusCode).toBe(200);
    const items = listed.json().items as { id: string; current: boolean; userAgent: string | null }[];
    expect(items).toHaveLength(2);
    expect(items.filter((s) => s.current)).toHaveLength(1);
    const other = items.find((s) => !s.current);
    expect(other?.userAgent).toContain('Firefox');
    expect(JSON.stringify(items)).not.toContain(here.cookie.split('=')[1]);

    const ended = await here.request({ method: 'DELETE', url: `/api/auth/sessions/${other?.id}` });
    expect(ended.statusCode).toBe(200);
    expect(await stillThere()).toBe(401);
    expect((await here.get('/api/auth/session')).statusCode).toBe(200);
    expect(await someoneElse.stillThere()).toBe(200);
  });

  it('does not find another user’s session (404) and refuses a malformed id (400)', async () => {
    const { here } = await userWithTwoLogins();
    const theirs = await userWithTwoLogins();
    const theirIds = (await theirs.here.get('/api/auth/sessions'))
      .json()
      .items.map((s: { id: string }) => s.id);

    const response = await here.request({ method: 'DELETE', url: `/api/auth/sessions/${theirIds[0]}` });
    expect(response.statusCode).toBe(404);
    expect(await theirs.stillThere()).toBe(200);
    expect((await theirs.here.get('/api/auth/session')).statusCode).toBe(200);

    const malformed = await here.request({ method: 'DELETE', url: '/api/auth/sessions/not-an-id' });
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json().error.fields[0].field).toBe('id');
  });

  it('ending this very session logs out: the cookie is cleared and the session is gone', async () => {
    const { here } = await userWithTwoLogins();
    const mine = (await here.get('/api/auth/sessions'))
      .json()
      .items.find((s: { current: boolean }) => s.current);
    const response = await here.request({ method: 'DELETE', url: `/api/auth/sessions/${mine.id}` });
    expect(response.statusCode).toBe(200);
    expect(response.cookies.find((c) => c.name === 'stegvis_session')?.value).toBe('');
    expect((await here.get('/api/auth/session')).statusCode).toBe(401);
  });

  it('answers 401 without a session', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/api/auth/sessions' })).statusCode).toBe(401);
  });
});
