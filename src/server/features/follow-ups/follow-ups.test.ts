import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, todayInSweden } from '../../../core/dates.ts';
import type { ParticipantInput } from '../../../core/schemas/participant.schema.ts';
import {
  consentToParticipation,
  createSession,
  createWorld,
  referParticipant,
  uniquePersonalIdentityNumber,
} from '../../test/factories.ts';
import { createTestApp, type Session, type TestContext } from '../../test/test-app.ts';

let t: TestContext;
let world: Awaited<ReturnType<typeof createWorld>>;
beforeAll(async () => {
  t = await createTestApp();
  world = await createWorld(t.app, t.db);
});
afterAll(() => t.close());

const today = todayInSweden();

/** A valid number; the factory's serial can come out as 000, which is never issued. */
function pin(birth?: string): string {
  for (;;) {
    const number = uniquePersonalIdentityNumber(birth);
    if (!number.slice(8).startsWith('000')) return number;
  }
}

type Enrolment = {
  id: string;
  participantId: string;
  version: number;
  exitedOn: string | null;
  steps: { stepId: string; startedOn: string; endedOn: string | null }[];
  followUp: { id: string; dueOn: string; version: number; status: string | null } | null;
};

/** A consented participant enrolled in the world's programme from startsOn. */
async function enrolled(person: Partial<ParticipantInput> = {}, startsOn = '2023-06-01') {
  const { participantId } = await referParticipant(world.caseworker, world, {
    personalIdentityNumber: pin(),
    ...person,
  });
  await consentToParticipation(world.caseworker, participantId);
  const response = await world.caseworker.post(`/api/participants/${participantId}/enrolments`, {
    programmeId: world.programme.programme.id,
    centreId: world.centre.id,
    startsOn,
  });
  if (response.statusCode !== 201) throw new Error(`enrol failed: ${response.body}`);
  return response.json() as Enrolment;
}

function exitBody(version: number, overrides: Record<string, unknown> = {}) {
  return {
    exitedOn: '2024-11-30',
    outcome: 'work_permanent',
    organisation: 'Haninge Bygg AB',
    reason: 'Fick fast anställning',
    version,
    ...overrides,
  };
}

function exit(enrolment: Enrolment, overrides: Record<string, unknown> = {}, session = world.caseworker) {
  return session.post(`/api/enrolments/${enrolment.id}/exit`, exitBody(enrolment.version, overrides));
}

async function exited(person: Partial<ParticipantInput> = {}, overrides: Record<string, unknown> = {}) {
  const enrolment = await enrolled(person);
  const response = await exit(enrolment, overrides);
  if (response.statusCode !== 200) throw new Error(`exit failed: ${response.body}`);
  const body = response.json() as Enrolment;
  if (!body.followUp) throw new Error('no follow-up');
  return { ...body, followUp: body.followUp };
}

function attempt(session: Session, followUpId: string, overrides: Record<string, unknown> = {}) {
  return session.post(`/api/follow-ups/${followUpId}/attempts`, {
    attemptedOn: today,
    contactMethod: 'phone',
    reached: false,
    note: 'Inget svar',
    ...overrides,
  });
}

function result(
  session: Session,
  followUpId: string,
  version: number,
  overrides: Record<string, unknown> = {},
) {
  return session.post(`/api/follow-ups/${followUpId}/result`, {
    status: 'work',
    organisation: 'Haninge Bygg AB',
    recordedOn: today,
    version,
    ...overrides,
  });
}

async function accessLog(participantId: string): Promise<{ action: string; what: string }[]> {
  const rows = await t.db.execute(
    sql`select action, what from access_log where participant_id = ${participantId} order by id`,
  );
  return (rows as unknown as { rows: { action: string; what: string }[] }).rows;
}

function messages(response: { json(): unknown }): string[] {
  return (response.json() as { error: { fields: { message: string }[] } }).error.fields.map((f) => f.message);
}

