import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatOrganisationNumber } from '../../../core/organisation-number.ts';
import {
  createCentre,
  createEmployer,
  createOpening,
  createSession,
  uniqueOrganisationNumber,
} from '../../test/factories.ts';
import { createTestApp, type Session, type TestContext } from '../../test/test-app.ts';

let t: TestContext;
let jobAgent: Session;
let coordinator: Session;
let teacher: Session;
let administrator: Session;
beforeAll(async () => {
  t = await createTestApp();
  const centre = await createCentre(t.db);
  jobAgent = await createSession(t.app, t.db, 'job_agent', [centre.id], centre.organisationId);
  coordinator = await createSession(t.app, t.db, 'coordinator', [centre.id], centre.organisationId);
  teacher = await createSession(t.app, t.db, 'language_teacher', [centre.id], centre.organisationId);
  administrator = await createSession(t.app, t.db, 'administrator', [centre.id], centre.organisationId);
});
afterAll(() => t.close());

const missing = '00000000-0000-4000-8000-000000000000';

function input(overrides: Record<string, unknown> = {}) {
  return {
    organisationNumber: formatOrganisationNumber(uniqueOrganisationNumber()),
    name: `Handens Vård ${randomUUID().slice(0, 6)} AB`,
    industryCode: '87',
    municipalityCode: '0136',
    streetAddress: 'Vårdvägen 3',
    postalCode: '136 40',
    city: 'Handen',
    offers: ['internships', 'jobs', 'internships'],
    notes: 'Tar emot praktikanter under våren.',
    ...overrides,
  };
}

async function register(overrides: Record<string, unknown> = {}) {
  const response = await jobAgent.post('/api/employers', input(overrides));
  if (response.statusCode !== 201) throw new Error(`register failed: ${response.body}`);
  return response.json();
}

function fieldsOf(response: { json(): { error: { fields?: { field: string; code: string }[] } } }) {
  return response.json().error.fields?.map((f) => [f.field, f.code]);
}

describe('POST /api/employers', () => {
  it('registers an employer with the organisation number as 10 digits and the code names', async () => {
    const body = input();
    const response = await jobAgent.post('/api/employers', body);

    expect(response.statusCode).toBe(201);
    expect(response.json()).toMatchObject({
      organisationNumber: body.organisationNumber.replace('-', ''),
      name: body.name,
      industryCode: '87',
      industryName: 'Vård och omsorg med boende',
      municipalityCode: '0136',
      municipalityName: 'Haninge',
      streetAddress: 'Vårdvägen 3',
      offers: ['internships', 'jobs'],
      openOpenings: 0,
      lastInteractionOn: null,
      contacts: [],
      interactions: [],
      version: 1,
    });
  });

  it('names the field of an invalid organisation number, unknown code or missing name', async () => {
    const number = uniqueOrganisationNumber();
    const wrongCheck = `${number.slice(0, 9)}${(Number(number[9]) + 1) % 10}`;
    const responses = await Promise.all([
      jobAgent.post('/api/employers', input({ organisationNumber: '55601-25790' })),
      jobAgent.post('/api/employers', input({ organisationNumber: wrongCheck })),
      jobAgent.post('/api/employers', input({ industryCode: '00', municipalityCode: '9999' })),
      jobAgent.post('/api/employers', input({ name: ' ', offers: ['coffee'] })),
    ]);

    expect(responses.map((r) => r.statusCode)).toEqual([400, 400, 400, 400]);
    expect(responses.map(fieldsOf)).toEqual([
      [['organisationNumber', 'ORG_NUMBER_FORMAT']],
      [['organisationNumber', 'ORG_NUMBER_CHECKSUM']],
      [
        ['industryCode', 'unknown_code'],
        ['municipalityCode', 'unknown_code'],
      ],
      [
        ['name', 'required'],
        ['offers.0', 'invalid_choice'],
      ],
    ]);
    expect(responses[1]?.json().error.fields[0].message).toBe('Organisationsnummer har fel kontrollsiffra');
  });

  it('refuses an organisation number already registered, in any written form, and names the employer', async () => {
    const existing = await register();
    const response = await coordinator.post(
      '/api/employers',
      input({ organisationNumber: `16${existing.organisationNumber}` }),
    );

    expect(response.statusCode).toBe(409);
    expect(response.json().error).toMatchObject({
      code: 'EMPLOYER_ALREADY_REGISTERED',
      existingId: existing.id,
    });
  });

  it('answers 401 without a session and 403 to a language teacher or an administrator', async () => {
    const anonymous = await t.app.inject({ method: 'POST', url: '/api/employers', payload: input() });
    const byTeacher = await teacher.post('/api/employers', input());
    const byAdministrator = await administrator.post('/api/employers', input());

    expect([anonymous.statusCode, byTeacher.statusCode, byAdministrator.statusCode]).toEqual([401, 403, 403]);
  });
});

