import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, login, type TestContext } from '../../test/test-app.ts';
import { createFirstAdministrator } from './first-administrator.ts';

let t: TestContext;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe('createFirstAdministrator', () => {
  it('sets up the organisation, a centre and an administrator who can log in and manage users', async () => {
    const created = await createFirstAdministrator(t.db, {
      email: 'it@tyreso.example',
      name: 'Första Administratör',
      municipalityCode: '0138',
      organisationName: 'Tyresö kommun',
      centreName: 'Etableringscentrum Tyresö',
    });
    expect(created.password.length).toBeGreaterThanOrEqual(12);
    const session = await login(t.app, 'it@tyreso.example', created.password);
    const me = (await session.get('/api/auth/session')).json();
    expect(me.user).toMatchObject({
      role: 'administrator',
      organisationName: 'Tyresö kommun',
      centres: [{ name: 'Etableringscentrum Tyresö' }],
    });
    expect((await session.get('/api/users')).statusCode).toBe(200);

    // A second administrator of the same municipality joins the same organisation and centre.
    const second = await createFirstAdministrator(t.db, {
      email: 'it2@tyreso.example',
      name: 'Andra Administratör',
      municipalityCode: '0138',
      organisationName: 'Tyresö kommun',
      centreName: 'Etableringscentrum Tyresö',
      password: 'ett långt lösenord',
    });
    expect(second.organisationId).toBe(created.organisationId);
    expect(second.centreId).toBe(created.centreId);
  });

  it('refuses an unknown municipality code, a taken e-mail and a short password', async () => {
    const base = { name: 'X', organisationName: 'X kommun', centreName: 'X centrum' };
    await expect(
      createFirstAdministrator(t.db, { ...base, email: 'a@x.example', municipalityCode: '9999' }),
    ).rejects.toThrow(/9999/);
    await expect(
      createFirstAdministrator(t.db, { ...base, email: 'it@tyreso.example', municipalityCode: '0138' }),
    ).rejects.toThrow(/already exists/);
    await expect(
      createFirstAdministrator(t.db, {
        ...base,
        email: 'b@x.example',
        municipalityCode: '0138',
        password: 'kort',
      }),
    ).rejects.toThrow(/12/);
  });
});
