import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, todayInSweden } from '../../../core/dates.ts';
import type { Programme } from '../../../core/schemas/programme.schema.ts';
import {
  createCentre,
  createProgramme,
  createSession,
  createWorld,
  enrolParticipant,
} from '../../test/factories.ts';
import { createTestApp, type Session, type TestContext } from '../../test/test-app.ts';

let t: TestContext;
let world: Awaited<ReturnType<typeof createWorld>>;
let manager: Session;
beforeAll(async () => {
  t = await createTestApp();
  world = await createWorld(t.app, t.db);
  manager = await createSession(t.app, t.db, 'programme_manager', [world.centre.id], world.organisation.id);
});
afterAll(() => t.close());

function programmeBody(overrides: Record<string, unknown> = {}) {
  return {
    name: `Etableringscentrum ${randomUUID().slice(0, 6)}`,
    funderProjectNumber: '2017/00162',
    startsOn: '2025-01-01',
    endsOn: '2028-06-30',
    plannedParticipants: 800,
    goalPercent: 55,
    goalDescription: '55 % i arbete eller studier 90 dagar efter avslut',
    organisationIds: [world.otherCentre.organisationId],
    centreIds: [world.centre.id, world.otherCentre.id],
    targetGroups: [
      { kind: 'short_educated', name: 'Kort eller ingen utbildning', maxDurationMonths: 12 },
      { kind: 'upper_secondary_or_higher', name: 'Gymnasial eller eftergymnasial', maxDurationMonths: 6 },
    ],
    steps: [{ name: 'Inskrivning och kartläggning' }, { name: 'Bas' }, { name: 'Språkfrämjande' }],
    ...overrides,
  };
}

/** The body that saves a programme as it is: the edit form's starting point. */
function updateBody(p: Programme, overrides: Record<string, unknown> = {}) {
  const organisationIds = new Set([
    ...p.organisations.map((o) => o.id),
    ...p.centres.map((c) => c.organisationId),
  ]);
  organisationIds.delete(p.ownerOrganisation.id);
  return {
    name: p.name,
    funderProjectNumber: p.funderProjectNumber,
    startsOn: p.startsOn,
    endsOn: p.endsOn,
    plannedParticipants: p.plannedParticipants,
    goalPercent: p.goalPercent,
    goalDescription: p.goalDescription,
    followUpDays: p.followUpDays,
    cofinancingHourlyRate: p.cofinancingHourlyRate,
    funderReportCheck: p.funderReportCheck,
    retentionYears: p.retentionYears,
    holdUntil: p.holdUntil,
    organisationIds: [...organisationIds],
    centreIds: p.centres.map((c) => c.id),
    targetGroups: p.targetGroups.map(({ id, kind, name, maxDurationMonths }) => ({
      id,
      kind,
      name,
      maxDurationMonths,
    })),
    steps: p.steps.map(({ id, name }) => ({ id, name })),
    version: p.version,
    ...overrides,
  };
}

async function createdProgramme(session: Session = manager): Promise<Programme> {
  const response = await session.post('/api/programmes', programmeBody());
  expect(response.statusCode, response.body).toBe(201);
  return response.json();
}

async function read(id: string, session: Session = manager): Promise<Programme> {
  const response = await session.get(`/api/programmes/${id}`);
  expect(response.statusCode).toBe(200);
  return response.json();
}

async function countNamed(name: string): Promise<number> {
  const result = await t.db.execute(sql`select count(*)::int as n from programmes where name = ${name}`);
  return (result as unknown as { rows: { n: number }[] }).rows[0]?.n ?? -1;
}

/** A programme of its own (so tests do not share one) with a participant enrolled in its first step. */
async function programmeInUse() {
  const programme = await createProgramme(t.db, [world.centre.id, world.otherCentre.id]);
  const enrolment = await enrolParticipant(world.caseworker, { centre: world.centre, programme });
  expect(enrolment.targetGroupId).toBe(programme.short.id);
  return { ...programme, current: await read(programme.programme.id) };
}

