import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OrganisationDetail } from '../../../core/schemas/programme.schema.ts';
import { createCentre, createOrganisation, createSession } from '../../test/factories.ts';
import { createTestApp, type Session, type TestContext } from '../../test/test-app.ts';

let t: TestContext;
let organisation: Awaited<ReturnType<typeof createOrganisation>>;
let centre: Awaited<ReturnType<typeof createCentre>>;
let admin: Session;
let coordinator: Session;
beforeAll(async () => {
  t = await createTestApp();
  organisation = await createOrganisation(t.db);
  centre = await createCentre(t.db, organisation.id);
  admin = await createSession(t.app, t.db, 'administrator', [centre.id], organisation.id);
  coordinator = await createSession(t.app, t.db, 'coordinator', [centre.id], organisation.id);
});
afterAll(() => t.close());

async function listed(session: Session = coordinator): Promise<OrganisationDetail[]> {
  const response = await session.get('/api/organisations');
  expect(response.statusCode).toBe(200);
  return response.json().items;
}

async function organisationsNamed(name: string): Promise<number> {
  const result = await t.db.execute(sql`select count(*)::int as n from organisations where name = ${name}`);
  return (result as unknown as { rows: { n: number }[] }).rows[0]?.n ?? -1;
}

async function centresNamed(name: string): Promise<number> {
  const result = await t.db.execute(sql`select count(*)::int as n from centres where name = ${name}`);
  return (result as unknown as { rows: { n: number }[] }).rows[0]?.n ?? -1;
}

const unique = (name: string) => `${name} ${randomUUID().slice(0, 6)}`;

describe('GET /api/organisations', () => {
  it('lists every organisation with its municipality and centres to any member of staff', async () => {
    const office = await createOrganisation(t.db, unique('Arbetsförmedlingen'));

    const items = await listed();

    expect(items).toContainEqual({
      id: organisation.id,
      kind: 'municipality',
      name: organisation.name,
      municipalityCode: '0136',
      municipalityName: 'Haninge',
      centres: [
        {
          id: centre.id,
          name: centre.name,
          organisationId: organisation.id,
          municipalityCode: '0136',
          municipalityName: 'Haninge',
        },
      ],
    });
    expect(items.map((o) => o.id)).toContain(office.id);
  });

  it('answers 401 without a session', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/organisations' });
    expect(response.statusCode).toBe(401);
    expect(response.json().error.code).toBe('UNAUTHENTICATED');
  });
});

