import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  consentToParticipation,
  createGroup,
  createSession,
  createSurvey,
  createUser,
  createWorld,
  luhn,
  personInput,
  referParticipant,
  testPassword,
} from './test/factories.ts';
import { createTestApp, login, type Session, type TestContext } from './test/test-app.ts';

// Property-based robustness: whatever a client sends to any route of the published API, the server answers
// with a client error in the one error shape, never with a server error.

let t: TestContext;
let world: Awaited<ReturnType<typeof createWorld>>;
let admin: Session;
let coordinatorEmail: string;
let operations: Operation[];
let ids: Record<string, string>;
let surveyQuestionIds: string[];

type JsonSchema = {
  type?: string | string[];
  format?: string;
  enum?: unknown[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  anyOf?: JsonSchema[];
  minimum?: number;
};
type Operation = {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  path: string;
  queryNames: string[];
  bodySchema: JsonSchema | null;
  name: string;
};
type OpenApiDocument = {
  paths: Record<
    string,
    Record<
      string,
      {
        parameters?: { in: string; name: string }[];
        requestBody?: { content?: Record<string, { schema?: JsonSchema }> };
      }
    >
  >;
};

beforeAll(async () => {
  t = await createTestApp();
  world = await createWorld(t.app, t.db);
  const coordinator = await createUser(t.db, 'coordinator', [world.centre.id], world.organisation.id);
  coordinatorEmail = coordinator.email;
  admin = await createSession(t.app, t.db, 'administrator', [world.centre.id], world.organisation.id);
  const referral = await referParticipant(world.caseworker, world, { personalIdentityNumber: pin() });
  const consent = await consentToParticipation(world.caseworker, referral.participantId);
  const theirs = await referParticipant(
    world.otherCaseworker,
    { ...world, centre: world.otherCentre },
    { personalIdentityNumber: pin() },
  );
  const colleague = await createUser(t.db, 'job_agent', [world.centre.id], world.organisation.id);
  const manager = await createSession(
    t.app,
    t.db,
    'programme_manager',
    [world.centre.id],
    world.organisation.id,
  );
  const survey = await createSurvey(manager, world.programme.programme.id);
  await manager.post(`/api/surveys/${survey.id}/open`, { version: survey.version });
  const { group } = await createGroup(t.db, world);
  const link = await world.caseworker.post(`/api/surveys/${survey.id}/links`, { groupId: group.id });
  surveyQuestionIds = survey.questions.map((q) => q.id);
  ids = {
    participant: referral.participantId,
    referral: referral.id,
    consent: consent.id,
    programme: world.programme.programme.id,
    centre: world.centre.id,
    otherParticipant: theirs.participantId,
    otherReferral: theirs.id,
    colleague: colleague.id,
    group: group.id,
    survey: survey.id,
    surveyToken: link.json().token,
  };
  const response = await t.app.inject({ method: 'GET', url: '/api/openapi.json' });
  operations = readOperations(response.json());
});
afterAll(() => t.close());

function readOperations(document: OpenApiDocument): Operation[] {
  return Object.entries(document.paths).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, operation]) => ({
      method: method.toUpperCase() as Operation['method'],
      path,
      queryNames: (operation.parameters ?? []).filter((p) => p.in === 'query').map((p) => p.name),
      bodySchema: operation.requestBody?.content?.['application/json']?.schema ?? null,
      name: `${method.toUpperCase()} ${path}`,
    })),
  );
}

let births = 0;
/** A valid number never used before in this file: each has a birth date of its own. */
function pin(): string {
  births += 1;
  const birth = new Date(Date.UTC(1960, 0, 1) + births * 86_400_000).toISOString().slice(0, 10);
  const base = `${birth.slice(2).replaceAll('-', '')}${100 + (births % 800)}`;
  return `${birth.slice(0, 2)}${base}${luhn(base)}`;
}