describe('GET /api/employers', () => {
  it('lists in Swedish order and finds by name regardless of case and accents', async () => {
    const tag = `Sök${randomUUID().slice(0, 6)}`;
    for (const name of ['Örnen', 'Zeta', 'Café Älven', 'Alfa', 'Åsa'])
      await createEmployer(t.db, { name: `${tag} ${name}` });

    const all = await teacher.get(`/api/employers?q=${encodeURIComponent(tag.toUpperCase())}`);
    const cafe = await teacher.get(`/api/employers?q=${encodeURIComponent(`${tag} CAFE ÄLV`)}`);

    expect(all.statusCode).toBe(200);
    expect(all.json().items.map((e: { name: string }) => e.name.slice(tag.length + 1))).toEqual([
      'Alfa',
      'Café Älven',
      'Zeta',
      'Åsa',
      'Örnen',
    ]);
    expect(all.json()).toMatchObject({ total: 5, page: 1, pageSize: 50 });
    expect(cafe.json().items.map((e: { name: string }) => e.name)).toEqual([`${tag} Café Älven`]);
  });

  it('finds by organisation number, filters and counts open openings and the last contact', async () => {
    const employer = await createEmployer(t.db, {
      industryCode: '56',
      municipalityCode: '0138',
      offers: ['civic_orientation', 'jobs'],
    });
    await createOpening(t.db, employer.id);
    await createOpening(t.db, employer.id, { status: 'filled' });
    await jobAgent.post(`/api/employers/${employer.id}/interactions`, {
      kind: 'call',
      occurredOn: '2026-01-15',
      note: 'Första samtalet',
    });
    const number = formatOrganisationNumber(employer.organisationNumber);

    const byNumber = await jobAgent.get(`/api/employers?q=${number}`);
    const byPart = await jobAgent.get(`/api/employers?q=${employer.organisationNumber.slice(2, 8)}`);
    const filtered = await jobAgent.get(
      '/api/employers?municipalityCode=0138&industryCode=56&offers=civic_orientation&pageSize=200',
    );
    const none = await jobAgent.get('/api/employers?municipalityCode=0138&offers=job_preparation&q=zzzz');

    expect(byNumber.json().items).toEqual([
      {
        id: employer.id,
        organisationNumber: employer.organisationNumber,
        name: employer.name,
        industryCode: '56',
        industryName: 'Restaurang-, catering- och barverksamhet',
        municipalityCode: '0138',
        municipalityName: 'Tyresö',
        offers: ['civic_orientation', 'jobs'],
        openOpenings: 1,
        lastInteractionOn: '2026-01-15',
      },
    ]);
    expect(byPart.json().items.map((e: { id: string }) => e.id)).toContain(employer.id);
    expect(filtered.json().items.map((e: { id: string }) => e.id)).toContain(employer.id);
    expect(
      filtered
        .json()
        .items.every(
          (e: { municipalityCode: string; offers: string[] }) =>
            e.municipalityCode === '0138' && e.offers.includes('civic_orientation'),
        ),
    ).toBe(true);
    expect(none.json()).toMatchObject({ items: [], total: 0 });
  });

  it('answers 400 for a bad filter and 401 without a session', async () => {
    const bad = await jobAgent.get('/api/employers?offers=coffee&pageSize=0');
    const anonymous = await t.app.inject({ method: 'GET', url: '/api/employers' });

    expect(bad.statusCode).toBe(400);
    expect(fieldsOf(bad)?.map(([field]) => field)).toEqual(expect.arrayContaining(['offers', 'pageSize']));
    expect(anonymous.statusCode).toBe(401);
  });
});

