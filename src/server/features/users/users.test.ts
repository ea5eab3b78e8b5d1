import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createCentre,
  createOrganisation,
  createSession,
  createUser,
  testPassword,
} from '../../test/factories.ts';
import { createTestApp, login, type Session, type TestContext } from '../../test/test-app.ts';

let t: TestContext;
let organisation: Awaited<ReturnType<typeof createOrganisation>>;
let centre: Awaited<ReturnType<typeof createCentre>>;
let secondCentre: Awaited<ReturnType<typeof createCentre>>;
let admin: Session;
beforeAll(async () => {
  t = await createTestApp();
  organisation = await createOrganisation(t.db);
  centre = await createCentre(t.db, organisation.id);
  secondCentre = await createCentre(t.db, organisation.id);
  admin = await createSession(t.app, t.db, 'administrator', [centre.id, secondCentre.id], organisation.id);
});
afterAll(() => t.close());

const newPassword = 'ett långt och hemligt lösenord';

function userBody(overrides: Record<string, unknown> = {}) {
  return {
    name: 'Lina Samhällsvägledare',
    email: `lina.${randomUUID().slice(0, 8)}@haninge.example`,
    role: 'civic_guide',
    centreIds: [centre.id],
    password: newPassword,
    ...overrides,
  };
}

async function listedIds(session: Session = admin): Promise<string[]> {
  const response = await session.get('/api/users');
  expect(response.statusCode).toBe(200);
  return response.json().items.map((u: { id: string }) => u.id);
}

describe('GET /api/users', () => {
  it("lists the staff of the administrator's own organisation only", async () => {
    const colleague = await createUser(t.db, 'coordinator', [centre.id], organisation.id);
    const outsider = await createUser(t.db, 'coordinator', []);

    const response = await admin.get('/api/users');

    expect(response.statusCode).toBe(200);
    const items: { id: string }[] = response.json().items;
    expect(items).toContainEqual({
      id: colleague.id,
      name: 'Test coordinator',
      email: colleague.email,
      role: 'coordinator',
      centreIds: [centre.id],
      disabled: false,
      twoFactor: false,
      singleSignOn: false,
      createdAt: expect.any(String),
    });
    expect(items.map((u) => u.id)).toContain(admin.userId);
    expect(items.map((u) => u.id)).not.toContain(outsider.id);
    expect(response.body).not.toContain('argon2');
  });

  it('answers 401 without a session', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/users' });
    expect(response.statusCode).toBe(401);
    expect(response.json().error.code).toBe('UNAUTHENTICATED');
  });

  it('answers 403 to a coordinator', async () => {
    const coordinator = await createSession(t.app, t.db, 'coordinator', [centre.id], organisation.id);
    const response = await coordinator.get('/api/users');
    expect(response.statusCode).toBe(403);
    expect(response.json().error.code).toBe('FORBIDDEN');
  });
});