/** A body the route accepts, made fresh for every run so unique values stay unique. */
function validBody(operation: Operation): unknown {
  const { personalIdentityNumber: _, ...person } = personInput();
  const known: Record<string, () => unknown> = {
    'POST /api/auth/login': () => ({ email: coordinatorEmail, password: testPassword }),
    'POST /api/participants/search': () => ({ q: 'Amal', status: 'enrolled', page: 1, pageSize: 20 }),
    'POST /api/auth/login/two-factor': () => ({ challenge: 'x'.repeat(43), code: '123456' }),
    'POST /api/auth/two-factor/confirmation': () => ({ code: '123456' }),
    'POST /api/auth/two-factor/recovery-codes': () => ({ code: '123456' }),
    'POST /api/auth/two-factor/disable': () => ({ password: testPassword }),
    'POST /api/retention/runs': () => ({ fingerprint: 'a'.repeat(64) }),
    'PUT /api/participants/{id}': () => ({ ...person, version: 1 }),
    'POST /api/participants/{id}/identity': () => ({ personalIdentityNumber: pin(), version: 1 }),
    'POST /api/referrals': () => ({
      participant: personInput({ personalIdentityNumber: pin() }),
      programmeId: ids.programme,
      centreId: ids.centre,
      referringOfficer: 'Ida Berg',
      referringOffice: 'Arbetsförmedlingen Haninge',
      referredOn: '2026-11-02',
      basis: 'establishment_programme',
      note: null,
    }),
    'POST /api/referrals/import': () => ({
      programmeId: ids.programme,
      centreId: ids.centre,
      csv: `Personnummer;Förnamn;Efternamn;Remissdatum;Handläggare;Grund\n${pin()};Amal;Haile;2026-11-02;Ida Berg;etableringsprogrammet`,
    }),
    'POST /api/referrals/{id}/meeting': () => ({ meetingAt: '2026-11-20T10:00:00+01:00', version: 1 }),
    'POST /api/referrals/{id}/close': () => ({ status: 'declined', reason: 'Tackade nej', version: 1 }),
    'POST /api/participants/{id}/consents': () => ({
      purposes: ['participation', 'data_sharing'],
      givenOn: '2026-11-05',
      method: 'paper',
      language: 'ar',
    }),
    'POST /api/consents/{id}/withdraw': () => ({ withdrawnOn: '2026-12-01', note: null }),
    'POST /api/participants/{id}/enrolments': () => ({
      programmeId: ids.programme,
      centreId: ids.centre,
      startsOn: '2026-11-16',
      targetGroupId: world.programme.short.id,
      targetGroupOverrideReason: null,
      referralId: null,
      labourMarketStatus: 'unemployed',
    }),
    'PUT /api/enrolments/{id}/labour-market-status': () => ({
      labourMarketStatus: 'long_term_unemployed',
      version: 1,
    }),
    'POST /api/users': () => ({
      name: 'Lina Berg',
      email: `lina.${randomUUID().slice(0, 8)}@test.example`,
      role: 'civic_guide',
      centreIds: [ids.centre],
      password: 'ett långt och hemligt lösenord',
    }),
    'PATCH /api/users/{id}': () => ({ name: 'Omar Ek', role: 'job_agent', centreIds: [ids.centre] }),
    'POST /api/programmes/{id}/funder-reports/monthly/{month}/submissions': () => ({
      fingerprint: '0'.repeat(64),
    }),
    'POST /api/surveys/{id}/links': () => ({ groupId: ids.group, sessionId: null }),
    'POST /api/public/surveys/{token}/responses': () => ({
      language: 'sv',
      answers: [
        { questionId: surveyQuestionIds[0], scale: 4 },
        { questionId: surveyQuestionIds[1], yes: true },
        { questionId: surveyQuestionIds[2], text: 'Bra' },
      ],
    }),
  };
  const make = known[operation.name];
  return make ? make() : operation.bodySchema ? sampleOf(operation.bodySchema) : undefined;
}