describe('POST /api/enrolments/:id/exit', () => {
  it('ends the enrolment with its outcome, ends open steps and creates the follow-up due 90 days later', async () => {
    const enrolment = await enrolled();

    const response = await exit(enrolment);

    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body).toMatchObject({
      id: enrolment.id,
      exitedOn: '2024-11-30',
      exitOutcome: 'work_permanent',
      exitOrganisation: 'Haninge Bygg AB',
      exitReason: 'Fick fast anställning',
      version: enrolment.version + 1,
      // 2024-11-30 + 90 days, across the turn of the year into a February of 28 days.
      followUp: { dueOn: '2025-02-28', status: null, attempts: [], recordedOn: null },
    });
    expect(body.steps).toHaveLength(1);
    expect(body.steps.every((s: { endedOn: string | null }) => s.endedOn === '2024-11-30')).toBe(true);
    const listed = (
      await world.caseworker.get(`/api/participants/${enrolment.participantId}/enrolments`)
    ).json().items[0];
    expect(listed).toEqual(body);
    const participant = (await world.caseworker.get(`/api/participants/${enrolment.participantId}`)).json();
    expect(participant.status).toBe('exited');
    expect(await accessLog(enrolment.participantId)).toContainEqual({
      action: 'update',
      what: 'enrolment.exit',
    });
  });

  it('ends every open step, also one in parallel, and keeps steps already ended', async () => {
    const enrolment = await enrolled();
    const [first, second, third] = world.programme.steps;
    if (!first || !second || !third) throw new Error('no steps');
    await t.db.execute(
      sql`update enrolment_steps set ended_on = '2023-09-01' where enrolment_id = ${enrolment.id}`,
    );
    await t.db.execute(sql`insert into enrolment_steps (enrolment_id, step_id, started_on, created_by)
      select ${enrolment.id}, s.id, '2023-09-01', e.created_by from programme_steps s, enrolments e
      where s.id in (${second.id}, ${third.id}) and e.id = ${enrolment.id}`);

    const response = await exit(enrolment, { exitedOn: '2024-03-15' });

    expect(response.statusCode).toBe(200);
    const steps = response.json().steps as Enrolment['steps'];
    expect(steps.map((s) => [s.stepId, s.endedOn])).toEqual([
      [first.id, '2023-09-01'],
      [second.id, '2024-03-15'],
      [third.id, '2024-03-15'],
    ]);
  });

  it.each([
    ['2023-12-01', 90, '2024-02-29'], // into a leap-year February
    ['2025-01-31', 90, '2025-05-01'], // from a month end
    ['2024-01-31', 30, '2024-03-01'], // the programme's own number of days
  ])('exit on %s with %i follow-up days is due %s', async (exitedOn, days, dueOn) => {
    await t.db.execute(
      sql`update programmes set follow_up_days = ${days} where id = ${world.programme.programme.id}`,
    );
    try {
      const enrolment = await enrolled();
      const response = await exit(enrolment, { exitedOn });
      expect(response.statusCode).toBe(200);
      expect(response.json().followUp.dueOn).toBe(dueOn);
    } finally {
      await t.db.execute(
        sql`update programmes set follow_up_days = 90 where id = ${world.programme.programme.id}`,
      );
    }
  });

  it('does not require an employer or school for outcomes that have none', async () => {
    const enrolment = await enrolled();
    const response = await exit(enrolment, { outcome: 'parental_leave', organisation: null, reason: null });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ exitOutcome: 'parental_leave', exitOrganisation: null });
  });

  it('answers 400 naming each field in Swedish, and changes nothing', async () => {
    const enrolment = await enrolled();

    const bad = await exit(enrolment, { exitedOn: '2024-02-30', outcome: 'lottery', version: 'x' });
    const noOrganisation = await exit(enrolment, { outcome: 'studies_university', organisation: '  ' });
    const future = await exit(enrolment, { exitedOn: addDays(today, 1) });
    const beforeStart = await exit(enrolment, { exitedOn: '2023-05-31' });

    expect([bad, noOrganisation, future, beforeStart].map((r) => r.statusCode)).toEqual([400, 400, 400, 400]);
    expect(messages(bad)).toEqual(
      expect.arrayContaining([
        'Avslutsdatum måste vara ett datum som ÅÅÅÅ-MM-DD',
        'Utfall är inte ett giltigt val',
      ]),
    );
    expect(messages(noOrganisation)).toEqual(['Arbetsgivare eller skola måste fyllas i']);
    expect(messages(future)).toEqual(['Avslutsdatum får inte vara senare än i dag']);
    expect(messages(beforeStart)).toEqual(['Avslutsdatum får inte vara före startdatum']);
    const [listed] = (
      await world.caseworker.get(`/api/participants/${enrolment.participantId}/enrolments`)
    ).json().items;
    expect(listed).toMatchObject({ exitedOn: null, followUp: null, version: enrolment.version });
  });

  it('answers 401 without a session', async () => {
    const enrolment = await enrolled();
    const response = await t.app.inject({
      method: 'POST',
      url: `/api/enrolments/${enrolment.id}/exit`,
      payload: exitBody(enrolment.version),
    });
    expect(response.statusCode).toBe(401);
  });

  it("answers 403 for another centre's participant and for a role that may not enrol", async () => {
    const enrolment = await enrolled();
    const teacher = await createSession(t.app, t.db, 'language_teacher', [world.centre.id]);
    const other = await exit(enrolment, {}, world.otherCaseworker);
    const role = await exit(enrolment, {}, teacher);
    expect([other.statusCode, role.statusCode]).toEqual([403, 403]);
    expect(other.json().error.code).toBe('FORBIDDEN');
  });

  it('answers 404 for an unknown enrolment', async () => {
    const response = await world.caseworker.post(`/api/enrolments/${randomUUID()}/exit`, exitBody(1));
    expect(response.statusCode).toBe(404);
  });

  it('answers 409 VERSION_CONFLICT with the current enrolment when the version is stale', async () => {
    const enrolment = await enrolled();
    await t.db.execute(sql`update enrolments set version = version + 1 where id = ${enrolment.id}`);
    const response = await exit(enrolment);
    expect(response.statusCode).toBe(409);
    expect(response.json().error).toMatchObject({
      code: 'VERSION_CONFLICT',
      current: { id: enrolment.id, version: enrolment.version + 1, exitedOn: null },
    });
  });

  it('answers 409 ENROLMENT_ALREADY_EXITED the second time and keeps the first exit', async () => {
    const enrolment = await enrolled();
    const first = await exit(enrolment);
    const again = await world.caseworker.post(
      `/api/enrolments/${enrolment.id}/exit`,
      exitBody(first.json().version, { exitedOn: '2024-12-01', outcome: 'moved' }),
    );
    expect(again.statusCode).toBe(409);
    expect(again.json().error).toMatchObject({
      code: 'ENROLMENT_ALREADY_EXITED',
      message: 'Inskrivningen är redan avslutad.',
    });
    const [listed] = (
      await world.caseworker.get(`/api/participants/${enrolment.participantId}/enrolments`)
    ).json().items;
    expect(listed).toMatchObject({ exitedOn: '2024-11-30', exitOutcome: 'work_permanent' });
  });
});

