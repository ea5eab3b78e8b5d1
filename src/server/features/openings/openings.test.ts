import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCentre, createEmployer, createOpening, createSession } from '../../test/factories.ts';
import { createTestApp, type Session, type TestContext } from '../../test/test-app.ts';

let t: TestContext;
let jobAgent: Session;
let liaison: Session;
let teacher: Session;
let administrator: Session;
beforeAll(async () => {
  t = await createTestApp();
  const centre = await createCentre(t.db);
  jobAgent = await createSession(t.app, t.db, 'job_agent', [centre.id], centre.organisationId);
  liaison = await createSession(t.app, t.db, 'employer_liaison', [centre.id], centre.organisationId);
  teacher = await createSession(t.app, t.db, 'language_teacher', [centre.id], centre.organisationId);
  administrator = await createSession(t.app, t.db, 'administrator', [centre.id], centre.organisationId);
});
afterAll(() => t.close());

const missing = '00000000-0000-4000-8000-000000000000';

function input(overrides: Record<string, unknown> = {}) {
  return {
    kind: 'job',
    title: 'Lagerarbetare, dagtid',
    occupationCode: '4322',
    places: 3,
    startsOn: '2026-12-01',
    hoursPerWeek: 40,
    requiredSfiCourse: 'C',
    drivingLicenceRequired: true,
    requiredEducationLevelCode: '2',
    requirements: 'Truckkort är meriterande.',
    municipalityCode: '0136',
    ...overrides,
  };
}

function fieldsOf(response: { json(): { error: { fields?: { field: string; code: string }[] } } }) {
  return response.json().error.fields?.map((f) => [f.field, f.code]);
}

describe('POST /api/employers/:id/openings', () => {
  it('adds an opening with the names of its codes', async () => {
    const employer = await createEmployer(t.db, { name: 'Logistik Söder AB' });
    const response = await jobAgent.post(`/api/employers/${employer.id}/openings`, input());

    expect(response.statusCode).toBe(201);
    expect(response.json()).toEqual({
      id: expect.any(String),
      employerId: employer.id,
      employerName: 'Logistik Söder AB',
      kind: 'job',
      title: 'Lagerarbetare, dagtid',
      occupationCode: '4322',
      occupationName: 'Lager- och terminalpersonal',
      places: 3,
      startsOn: '2026-12-01',
      hoursPerWeek: 40,
      requiredSfiCourse: 'C',
      drivingLicenceRequired: true,
      requiredEducationLevelCode: '2',
      requiredEducationLevelName: expect.any(String),
      requirements: 'Truckkort är meriterande.',
      municipalityCode: '0136',
      municipalityName: 'Haninge',
      status: 'open',
      version: 1,
    });
    const minimal = await liaison.post(`/api/employers/${employer.id}/openings`, {
      kind: 'internship',
      title: 'Praktik i kök',
      occupationCode: '9412',
      places: 1,
    });
    expect(minimal.statusCode).toBe(201);
    expect(minimal.json()).toMatchObject({
      startsOn: null,
      hoursPerWeek: null,
      requiredSfiCourse: null,
      drivingLicenceRequired: false,
      requiredEducationLevelCode: null,
      municipalityCode: null,
      status: 'open',
    });
  });

  it('names the field of an unknown code or a bad value', async () => {
    const employer = await createEmployer(t.db);
    const url = `/api/employers/${employer.id}/openings`;
    const responses = await Promise.all([
      jobAgent.post(url, input({ occupationCode: '0000', requiredEducationLevelCode: '999' })),
      jobAgent.post(url, input({ municipalityCode: '9999' })),
      jobAgent.post(url, input({ places: 0, hoursPerWeek: 2.5, kind: 'volunteer', occupationCode: '53' })),
      jobAgent.post(url, input({ title: '', status: 'paused', requiredSfiCourse: 'E' })),
    ]);
    expect(responses.map((r) => r.statusCode)).toEqual([400, 400, 400, 400]);
    expect(responses.map(fieldsOf)).toEqual([
      [
        ['occupationCode', 'unknown_code'],
        ['requiredEducationLevelCode', 'unknown_code'],
      ],
      [['municipalityCode', 'unknown_code']],
      [
        ['kind', 'invalid_choice'],
        ['occupationCode', 'invalid_format'],
        ['places', 'too_small'],
        ['hoursPerWeek', 'whole_number'],
      ],
      [
        ['title', 'required'],
        ['requiredSfiCourse', 'invalid_choice'],
        ['status', 'invalid_choice'],
      ],
    ]);
  });

  it('answers 401, 403 and 404', async () => {
    const employer = await createEmployer(t.db);
    const url = `/api/employers/${employer.id}/openings`;
    const responses = await Promise.all([
      t.app.inject({ method: 'POST', url, payload: input() }),
      teacher.post(url, input()),
      administrator.post(url, input()),
      jobAgent.post(`/api/employers/${missing}/openings`, input()),
    ]);
    expect(responses.map((r) => r.statusCode)).toEqual([401, 403, 403, 404]);
  });
});

