import { sql } from 'drizzle-orm';
import { Secret, TOTP } from 'otpauth';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../config.ts';
import { queryRows } from '../../db/client.ts';
import { createCentre, createSession, createUser, testPassword } from '../../test/factories.ts';
import { createTestApp, login, type Session, type TestContext } from '../../test/test-app.ts';

let t: TestContext;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

/** The code an authenticator app shows for the secret, `offset` time steps from now. */
function codeOf(secret: string, offset = 0): string {
  return TOTP.generate({ secret: Secret.fromBase32(secret), timestamp: Date.now() + offset * 30_000 });
}

/** A user with two-step verification on: their secret and recovery codes. */
async function enrolledUser() {
  const user = await createUser(t.db, 'coordinator', []);
  const session = await login(t.app, user.email, testPassword);
  const enrolment = (await session.post('/api/auth/two-factor/enrolment')).json();
  const confirmed = await session.post('/api/auth/two-factor/confirmation', {
    code: codeOf(enrolment.secret),
  });
  expect(confirmed.statusCode).toBe(200);
  return { user, session, secret: enrolment.secret as string, recoveryCodes: confirmed.json().recoveryCodes };
}

function passwordStep(email: string) {
  return t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email, password: testPassword } });
}

function secondStep(challenge: string, code: string, language = 'sv') {
  return t.app.inject({
    method: 'POST',
    url: '/api/auth/login/two-factor',
    headers: { 'accept-language': language },
    payload: { challenge, code },
  });
}

function sessionCookieOf(response: Awaited<ReturnType<typeof passwordStep>>) {
  return response.cookies.find((c) => c.name === 'stegvis_session');
}

async function eventsOf(userId: string) {
  return queryRows<{ kind: string; actor_id: string | null }>(
    t.db,
    sql`select kind, actor_id from security_events where user_id = ${userId} order by id`,
  );
}

describe('turning two-step verification on', () => {
  it('shows a QR code and the secret, and is on only once a code from the app confirms it', async () => {
    const user = await createUser(t.db, 'coordinator', []);
    const session = await login(t.app, user.email, testPassword);
    expect((await session.get('/api/auth/two-factor')).json()).toEqual({
      enabled: false,
      enabledAt: null,
      recoveryCodesLeft: 0,
      singleSignOn: false,
    });
    const enrolment = await session.post('/api/auth/two-factor/enrolment');
    expect(enrolment.statusCode).toBe(200);
    const { secret, uri, qrCode } = enrolment.json();
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(uri).toBe(
      `otpauth://totp/Stegvis:${encodeURIComponent(user.email)}?issuer=Stegvis&secret=${secret}&algorithm=SHA1&digits=6&period=30`,
    );
    expect(qrCode).toMatch(/^data:image\/svg\+xml;base64,/);
    expect(Buffer.from(qrCode.split(',')[1], 'base64').toString()).toContain('<svg');
    expect((await session.get('/api/auth/two-factor')).json().enabled).toBe(false);

    const wrong = await session.post('/api/auth/two-factor/confirmation', { code: '000000' });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error.fields).toEqual([
      expect.objectContaining({ field: 'code', message: expect.stringContaining('Kod stämmer inte') }),
    ]);

    const confirmed = await session.post('/api/auth/two-factor/confirmation', { code: codeOf(secret) });
    expect(confirmed.statusCode).toBe(200);
    const { recoveryCodes } = confirmed.json();
    expect(recoveryCodes).toHaveLength(10);
    expect(new Set(recoveryCodes).size).toBe(10);
    for (const code of recoveryCodes) expect(code).toMatch(/^[a-z2-9]{5}-[a-z2-9]{5}$/);
    const status = (await session.get('/api/auth/two-factor')).json();
    expect(status).toMatchObject({ enabled: true, recoveryCodesLeft: 10 });
    expect(JSON.stringify(status)).not.toContain(secret);
    expect(await eventsOf(user.id)).toEqual([{ kind: 'totp_enabled', actor_id: null }]);
  });

  it('keeps the recovery codes only as hashes, and never hands out the secret again', async () => {
    const { user, session, recoveryCodes } = await enrolledUser();
    const stored = await queryRows<{ code_hash: string }>(
      t.db,
      sql`select code_hash from recovery_codes where user_id = ${user.id}`,
    );
    expect(stored).toHaveLength(10);
    const hashes = stored.map((r) => r.code_hash).join(' ');
    for (const code of recoveryCodes) {
      expect(hashes).not.toContain(code);
      expect(hashes).not.toContain(code.replace('-', ''));
    }
    const again = await session.post('/api/auth/two-factor/enrolment');
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('TWO_FACTOR_ALREADY_ENABLED');
  });

  it('refuses a confirmation before the secret was shown', async () => {
    const session = await createSession(t.app, t.db, 'coordinator', []);
    const response = await session.post('/api/auth/two-factor/confirmation', { code: '123456' });
    expect(response.statusCode).toBe(409);
    expect(response.json().error.code).toBe('TWO_FACTOR_NOT_STARTED');
  });

  it("ends the user's other sessions, not this one", async () => {
    const user = await createUser(t.db, 'coordinator', []);
    const elsewhere = await login(t.app, user.email, testPassword);
    const session = await login(t.app, user.email, testPassword);
    const { secret } = (await session.post('/api/auth/two-factor/enrolment')).json();
    await session.post('/api/auth/two-factor/confirmation', { code: codeOf(secret) });
    expect((await elsewhere.get('/api/auth/session')).statusCode).toBe(401);
    expect((await session.get('/api/auth/session')).statusCode).toBe(200);
  });

  it('needs a session and the CSRF token', async () => {
    expect((await t.app.inject({ method: 'POST', url: '/api/auth/two-factor/enrolment' })).statusCode).toBe(
      401,
    );
    const session = await createSession(t.app, t.db, 'coordinator', []);
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/auth/two-factor/enrolment',
      headers: { cookie: session.cookie },
    });
    expect(response.statusCode).toBe(403);
    expect(response.json().error.code).toBe('CSRF_INVALID');
  });
});