describe('GET /api/follow-ups', () => {
  it('lists open and overdue follow-ups of visible participants with name, outcome and due date', async () => {
    const overdue = await exited({ firstName: 'Förfallen', lastName: 'Uppföljning' });
    const recent = await exited({ firstName: 'Nyss', lastName: 'Avslutad' }, { exitedOn: today });
    const done = await exited();
    expect((await result(world.caseworker, done.followUp.id, done.followUp.version)).statusCode).toBe(200);

    const open = (await world.caseworker.get('/api/follow-ups?due=open&pageSize=200')).json();
    const late = (await world.caseworker.get('/api/follow-ups?due=overdue&pageSize=200')).json();
    const all = (
      await world.caseworker.get(`/api/follow-ups?due=all&centreId=${world.centre.id}&pageSize=200`)
    ).json();

    const ids = (list: { items: { id: string }[] }) => list.items.map((i) => i.id);
    expect(ids(open)).toEqual(expect.arrayContaining([overdue.followUp.id, recent.followUp.id]));
    expect(ids(open)).not.toContain(done.followUp.id);
    expect(ids(late)).toContain(overdue.followUp.id);
    expect(ids(late)).not.toContain(recent.followUp.id);
    expect(ids(all)).toEqual(
      expect.arrayContaining([overdue.followUp.id, recent.followUp.id, done.followUp.id]),
    );
    expect(open.items.find((i: { id: string }) => i.id === overdue.followUp.id)).toEqual({
      id: overdue.followUp.id,
      enrolmentId: overdue.id,
      participantId: overdue.participantId,
      participantName: 'Förfallen Uppföljning',
      programmeName: world.programme.programme.name,
      centreName: world.centre.name,
      exitedOn: '2024-11-30',
      exitOutcome: 'work_permanent',
      dueOn: '2025-02-28',
      overdue: true,
      status: null,
      attemptCount: 0,
    });
    expect(await accessLog(overdue.participantId)).toContainEqual({ action: 'read', what: 'followUp.list' });
  });

  it("does not list another centre's participants", async () => {
    const mine = await exited();
    const theirs = (await world.otherCaseworker.get('/api/follow-ups?due=all')).json();
    expect(theirs.items.map((i: { id: string }) => i.id)).not.toContain(mine.followUp.id);
  });

  it('answers 400 naming a bad filter and 401 without a session', async () => {
    const bad = await world.caseworker.get('/api/follow-ups?due=soon');
    expect(bad.statusCode).toBe(400);
    expect(messages(bad)).toEqual(['Urval är inte ett giltigt val']);
    expect((await t.app.inject({ method: 'GET', url: '/api/follow-ups' })).statusCode).toBe(401);
  });
});