describe('GET /api/openings', () => {
  it('lists open ones first and filters by employer, kind, status, occupation and text', async () => {
    const tag = randomUUID().slice(0, 6);
    const employer = await createEmployer(t.db, { name: `Åkeri ${tag} AB` });
    const closed = await createOpening(t.db, employer.id, {
      title: 'Chaufför',
      status: 'closed',
      kind: 'job',
      occupationCode: '8332',
    });
    const open = await createOpening(t.db, employer.id, { title: 'Lagerpraktik', occupationCode: '4322' });
    const filled = await createOpening(t.db, employer.id, { title: 'Kontor', status: 'filled' });

    const all = await teacher.get(`/api/openings?employerId=${employer.id}`);
    const jobs = await teacher.get(`/api/openings?employerId=${employer.id}&kind=job&status=closed`);
    const byOccupation = await teacher.get(`/api/openings?employerId=${employer.id}&occupationCode=83`);
    const byEmployerName = await teacher.get(`/api/openings?q=${encodeURIComponent(`ÅKERI ${tag}`)}`);
    const byOccupationName = await teacher.get(
      `/api/openings?employerId=${employer.id}&q=${encodeURIComponent('lastbilsförare')}`,
    );

    expect(all.statusCode).toBe(200);
    expect(all.json().items.map((o: { id: string }) => o.id)).toEqual([open.id, filled.id, closed.id]);
    expect(all.json()).toMatchObject({ total: 3, page: 1, pageSize: 50 });
    expect(jobs.json().items.map((o: { id: string }) => o.id)).toEqual([closed.id]);
    expect(byOccupation.json().items.map((o: { id: string }) => o.id)).toEqual([closed.id]);
    expect(byEmployerName.json().total).toBe(3);
    expect(byOccupationName.json().items.map((o: { title: string }) => o.title)).toEqual(['Chaufför']);
  });

  it('answers 400 for a bad filter and 401 without a session', async () => {
    const bad = await jobAgent.get('/api/openings?status=paused&employerId=x');
    const anonymous = await t.app.inject({ method: 'GET', url: '/api/openings' });
    expect(bad.statusCode).toBe(400);
    expect(fieldsOf(bad)?.map(([field]) => field)).toEqual(expect.arrayContaining(['status', 'employerId']));
    expect(anonymous.statusCode).toBe(401);
  });
});

describe('GET /api/openings/:id', () => {
  it('shows one opening to anyone logged in', async () => {
    const employer = await createEmployer(t.db);
    const opening = await createOpening(t.db, employer.id);
    const response = await teacher.get(`/api/openings/${opening.id}`);
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({
      id: opening.id,
      employerName: employer.name,
      occupationCode: '5321',
      occupationName: 'Undersköterskor, hemtjänst, hemsjukvård och äldreboende',
    });
  });

  it('answers 400, 401 and 404', async () => {
    const employer = await createEmployer(t.db);
    const opening = await createOpening(t.db, employer.id);
    const responses = await Promise.all([
      jobAgent.get('/api/openings/nope'),
      t.app.inject({ method: 'GET', url: `/api/openings/${opening.id}` }),
      jobAgent.get(`/api/openings/${missing}`),
    ]);
    expect(responses.map((r) => r.statusCode)).toEqual([400, 401, 404]);
  });
});

describe('PUT /api/openings/:id', () => {
  it('saves against the version read and refuses a stale one with the current opening', async () => {
    const employer = await createEmployer(t.db);
    const opening = await createOpening(t.db, employer.id);
    const url = `/api/openings/${opening.id}`;
    const filled = await liaison.put(url, input({ status: 'filled', places: 1, version: 1 }));
    const stale = await jobAgent.put(url, input({ status: 'closed', version: 1 }));

    expect(filled.statusCode).toBe(200);
    expect(filled.json()).toMatchObject({ status: 'filled', places: 1, occupationCode: '4322', version: 2 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error).toMatchObject({
      code: 'VERSION_CONFLICT',
      current: { status: 'filled', version: 2 },
    });
  });

  it('answers 400, 401, 403 and 404', async () => {
    const employer = await createEmployer(t.db);
    const opening = await createOpening(t.db, employer.id);
    const url = `/api/openings/${opening.id}`;
    const body = input({ version: 1 });
    const responses = await Promise.all([
      jobAgent.put(url, { ...body, occupationCode: '9999' }),
      jobAgent.put(url, { ...body, version: 0, hoursPerWeek: 61, places: 1001 }),
      t.app.inject({ method: 'PUT', url, payload: body }),
      teacher.put(url, body),
      jobAgent.put(`/api/openings/${missing}`, body),
    ]);
    expect(responses.map((r) => r.statusCode)).toEqual([400, 400, 401, 403, 404]);
    expect(fieldsOf(responses[0] as never)).toEqual([['occupationCode', 'unknown_code']]);
    expect(fieldsOf(responses[1] as never)).toEqual(
      expect.arrayContaining([
        ['places', 'too_large'],
        ['hoursPerWeek', 'too_large'],
      ]),
    );
    expect(fieldsOf(responses[1] as never)?.map(([field]) => field)).toContain('version');
  });
});