describe('GET /api/employers/:id', () => {
  it('shows the employer with contacts and the interaction log, newest first', async () => {
    const employer = await register();
    const withContact = await jobAgent.post(`/api/employers/${employer.id}/contacts`, {
      name: 'Karin Lund',
      title: 'Enhetschef',
      phone: '08-123 456',
      email: 'karin@vard.example',
    });
    const contactId = withContact.json().contacts[0].id;
    await jobAgent.post(`/api/employers/${employer.id}/interactions`, {
      kind: 'call',
      occurredOn: '2026-01-10',
      contactId,
      note: 'Intresserade av praktikanter',
    });
    await coordinator.post(`/api/employers/${employer.id}/interactions`, {
      kind: 'visit',
      occurredOn: '2026-02-01',
      note: 'Besök på boendet',
    });

    const response = await teacher.get(`/api/employers/${employer.id}`);

    expect(response.statusCode).toBe(200);
    expect(response.json().contacts).toEqual([
      {
        id: contactId,
        name: 'Karin Lund',
        title: 'Enhetschef',
        phone: '08-123 456',
        email: 'karin@vard.example',
        active: true,
      },
    ]);
    expect(
      response
        .json()
        .interactions.map((i: { kind: string; contactName: string | null; userName: string }) => [
          i.kind,
          i.contactName,
          i.userName,
        ]),
    ).toEqual([
      ['visit', null, 'Test coordinator'],
      ['call', 'Karin Lund', 'Test job_agent'],
    ]);
    expect(response.json().lastInteractionOn).toBe('2026-02-01');
  });

  it('answers 400, 401 and 404', async () => {
    const employer = await createEmployer(t.db);
    const responses = await Promise.all([
      jobAgent.get('/api/employers/not-an-id'),
      t.app.inject({ method: 'GET', url: `/api/employers/${employer.id}` }),
      jobAgent.get(`/api/employers/${missing}`),
    ]);
    expect(responses.map((r) => r.statusCode)).toEqual([400, 401, 404]);
  });
});