describe('POST /api/organisations', () => {
  it('adds a municipality by its kommunkod, named from the form', async () => {
    const response = await admin.post('/api/organisations', {
      kind: 'municipality',
      name: 'Nynäshamns kommun',
      municipality: '0192',
    });

    expect(response.statusCode).toBe(201);
    expect(response.json()).toEqual({
      id: expect.any(String),
      kind: 'municipality',
      name: 'Nynäshamns kommun',
      municipalityCode: '0192',
      municipalityName: 'Nynäshamn',
      centres: [],
    });
    expect((await listed()).map((o) => o.id)).toContain(response.json().id);
  });

  it('adds an employment-service office, with or without a municipality', async () => {
    const withMunicipality = await admin.post('/api/organisations', {
      kind: 'employment_service',
      name: 'Arbetsförmedlingen Tyresö',
      municipality: '0138',
    });
    expect(withMunicipality.statusCode).toBe(201);
    expect(withMunicipality.json()).toMatchObject({ kind: 'employment_service', municipalityName: 'Tyresö' });

    const without = await admin.post('/api/organisations', {
      kind: 'employment_service',
      name: 'Arbetsförmedlingen Södertörn',
      municipality: '',
    });
    expect(without.statusCode).toBe(201);
    expect(without.json()).toMatchObject({ municipalityCode: null, municipalityName: null });
  });

  it('answers 400 unknown_code for a kommunkod not in the code list, and adds nothing', async () => {
    const name = unique('Ingen kommun');

    const response = await admin.post('/api/organisations', {
      kind: 'municipality',
      name,
      municipality: '0000',
    });

    expect(response.statusCode).toBe(400);
    expect(response.json().error.fields).toEqual([
      { field: 'municipality', code: 'unknown_code', message: 'Kommun finns inte i kodlistan' },
    ]);
    expect(await organisationsNamed(name)).toBe(0);
  });

  it('answers 400 for a municipality that is already an organisation', async () => {
    const first = await admin.post('/api/organisations', {
      kind: 'municipality',
      name: 'Värmdö kommun',
      municipality: '0120',
    });
    expect(first.statusCode).toBe(201);

    const again = await admin.post('/api/organisations', {
      kind: 'municipality',
      name: 'Värmdö kommun igen',
      municipality: '0120',
    });

    expect(again.statusCode).toBe(400);
    expect(again.json().error.fields).toEqual([
      { field: 'municipality', code: 'taken', message: 'Kommun har redan en organisation' },
    ]);
    expect(await organisationsNamed('Värmdö kommun igen')).toBe(0);
  });

  it('answers 400 naming each missing or malformed field in Swedish', async () => {
    const missing = await admin.post('/api/organisations', { kind: 'municipality', name: ' ' });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().error.fields).toEqual([
      { field: 'name', code: 'required', message: 'Namn måste fyllas i' },
      { field: 'municipality', code: 'required', message: 'Kommun måste fyllas i' },
    ]);

    const malformed = await admin.post('/api/organisations', {
      kind: 'förening',
      name: 'Föreningen',
      municipality: '136',
    });
    expect(malformed.json().error.fields).toEqual([
      { field: 'kind', code: 'invalid_choice', message: 'Typ är inte ett giltigt val' },
      { field: 'municipality', code: 'invalid_format', message: 'Kommun har fel format' },
    ]);
  });

  it('answers 403 to a coordinator and a programme manager, and adds nothing', async () => {
    const manager = await createSession(t.app, t.db, 'programme_manager', [centre.id], organisation.id);
    const name = unique('Arbetsförmedlingen');
    for (const session of [coordinator, manager]) {
      const response = await session.post('/api/organisations', { kind: 'employment_service', name });
      expect(response.statusCode).toBe(403);
      expect(response.json().error.code).toBe('FORBIDDEN');
    }
    expect(await organisationsNamed(name)).toBe(0);
  });

  it('answers 401 without a session', async () => {
    const name = unique('Arbetsförmedlingen');
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/organisations',
      payload: { kind: 'employment_service', name },
    });
    expect(response.statusCode).toBe(401);
    expect(await organisationsNamed(name)).toBe(0);
  });
});

describe('PATCH /api/organisations/:id', () => {
  it('renames an organisation', async () => {
    const target = await createOrganisation(t.db);
    const response = await admin.patch(`/api/organisations/${target.id}`, { name: 'Tyresö kommun' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ id: target.id, name: 'Tyresö kommun', municipalityCode: '0136' });
    expect((await listed()).find((o) => o.id === target.id)?.name).toBe('Tyresö kommun');
  });

  it('answers 400 naming an empty name, and keeps the old one', async () => {
    const target = await createOrganisation(t.db);
    const response = await admin.patch(`/api/organisations/${target.id}`, { name: '' });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.fields).toEqual([
      { field: 'name', code: 'required', message: 'Namn måste fyllas i' },
    ]);
    expect(await organisationsNamed(target.name)).toBe(1);
  });

  it('answers 403 to a coordinator, and keeps the old name', async () => {
    const target = await createOrganisation(t.db);
    const response = await coordinator.patch(`/api/organisations/${target.id}`, { name: 'Kapad' });
    expect(response.statusCode).toBe(403);
    expect(await organisationsNamed(target.name)).toBe(1);
  });

  it('answers 404 for an unknown organisation', async () => {
    const response = await admin.patch(`/api/organisations/${randomUUID()}`, { name: 'Ingen' });
    expect(response.statusCode).toBe(404);
    expect(response.json().error.code).toBe('NOT_FOUND');
  });

  it('answers 401 without a session', async () => {
    const target = await createOrganisation(t.db);
    const response = await t.app.inject({
      method: 'PATCH',
      url: `/api/organisations/${target.id}`,
      payload: { name: 'Utan session' },
    });
    expect(response.statusCode).toBe(401);
    expect(await organisationsNamed(target.name)).toBe(1);
  });
});