describe('POST /api/programmes', () => {
  it("sets up a programme owned by the manager's organisation, with its groups and numbered steps", async () => {
    const body = programmeBody();

    const response = await manager.post('/api/programmes', body);

    expect(response.statusCode).toBe(201);
    const created: Programme = response.json();
    expect(created).toMatchObject({
      name: body.name,
      funderProjectNumber: '2017/00162',
      startsOn: '2025-01-01',
      endsOn: '2028-06-30',
      plannedParticipants: 800,
      goalPercent: 55,
      followUpDays: 90,
      cofinancingHourlyRate: null,
      funderReportCheck: 'warn',
      retentionYears: 5,
      holdUntil: null,
      version: 1,
      ownerOrganisation: { id: world.organisation.id, kind: 'municipality' },
    });
    expect(created.organisations.map((o) => o.id).sort()).toEqual(
      [world.organisation.id, world.otherCentre.organisationId].sort(),
    );
    expect(created.centres.map((c) => c.id).sort()).toEqual([world.centre.id, world.otherCentre.id].sort());
    expect(created.targetGroups.map(({ kind, maxDurationMonths }) => ({ kind, maxDurationMonths }))).toEqual(
      expect.arrayContaining([
        { kind: 'short_educated', maxDurationMonths: 12 },
        { kind: 'upper_secondary_or_higher', maxDurationMonths: 6 },
      ]),
    );
    expect(created.steps.map(({ ordinal, name }) => ({ ordinal, name }))).toEqual([
      { ordinal: 1, name: 'Inskrivning och kartläggning' },
      { ordinal: 2, name: 'Bas' },
      { ordinal: 3, name: 'Språkfrämjande' },
    ]);
    expect(await read(created.id)).toEqual(created);
    const listed = (await manager.get('/api/programmes')).json().items.map((p: Programme) => p.id);
    expect(listed).toContain(created.id);
    // The other centre's coordinator works in the programme too and sees it.
    expect((await world.otherCaseworker.get(`/api/programmes/${created.id}`)).statusCode).toBe(200);
  });

  it("sets up a programme with the funder's co-financing rate in kronor and öre and an export check that refuses", async () => {
    const response = await manager.post(
      '/api/programmes',
      programmeBody({ cofinancingHourlyRate: 38.5, funderReportCheck: 'refuse' }),
    );

    expect(response.statusCode, response.body).toBe(201);
    expect(response.json()).toMatchObject({ cofinancingHourlyRate: 38.5, funderReportCheck: 'refuse' });
    expect(await read(response.json().id)).toEqual(response.json());
    const [row] = (
      (await t.db.execute(
        sql`select cofinancing_hourly_rate::text as rate, funder_report_check as mode from programmes where id = ${response.json().id}`,
      )) as unknown as { rows: { rate: string; mode: string }[] }
    ).rows;
    expect(row).toEqual({ rate: '38.50', mode: 'refuse' });
  });

  it('answers 400 naming a negative rate, one with more than two decimals, one too large and an unknown check', async () => {
    const cases = [
      [-1, 'too_small', 'Timpris för medfinansiering (kr/timme) är för litet'],
      [45.125, 'too_many_decimals', 'Timpris för medfinansiering (kr/timme) får ha högst två decimaler'],
      [100_000_000, 'too_large', 'Timpris för medfinansiering (kr/timme) är för stort'],
    ] as const;
    for (const [rate, code, message] of cases) {
      const body = programmeBody({ cofinancingHourlyRate: rate });
      const response = await manager.post('/api/programmes', body);
      expect(response.statusCode).toBe(400);
      expect(response.json().error.fields).toEqual([{ field: 'cofinancingHourlyRate', code, message }]);
      expect(await countNamed(body.name)).toBe(0);
    }
    const check = await manager.post('/api/programmes', programmeBody({ funderReportCheck: 'stoppa' }));
    expect(check.statusCode).toBe(400);
    expect(check.json().error.fields).toEqual([
      {
        field: 'funderReportCheck',
        code: 'invalid_choice',
        message: 'Kontroll före export är inte ett giltigt val',
      },
    ]);
    const text = await manager.post('/api/programmes', programmeBody({ cofinancingHourlyRate: '50' }));
    expect(text.statusCode).toBe(400);
    expect(text.json().error.fields).toMatchObject([{ field: 'cofinancingHourlyRate' }]);
  });

  it('lets an administrator set one up too, with the follow-up days given', async () => {
    const admin = await createSession(t.app, t.db, 'administrator', [world.centre.id], world.organisation.id);
    const response = await admin.post('/api/programmes', programmeBody({ followUpDays: 180 }));
    expect(response.statusCode).toBe(201);
    expect(response.json().followUpDays).toBe(180);
  });

  it('answers 400 naming each missing field in Swedish, and in English when asked', async () => {
    const response = await manager.post('/api/programmes', {});

    expect(response.statusCode).toBe(400);
    expect(response.json().error.code).toBe('VALIDATION_FAILED');
    expect(response.json().error.fields.map((f: { message: string }) => f.message)).toEqual(
      expect.arrayContaining([
        'Namn måste fyllas i',
        'Startdatum måste fyllas i',
        'Slutdatum måste fyllas i',
        'Planerat antal deltagare måste fyllas i',
        'Mål i procent måste fyllas i',
        'Målbeskrivning måste fyllas i',
        'Centrum måste fyllas i',
        'Målgrupper måste fyllas i',
        'Steg måste fyllas i',
      ]),
    );
    const en = await manager.request({
      method: 'POST',
      url: '/api/programmes',
      headers: { 'accept-language': 'en' },
      payload: {},
    });
    expect(en.json().error.fields.map((f: { message: string }) => f.message)).toContain(
      'Planned participants is required',
    );
  });

  it('answers 400 naming values out of range, a period that ends before it starts and a repeated kind', async () => {
    const body = programmeBody({
      endsOn: '2024-12-31',
      plannedParticipants: -1,
      goalPercent: 101,
      followUpDays: 366,
      targetGroups: [
        { kind: 'short_educated', name: 'Kort', maxDurationMonths: 0 },
        { kind: 'short_educated', name: 'Också kort', maxDurationMonths: 6.5 },
      ],
      steps: Array.from({ length: 21 }, (_, i) => ({ name: `Steg ${i + 1}` })),
    });

    const response = await manager.post('/api/programmes', body);

    expect(response.statusCode).toBe(400);
    expect(response.json().error.fields).toEqual(
      expect.arrayContaining([
        { field: 'plannedParticipants', code: 'too_small', message: 'Planerat antal deltagare är för litet' },
        { field: 'goalPercent', code: 'too_large', message: 'Mål i procent är för stort' },
        { field: 'followUpDays', code: 'too_large', message: 'Uppföljning, dagar efter avslut är för stort' },
        {
          field: 'targetGroups.0.maxDurationMonths',
          code: 'too_small',
          message: 'Längsta tid i månader är för litet',
        },
        {
          field: 'targetGroups.1.maxDurationMonths',
          code: 'whole_number',
          message: 'Längsta tid i månader måste vara ett heltal',
        },
        { field: 'steps', code: 'too_many', message: 'Steg har för många rader' },
      ]),
    );
    expect(await countNamed(body.name)).toBe(0);

    const rules = await manager.post(
      '/api/programmes',
      programmeBody({
        endsOn: '2024-12-31',
        targetGroups: [
          { kind: 'short_educated', name: 'Kort', maxDurationMonths: 12 },
          { kind: 'short_educated', name: 'Också kort', maxDurationMonths: 6 },
        ],
      }),
    );
    expect(rules.statusCode).toBe(400);
    expect(rules.json().error.fields).toEqual([
      { field: 'endsOn', code: 'before_starts_on', message: 'Slutdatum får inte vara före startdatum' },
      {
        field: 'targetGroups.1.kind',
        code: 'duplicate_kind',
        message: 'Typ får bara förekomma i en målgrupp',
      },
    ]);
  });

  it('answers 400 naming an unknown centre or organisation and a centre of an organisation not taking part', async () => {
    const body = programmeBody({
      organisationIds: [randomUUID()],
      centreIds: [world.centre.id, randomUUID(), world.otherCentre.id],
    });

    const response = await manager.post('/api/programmes', body);

    expect(response.statusCode).toBe(400);
    expect(response.json().error.fields).toEqual([
      { field: 'organisationIds.0', code: 'not_found', message: 'Samverkande organisationer finns inte' },
      { field: 'centreIds.1', code: 'not_found', message: 'Centrum finns inte' },
      {
        field: 'centreIds.2',
        code: 'not_participating',
        message: 'Centrum hör till en organisation som inte deltar i programmet',
      },
    ]);
    expect(await countNamed(body.name)).toBe(0);
  });

  it("answers 403 when none of the centres is the manager's own, and sets nothing up", async () => {
    const foreign = await createCentre(t.db);
    const body = programmeBody({ organisationIds: [foreign.organisationId], centreIds: [foreign.id] });

    const response = await manager.post('/api/programmes', body);

    expect(response.statusCode).toBe(403);
    expect(response.json().error.code).toBe('FORBIDDEN');
    expect(await countNamed(body.name)).toBe(0);
  });

  it('answers 403 to a coordinator, and sets nothing up', async () => {
    const body = programmeBody();
    const response = await world.caseworker.post('/api/programmes', body);
    expect(response.statusCode).toBe(403);
    expect(await countNamed(body.name)).toBe(0);
  });

  it('answers 401 without a session', async () => {
    const response = await t.app.inject({ method: 'POST', url: '/api/programmes', payload: programmeBody() });
    expect(response.statusCode).toBe(401);
    expect(response.json().error.code).toBe('UNAUTHENTICATED');
  });
});