describe('POST /api/users', () => {
  it('creates an account that stores only an argon2 hash and can log in', async () => {
    const body = userBody({ centreIds: [centre.id, secondCentre.id] });

    const response = await admin.post('/api/users', body);

    expect(response.statusCode).toBe(201);
    const created = response.json();
    expect(created).toEqual({
      id: expect.any(String),
      name: body.name,
      email: body.email,
      role: 'civic_guide',
      centreIds: expect.arrayContaining([centre.id, secondCentre.id]),
      disabled: false,
      twoFactor: false,
      singleSignOn: false,
      createdAt: expect.any(String),
    });
    expect(response.body).not.toContain(newPassword);
    const result = await t.db.execute(sql`select password_hash from users where id = ${created.id}`);
    const [row] = (result as unknown as { rows: { password_hash: string }[] }).rows;
    expect(row?.password_hash).toMatch(/^\$argon2id\$/);
    expect(row?.password_hash).not.toContain(newPassword);

    const session = await login(t.app, body.email, newPassword);
    const me = (await session.get('/api/auth/session')).json().user;
    expect(me).toMatchObject({ id: created.id, role: 'civic_guide', organisationId: organisation.id });
    expect(me.centres.map((c: { id: string }) => c.id).sort()).toEqual([centre.id, secondCentre.id].sort());
    expect(await listedIds()).toContain(created.id);
  });

  it('answers 409 EMAIL_TAKEN for an address already in use, whatever its case', async () => {
    const existing = await createUser(t.db, 'coordinator', [centre.id], organisation.id);

    const response = await admin.post('/api/users', userBody({ email: existing.email.toUpperCase() }));

    expect(response.statusCode).toBe(409);
    expect(response.json().error.code).toBe('EMAIL_TAKEN');
    await expect(login(t.app, existing.email, newPassword)).rejects.toThrow(/401/);
  });

  it('answers 400 naming a password shorter than 12 characters, and creates no account', async () => {
    const body = userBody({ password: 'kort-lösen1' });

    const response = await admin.post('/api/users', body);

    expect(response.statusCode).toBe(400);
    expect(response.json().error.fields).toEqual([
      { field: 'password', code: 'too_short', message: 'Lösenord är för kort' },
    ]);
    await expect(login(t.app, body.email, body.password)).rejects.toThrow(/401/);
  });

  it('answers 400 naming each bad field', async () => {
    const response = await admin.post('/api/users', {
      name: '',
      email: 'inte-en-adress',
      role: 'chef',
      centreIds: [],
      password: newPassword,
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.fields.map((f: { message: string }) => f.message)).toEqual(
      expect.arrayContaining([
        'Namn måste fyllas i',
        'E-post är inte en giltig e-postadress',
        'Roll är inte ett giltigt val',
        'Centrum måste fyllas i',
      ]),
    );
  });

  it("answers 403 for centres outside the administrator's own, and creates no account", async () => {
    const foreignCentre = await createCentre(t.db);
    const body = userBody({ centreIds: [centre.id, foreignCentre.id] });

    const response = await admin.post('/api/users', body);

    expect(response.statusCode).toBe(403);
    expect(response.json().error.code).toBe('FORBIDDEN');
    await expect(login(t.app, body.email, newPassword)).rejects.toThrow(/401/);
  });

  it('answers 403 to a coordinator, and creates no account', async () => {
    const coordinator = await createSession(t.app, t.db, 'coordinator', [centre.id], organisation.id);
    const body = userBody();

    const response = await coordinator.post('/api/users', body);

    expect(response.statusCode).toBe(403);
    await expect(login(t.app, body.email, newPassword)).rejects.toThrow(/401/);
  });

  it('answers 401 without a session', async () => {
    const response = await t.app.inject({ method: 'POST', url: '/api/users', payload: userBody() });
    expect(response.statusCode).toBe(401);
  });
});

describe('password rules', () => {
  it('answers 400 naming a password that is easy to guess, also from the user’s own name and email', async () => {
    for (const password of ['Password1234', 'qwertyuiop123', 'lina.samhallsvagledare']) {
      const body = userBody({ password, email: 'lina.samhallsvagledare@haninge.example' });
      const response = await admin.post('/api/users', body);
      expect(response.statusCode, password).toBe(400);
      expect(response.json().error.fields).toEqual([
        expect.objectContaining({ field: 'password', code: 'weak_password' }),
      ]);
    }
  });
});

describe('PATCH /api/users/:id', () => {
  it('changes name, role and centres, which the user sees at the next request', async () => {
    const user = await createUser(t.db, 'coordinator', [centre.id], organisation.id);
    const session = await login(t.app, user.email, testPassword);

    const response = await admin.patch(`/api/users/${user.id}`, {
      name: 'Omar Jobbagent',
      role: 'job_agent',
      centreIds: [secondCentre.id],
    });

    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({
      id: user.id,
      name: 'Omar Jobbagent',
      role: 'job_agent',
      centreIds: [secondCentre.id],
      disabled: false,
    });
    const me = (await session.get('/api/auth/session')).json().user;
    expect(me).toMatchObject({
      name: 'Omar Jobbagent',
      role: 'job_agent',
      centres: [{ id: secondCentre.id }],
    });
  });

  it('disabling ends the user’s sessions at once and stops them logging in; enabling lets them in again', async () => {
    const user = await createUser(t.db, 'coordinator', [centre.id], organisation.id);
    const session = await login(t.app, user.email, testPassword);
    expect((await session.get('/api/auth/session')).statusCode).toBe(200);

    const response = await admin.patch(`/api/users/${user.id}`, { disabled: true });

    expect(response.statusCode).toBe(200);
    expect(response.json().disabled).toBe(true);
    const after = await session.post('/api/participants/search', {});
    expect(after.statusCode).toBe(401);
    expect(after.json().error.code).toBe('UNAUTHENTICATED');
    await expect(login(t.app, user.email, testPassword)).rejects.toThrow(/401/);

    expect((await admin.patch(`/api/users/${user.id}`, { disabled: false })).json().disabled).toBe(false);
    const back = await login(t.app, user.email, testPassword);
    expect((await back.get('/api/auth/session')).statusCode).toBe(200);
  });

  it('an administrator sets a new password for a user who forgot theirs: their sessions end, the new one works', async () => {
    const user = await createUser(t.db, 'coordinator', [centre.id], organisation.id);
    const session = await login(t.app, user.email, testPassword);

    const weak = await admin.patch(`/api/users/${user.id}`, { password: 'qwerty123456' });
    expect(weak.statusCode).toBe(400);
    expect(weak.json().error.fields[0]).toMatchObject({ field: 'password', code: 'weak_password' });
    expect((await session.get('/api/auth/session')).statusCode).toBe(200);

    const response = await admin.patch(`/api/users/${user.id}`, { password: newPassword });
    expect(response.statusCode).toBe(200);
    expect((await session.get('/api/auth/session')).statusCode).toBe(401);
    await expect(login(t.app, user.email, testPassword)).rejects.toThrow(/401/);
    expect((await (await login(t.app, user.email, newPassword)).get('/api/auth/session')).statusCode).toBe(
      200,
    );
  });

  it('answers 400 naming a bad field', async () => {
    const user = await createUser(t.db, 'coordinator', [centre.id], organisation.id);
    const response = await admin.patch(`/api/users/${user.id}`, { role: 'chef' });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.fields).toMatchObject([
      { field: 'role', message: 'Roll är inte ett giltigt val' },
    ]);
  });

  it('answers 403 for a user of another organisation, who stays as they were', async () => {
    const outsider = await createUser(t.db, 'coordinator', []);
    const session = await login(t.app, outsider.email, testPassword);

    const response = await admin.patch(`/api/users/${outsider.id}`, { disabled: true, name: 'Kapad' });

    expect(response.statusCode).toBe(403);
    expect(response.json().error.code).toBe('FORBIDDEN');
    expect((await session.get('/api/auth/session')).json().user.name).toBe('Test coordinator');
  });

  it("answers 403 for moving a user to a centre outside the administrator's own", async () => {
    const user = await createUser(t.db, 'coordinator', [centre.id], organisation.id);
    const foreignCentre = await createCentre(t.db);
    const response = await admin.patch(`/api/users/${user.id}`, { centreIds: [foreignCentre.id] });
    expect(response.statusCode).toBe(403);
    const session = await login(t.app, user.email, testPassword);
    expect((await session.get('/api/auth/session')).json().user.centres).toMatchObject([{ id: centre.id }]);
  });

  it('answers 403 to a coordinator', async () => {
    const user = await createUser(t.db, 'coordinator', [centre.id], organisation.id);
    const coordinator = await createSession(t.app, t.db, 'coordinator', [centre.id], organisation.id);
    const response = await coordinator.patch(`/api/users/${user.id}`, { disabled: true });
    expect(response.statusCode).toBe(403);
    expect((await login(t.app, user.email, testPassword)).userId).toBe(user.id);
  });

  it('answers 404 for an unknown user', async () => {
    const response = await admin.patch(`/api/users/${randomUUID()}`, { name: 'Ingen' });
    expect(response.statusCode).toBe(404);
    expect(response.json().error.code).toBe('NOT_FOUND');
  });

  it('answers 401 without a session', async () => {
    const user = await createUser(t.db, 'coordinator', [centre.id], organisation.id);
    const response = await t.app.inject({
      method: 'PATCH',
      url: `/api/users/${user.id}`,
      payload: { disabled: true },
    });
    expect(response.statusCode).toBe(401);
    expect((await login(t.app, user.email, testPassword)).userId).toBe(user.id);
  });
});