describe('logging in with two-step verification', () => {
  it('opens no session for the password alone, and one for the password and a code', async () => {
    const { user, secret } = await enrolledUser();
    const first = await passwordStep(user.email);
    expect(first.statusCode).toBe(202);
    expect(sessionCookieOf(first)).toBeUndefined();
    const { twoFactorRequired, challenge } = first.json();
    expect(twoFactorRequired).toBe(true);
    expect(challenge).toMatch(/^[\w-]{40,}$/);
    const stored = await queryRows<{ id: string }>(
      t.db,
      sql`select id from login_challenges where user_id = ${user.id}`,
    );
    expect(stored.map((r) => r.id)).not.toContain(challenge);

    const second = await secondStep(challenge, codeOf(secret, 1));
    expect(second.statusCode).toBe(200);
    expect(second.json().user.id).toBe(user.id);
    const cookie = sessionCookieOf(second);
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax' });
    const session = await t.app.inject({
      method: 'GET',
      url: '/api/auth/session',
      headers: { cookie: `stegvis_session=${cookie?.value}` },
    });
    expect(session.statusCode).toBe(200);
    // The challenge is spent.
    expect((await secondStep(challenge, codeOf(secret, 1))).json().error.code).toBe(
      'LOGIN_CHALLENGE_EXPIRED',
    );
  });

  it('names a wrong code as a field error in the user’s language', async () => {
    const { user } = await enrolledUser();
    const { challenge } = (await passwordStep(user.email)).json();
    const sv = await secondStep(challenge, '123 456');
    expect(sv.statusCode).toBe(400);
    expect(sv.json().error.fields).toEqual([
      expect.objectContaining({ field: 'code', message: expect.stringMatching(/^Kod stämmer inte/) }),
    ]);
    const en = await secondStep(challenge, '654321', 'en');
    expect(en.json().error.fields[0].message).toMatch(/^Code is not right/);
    const empty = await secondStep(challenge, ' ');
    expect(empty.json().error.fields[0].message).toBe('Kod måste fyllas i');
  });

  it('refuses a code used once already, even within its time window', async () => {
    const { user, secret } = await enrolledUser();
    const code = codeOf(secret, 1);
    const first = (await passwordStep(user.email)).json();
    expect((await secondStep(first.challenge, code)).statusCode).toBe(200);
    const second = (await passwordStep(user.email)).json();
    const replayed = await secondStep(second.challenge, code);
    expect(replayed.statusCode).toBe(400);
    // The code of the step before is older than the one used, so it is refused too.
    expect((await secondStep(second.challenge, codeOf(secret))).statusCode).toBe(400);
  });

  it('takes each recovery code once', async () => {
    const { user, session, recoveryCodes } = await enrolledUser();
    const code = recoveryCodes[3] as string;
    const first = (await passwordStep(user.email)).json();
    expect((await secondStep(first.challenge, ` ${code.toUpperCase()} `)).statusCode).toBe(200);
    const second = (await passwordStep(user.email)).json();
    expect((await secondStep(second.challenge, code)).statusCode).toBe(400);
    expect((await session.get('/api/auth/two-factor')).json().recoveryCodesLeft).toBe(9);
    expect((await eventsOf(user.id)).map((e) => e.kind)).toEqual(['totp_enabled', 'recovery_code_used']);
  });

  it('starts over after five wrong codes', async () => {
    const { user, secret } = await enrolledUser();
    const { challenge } = (await passwordStep(user.email)).json();
    for (let i = 0; i < 5; i++) expect((await secondStep(challenge, '000000')).statusCode).toBe(400);
    const after = await secondStep(challenge, codeOf(secret, 1));
    expect(after.statusCode).toBe(401);
    expect(after.json().error.code).toBe('LOGIN_CHALLENGE_EXPIRED');
    expect(after.json().error.message).toMatch(/Börja om/);
  });

  it('starts over after five minutes', async () => {
    const { user, secret } = await enrolledUser();
    const { challenge } = (await passwordStep(user.email)).json();
    await t.db.execute(
      sql`update login_challenges set expires_at = now() - interval '1 second' where user_id = ${user.id}`,
    );
    expect((await secondStep(challenge, codeOf(secret, 1))).json().error.code).toBe(
      'LOGIN_CHALLENGE_EXPIRED',
    );
  });

  it('refuses an unknown challenge and a disabled account', async () => {
    expect((await secondStep('x'.repeat(43), '123456')).json().error.code).toBe('LOGIN_CHALLENGE_EXPIRED');
    const { user, secret } = await enrolledUser();
    const { challenge } = (await passwordStep(user.email)).json();
    await t.db.execute(sql`update users set disabled_at = now() where id = ${user.id}`);
    expect((await secondStep(challenge, codeOf(secret, 1))).statusCode).toBe(401);
  });

  it('still refuses a wrong password with the ordinary answer', async () => {
    const { user } = await enrolledUser();
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: user.email, password: 'wrong password' },
    });
    expect(response.statusCode).toBe(401);
    expect(response.json().error.code).toBe('INVALID_CREDENTIALS');
  });
});