describe('POST /api/follow-ups/:id/attempts', () => {
  it('records the attempt with who made it, and logs the access', async () => {
    const { followUp, participantId } = await exited();
    const response = await attempt(world.caseworker, followUp.id, {
      contactMethod: 'sms',
      note: 'Skickade sms',
    });
    expect(response.statusCode).toBe(201);
    expect(response.json()).toMatchObject({
      id: followUp.id,
      attempts: [
        {
          attemptedOn: today,
          contactMethod: 'sms',
          reached: false,
          note: 'Skickade sms',
          attemptedBy: 'Test coordinator',
        },
      ],
    });
    expect(await accessLog(participantId)).toContainEqual({ action: 'create', what: 'followUp.attempt' });
  });

  it('answers 400 naming the fields in Swedish', async () => {
    const { followUp } = await exited();
    const bad = await attempt(world.caseworker, followUp.id, {
      attemptedOn: 'i går',
      contactMethod: 'brevduva',
      reached: 'kanske',
    });
    const beforeExit = await attempt(world.caseworker, followUp.id, { attemptedOn: '2024-11-29' });
    expect([bad.statusCode, beforeExit.statusCode]).toEqual([400, 400]);
    expect(messages(bad)).toEqual(
      expect.arrayContaining([
        'Datum för kontaktförsök måste vara ett datum som ÅÅÅÅ-MM-DD',
        'Kontaktsätt är inte ett giltigt val',
        'Nådd måste fyllas i',
      ]),
    );
    expect(messages(beforeExit)).toEqual(['Datum för kontaktförsök får inte vara före avslutsdatum']);
  });

  it('answers 401, 403 and 404', async () => {
    const { followUp } = await exited();
    const anonymous = await t.app.inject({
      method: 'POST',
      url: `/api/follow-ups/${followUp.id}/attempts`,
      payload: {},
    });
    const teacher = await createSession(t.app, t.db, 'language_teacher', [world.centre.id]);
    const other = await attempt(world.otherCaseworker, followUp.id);
    const role = await attempt(teacher, followUp.id);
    const unknown = await attempt(world.caseworker, randomUUID());
    expect([anonymous.statusCode, other.statusCode, role.statusCode, unknown.statusCode]).toEqual([
      401, 403, 403, 404,
    ]);
  });
});

describe('POST /api/follow-ups/:id/result', () => {
  it('records the status, and a stale second save gets 409 with the current follow-up', async () => {
    const { followUp, participantId } = await exited();

    const response = await result(world.caseworker, followUp.id, followUp.version);

    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({
      status: 'work',
      organisation: 'Haninge Bygg AB',
      recordedOn: today,
      recordedBy: 'Test coordinator',
      version: followUp.version + 1,
    });
    const stale = await result(world.caseworker, followUp.id, followUp.version, { status: 'studies' });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error).toMatchObject({ code: 'VERSION_CONFLICT', current: { status: 'work' } });
    expect(await accessLog(participantId)).toContainEqual({ action: 'update', what: 'followUp.record' });
  });

  it('records "unreachable" only after an unanswered attempt; otherwise 400 naming the status', async () => {
    const { followUp } = await exited();
    const reached = await attempt(world.caseworker, followUp.id, { reached: true });
    expect(reached.statusCode).toBe(201);

    const refused = await result(world.caseworker, followUp.id, followUp.version, { status: 'unreachable' });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.fields).toEqual([
      {
        field: 'status',
        code: 'unreachable_without_attempt',
        message:
          'Status kan bara vara ”Gick inte att nå” när minst ett kontaktförsök utan svar är registrerat',
      },
    ]);

    await attempt(world.caseworker, followUp.id, { reached: false });
    const accepted = await result(world.caseworker, followUp.id, followUp.version, { status: 'unreachable' });
    expect(accepted.statusCode).toBe(200);
    expect(accepted.json()).toMatchObject({ status: 'unreachable', organisation: null });
  });

  it('answers 400 naming the fields in Swedish', async () => {
    const { followUp } = await exited();
    const bad = await result(world.caseworker, followUp.id, followUp.version, {
      status: 'retired',
      recordedOn: '',
    });
    const future = await result(world.caseworker, followUp.id, followUp.version, {
      recordedOn: addDays(today, 2),
    });
    expect([bad.statusCode, future.statusCode]).toEqual([400, 400]);
    expect(messages(bad)).toEqual(
      expect.arrayContaining([
        'Status är inte ett giltigt val',
        'Datum för uppföljning måste vara ett datum som ÅÅÅÅ-MM-DD',
      ]),
    );
    expect(messages(future)).toEqual(['Datum för uppföljning får inte vara senare än i dag']);
  });

  it('answers 401, 403 and 404', async () => {
    const { followUp } = await exited();
    const anonymous = await t.app.inject({
      method: 'POST',
      url: `/api/follow-ups/${followUp.id}/result`,
      payload: {},
    });
    const teacher = await createSession(t.app, t.db, 'language_teacher', [world.centre.id]);
    const other = await result(world.otherCaseworker, followUp.id, followUp.version);
    const role = await result(teacher, followUp.id, followUp.version);
    const unknown = await result(world.caseworker, randomUUID(), 1);
    expect([anonymous.statusCode, other.statusCode, role.statusCode, unknown.statusCode]).toEqual([
      401, 403, 403, 404,
    ]);
  });
});