/** For a route added after this file was written: a plausible body read off its schema. */
function sampleOf(schema: JsonSchema): unknown {
  if (schema.enum?.length) return schema.enum[0];
  if (schema.anyOf?.[0]) return sampleOf(schema.anyOf[0]);
  const type = Array.isArray(schema.type) ? schema.type[0] : schema.type;
  if (type === 'object') {
    return Object.fromEntries(
      Object.entries(schema.properties ?? {}).map(([key, value]) => [key, sampleOf(value)]),
    );
  }
  if (type === 'array') return schema.items ? [sampleOf(schema.items)] : [];
  if (type === 'integer' || type === 'number') return schema.minimum ?? 1;
  if (type === 'boolean') return false;
  if (type === 'null') return null;
  if (schema.format === 'uuid') return ids.participant;
  return 'text';
}

/** Paths to every value in a body that is not itself an object: the fields one can get wrong. */
function leafPaths(value: unknown, prefix: string[] = []): string[][] {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return [prefix];
  return Object.entries(value).flatMap(([key, inner]) => leafPaths(inner, [...prefix, key]));
}

function withValueAt(body: unknown, path: string[], value: unknown): unknown {
  if (path.length === 0) return value;
  const copy = structuredClone(body) as Record<string, unknown>;
  let target = copy;
  for (const key of path.slice(0, -1)) target = target[key] as Record<string, unknown>;
  target[path.at(-1) as string] = value;
  return copy;
}

/** Values close to a valid one: same shape, wrong content, the kind that slips past a schema. */
function nearMiss(original: unknown): fc.Arbitrary<unknown> {
  if (typeof original === 'string') {
    if (/^[0-9a-f]{8}-[0-9a-f]{4}-/.test(original)) return fc.uuid();
    if (/^\d+$/.test(original)) return fc.stringMatching(new RegExp(`^\\d{${original.length}}$`));
    if (/^\d{4}-\d{2}-\d{2}/.test(original)) {
      const part = (max: number, width: number) =>
        fc.integer({ min: 0, max }).map((n) => String(n).padStart(width, '0'));
      return fc
        .tuple(part(99_999, 4), part(13, 2), part(32, 2))
        .map(([y, m, d]) => `${y}-${m}-${d}${original.slice(10)}`);
    }
    return fc.oneof(
      fc.constantFrom('', ' ', `${original}\u0000`, `\ud800${original}`, original.repeat(400), '%', '\\'),
      fc.string({ unit: 'binary' }),
    );
  }
  if (typeof original === 'number') {
    return fc.oneof(fc.integer(), fc.double(), fc.constantFrom(0, -1, 2 ** 31));
  }
  if (Array.isArray(original)) {
    return fc.array(fc.oneof(fc.uuid(), fc.string(), fc.anything()), { maxLength: 3 });
  }
  return fc.oneof(fc.uuid(), fc.string(), fc.boolean(), fc.constant(null));
}

/** A valid body with one field replaced: by a near miss, by anything at all, or left out. */
function almostValidBody(operation: Operation): fc.Arbitrary<unknown> {
  return fc.constantFrom(...leafPaths(validBody(operation))).chain((path) => {
    const original = path.reduce<unknown>(
      (value, key) => (value as Record<string, unknown>)[key],
      validBody(operation),
    );
    return fc
      .oneof(
        { weight: 3, arbitrary: nearMiss(original) },
        { weight: 1, arbitrary: fc.anything({ stringUnit: 'binary' }) },
        { weight: 1, arbitrary: fc.constant(undefined) },
      )
      .map((value) => withValueAt(validBody(operation), path, value));
  });
}

/** The routes of logging in, reachable without a session. */
const publicAuthRoutes = new Set([
  'POST /api/auth/login',
  'POST /api/auth/login/two-factor',
  'GET /api/auth/methods',
  'GET /api/auth/oidc/start',
  'GET /api/auth/oidc/callback',
]);

const anyBody = fc.oneof(fc.anything({ stringUnit: 'binary' }), fc.object({ stringUnit: 'binary' }));

function pathParam(): fc.Arbitrary<string> {
  return fc.oneof(
    fc.constantFrom(...Object.values(ids)),
    fc.uuid(),
    fc.string({ unit: 'grapheme' }),
    fc.constantFrom('', '0', 'null', '..', '%', 'not-an-id', '00000000-0000-0000-0000-000000000000'),
  );
}