describe('new recovery codes', () => {
  it('replaces the old codes for a current code from the app, and shows the new ones once', async () => {
    const { user, session, secret, recoveryCodes } = await enrolledUser();
    const old = recoveryCodes[0] as string;
    const response = await session.post('/api/auth/two-factor/recovery-codes', { code: codeOf(secret, 1) });
    expect(response.statusCode, response.body).toBe(200);
    const renewed: string[] = response.json().recoveryCodes;
    expect(renewed).toHaveLength(10);
    expect(new Set(renewed).size).toBe(10);
    for (const code of renewed) expect(code).toMatch(/^[a-z2-9]{5}-[a-z2-9]{5}$/);
    expect(renewed).not.toContain(old);
    expect((await session.get('/api/auth/two-factor')).json().recoveryCodesLeft).toBe(10);

    const first = (await passwordStep(user.email)).json();
    expect((await secondStep(first.challenge, old)).statusCode).toBe(400);
    expect((await secondStep(first.challenge, renewed[0] as string)).statusCode).toBe(200);
    expect((await eventsOf(user.id)).map((e) => e.kind)).toEqual([
      'totp_enabled',
      'recovery_codes_renewed',
      'recovery_code_used',
    ]);
    const stored = await queryRows<{ code_hash: string }>(
      t.db,
      sql`select code_hash from recovery_codes where user_id = ${user.id}`,
    );
    expect(stored.map((r) => r.code_hash).join()).not.toContain(renewed[1]);
  });

  it('refuses a wrong code, a code used already, a recovery code, and a user without it on', async () => {
    const { user, session, secret, recoveryCodes } = await enrolledUser();
    const renew = (code: string) => session.post('/api/auth/two-factor/recovery-codes', { code });
    const wrong = await renew('000000');
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error.fields[0]).toMatchObject({ field: 'code' });
    expect((await renew(recoveryCodes[0] as string)).statusCode).toBe(400);
    const code = codeOf(secret, 1);
    expect((await renew(code)).statusCode).toBe(200);
    expect((await renew(code)).statusCode).toBe(400);
    expect((await eventsOf(user.id)).map((e) => e.kind)).toEqual(['totp_enabled', 'recovery_codes_renewed']);

    const plain = await createSession(t.app, t.db, 'coordinator', []);
    const off = await plain.post('/api/auth/two-factor/recovery-codes', { code: '123456' });
    expect(off.statusCode).toBe(409);
    expect(off.json().error.code).toBe('TWO_FACTOR_NOT_ENABLED');
  });
});