describe('GET /api/programmes/:id/goal-figure', () => {
  it('computes the figure from visible follow-ups, by legal gender, and counts protected people only for their staff', async () => {
    // A programme of its own, so other tests' follow-ups do not count.
    const own = await createWorld(t.app, t.db);
    const run = async (
      person: Partial<ParticipantInput>,
      status: string | null,
      session = own.caseworker,
    ) => {
      const { participantId } = await referParticipant(session, own, {
        personalIdentityNumber: pin(),
        ...person,
      });
      await consentToParticipation(session, participantId);
      const enrolment = (
        await session.post(`/api/participants/${participantId}/enrolments`, {
          programmeId: own.programme.programme.id,
          centreId: own.centre.id,
          startsOn: '2023-06-01',
        })
      ).json();
      const done = (
        await session.post(`/api/enrolments/${enrolment.id}/exit`, exitBody(enrolment.version))
      ).json();
      if (status === 'unreachable') await attempt(session, done.followUp.id);
      if (status)
        expect((await result(session, done.followUp.id, done.followUp.version, { status })).statusCode).toBe(
          200,
        );
    };
    // Legal gender follows the second-to-last digit of the number: even is female.
    const female = () => ({ personalIdentityNumber: pinOf('female') });
    const male = () => ({ personalIdentityNumber: pinOf('male') });
    await run(female(), 'work');
    await run(female(), 'own_business');
    await run(female(), 'unreachable');
    await run(male(), 'studies');
    await run(male(), 'seeking_work');
    await run(male(), null);
    // A protected person, registered (and so assigned) by the coordinator: in work.
    await run({ ...male(), protectedIdentity: true }, 'work');

    const colleague = await createSession(t.app, t.db, 'coordinator', [own.centre.id], own.organisation.id);
    const assigned = await own.caseworker.get(`/api/programmes/${own.programme.programme.id}/goal-figure`);
    const notAssigned = await colleague.get(`/api/programmes/${own.programme.programme.id}/goal-figure`);
    const otherCentre = await own.otherCaseworker.get(
      `/api/programmes/${own.programme.programme.id}/goal-figure`,
    );

    expect(assigned.statusCode).toBe(200);
    expect(assigned.json()).toEqual({
      programmeId: own.programme.programme.id,
      programmeName: own.programme.programme.name,
      goalPercent: 55,
      followUpDays: 90,
      numerator: 4,
      denominator: 6,
      percent: 66.7,
      pending: 1,
      goalReached: true,
      women: { numerator: 2, denominator: 3, percent: 66.7, pending: 0, goalReached: true },
      men: { numerator: 2, denominator: 3, percent: 66.7, pending: 1, goalReached: true },
    });
    expect(notAssigned.json()).toMatchObject({
      numerator: 3,
      denominator: 5,
      percent: 60,
      men: { numerator: 1, denominator: 2, percent: 50, goalReached: false },
    });
    expect(otherCentre.json()).toMatchObject({ numerator: 0, denominator: 0, percent: null, pending: 0 });
  });

  it('answers 400 for a bad id, 401 without a session and 404 for an unknown programme', async () => {
    const bad = await world.caseworker.get('/api/programmes/nope/goal-figure');
    const anonymous = await t.app.inject({
      method: 'GET',
      url: `/api/programmes/${world.programme.programme.id}/goal-figure`,
    });
    const unknown = await world.caseworker.get(`/api/programmes/${randomUUID()}/goal-figure`);
    expect([bad.statusCode, anonymous.statusCode, unknown.statusCode]).toEqual([400, 401, 404]);
    expect(messages(bad)).toEqual(['Id har fel format']);
  });
});

/** A personal identity number of the given legal gender. */
function pinOf(gender: 'female' | 'male'): string {
  for (;;) {
    const number = pin();
    const even = Number(number.at(-2)) % 2 === 0;
    if (even === (gender === 'female')) return number;
  }
}