// Stands for a record made afresh for the run, so earlier runs (an enrolment, a withdrawal) do not
// stop a nearly valid body at an early refusal before it reaches the database.
const freshRecord = '(a fresh record)';

async function freshIdFor(operation: Operation): Promise<string> {
  const { path } = operation;
  if (path.startsWith('/api/programmes/')) return ids.programme as string;
  if (path.startsWith('/api/users/')) return ids.colleague as string;
  // Surveys hold no participant: the fresh record is the survey (or its link) made for the run.
  if (path.startsWith('/api/surveys/')) return ids.survey as string;
  if (path.startsWith('/api/public/surveys/')) return ids.surveyToken as string;
  const reserveIdentity = {
    personalIdentityNumber: null,
    birthDate: '1991-02-12',
    legalGender: 'female',
  } as const;
  const referral = await referParticipant(
    world.caseworker,
    world,
    path.endsWith('/identity') ? reserveIdentity : { personalIdentityNumber: pin() },
  );
  if (path.startsWith('/api/referrals/')) return referral.id;
  const consent = await consentToParticipation(world.caseworker, referral.participantId);
  if (path.startsWith('/api/consents/')) return consent.id;
  if (path === '/api/enrolments/{id}/labour-market-status') {
    const response = await world.caseworker.post(`/api/participants/${referral.participantId}/enrolments`, {
      programmeId: ids.programme,
      centreId: ids.centre,
      startsOn: '2026-11-16',
      targetGroupId: world.programme.short.id,
    });
    if (response.statusCode !== 201) throw new Error(`enrolment failed: ${response.body}`);
    return response.json().id as string;
  }
  return referral.participantId;
}

function queryString(operation: Operation): fc.Arbitrary<string> {
  const value = fc.oneof(
    fc.string({ unit: 'binary' }),
    fc.constantFrom('', '0', '-1', '1', '200', '201', '10001', '1e3', 'true', 'enrolled', 'a\u0000', '%_\\'),
    fc.constantFrom(...Object.values(ids)),
    fc.uuid(),
  );
  const key = fc.oneof(fc.constantFrom('page', 'pageSize', 'q', ...operation.queryNames), fc.string());
  return fc
    .dictionary(key, fc.oneof(value, fc.array(value, { maxLength: 3 })), { maxKeys: 5 })
    .map((entries) => {
      const params = new URLSearchParams();
      for (const [name, values] of Object.entries(entries)) {
        for (const v of [values].flat()) params.append(name, v);
      }
      const text = params.toString();
      return text ? `?${text}` : '';
    });
}

type Request = {
  route: string;
  param: string;
  query: string;
  body: unknown;
  contentType: string;
};

function requestOf(
  operation: Operation,
  body: fc.Arbitrary<unknown>,
  param: fc.Arbitrary<string> = pathParam(),
): fc.Arbitrary<Request> {
  return fc.record({
    route: fc.constant(operation.name),
    param,
    query: fc.oneof(fc.constant(''), queryString(operation)),
    body: operation.method === 'GET' ? fc.constant(undefined) : body,
    contentType: fc.oneof(
      { weight: 8, arbitrary: fc.constant('application/json') },
      { weight: 1, arbitrary: fc.constantFrom('text/plain', 'application/x-www-form-urlencoded', '') },
    ),
  });
}

async function send(
  operation: Operation,
  request: Request,
  headers: Record<string, string>,
  session?: Session,
): Promise<LightMyRequestResponse> {
  const fresh = request.param === freshRecord && operation.path.includes('{');
  const param = fresh ? await freshIdFor(operation) : request.param;
  const url = operation.path.replace(/\{\w+\}/g, encodeURIComponent(param)) + request.query;
  const payload = operation.method === 'GET' ? undefined : (JSON.stringify(request.body) ?? '');
  const options = {
    method: operation.method,
    url,
    headers: { ...(request.contentType ? { 'content-type': request.contentType } : {}), ...headers },
    ...(payload === undefined ? {} : { payload }),
  };
  return session ? session.request(options) : t.app.inject(options);
}