describe('turning two-step verification off', () => {
  it('needs the password or a current code', async () => {
    const { user, session, secret } = await enrolledUser();
    const nothing = await session.post('/api/auth/two-factor/disable', {});
    expect(nothing.json().error.fields[0]).toMatchObject({ field: 'password' });
    const wrongPassword = await session.post('/api/auth/two-factor/disable', { password: 'not it' });
    expect(wrongPassword.statusCode).toBe(400);
    expect(wrongPassword.json().error.fields[0]).toMatchObject({ field: 'password' });
    const wrongCode = await session.post('/api/auth/two-factor/disable', { code: '000000' });
    expect(wrongCode.json().error.fields[0]).toMatchObject({ field: 'code' });
    expect((await session.get('/api/auth/two-factor')).json().enabled).toBe(true);

    const off = await session.post('/api/auth/two-factor/disable', { code: codeOf(secret, 1) });
    expect(off.statusCode).toBe(200);
    expect((await session.get('/api/auth/two-factor')).json()).toMatchObject({
      enabled: false,
      recoveryCodesLeft: 0,
    });
    expect((await passwordStep(user.email)).statusCode).toBe(200);
    const again = await session.post('/api/auth/two-factor/disable', { password: testPassword });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('TWO_FACTOR_NOT_ENABLED');
    expect((await eventsOf(user.id)).map((e) => e.kind)).toEqual(['totp_enabled', 'totp_disabled']);
  });

  it('takes the password instead of a code', async () => {
    const { user, session } = await enrolledUser();
    expect((await session.post('/api/auth/two-factor/disable', { password: testPassword })).statusCode).toBe(
      200,
    );
    expect((await passwordStep(user.email)).statusCode).toBe(200);
  });
});

describe("an administrator's reset", () => {
  it('turns a user’s two-step verification off, within the own organisation only', async () => {
    const centre = await createCentre(t.db);
    const { organisationId } = (
      await queryRows<{ organisationId: string }>(
        t.db,
        sql`select organisation_id as "organisationId" from centres where id = ${centre.id}`,
      )
    )[0] as { organisationId: string };
    const admin: Session = await createSession(t.app, t.db, 'administrator', [centre.id], organisationId);
    const { user, secret } = await enrolledUser();
    await t.db.execute(sql`update users set organisation_id = ${organisationId} where id = ${user.id}`);
    const listed = (await admin.get('/api/users')).json().items.find((u: { id: string }) => u.id === user.id);
    expect(listed).toMatchObject({ twoFactor: true, singleSignOn: false });

    const foreign = await createSession(t.app, t.db, 'administrator', []);
    expect((await foreign.patch(`/api/users/${user.id}`, { resetTwoFactor: true })).statusCode).toBe(403);
    expect((await passwordStep(user.email)).statusCode).toBe(202);

    const reset = await admin.patch(`/api/users/${user.id}`, { resetTwoFactor: true });
    expect(reset.statusCode).toBe(200);
    expect(reset.json().twoFactor).toBe(false);
    expect((await passwordStep(user.email)).statusCode).toBe(200);
    expect(await eventsOf(user.id)).toEqual([
      { kind: 'totp_enabled', actor_id: null },
      { kind: 'totp_reset', actor_id: admin.userId },
    ]);
    // The old secret is gone: enrolling again gives a new one.
    const session = await login(t.app, user.email, testPassword);
    expect((await session.post('/api/auth/two-factor/enrolment')).json().secret).not.toBe(secret);
  });

  it('refuses resetTwoFactor other than true', async () => {
    const admin = await createSession(t.app, t.db, 'administrator', []);
    const response = await admin.patch(`/api/users/${admin.userId}`, { resetTwoFactor: false });
    expect(response.statusCode).toBe(400);
  });
});