describe('PUT /api/employers/:id', () => {
  it('saves against the version read and refuses a stale one with the current employer', async () => {
    const employer = await register();
    const changed = await coordinator.put(
      `/api/employers/${employer.id}`,
      input({
        organisationNumber: employer.organisationNumber,
        name: 'Ängsgårdens Vård AB',
        offers: ['civic_orientation'],
        municipalityCode: '0192',
        version: 1,
      }),
    );
    const stale = await jobAgent.put(
      `/api/employers/${employer.id}`,
      input({ organisationNumber: employer.organisationNumber, version: 1 }),
    );

    expect(changed.statusCode).toBe(200);
    expect(changed.json()).toMatchObject({
      name: 'Ängsgårdens Vård AB',
      offers: ['civic_orientation'],
      municipalityName: 'Nynäshamn',
      version: 2,
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error).toMatchObject({
      code: 'VERSION_CONFLICT',
      current: { name: 'Ängsgårdens Vård AB', version: 2 },
    });
  });

  it("refuses another employer's organisation number with that employer's id", async () => {
    const first = await register();
    const second = await register();
    const response = await jobAgent.put(
      `/api/employers/${second.id}`,
      input({ organisationNumber: first.organisationNumber, version: 1 }),
    );
    expect(response.statusCode).toBe(409);
    expect(response.json().error).toMatchObject({
      code: 'EMPLOYER_ALREADY_REGISTERED',
      existingId: first.id,
    });
  });

  it('answers 400, 401, 403 and 404', async () => {
    const employer = await register();
    const url = `/api/employers/${employer.id}`;
    const body = input({ organisationNumber: employer.organisationNumber, version: 1 });
    const responses = await Promise.all([
      jobAgent.put(url, { ...body, organisationNumber: '5560125791' }),
      jobAgent.put(url, { ...body, version: undefined }),
      t.app.inject({ method: 'PUT', url, payload: body }),
      teacher.put(url, body),
      administrator.put(url, body),
      jobAgent.put(`/api/employers/${missing}`, body),
    ]);
    expect(responses.map((r) => r.statusCode)).toEqual([400, 400, 401, 403, 403, 404]);
    expect(fieldsOf(responses[0] as never)).toEqual([['organisationNumber', 'ORG_NUMBER_CHECKSUM']]);
    expect(fieldsOf(responses[1] as never)).toEqual([['version', 'required']]);
  });
});

describe('contact people', () => {
  it('adds a contact and changes them, answering with the employer', async () => {
    const employer = await register();
    const added = await jobAgent.post(`/api/employers/${employer.id}/contacts`, { name: 'Ali Hassan' });
    const contact = added.json().contacts[0];
    const changed = await jobAgent.put(`/api/employer-contacts/${contact.id}`, {
      name: 'Ali Hassan',
      title: 'Rekryterare',
      email: 'ali@example.se',
      active: false,
    });

    expect(added.statusCode).toBe(201);
    expect(contact).toMatchObject({ name: 'Ali Hassan', title: null, active: true });
    expect(changed.statusCode).toBe(200);
    expect(changed.json()).toMatchObject({
      id: employer.id,
      contacts: [{ id: contact.id, title: 'Rekryterare', email: 'ali@example.se', active: false }],
    });
  });

  it('answers 400, 401, 403 and 404', async () => {
    const employer = await register();
    const added = await jobAgent.post(`/api/employers/${employer.id}/contacts`, { name: 'Eva Ek' });
    const contactUrl = `/api/employer-contacts/${added.json().contacts[0].id}`;
    const addUrl = `/api/employers/${employer.id}/contacts`;
    const responses = await Promise.all([
      jobAgent.post(addUrl, { name: '' }),
      t.app.inject({ method: 'POST', url: addUrl, payload: { name: 'X' } }),
      teacher.post(addUrl, { name: 'X' }),
      jobAgent.post(`/api/employers/${missing}/contacts`, { name: 'X' }),
      jobAgent.put(contactUrl, { name: 'E'.repeat(201) }),
      t.app.inject({ method: 'PUT', url: contactUrl, payload: { name: 'X' } }),
      administrator.put(contactUrl, { name: 'X' }),
      jobAgent.put(`/api/employer-contacts/${missing}`, { name: 'X' }),
    ]);
    expect(responses.map((r) => r.statusCode)).toEqual([400, 401, 403, 404, 400, 401, 403, 404]);
    expect(fieldsOf(responses[0] as never)).toEqual([['name', 'required']]);
    expect(fieldsOf(responses[4] as never)).toEqual([['name', 'too_long']]);
  });
});

describe('POST /api/employers/:id/interactions', () => {
  it('logs the contact by the logged-in user with the next step', async () => {
    const employer = await register();
    const response = await jobAgent.post(`/api/employers/${employer.id}/interactions`, {
      kind: 'agreement',
      occurredOn: '2026-03-02',
      note: 'Avtal om två praktikplatser',
      nextStep: 'Skicka kandidater',
      nextStepOn: '2026-03-16',
    });

    expect(response.statusCode).toBe(201);
    expect(response.json().interactions).toEqual([
      {
        id: expect.any(String),
        kind: 'agreement',
        occurredOn: '2026-03-02',
        contactId: null,
        contactName: null,
        note: 'Avtal om två praktikplatser',
        nextStep: 'Skicka kandidater',
        nextStepOn: '2026-03-16',
        userName: 'Test job_agent',
        createdAt: expect.any(String),
      },
    ]);
  });

  it('refuses a date in the future, a next step before it and a contact of another employer', async () => {
    const employer = await register();
    const other = await register();
    const otherContact = (await jobAgent.post(`/api/employers/${other.id}/contacts`, { name: 'Bo' })).json()
      .contacts[0].id;
    const url = `/api/employers/${employer.id}/interactions`;
    const responses = await Promise.all([
      jobAgent.post(url, { kind: 'call', occurredOn: '2999-01-01', note: 'Framtid' }),
      jobAgent.post(url, {
        kind: 'call',
        occurredOn: '2026-03-02',
        note: 'Samtal',
        nextStepOn: '2026-03-01',
        contactId: otherContact,
      }),
      jobAgent.post(url, { kind: 'fika', occurredOn: '2026-02-30', note: '' }),
    ]);
    expect(responses.map((r) => r.statusCode)).toEqual([400, 400, 400]);
    expect(responses.map(fieldsOf)).toEqual([
      [['occurredOn', 'in_future']],
      [
        ['nextStepOn', 'before_occurred_on'],
        ['contactId', 'not_employer_contact'],
      ],
      [
        ['kind', 'invalid_choice'],
        ['occurredOn', 'invalid_date'],
        ['note', 'required'],
      ],
    ]);
  });

  it('answers 401, 403 and 404', async () => {
    const employer = await register();
    const url = `/api/employers/${employer.id}/interactions`;
    const body = { kind: 'call', occurredOn: '2026-01-01', note: 'Samtal' };
    const responses = await Promise.all([
      t.app.inject({ method: 'POST', url, payload: body }),
      teacher.post(url, body),
      jobAgent.post(`/api/employers/${missing}/interactions`, body),
    ]);
    expect(responses.map((r) => r.statusCode)).toEqual([401, 403, 404]);
  });
});

describe('GET /api/occupations', () => {
  it('puts the exact code first, then codes starting with it', async () => {
    const exact = await teacher.get('/api/occupations?q=5321');
    const prefix = await teacher.get('/api/occupations?q=53');

    expect(exact.json().items).toEqual([
      { code: '5321', name: 'Undersköterskor, hemtjänst, hemsjukvård och äldreboende' },
    ]);
    const codes = prefix.json().items.map((i: { code: string }) => i.code);
    expect(codes.slice(0, 3)).toEqual(['5311', '5312', '5321']);
    expect(codes.length).toBeLessThanOrEqual(20);
  });

  it('finds by group or occupation name, ignoring case, Swedish letters included', async () => {
    const byName = await jobAgent.get(`/api/occupations?q=${encodeURIComponent('UNDERSKÖTERSK')}`);
    const byOccupation = await jobAgent.get('/api/occupations?q=ekonomichef');
    const contains = await jobAgent.get(`/api/occupations?q=${encodeURIComponent('lastbilsförare')}`);

    expect(byName.json().items.map((i: { code: string }) => i.code)).toEqual([
      '5321',
      '5322',
      '5323',
      '5324',
    ]);
    expect(byOccupation.json().items.map((i: { code: string }) => i.code)).toEqual(['1211', '1212']);
    expect(contains.json().items.map((i: { code: string }) => i.code)).toContain('8332');
  });

  it('ranks a name starting with the words before one containing them', async () => {
    const response = await jobAgent.get('/api/occupations?q=kock');
    const codes = response.json().items.map((i: { code: string }) => i.code);
    expect(codes[0]).toBe('5120');
    expect(codes.length).toBeGreaterThan(1);
  });

  it('answers 400 without q and 401 without a session', async () => {
    const bad = await jobAgent.get('/api/occupations');
    const anonymous = await t.app.inject({ method: 'GET', url: '/api/occupations?q=53' });
    expect([bad.statusCode, anonymous.statusCode]).toEqual([400, 401]);
  });
});

describe('GET /api/reference/industries', () => {
  it('lists the SNI 2007 sections, then the two-digit divisions with their section, in code order', async () => {
    const response = await teacher.get('/api/reference/industries');

    expect(response.statusCode).toBe(200);
    const items: { code: string; name: string; level: number; sectionCode: string | null }[] =
      response.json().items;
    const sections = items.filter((i) => i.level === 1);
    const divisions = items.filter((i) => i.level === 2);
    expect(items).toEqual([...sections, ...divisions]);
    expect([sections.length, divisions.length]).toEqual([21, 88]);
    expect(sections[0]).toEqual({
      code: 'A',
      name: 'Jordbruk, skogsbruk och fiske',
      level: 1,
      sectionCode: null,
    });
    expect(divisions.map((d) => d.code)).toEqual(divisions.map((d) => d.code).sort());
    expect(divisions.find((d) => d.code === '87')).toEqual({
      code: '87',
      name: 'Vård och omsorg med boende',
      level: 2,
      sectionCode: 'Q',
    });
    const sectionCodes = new Set(sections.map((s) => s.code));
    expect(divisions.every((d) => d.sectionCode !== null && sectionCodes.has(d.sectionCode))).toBe(true);
  });

  it('answers 401 without a session', async () => {
    const anonymous = await t.app.inject({ method: 'GET', url: '/api/reference/industries' });
    expect(anonymous.statusCode).toBe(401);
  });
});