/** Never a server error; every refusal in the one shape `{ error: { code, message } }`. */
function expectClientErrorShape(response: LightMyRequestResponse) {
  expect(response.statusCode, response.body).toBeLessThan(500);
  if (response.statusCode >= 400) {
    expect(response.json()).toEqual({
      error: expect.objectContaining({
        code: expect.stringMatching(/^[A-Z_]+$/),
        message: expect.any(String),
      }),
    });
    expect(response.json().error.message).not.toBe('');
  }
}

type Statuses = Map<number, number>;

/** Runs the property on every published route and counts the answers, to show the runs reached somewhere. */
async function fuzz(options: {
  session: (operation: Operation) => Promise<Session>;
  request: (operation: Operation) => fc.Arbitrary<Request>;
  operations?: Operation[];
  numRuns?: number;
}): Promise<Statuses> {
  const statuses: Statuses = new Map();
  for (const operation of options.operations ?? operations) {
    await fc.assert(
      fc.asyncProperty(options.request(operation), async (request) => {
        const response = await send(operation, request, {}, await options.session(operation));
        statuses.set(response.statusCode, (statuses.get(response.statusCode) ?? 0) + 1);
        expectClientErrorShape(response);
      }),
      { numRuns: options.numRuns ?? 25 },
    );
  }
  return statuses;
}

// A limit on the whole run, not on the server: the work grows with every published route (about 40 requests each),
// and a loaded two-core machine takes minutes. Tests assert behaviour, benchmarks measure speed.
const fuzzTimeout = 600_000;

let coordinator: Session;

/** The coordinator's session, or for logout a session of its own, so the run does not log itself out. */
async function coordinatorFor(operation: Operation): Promise<Session> {
  return operation.name === 'POST /api/auth/logout'
    ? login(t.app, coordinatorEmail, testPassword)
    : coordinator;
}

describe('the published API under arbitrary requests', () => {
  beforeAll(async () => {
    coordinator = await login(t.app, coordinatorEmail, testPassword);
  });

  it('publishes the routes in the OpenAPI document the fuzzing reads', () => {
    expect(operations.map((o) => o.name)).toEqual(
      expect.arrayContaining([
        'POST /api/auth/login',
        'GET /api/participants/{id}',
        'PUT /api/participants/{id}',
        'POST /api/referrals/import',
        'POST /api/participants/{id}/consents',
        'POST /api/consents/{id}/withdraw',
        'POST /api/participants/{id}/enrolments',
        'PATCH /api/users/{id}',
      ]),
    );
  });

  it(
    'never answers a logged-in coordinator with a server error, whatever the body, query and path',
    async () => {
      const statuses = await fuzz({
        session: coordinatorFor,
        request: (operation) => requestOf(operation, anyBody),
      });
      expect([...statuses.keys()]).toEqual(expect.arrayContaining([200, 400, 404]));
    },
    fuzzTimeout,
  );

  it(
    'never answers a logged-in coordinator with a server error for a body one field from valid',
    async () => {
      const statuses = await fuzz({
        session: coordinatorFor,
        request: (operation) =>
          requestOf(
            operation,
            almostValidBody(operation),
            fc.oneof(
              { weight: 4, arbitrary: fc.constant(freshRecord) },
              { weight: 1, arbitrary: pathParam() },
            ),
          ),
        numRuns: 40,
      });
      expect([...statuses.keys()]).toEqual(expect.arrayContaining([200, 201, 400]));
      expect((await coordinator.get('/api/auth/session')).statusCode).toBe(200);
    },
    fuzzTimeout,
  );

  it('never answers an administrator with a server error on the user routes', async () => {
    const userRoutes = operations.filter((o) => o.path.startsWith('/api/users'));
    const statuses = await fuzz({
      operations: userRoutes,
      session: async () => admin,
      // The pool of ids holds no administrator: disabling their own account would end the run's session.
      request: (operation) => requestOf(operation, fc.oneof(anyBody, almostValidBody(operation))),
    });
    expect(userRoutes.length).toBeGreaterThan(0);
    expect([...statuses.keys()]).toEqual(expect.arrayContaining([200, 400]));
  }, 60_000);

  it(
    'answers every route without a session with 401 (login and answering surveys aside), never a server error',
    async () => {
      const cookie = fc.option(
        fc.oneof(
          fc.string().map((token) => `stegvis_session=${encodeURIComponent(token)}`),
          fc.constant(`stegvis_session=${randomUUID()}`),
        ),
      );
      for (const operation of operations) {
        await fc.assert(
          fc.asyncProperty(
            requestOf(operation, fc.oneof(anyBody, almostValidBody(operation))),
            cookie,
            fc.option(fc.string()),
            async (request, sessionCookie, csrfToken) => {
              const headers: Record<string, string> = {};
              if (sessionCookie) headers.cookie = sessionCookie;
              if (csrfToken !== null) headers['x-csrf-token'] = csrfToken;
              const response = await send(operation, request, headers);
              expectClientErrorShape(response);
              // Answering a survey needs no login; what those routes answer is tested in surveys.test.ts. Nor
              // do the login's second step, the login methods and single sign-on (auth and sso tests).
              const open = publicAuthRoutes.has(operation.name) || operation.path.startsWith('/api/public/');
              if (!open) expect(response.statusCode).toBe(401);
            },
          ),
          { numRuns: 25 },
        );
      }
    },
    fuzzTimeout,
  );
});