describe('PUT /api/programmes/:id', () => {
  it('saves new facts, renames groups in place and renumbers, adds and removes steps', async () => {
    const before = await createdProgramme();
    const [inskrivning, bas, sprak] = before.steps;
    const short = before.targetGroups.find((g) => g.kind === 'short_educated');
    const body = updateBody(before, {
      name: `${before.name} 2.0`,
      funderProjectNumber: null,
      endsOn: '2028-12-31',
      plannedParticipants: 900,
      goalPercent: 60.5,
      followUpDays: 180,
      organisationIds: [],
      centreIds: [world.centre.id],
      targetGroups: [{ id: short?.id, kind: 'short_educated', name: 'Kortutbildade', maxDurationMonths: 18 }],
      steps: [
        { id: inskrivning?.id, name: 'Inskrivning' },
        { id: sprak?.id, name: 'Språkfrämjande' },
        { name: 'Praktik' },
      ],
    });

    const response = await manager.put(`/api/programmes/${before.id}`, body);

    expect(response.statusCode, response.body).toBe(200);
    const after: Programme = response.json();
    expect(after).toMatchObject({
      id: before.id,
      name: body.name,
      funderProjectNumber: null,
      endsOn: '2028-12-31',
      plannedParticipants: 900,
      goalPercent: 60.5,
      followUpDays: 180,
      version: 2,
      ownerOrganisation: { id: world.organisation.id },
    });
    expect(after.organisations.map((o) => o.id)).toEqual([world.organisation.id]);
    expect(after.centres.map((c) => c.id)).toEqual([world.centre.id]);
    expect(after.targetGroups).toEqual([
      { id: short?.id, kind: 'short_educated', name: 'Kortutbildade', maxDurationMonths: 18 },
    ]);
    expect(after.steps).toEqual([
      { id: inskrivning?.id, ordinal: 1, name: 'Inskrivning' },
      { id: sprak?.id, ordinal: 2, name: 'Språkfrämjande' },
      { id: expect.any(String), ordinal: 3, name: 'Praktik' },
    ]);
    expect(after.steps.map((s) => s.id)).not.toContain(bas?.id);
    expect(await read(before.id)).toEqual(after);
  });

  it('sets, changes and clears the co-financing rate and the export check, a version each', async () => {
    const before = await createdProgramme();

    const set = await manager.put(
      `/api/programmes/${before.id}`,
      updateBody(before, { cofinancingHourlyRate: 50, funderReportCheck: 'refuse' }),
    );
    expect(set.statusCode, set.body).toBe(200);
    expect(set.json()).toMatchObject({ cofinancingHourlyRate: 50, funderReportCheck: 'refuse', version: 2 });

    const changed = await manager.put(
      `/api/programmes/${before.id}`,
      updateBody(set.json(), { cofinancingHourlyRate: 0.05 }),
    );
    expect(changed.statusCode, changed.body).toBe(200);
    expect(changed.json()).toMatchObject({ cofinancingHourlyRate: 0.05, funderReportCheck: 'refuse' });

    const cleared = await manager.put(
      `/api/programmes/${before.id}`,
      updateBody(changed.json(), { cofinancingHourlyRate: null, funderReportCheck: 'warn' }),
    );
    expect(cleared.statusCode, cleared.body).toBe(200);
    expect(cleared.json()).toMatchObject({
      cofinancingHourlyRate: null,
      funderReportCheck: 'warn',
      version: 4,
    });
    expect(await read(before.id)).toEqual(cleared.json());
  });

  it('sets the retention period and the funder’s hold date, clears the date, and refuses a period out of range', async () => {
    const before = await createdProgramme();

    const set = await manager.put(
      `/api/programmes/${before.id}`,
      updateBody(before, { retentionYears: 10, holdUntil: '2031-12-31' }),
    );
    expect(set.statusCode, set.body).toBe(200);
    expect(set.json()).toMatchObject({ retentionYears: 10, holdUntil: '2031-12-31', version: 2 });

    const cleared = await manager.put(
      `/api/programmes/${before.id}`,
      updateBody(set.json(), { holdUntil: null }),
    );
    expect(cleared.json()).toMatchObject({ retentionYears: 10, holdUntil: null, version: 3 });

    for (const [body, field, code] of [
      [{ retentionYears: 0 }, 'retentionYears', 'too_small'],
      [{ retentionYears: 51 }, 'retentionYears', 'too_large'],
      [{ holdUntil: '2031-02-30' }, 'holdUntil', 'invalid_date'],
    ] as const) {
      const refused = await manager.put(`/api/programmes/${before.id}`, updateBody(cleared.json(), body));
      expect(refused.statusCode).toBe(400);
      expect(refused.json().error.fields).toMatchObject([{ field, code }]);
    }
    expect(await read(before.id)).toEqual(cleared.json());
  });

  it('answers 400 naming the rate and the check on a change, and changes nothing', async () => {
    const before = await createdProgramme();

    const response = await manager.put(
      `/api/programmes/${before.id}`,
      updateBody(before, { cofinancingHourlyRate: 12.345, funderReportCheck: 'varna' }),
    );

    expect(response.statusCode).toBe(400);
    expect(response.json().error.fields).toEqual([
      {
        field: 'cofinancingHourlyRate',
        code: 'too_many_decimals',
        message: 'Timpris för medfinansiering (kr/timme) får ha högst två decimaler',
      },
      {
        field: 'funderReportCheck',
        code: 'invalid_choice',
        message: 'Kontroll före export är inte ett giltigt val',
      },
    ]);
    expect(await read(before.id)).toEqual(before);
  });

  it('answers 409 VERSION_CONFLICT for a stale change of the rate, with the rate saved in between', async () => {
    const before = await createdProgramme();
    const first = await manager.put(
      `/api/programmes/${before.id}`,
      updateBody(before, { cofinancingHourlyRate: 50 }),
    );
    expect(first.statusCode).toBe(200);

    const stale = await manager.put(
      `/api/programmes/${before.id}`,
      updateBody(before, { cofinancingHourlyRate: 75, funderReportCheck: 'refuse' }),
    );

    expect(stale.statusCode).toBe(409);
    expect(stale.json().error).toMatchObject({
      code: 'VERSION_CONFLICT',
      current: { cofinancingHourlyRate: 50, funderReportCheck: 'warn', version: 2 },
    });
    expect(await read(before.id)).toEqual(first.json());
  });

  it('keeps enrolments linked when their target group and step are renamed, given a new duration and moved', async () => {
    const { current, short } = await programmeInUse();
    const [first, ...rest] = current.steps;
    const body = updateBody(current, {
      targetGroups: current.targetGroups.map((g) =>
        g.id === short.id ? { ...g, name: 'Kortutbildade', maxDurationMonths: 24 } : g,
      ),
      steps: [...rest, { id: first?.id, name: 'Inskrivning' }].map(({ id, name }) => ({ id, name })),
    });

    const response = await manager.put(`/api/programmes/${current.id}`, body);

    expect(response.statusCode, response.body).toBe(200);
    const after: Programme = response.json();
    expect(after.targetGroups).toContainEqual({
      id: short.id,
      kind: 'short_educated',
      name: 'Kortutbildade',
      maxDurationMonths: 24,
    });
    expect(after.steps.at(-1)).toEqual({ id: first?.id, ordinal: current.steps.length, name: 'Inskrivning' });
  });

  it('answers 409 PROGRAMME_ITEM_IN_USE for removing a target group participants are enrolled in, and keeps it', async () => {
    const { current, short } = await programmeInUse();
    const body = updateBody(current, {
      name: 'Borttagen målgrupp',
      targetGroups: current.targetGroups.filter((g) => g.id !== short.id),
    });

    const response = await manager.put(`/api/programmes/${current.id}`, body);

    expect(response.statusCode).toBe(409);
    expect(response.json().error).toMatchObject({
      code: 'PROGRAMME_ITEM_IN_USE',
      fields: [
        {
          field: 'targetGroups',
          code: 'in_use',
          message: 'Målgrupper används av inskrivna deltagare och kan inte tas bort',
        },
      ],
    });
    expect(await read(current.id)).toEqual(current);
  });

  it('answers 409 PROGRAMME_ITEM_IN_USE for changing the kind of a target group in use', async () => {
    const { current, short } = await programmeInUse();
    const body = updateBody(current, {
      targetGroups: [
        { id: short.id, kind: 'upper_secondary_or_higher', name: 'Gymnasial', maxDurationMonths: 6 },
      ],
    });

    const response = await manager.put(`/api/programmes/${current.id}`, body);

    expect(response.statusCode).toBe(409);
    expect(response.json().error.fields).toEqual([
      {
        field: 'targetGroups.0.kind',
        code: 'in_use_kind',
        message: 'Typ kan inte ändras när deltagare är inskrivna i målgruppen',
      },
    ]);
    expect(await read(current.id)).toEqual(current);
  });

  it('answers 409 PROGRAMME_ITEM_IN_USE for removing a step participants have taken, and keeps it', async () => {
    const { current } = await programmeInUse();
    const body = updateBody(current, { steps: current.steps.slice(1).map(({ id, name }) => ({ id, name })) });

    const response = await manager.put(`/api/programmes/${current.id}`, body);

    expect(response.statusCode).toBe(409);
    expect(response.json().error).toMatchObject({
      code: 'PROGRAMME_ITEM_IN_USE',
      fields: [
        {
          field: 'steps',
          code: 'in_use',
          message: 'Steg används av inskrivna deltagare och kan inte tas bort',
        },
      ],
    });
    expect(await read(current.id)).toEqual(current);
  });

  it('answers 409 PROGRAMME_ITEM_IN_USE for removing a step that a goal of an action plan serves', async () => {
    const programme = await createProgramme(t.db, [world.centre.id, world.otherCentre.id]);
    const enrolment = await enrolParticipant(world.caseworker, { centre: world.centre, programme });
    const current = await read(programme.programme.id);
    const lastStep = current.steps.at(-1);
    const plan = await world.caseworker.put(`/api/enrolments/${enrolment.id}/plan`, {
      version: 0,
      goals: [
        {
          term: 'long',
          description: 'Praktik inom vården',
          targetOn: addDays(todayInSweden(), 30),
          ownerUserId: null,
          status: 'planned',
          stepIds: [lastStep?.id],
        },
      ],
    });
    expect(plan.statusCode, plan.body).toBe(200);
    const body = updateBody(current, {
      steps: current.steps.slice(0, -1).map(({ id, name }) => ({ id, name })),
    });

    const response = await manager.put(`/api/programmes/${current.id}`, body);

    expect(response.statusCode).toBe(409);
    expect(response.json().error).toMatchObject({
      code: 'PROGRAMME_ITEM_IN_USE',
      fields: [{ field: 'steps' }],
    });
    expect((await read(current.id)).steps).toEqual(current.steps);
  });

  it('removes a target group and steps nobody is enrolled in', async () => {
    const { current, higher } = await programmeInUse();
    const body = updateBody(current, {
      targetGroups: current.targetGroups.filter((g) => g.id !== higher.id),
      steps: current.steps.slice(0, 2).map(({ id, name }) => ({ id, name })),
    });

    const response = await manager.put(`/api/programmes/${current.id}`, body);

    expect(response.statusCode, response.body).toBe(200);
    expect(response.json().targetGroups.map((g: { id: string }) => g.id)).not.toContain(higher.id);
    expect(response.json().steps).toHaveLength(2);
  });

  it('answers 409 VERSION_CONFLICT with the current programme when someone saved in between, and changes nothing', async () => {
    const before = await createdProgramme();
    const first = await manager.put(
      `/api/programmes/${before.id}`,
      updateBody(before, { plannedParticipants: 500 }),
    );
    expect(first.statusCode).toBe(200);

    const stale = await manager.put(
      `/api/programmes/${before.id}`,
      updateBody(before, { plannedParticipants: 10 }),
    );

    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('VERSION_CONFLICT');
    expect(stale.json().error.current).toEqual(first.json());
    expect((await read(before.id)).plannedParticipants).toBe(500);
  });

  it('answers 400 naming a bad field, and an id that is not one of the programme’s own', async () => {
    const before = await createdProgramme();
    const other = await createdProgramme();

    const response = await manager.put(
      `/api/programmes/${before.id}`,
      updateBody(before, { goalPercent: -5 }),
    );
    expect(response.statusCode).toBe(400);
    expect(response.json().error.fields).toEqual([
      { field: 'goalPercent', code: 'too_small', message: 'Mål i procent är för litet' },
    ]);

    const foreignStep = await manager.put(
      `/api/programmes/${before.id}`,
      updateBody(before, { steps: [{ id: other.steps[0]?.id, name: 'Lånat steg' }] }),
    );
    expect(foreignStep.statusCode).toBe(400);
    expect(foreignStep.json().error.fields).toMatchObject([{ field: 'steps.0.id', code: 'not_found' }]);
    expect(await read(before.id)).toEqual(before);
    expect(await read(other.id)).toEqual(other);
  });

  it("answers 403 to a manager whose centres are not the programme's, and changes nothing", async () => {
    const before = await createdProgramme();
    const elsewhere = await createCentre(t.db);
    const outsider = await createSession(
      t.app,
      t.db,
      'programme_manager',
      [elsewhere.id],
      elsewhere.organisationId,
    );

    const response = await outsider.put(
      `/api/programmes/${before.id}`,
      updateBody(before, {
        name: 'Kapat',
        cofinancingHourlyRate: 999,
        centreIds: [...before.centres.map((c) => c.id), elsewhere.id],
      }),
    );

    expect(response.statusCode).toBe(403);
    expect(response.json().error.code).toBe('FORBIDDEN');
    expect(await read(before.id)).toEqual(before);
  });

  it("answers 403 for moving the programme to centres that are none of the manager's own", async () => {
    const before = await createdProgramme();
    const response = await manager.put(
      `/api/programmes/${before.id}`,
      updateBody(before, { centreIds: [world.otherCentre.id] }),
    );
    expect(response.statusCode).toBe(403);
    expect(await read(before.id)).toEqual(before);
  });

  it('answers 403 to a coordinator of one of its centres', async () => {
    const before = await createdProgramme();
    const response = await world.caseworker.put(
      `/api/programmes/${before.id}`,
      updateBody(before, { name: 'Nej', funderReportCheck: 'refuse' }),
    );
    expect(response.statusCode).toBe(403);
    expect(await read(before.id)).toEqual(before);
  });

  it('answers 404 for an unknown programme', async () => {
    const before = await createdProgramme();
    const response = await manager.put(`/api/programmes/${randomUUID()}`, updateBody(before));
    expect(response.statusCode).toBe(404);
    expect(response.json().error.code).toBe('NOT_FOUND');
  });

  it('answers 401 without a session', async () => {
    const before = await createdProgramme();
    const response = await t.app.inject({
      method: 'PUT',
      url: `/api/programmes/${before.id}`,
      payload: updateBody(before, { name: 'Utan session', cofinancingHourlyRate: 999 }),
    });
    expect(response.statusCode).toBe(401);
    expect(await read(before.id)).toEqual(before);
  });
});