describe('POST /api/centres', () => {
  it("adds a centre to the administrator's organisation and makes the administrator a member of it", async () => {
    const response = await admin.post('/api/centres', {
      name: 'Etableringscentrum Handen',
      municipality: '0136',
    });

    expect(response.statusCode).toBe(201);
    const created = response.json();
    expect(created).toEqual({
      id: expect.any(String),
      name: 'Etableringscentrum Handen',
      organisationId: organisation.id,
      municipalityCode: '0136',
      municipalityName: 'Haninge',
    });
    const me = (await admin.get('/api/auth/session')).json().user;
    expect(me.centres.map((c: { id: string }) => c.id)).toContain(created.id);
    const mine = (await listed()).find((o) => o.id === organisation.id);
    expect(mine?.centres.map((c) => c.id)).toContain(created.id);
  });

  it('answers 400 naming an unknown or missing municipality and an empty name, and adds nothing', async () => {
    const name = unique('Centrum');
    const unknown = await admin.post('/api/centres', { name, municipality: '9999' });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error.fields).toEqual([
      { field: 'municipality', code: 'unknown_code', message: 'Kommun finns inte i kodlistan' },
    ]);
    expect(await centresNamed(name)).toBe(0);

    const empty = await admin.post('/api/centres', { name: '' });
    expect(empty.json().error.fields).toEqual([
      { field: 'name', code: 'required', message: 'Namn måste fyllas i' },
      { field: 'municipality', code: 'required', message: 'Kommun måste fyllas i' },
    ]);
  });

  it('answers 403 to a coordinator, and adds nothing', async () => {
    const name = unique('Centrum');
    const response = await coordinator.post('/api/centres', { name, municipality: '0136' });
    expect(response.statusCode).toBe(403);
    expect(await centresNamed(name)).toBe(0);
  });

  it('answers 401 without a session', async () => {
    const name = unique('Centrum');
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/centres',
      payload: { name, municipality: '0136' },
    });
    expect(response.statusCode).toBe(401);
    expect(await centresNamed(name)).toBe(0);
  });
});

describe('PATCH /api/centres/:id', () => {
  it("renames a centre of the administrator's organisation", async () => {
    const target = await createCentre(t.db, organisation.id);
    const response = await admin.patch(`/api/centres/${target.id}`, {
      name: 'Etableringscentrum Brandbergen',
    });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ id: target.id, name: 'Etableringscentrum Brandbergen' });
    const mine = (await listed()).find((o) => o.id === organisation.id);
    expect(mine?.centres.find((c) => c.id === target.id)?.name).toBe('Etableringscentrum Brandbergen');
  });

  it('answers 400 naming an empty name', async () => {
    const target = await createCentre(t.db, organisation.id);
    const response = await admin.patch(`/api/centres/${target.id}`, { name: '   ' });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.fields).toMatchObject([{ field: 'name', message: 'Namn måste fyllas i' }]);
    expect(await centresNamed(target.name)).toBe(1);
  });

  it("answers 403 for another organisation's centre, which keeps its name", async () => {
    const foreign = await createCentre(t.db);
    const response = await admin.patch(`/api/centres/${foreign.id}`, { name: 'Kapat' });
    expect(response.statusCode).toBe(403);
    expect(response.json().error.code).toBe('FORBIDDEN');
    expect(await centresNamed(foreign.name)).toBe(1);
  });

  it('answers 403 to a coordinator of the centre', async () => {
    const response = await coordinator.patch(`/api/centres/${centre.id}`, { name: 'Kapat' });
    expect(response.statusCode).toBe(403);
    expect(await centresNamed(centre.name)).toBe(1);
  });

  it('answers 404 for an unknown centre', async () => {
    const response = await admin.patch(`/api/centres/${randomUUID()}`, { name: 'Inget' });
    expect(response.statusCode).toBe(404);
    expect(response.json().error.code).toBe('NOT_FOUND');
  });

  it('answers 401 without a session', async () => {
    const response = await t.app.inject({
      method: 'PATCH',
      url: `/api/centres/${centre.id}`,
      payload: { name: 'Utan session' },
    });
    expect(response.statusCode).toBe(401);
    expect(await centresNamed(centre.name)).toBe(1);
  });
});