// Counterexamples the fuzzing found, kept as plain examples so they stay fixed whatever the random seed.
describe('answers the fuzzing once turned into server errors', () => {
  it('refuses a NUL character in text with 400, also before login', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: `${coordinatorEmail}\u0000`, password: testPassword },
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.code).toBe('VALIDATION_FAILED');
    const search = await world.caseworker.post('/api/participants/search', { q: 'Amal\u0000' });
    expect(search.statusCode).toBe(400);
  });

  it('answers 400 naming a municipality or education level that is not in the code list', async () => {
    const response = await world.caseworker.post('/api/referrals', {
      participant: personInput({
        personalIdentityNumber: pin(),
        municipalityCode: '0000',
        educationLevelCode: '999',
      }),
      programmeId: ids.programme,
      centreId: ids.centre,
      referringOfficer: 'Ida Berg',
      referredOn: '2026-11-02',
      basis: 'establishment_programme',
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.fields).toEqual([
      { field: 'municipalityCode', code: 'unknown_code', message: 'Bostadskommun finns inte i kodlistan' },
      {
        field: 'educationLevelCode',
        code: 'unknown_code',
        message: 'Utbildningsnivå finns inte i kodlistan',
      },
    ]);
  });

  it('answers 400 naming a date or time of the right shape in a year that cannot be kept', async () => {
    const referral = await world.caseworker.post('/api/referrals', {
      participant: personInput({ personalIdentityNumber: pin() }),
      programmeId: ids.programme,
      centreId: ids.centre,
      referringOfficer: 'Ida Berg',
      referredOn: '0000-01-01',
      basis: 'establishment_programme',
    });
    expect(referral.statusCode).toBe(400);
    expect(referral.json().error.fields).toMatchObject([
      { field: 'referredOn', message: 'Remissdatum måste vara ett datum som ÅÅÅÅ-MM-DD' },
    ]);
    for (const meetingAt of ['0001-01-01T00:30:00+01:00', '0013-01-01T10:00:00+01:00']) {
      const meeting = await world.caseworker.post(`/api/referrals/${ids.referral}/meeting`, {
        meetingAt,
        version: 1,
      });
      expect(meeting.statusCode).toBe(400);
      expect(meeting.json().error.fields).toMatchObject([{ field: 'meetingAt', code: 'invalid_value' }]);
    }
  });

  it('answers 400 naming a version beyond any that can exist', async () => {
    const { personalIdentityNumber: _, ...person } = personInput();
    const response = await world.caseworker.put(`/api/participants/${ids.participant}`, {
      ...person,
      version: 2 ** 31,
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.fields).toMatchObject([{ field: 'version' }]);
  });
});