describe('roles that require two-step verification (STEGVIS_TWO_FACTOR_ROLES)', () => {
  let strict: TestContext;
  beforeAll(async () => {
    strict = await createTestApp({ twoFactorRoles: ['administrator'] });
  });
  afterAll(() => strict.close());

  it('lets such a user do nothing but turn it on, then everything the role may', async () => {
    const centre = await createCentre(strict.db);
    const admin = await createSession(strict.app, strict.db, 'administrator', [centre.id]);
    expect((await admin.get('/api/auth/session')).json().mustEnrolTwoFactor).toBe(true);
    const refused = await admin.get('/api/users');
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error.code).toBe('TWO_FACTOR_REQUIRED');
    expect(refused.json().error.message).toMatch(/Din roll kräver tvåstegsverifiering/);
    expect((await admin.get('/api/auth/sessions')).statusCode).toBe(200);

    const { secret } = (await admin.post('/api/auth/two-factor/enrolment')).json();
    expect((await admin.post('/api/auth/two-factor/confirmation', { code: codeOf(secret) })).statusCode).toBe(
      200,
    );
    expect((await admin.get('/api/auth/session')).json().mustEnrolTwoFactor).toBe(false);
    expect((await admin.get('/api/users')).statusCode).toBe(200);
  });

  it('reads the roles from the environment and refuses one that does not exist', () => {
    expect(
      loadConfig({ STEGVIS_TWO_FACTOR_ROLES: 'administrator, programme_manager' }).twoFactorRoles,
    ).toEqual(['administrator', 'programme_manager']);
    expect(loadConfig({}).twoFactorRoles).toEqual([]);
    expect(() => loadConfig({ STEGVIS_TWO_FACTOR_ROLES: 'administrator,admin' })).toThrow(
      '"admin" is not a role',
    );
  });

  it('leaves other roles alone', async () => {
    const coordinator = await createSession(strict.app, strict.db, 'coordinator', []);
    expect((await coordinator.get('/api/auth/session')).json().mustEnrolTwoFactor).toBe(false);
    expect((await coordinator.post('/api/participants/search', {})).statusCode).toBe(200);
  });

  it('asks again once an administrator has reset it', async () => {
    const centre = await createCentre(strict.db);
    const [row] = await queryRows<{ organisationId: string }>(
      strict.db,
      sql`select organisation_id as "organisationId" from centres where id = ${centre.id}`,
    );
    const organisationId = row?.organisationId as string;
    const enrolled = async () => {
      const user = await createUser(strict.db, 'administrator', [centre.id], organisationId);
      const session = await login(strict.app, user.email, testPassword);
      const { secret } = (await session.post('/api/auth/two-factor/enrolment')).json();
      await session.post('/api/auth/two-factor/confirmation', { code: codeOf(secret) });
      return { user, session };
    };
    const first = await enrolled();
    const second = await enrolled();
    expect(
      (await first.session.patch(`/api/users/${second.user.id}`, { resetTwoFactor: true })).statusCode,
    ).toBe(200);
    const response = await second.session.post('/api/participants/search', {});
    expect(response.statusCode).toBe(403);
    expect(response.json().error.code).toBe('TWO_FACTOR_REQUIRED');
  });
});
