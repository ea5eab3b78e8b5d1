import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, todayInSweden } from '../../../core/dates.ts';
import type { ParticipantInput } from '../../../core/schemas/participant.schema.ts';
import { queryRows } from '../../db/client.ts';
import {
  consentToParticipation,
  createActivity,
  createEmployer,
  createEmployerContact,
  createOpening,
  createProgramme,
  createSession,
  createWorld,
  referParticipant,
  uniquePersonalIdentityNumber,
} from '../../test/factories.ts';
import { createTestApp, type Session, type TestContext } from '../../test/test-app.ts';

type World = Awaited<ReturnType<typeof createWorld>>;

let t: TestContext;
let world: World;
/** Places participants: a job agent of the world's centre, assigned to no one. */
let jobAgent: Session;
/** May read participants of the world's centre but not place them. */
let teacher: Session;
/** A coordinator of the world's centre assigned to no one: protected people are hidden from them. */
let colleague: Session;
beforeAll(async () => {
  t = await createTestApp();
  world = await createWorld(t.app, t.db);
  jobAgent = await createSession(t.app, t.db, 'job_agent', [world.centre.id], world.organisation.id);
  teacher = await createSession(t.app, t.db, 'language_teacher', [world.centre.id], world.organisation.id);
  colleague = await createSession(t.app, t.db, 'coordinator', [world.centre.id], world.organisation.id);
});
afterAll(() => t.close());

const missing = '00000000-0000-4000-8000-000000000000';
const today = todayInSweden();

// The placements of these tests run in September and October 2026 (Mondays and Wednesdays, 8 hours), in the
// past, so they can be started, recorded and ended; an enrolment from 2026-08-03 plans its end on 2027-08-03.
const mondaysAndWednesdays = [
  { weekday: 3, startTime: '08:00', endTime: '16:00' },
  { weekday: 1, startTime: '08:00', endTime: '16:00' },
];

/** A valid number; the factory's serial can come out as 000, which is never issued. */
function pin(): string {
  for (;;) {
    const number = uniquePersonalIdentityNumber();
    if (!number.slice(8).startsWith('000')) return number;
  }
}

type Enrolled = { participantId: string; enrolmentId: string; version: number };

/** A consented participant enrolled at the world's centre (by its caseworker, who is thereby assigned). */
async function enrolled(
  person: Partial<ParticipantInput> = {},
  w: World = world,
  startsOn = '2026-08-03',
): Promise<Enrolled> {
  const { participantId } = await referParticipant(w.caseworker, w, {
    personalIdentityNumber: pin(),
    ...person,
  });
  await consentToParticipation(w.caseworker, participantId);
  const response = await w.caseworker.post(`/api/participants/${participantId}/enrolments`, {
    programmeId: w.programme.programme.id,
    centreId: w.centre.id,
    startsOn,
  });
  if (response.statusCode !== 201) throw new Error(`enrol failed: ${response.body}`);
  const body = response.json() as { id: string; version: number };
  return { participantId, enrolmentId: body.id, version: body.version };
}

function praktikStep(w: World = world): string {
  const found = w.programme.steps.find((s) => s.name === 'Praktik');
  if (!found) throw new Error('no Praktik step');
  return found.id;
}

/** The programme's internship activity, counted under the step Praktik. */
function internship(w: World = world, overrides: Parameters<typeof createActivity>[2] = {}) {
  return createActivity(t.db, w.programme.programme.id, {
    name: `Praktik ${randomUUID().slice(0, 6)}`,
    type: 'internship',
    stepId: praktikStep(w),
    plannedHours: 160,
    ...overrides,
  });
}

/** An employer with an address and an active supervisor. */
async function employerWithSupervisor(name = `Lager ${randomUUID().slice(0, 6)} AB`) {
  const employer = await createEmployer(t.db, { name, streetAddress: 'Industrivägen 4', city: 'Haninge' });
  const supervisor = await createEmployerContact(t.db, employer.id, { name: 'Eva Lund' });
  return { employer, supervisor };
}

type Scene = Enrolled & {
  employer: Awaited<ReturnType<typeof createEmployer>>;
  supervisor: Awaited<ReturnType<typeof createEmployerContact>>;
  activity: Awaited<ReturnType<typeof createActivity>>;
};

/** What a placement needs, made fresh: an enrolled participant, an employer with a supervisor, the activity. */
async function scene(person: Partial<ParticipantInput> = {}): Promise<Scene> {
  const [participant, { employer, supervisor }, activity] = await Promise.all([
    enrolled(person),
    employerWithSupervisor(),
    internship(),
  ]);
  return { ...participant, employer, supervisor, activity };
}

function placementInput(s: Scene, overrides: Record<string, unknown> = {}) {
  return {
    enrolmentId: s.enrolmentId,
    employerId: s.employer.id,
    openingId: null,
    supervisorId: s.supervisor.id,
    activityId: s.activity.id,
    responsibleId: jobAgent.userId,
    startsOn: '2026-09-07',
    endsOn: '2026-10-30',
    schedule: mondaysAndWednesdays,
    tasks: 'Plocka och packa order, inventera lagret',
    goalIds: [],
    ...overrides,
  };
}

type PlacementBody = {
  id: string;
  groupId: string;
  status: string;
  version: number;
  startedOn: string | null;
  endedOn: string | null;
  plannedMinutes: number;
  attendedMinutes: number;
  recordedDays: number;
  days: number;
  evaluations: { kind: string; version: number }[];
};

/** Places the participant; the test fails unless the placement is made. */
async function place(s: Scene, overrides: Record<string, unknown> = {}, session = jobAgent) {
  const response = await session.post('/api/placements', placementInput(s, overrides));
  expect(response.statusCode, response.body).toBe(201);
  return response.json() as PlacementBody;
}

async function started(s: Scene, overrides: Record<string, unknown> = {}, firstDay = '2026-09-07') {
  const placement = await place(s, overrides);
  const response = await jobAgent.post(`/api/placements/${placement.id}/start`, { firstDay, version: 1 });
  expect(response.statusCode, response.body).toBe(200);
  return response.json() as PlacementBody;
}

type SessionRow = { id: string; date: string; startTime: string; status: string };

/** The sessions of the placement's group, by date, as its centre's staff see them. */
async function sessionsOf(groupId: string): Promise<SessionRow[]> {
  const response = await world.caseworker.get(`/api/groups/${groupId}`);
  expect(response.statusCode, response.body).toBe(200);
  return response.json().sessions;
}

async function sessionOn(groupId: string, date: string): Promise<SessionRow> {
  const found = (await sessionsOf(groupId)).find((s) => s.date === date);
  if (!found) throw new Error(`no session on ${date}`);
  return found;
}

type Mark = { status: 'present' | 'late' | 'absent'; lateMinutes?: number; absenceReason?: string };

/** Records the roll call of the placement's day for the participant. */
async function recordOn(
  groupId: string,
  date: string,
  enrolmentId: string,
  mark: Mark = { status: 'present' },
) {
  const session = await sessionOn(groupId, date);
  const response = await world.caseworker.put(`/api/sessions/${session.id}/roll-call`, {
    rows: [{ enrolmentId, version: null, ...mark }],
  });
  expect(response.statusCode, response.body).toBe(200);
}

async function stepsOf(participantId: string) {
  const response = await world.caseworker.get(`/api/participants/${participantId}/enrolments`);
  expect(response.statusCode).toBe(200);
  return (
    response.json().items[0].steps as { name: string; startedOn: string; endedOn: string | null }[]
  ).map((s) => [s.name, s.startedOn, s.endedOn]);
}

async function accessLog(participantId: string) {
  return queryRows<{ action: string; what: string; user_id: string }>(
    t.db,
    sql`select action, what, user_id from access_log where participant_id = ${participantId} order by id`,
  );
}

function fieldsOf(response: { json(): unknown }): string[] {
  const body = response.json() as { error: { fields?: { field: string; code: string }[] } };
  return (body.error.fields ?? []).map((f) => `${f.field} ${f.code}`);
}

/** A plan with one goal for the enrolment; answers with the goal ids. */
async function planGoals(enrolmentId: string, descriptions: string[]): Promise<string[]> {
  const response = await world.caseworker.put(`/api/enrolments/${enrolmentId}/plan`, {
    version: 0,
    goals: descriptions.map((description) => ({
      term: 'short',
      description,
      targetOn: '2027-03-01',
      ownerUserId: null,
      status: 'in_progress',
      occupationCode: null,
      stepIds: [praktikStep()],
    })),
  });
  expect(response.statusCode, response.body).toBe(200);
  return (response.json().goals as { id: string }[]).map((g) => g.id);
}

describe('POST /api/placements', () => {
  it('places the participant: its own group with the days as sessions, the goals and the opening', async () => {
    const s = await scene({ firstName: 'Amal', lastName: 'Haile' });
    const opening = await createOpening(t.db, s.employer.id, { title: 'Lagerpraktik', places: 2 });
    const [first, second] = await planGoals(s.enrolmentId, ['Arbeta på lager', 'Ta truckkort']);

    const response = await jobAgent.post(
      '/api/placements',
      placementInput(s, { openingId: opening.id, goalIds: [second, first, second] }),
    );

    expect(response.statusCode, response.body).toBe(201);
    const body = response.json();
    expect(body).toEqual({
      id: expect.any(String),
      enrolmentId: s.enrolmentId,
      participantId: s.participantId,
      firstName: 'Amal',
      lastName: 'Haile',
      protectedIdentity: false,
      programmeId: world.programme.programme.id,
      centreId: world.centre.id,
      employerId: s.employer.id,
      employerName: s.employer.name,
      openingId: opening.id,
      openingTitle: 'Lagerpraktik',
      supervisorId: s.supervisor.id,
      supervisorName: 'Eva Lund',
      groupId: expect.any(String),
      activityId: s.activity.id,
      activityName: s.activity.name,
      responsibleId: jobAgent.userId,
      responsibleName: 'Test job_agent',
      startsOn: '2026-09-07',
      endsOn: '2026-10-30',
      schedule: [
        { weekday: 1, startTime: '08:00', endTime: '16:00' },
        { weekday: 3, startTime: '08:00', endTime: '16:00' },
      ],
      hoursPerWeek: 16,
      status: 'planned',
      startedOn: null,
      endedOn: null,
      endReason: null,
      version: 1,
      tasks: 'Plocka och packa order, inventera lagret',
      goals: [
        { id: first, description: 'Arbeta på lager' },
        { id: second, description: 'Ta truckkort' },
      ],
      evaluations: [],
      // Eight Mondays and eight Wednesdays from 2026-09-07 to 2026-10-28, eight hours each.
      plannedMinutes: 16 * 480,
      attendedMinutes: 0,
      recordedDays: 0,
      days: 16,
    });

    const group = (await world.caseworker.get(`/api/groups/${body.groupId}`)).json();
    expect(group).toMatchObject({
      name: `Praktik: ${s.employer.name}`,
      activityId: s.activity.id,
      activityType: 'internship',
      centreId: world.centre.id,
      leaderId: jobAgent.userId,
      room: 'Industrivägen 4, Haninge',
      startsOn: '2026-09-07',
      endsOn: '2026-10-30',
      memberCount: 1,
      sessionCount: 16,
    });
    expect(group.members).toMatchObject([
      { enrolmentId: s.enrolmentId, joinedOn: '2026-09-07', leftOn: null },
    ]);
    expect(group.sessions.slice(0, 3).map((x: SessionRow) => [x.date, x.startTime])).toEqual([
      ['2026-09-07', '08:00'],
      ['2026-09-09', '08:00'],
      ['2026-09-14', '08:00'],
    ]);
    expect((await jobAgent.get(`/api/placements/${body.id}`)).json()).toEqual(body);
  });

  it('answers 400 naming the field of each rule the placement breaks', async () => {
    const s = await scene();
    const [goal] = await planGoals(s.enrolmentId, ['Arbeta i butik']);
    const other = await employerWithSupervisor();
    const elsewhere = await createOpening(t.db, other.employer.id);
    const job = await createOpening(t.db, s.employer.id, { kind: 'job' });
    const closed = await createOpening(t.db, s.employer.id, { status: 'closed' });
    const filled = await createOpening(t.db, s.employer.id, { status: 'filled' });
    const language = await createActivity(t.db, world.programme.programme.id);
    const foreign = await internship(await createWorld(t.app, t.db));
    const inactiveSupervisor = await createEmployerContact(t.db, s.employer.id, { active: false });
    const outsider = await createSession(t.app, t.db, 'job_agent', [world.otherCentre.id]);
    const someoneElse = await enrolled();
    const [notTheirs] = await planGoals(someoneElse.enrolmentId, ['Annan deltagares mål']);
    const post = (overrides: Record<string, unknown>) =>
      jobAgent.post('/api/placements', placementInput(s, overrides));

    const cases: [Record<string, unknown>, string[]][] = [
      [{ employerId: missing }, ['employerId not_found']],
      [{ supervisorId: other.supervisor.id }, ['supervisorId not_employer_contact']],
      [{ supervisorId: inactiveSupervisor.id }, ['supervisorId inactive']],
      [{ openingId: elsewhere.id }, ['openingId not_same_employer']],
      [{ openingId: job.id }, ['openingId not_internship']],
      [{ openingId: closed.id }, ['openingId not_open']],
      [{ openingId: filled.id }, ['openingId not_open']],
      [{ openingId: missing }, ['openingId not_found']],
      [{ activityId: language.id }, ['activityId not_internship']],
      [{ activityId: foreign.id }, ['activityId invalid_choice']],
      [{ activityId: missing }, ['activityId invalid_choice']],
      [{ responsibleId: outsider.userId }, ['responsibleId not_centre_staff']],
      [{ responsibleId: missing }, ['responsibleId not_centre_staff']],
      [{ startsOn: '2026-08-02' }, ['startsOn before_starts_on']],
      [{ endsOn: '2027-08-04' }, ['endsOn after_planned_end']],
      [
        {
          schedule: [
            { weekday: 2, startTime: '08:00', endTime: '12:00' },
            { weekday: 2, startTime: '11:30', endTime: '16:00' },
          ],
        },
        ['schedule.1.startTime overlaps'],
      ],
      [{ goalIds: [goal, notTheirs, missing] }, ['goalIds.1 not_in_plan', 'goalIds.2 not_in_plan']],
      [{ endsOn: '2026-09-01' }, ['endsOn end_before_start']],
      [{ schedule: [] }, ['schedule required']],
      [{ tasks: '' }, ['tasks required']],
      [{ enrolmentId: missing }, ['enrolmentId not_found']],
    ];
    for (const [overrides, expected] of cases) {
      const response = await post(overrides);
      expect(response.statusCode, JSON.stringify(overrides)).toBe(400);
      expect(fieldsOf(response), JSON.stringify(overrides)).toEqual(expected);
    }
    // Several at once are all named.
    const many = await post({
      supervisorId: other.supervisor.id,
      startsOn: '2026-08-01',
      goalIds: [missing],
    });
    expect(fieldsOf(many)).toEqual([
      'supervisorId not_employer_contact',
      'startsOn before_starts_on',
      'goalIds.0 not_in_plan',
    ]);
    expect(many.json().error.fields[0].message).toBe('Handledare hör inte till arbetsgivaren');
    // Nothing was placed.
    expect((await jobAgent.get(`/api/participants/${s.participantId}/placements`)).json().items).toEqual([]);
  });

  it('answers 401 without a session, 403 at another centre or without the permission', async () => {
    const s = await scene();
    const body = placementInput(s);

    const anonymous = await t.app.inject({ method: 'POST', url: '/api/placements', payload: body });
    const otherCentre = await world.otherCaseworker.post('/api/placements', body);
    const byTeacher = await teacher.post('/api/placements', body);
    const liaison = await createSession(
      t.app,
      t.db,
      'employer_liaison',
      [world.centre.id],
      world.organisation.id,
    );
    const byLiaison = await liaison.post('/api/placements', body);

    expect([anonymous.statusCode, otherCentre.statusCode, byTeacher.statusCode]).toEqual([401, 403, 403]);
    expect([otherCentre.json().error.code, byTeacher.json().error.code]).toEqual(['FORBIDDEN', 'FORBIDDEN']);
    expect(byLiaison.statusCode).toBe(201);
  });

  it('answers 404 for a protected person to staff not assigned to them, as if there were no one', async () => {
    const s = await scene({ lastName: 'Skyddad', protectedIdentity: true });

    const hidden = await colleague.post(
      '/api/placements',
      placementInput(s, { responsibleId: colleague.userId }),
    );
    const assigned = await world.caseworker.post('/api/placements', placementInput(s));

    expect(hidden.statusCode).toBe(404);
    expect(hidden.json().error.code).toBe('NOT_FOUND');
    expect(assigned.statusCode).toBe(201);
    expect(assigned.json()).toMatchObject({ lastName: 'Skyddad', protectedIdentity: true });
    const id = assigned.json().id;
    expect((await colleague.get(`/api/placements/${id}`)).statusCode).toBe(404);
    expect((await jobAgent.get(`/api/placements/${id}`)).statusCode).toBe(404);
    expect((await colleague.get(`/api/participants/${s.participantId}/placements`)).statusCode).toBe(404);
    const start = await colleague.post(`/api/placements/${id}/start`, { firstDay: '2026-09-07', version: 1 });
    expect(start.statusCode).toBe(404);
  });

  it('refuses an enrolment that has ended (409)', async () => {
    const s = await scene();
    const exit = await world.caseworker.post(`/api/enrolments/${s.enrolmentId}/exit`, {
      exitedOn: '2026-09-01',
      outcome: 'other',
      reason: 'Flyttade',
      version: s.version,
    });
    expect(exit.statusCode, exit.body).toBe(200);

    const response = await jobAgent.post('/api/placements', placementInput(s));

    expect(response.statusCode).toBe(409);
    expect(response.json().error.code).toBe('ENROLMENT_ALREADY_EXITED');
  });
});

describe('GET /api/placements/:id and /api/participants/:id/placements', () => {
  it("lists the participant's placements, newest first, and logs each read", async () => {
    const s = await scene();
    const autumn = await place(s);
    const spring = await place(s, { startsOn: '2027-03-01', endsOn: '2027-03-26' });

    const list = await world.caseworker.get(`/api/participants/${s.participantId}/placements`);
    const one = await world.caseworker.get(`/api/placements/${autumn.id}`);

    expect(list.statusCode).toBe(200);
    expect(list.json().items.map((p: { id: string }) => p.id)).toEqual([spring.id, autumn.id]);
    expect(list.json().items[0]).not.toHaveProperty('tasks');
    expect(one.statusCode).toBe(200);
    const log = (await accessLog(s.participantId)).filter((r) => r.what.startsWith('placement.'));
    expect(log).toEqual([
      { action: 'create', what: 'placement.create', user_id: jobAgent.userId },
      { action: 'create', what: 'placement.create', user_id: jobAgent.userId },
      { action: 'read', what: 'placement.list', user_id: world.caseworker.userId },
      { action: 'read', what: 'placement.view', user_id: world.caseworker.userId },
    ]);
  });

  it('answers 400, 401, 403 for another centre, and 404', async () => {
    const s = await scene();
    const placement = await place(s);
    const url = `/api/placements/${placement.id}`;
    const responses = await Promise.all([
      jobAgent.get('/api/placements/nope'),
      t.app.inject({ method: 'GET', url }),
      world.otherCaseworker.get(url),
      world.otherCaseworker.get(`/api/participants/${s.participantId}/placements`),
      jobAgent.get(`/api/placements/${missing}`),
      jobAgent.get(`/api/participants/${missing}/placements`),
    ]);
    expect(responses.map((r) => r.statusCode)).toEqual([400, 401, 403, 403, 404, 404]);
    expect(responses[2]?.body).not.toContain(s.employer.name);
  });
});

describe('the placement in the schedule', () => {
  it('shows its days in the week views and the roll call, skipping Swedish public holidays', async () => {
    const s = await scene({ lastName: 'Veckovy' });
    // Easter 2027: Good Friday 26 March and Easter Monday 29 March fall on days of the schedule.
    const placement = await place(s, {
      startsOn: '2027-03-22',
      endsOn: '2027-04-09',
      schedule: [
        { weekday: 5, startTime: '08:00', endTime: '12:00' },
        { weekday: 1, startTime: '08:00', endTime: '16:00' },
      ],
    });
    expect(placement).toMatchObject({ days: 4, plannedMinutes: 2 * 480 + 2 * 240 });

    const group = (await world.caseworker.get(`/api/groups/${placement.groupId}`)).json();
    expect(group.sessions.map((x: SessionRow) => x.date)).toEqual([
      '2027-03-22',
      '2027-04-02',
      '2027-04-05',
      '2027-04-09',
    ]);
    expect(group.skipped).toEqual([
      { date: '2027-03-26', kind: 'holiday', name: 'Långfredagen' },
      { date: '2027-03-29', kind: 'holiday', name: 'Annandag påsk' },
    ]);

    const week = async (session: Session, scope: string) => {
      const response = await session.get(`/api/sessions/week?week=2027-W13&${scope}`);
      expect(response.statusCode, response.body).toBe(200);
      return response.json().sessions.filter((x: { groupId: string }) => x.groupId === placement.groupId);
    };
    const own = await week(world.caseworker, `participantId=${s.participantId}`);
    expect(own).toEqual([
      expect.objectContaining({
        date: '2027-04-02',
        week: '2027-W13',
        startTime: '08:00',
        endTime: '12:00',
        groupName: `Praktik: ${s.employer.name}`,
        activityName: s.activity.name,
        activityType: 'internship',
        room: 'Industrivägen 4, Haninge',
        leaderId: jobAgent.userId,
        memberCount: 1,
        status: 'planned',
      }),
    ]);
    expect(await week(jobAgent, `leaderId=${jobAgent.userId}`)).toHaveLength(1);
    expect(await week(world.caseworker, `centreId=${world.centre.id}`)).toHaveLength(1);
    expect(await accessLog(s.participantId)).toContainEqual({
      action: 'read',
      what: 'group.week',
      user_id: world.caseworker.userId,
    });

    const rollCall = await jobAgent.get(`/api/sessions/${own[0].id}/roll-call`);
    expect(rollCall.statusCode).toBe(200);
    expect(rollCall.json().rows).toEqual([
      {
        enrolmentId: s.enrolmentId,
        participantId: s.participantId,
        firstName: 'Amal',
        lastName: 'Veckovy',
        protectedIdentity: false,
        attendance: null,
      },
    ]);
  });

  it('counts attendance recorded on its days, as the monthly attendance does (placement dates against attendance)', async () => {
    const s = await scene();
    const placement = await started(s);
    await recordOn(placement.groupId, '2026-09-07', s.enrolmentId);
    await recordOn(placement.groupId, '2026-09-09', s.enrolmentId, { status: 'late', lateMinutes: 30 });
    await recordOn(placement.groupId, '2026-09-14', s.enrolmentId, {
      status: 'absent',
      absenceReason: 'ill',
    });

    const detail = (await jobAgent.get(`/api/placements/${placement.id}`)).json();
    const month = await world.caseworker.get(`/api/participants/${s.participantId}/attendance?month=2026-09`);

    expect(detail).toMatchObject({
      attendedMinutes: 480 + 450,
      recordedDays: 3,
      days: 16,
      plannedMinutes: 7680,
    });
    expect(month.statusCode).toBe(200);
    const september = month.json();
    expect(
      september.days.map((d: { date: string; status: string | null; attendedMinutes: number }) => [
        d.date,
        d.status,
        d.attendedMinutes,
      ]),
    ).toEqual([
      ['2026-09-07', 'present', 480],
      ['2026-09-09', 'late', 450],
      ['2026-09-14', 'absent', 0],
      ['2026-09-16', null, 0],
      ['2026-09-21', null, 0],
      ['2026-09-23', null, 0],
      ['2026-09-28', null, 0],
      ['2026-09-30', null, 0],
    ]);
    expect(september.activities).toEqual([
      {
        activityId: s.activity.id,
        activityName: s.activity.name,
        plannedMinutes: 8 * 480,
        attendedMinutes: 930,
      },
    ]);

    // Ended on 16 September: the month keeps the days up to then, and the placement agrees with it.
    await recordOn(placement.groupId, '2026-09-21', s.enrolmentId);
    const ended = await jobAgent.post(`/api/placements/${placement.id}/end`, {
      lastDay: '2026-09-16',
      reason: 'Avbröt i förtid',
      version: placement.version,
    });
    expect(ended.statusCode, ended.body).toBe(200);
    const after = (
      await world.caseworker.get(`/api/participants/${s.participantId}/attendance?month=2026-09`)
    ).json();
    expect(after.days.map((d: { date: string }) => d.date)).toEqual([
      '2026-09-07',
      '2026-09-09',
      '2026-09-14',
      '2026-09-16',
    ]);
    expect(ended.json()).toMatchObject({
      days: after.days.length,
      plannedMinutes: after.plannedMinutes,
      attendedMinutes: after.attendedMinutes,
      recordedDays: 3,
    });
  });
});

describe('POST /api/placements/:id/start', () => {
  it('starts the placement and the step Praktik on the first day', async () => {
    const s = await scene();
    const placement = await place(s);

    const response = await jobAgent.post(`/api/placements/${placement.id}/start`, {
      firstDay: '2026-09-08',
      version: 1,
    });

    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toMatchObject({ status: 'ongoing', startedOn: '2026-09-08', version: 2 });
    expect(await stepsOf(s.participantId)).toEqual([
      ['Inskrivning', '2026-08-03', null],
      ['Praktik', '2026-09-08', null],
    ]);
    expect(await accessLog(s.participantId)).toContainEqual({
      action: 'update',
      what: 'placement.start',
      user_id: jobAgent.userId,
    });
  });

  it('links the step when it is already open, and keeps it open while another placement holds it', async () => {
    const s = await scene();
    const opened = await world.caseworker.post(`/api/enrolments/${s.enrolmentId}/steps`, {
      stepId: praktikStep(),
      startedOn: '2026-09-01',
    });
    expect(opened.statusCode, opened.body).toBe(201);
    const first = await started(s);
    const second = await started(s, { schedule: [{ weekday: 5, startTime: '08:00', endTime: '12:00' }] });
    expect(await stepsOf(s.participantId)).toEqual([
      ['Inskrivning', '2026-08-03', null],
      ['Praktik', '2026-09-01', null],
    ]);

    const endFirst = await jobAgent.post(`/api/placements/${first.id}/end`, {
      lastDay: '2026-09-30',
      version: first.version,
    });
    expect(endFirst.statusCode, endFirst.body).toBe(200);
    expect(await stepsOf(s.participantId)).toContainEqual(['Praktik', '2026-09-01', null]);

    const endSecond = await jobAgent.post(`/api/placements/${second.id}/end`, {
      lastDay: '2026-10-09',
      version: second.version,
    });
    expect(endSecond.statusCode, endSecond.body).toBe(200);
    expect(await stepsOf(s.participantId)).toContainEqual(['Praktik', '2026-09-01', '2026-10-09']);
  });

  it('starts no step for an internship activity that belongs to none', async () => {
    const s = await scene();
    const loose = await internship(world, { stepId: null });
    await started(s, { activityId: loose.id });
    expect(await stepsOf(s.participantId)).toEqual([['Inskrivning', '2026-08-03', null]]);
  });

  it('answers 400 naming the first day, 409 for a stale version or the wrong status', async () => {
    const s = await scene();
    const placement = await place(s);
    const url = `/api/placements/${placement.id}/start`;

    const cases: [string, string][] = [
      [addDays(today, 1), 'firstDay in_future'],
      ['2026-08-02', 'firstDay before_starts_on'],
      ['2026-10-31', 'firstDay after_ends_on'],
    ];
    for (const [firstDay, expected] of cases) {
      const response = await jobAgent.post(url, { firstDay, version: 1 });
      expect(response.statusCode).toBe(400);
      expect(fieldsOf(response)).toEqual([expected]);
    }
    const stale = await jobAgent.post(url, { firstDay: '2026-09-07', version: 7 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error).toMatchObject({
      code: 'VERSION_CONFLICT',
      current: { id: placement.id, status: 'planned', version: 1 },
    });
    // The refused start left no step behind.
    expect(await stepsOf(s.participantId)).toEqual([['Inskrivning', '2026-08-03', null]]);
    expect((await jobAgent.post(url, { firstDay: '2026-09-07', version: 1 })).statusCode).toBe(200);
    const again = await jobAgent.post(url, { firstDay: '2026-09-07', version: 2 });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('PLACEMENT_WRONG_STATUS');
  });

  it('answers 401, 403 at another centre or without the permission, and 404', async () => {
    const s = await scene();
    const placement = await place(s);
    const url = `/api/placements/${placement.id}/start`;
    const body = { firstDay: '2026-09-07', version: 1 };
    const responses = await Promise.all([
      t.app.inject({ method: 'POST', url, payload: body }),
      world.otherCaseworker.post(url, body),
      teacher.post(url, body),
      jobAgent.post(`/api/placements/${missing}/start`, body),
    ]);
    expect(responses.map((r) => r.statusCode)).toEqual([401, 403, 403, 404]);
    expect((await jobAgent.get(`/api/placements/${placement.id}`)).json().status).toBe('planned');
  });
});

describe('POST /api/placements/:id/end', () => {
  it('ends the step, removes the later days but keeps a day with attendance, and the participant leaves', async () => {
    const s = await scene();
    const placement = await started(s);
    await recordOn(placement.groupId, '2026-09-07', s.enrolmentId);
    await recordOn(placement.groupId, '2026-10-05', s.enrolmentId);

    const response = await jobAgent.post(`/api/placements/${placement.id}/end`, {
      lastDay: '2026-09-16',
      reason: 'Fick en visstidsanställning',
      version: placement.version,
    });

    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toMatchObject({
      status: 'ended',
      startedOn: '2026-09-07',
      endedOn: '2026-09-16',
      endReason: 'Fick en visstidsanställning',
      version: 3,
      days: 4,
      recordedDays: 1,
    });
    expect((await sessionsOf(placement.groupId)).map((x) => x.date)).toEqual([
      '2026-09-07',
      '2026-09-09',
      '2026-09-14',
      '2026-09-16',
      '2026-10-05',
    ]);
    const group = (await world.caseworker.get(`/api/groups/${placement.groupId}`)).json();
    expect(group).toMatchObject({ endsOn: '2026-09-16', memberCount: 0 });
    expect(group.members).toMatchObject([{ enrolmentId: s.enrolmentId, leftOn: '2026-09-16' }]);
    expect(await stepsOf(s.participantId)).toEqual([
      ['Inskrivning', '2026-08-03', null],
      ['Praktik', '2026-09-07', '2026-09-16'],
    ]);
  });

  it('answers 400 naming the last day, 409 for a planned placement or a stale version', async () => {
    const s = await scene();
    const planned = await place(s);
    const placement = await started(s, {}, '2026-09-09');
    const url = `/api/placements/${placement.id}/end`;

    const cases: [string, string][] = [
      [addDays(today, 1), 'lastDay in_future'],
      ['2026-09-08', 'lastDay before_started_on'],
      ['2026-11-02', 'lastDay after_ends_on'],
    ];
    for (const [lastDay, expected] of cases) {
      const response = await jobAgent.post(url, { lastDay, version: placement.version });
      expect(response.statusCode).toBe(400);
      expect(fieldsOf(response)).toEqual([expected]);
    }
    const notStarted = await jobAgent.post(`/api/placements/${planned.id}/end`, {
      lastDay: '2026-09-30',
      version: 1,
    });
    expect(notStarted.statusCode).toBe(409);
    expect(notStarted.json().error.code).toBe('PLACEMENT_WRONG_STATUS');
    const stale = await jobAgent.post(url, { lastDay: '2026-09-30', version: 1 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error).toMatchObject({ code: 'VERSION_CONFLICT', current: { status: 'ongoing' } });
    // The refused end removed nothing.
    expect(await sessionsOf(placement.groupId)).toHaveLength(16);

    const ended = await jobAgent.post(url, { lastDay: '2026-10-30', version: placement.version });
    expect(ended.statusCode, ended.body).toBe(200);
    expect(ended.json()).toMatchObject({ status: 'ended', endedOn: '2026-10-30', days: 16 });
    const edit = await jobAgent.put(`/api/placements/${placement.id}`, {
      supervisorId: s.supervisor.id,
      tasks: 'Ändrat efteråt',
      version: ended.json().version,
    });
    expect(edit.statusCode).toBe(409);
    expect(edit.json().error.code).toBe('PLACEMENT_WRONG_STATUS');
    const startEnded = await jobAgent.post(`/api/placements/${placement.id}/start`, {
      firstDay: '2026-09-07',
      version: ended.json().version,
    });
    expect(startEnded.json().error.code).toBe('PLACEMENT_WRONG_STATUS');
  });
});

describe('POST /api/placements/:id/cancel', () => {
  it('cancels a planned placement with a reason: its days go', async () => {
    const s = await scene();
    const placement = await place(s);

    const response = await jobAgent.post(`/api/placements/${placement.id}/cancel`, {
      reason: 'Arbetsgivaren drog tillbaka platsen',
      version: 1,
    });

    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toMatchObject({
      status: 'cancelled',
      startedOn: null,
      endedOn: today,
      endReason: 'Arbetsgivaren drog tillbaka platsen',
      days: 0,
      plannedMinutes: 0,
      version: 2,
    });
    const group = (await world.caseworker.get(`/api/groups/${placement.groupId}`)).json();
    expect(group).toMatchObject({ sessionCount: 0, memberCount: 0, endsOn: '2026-09-07' });
    expect(await stepsOf(s.participantId)).toEqual([['Inskrivning', '2026-08-03', null]]);
    const again = await jobAgent.post(`/api/placements/${placement.id}/cancel`, {
      reason: 'Igen',
      version: 2,
    });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('PLACEMENT_WRONG_STATUS');
  });

  it('is refused once attendance is recorded, for an ongoing placement, and without a reason', async () => {
    const s = await scene();
    const attended = await place(s);
    await recordOn(attended.groupId, '2026-09-07', s.enrolmentId);
    const ongoing = await started(s, { schedule: [{ weekday: 5, startTime: '08:00', endTime: '12:00' }] });

    const withAttendance = await jobAgent.post(`/api/placements/${attended.id}/cancel`, {
      reason: 'Blev inte av',
      version: 1,
    });
    const running = await jobAgent.post(`/api/placements/${ongoing.id}/cancel`, {
      reason: 'Blev inte av',
      version: ongoing.version,
    });
    const noReason = await jobAgent.post(`/api/placements/${attended.id}/cancel`, { reason: '', version: 1 });

    expect(withAttendance.statusCode).toBe(409);
    expect(withAttendance.json().error.code).toBe('SESSION_HAS_ATTENDANCE');
    expect(running.statusCode).toBe(409);
    expect(running.json().error.code).toBe('PLACEMENT_WRONG_STATUS');
    expect(noReason.statusCode).toBe(400);
    expect(fieldsOf(noReason)).toEqual(['reason required']);
    expect(await sessionsOf(attended.groupId)).toHaveLength(16);
  });
});

describe('PUT /api/placements/:id', () => {
  it('changes supervisor, tasks and goals against the version read', async () => {
    const s = await scene();
    const [goal] = await planGoals(s.enrolmentId, ['Lära sig lagersystemet']);
    const placement = await place(s);
    const other = await createEmployerContact(t.db, s.employer.id, { name: 'Ali Hassan' });
    const body = { supervisorId: other.id, tasks: 'Truckkörning', goalIds: [goal], version: 1 };

    const response = await jobAgent.put(`/api/placements/${placement.id}`, body);
    const stale = await jobAgent.put(`/api/placements/${placement.id}`, { ...body, tasks: 'Annat' });
    const foreign = await jobAgent.put(`/api/placements/${placement.id}`, {
      ...body,
      supervisorId: (await employerWithSupervisor()).supervisor.id,
      version: 2,
    });

    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toMatchObject({
      supervisorId: other.id,
      supervisorName: 'Ali Hassan',
      tasks: 'Truckkörning',
      goals: [{ id: goal, description: 'Lära sig lagersystemet' }],
      version: 2,
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error).toMatchObject({
      code: 'VERSION_CONFLICT',
      current: { tasks: 'Truckkörning' },
    });
    expect(foreign.statusCode).toBe(400);
    expect(fieldsOf(foreign)).toEqual(['supervisorId not_employer_contact']);
  });
});

describe('PUT /api/placements/:id/evaluations/:kind', () => {
  const ratings = { punctuality: 5, cooperation: 4, initiative: 3, work_tasks: 4 };
  const evaluation = (overrides: Record<string, unknown> = {}) => ({
    heldOn: '2026-10-05',
    ratings,
    summary: 'Kommer i tid och tar egna initiativ.',
    nextSteps: 'Öva på truck',
    version: null,
    ...overrides,
  });

  it('records the mid-point evaluation, then saves changes against its version', async () => {
    const s = await scene();
    const placement = await started(s);
    const url = `/api/placements/${placement.id}/evaluations/midpoint`;

    const first = await jobAgent.put(url, evaluation());
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json().evaluations).toEqual([
      {
        id: expect.any(String),
        kind: 'midpoint',
        heldOn: '2026-10-05',
        ratings: { ...ratings, swedish_at_work: null, safety: null },
        summary: 'Kommer i tid och tar egna initiativ.',
        nextSteps: 'Öva på truck',
        recordedByName: 'Test job_agent',
        version: 1,
      },
    ]);
    // The evaluation has its own version: the placement's stays.
    expect(first.json().version).toBe(placement.version);

    const twiceFirst = await world.caseworker.put(url, evaluation({ summary: 'Samtidigt' }));
    expect(twiceFirst.statusCode).toBe(409);
    expect(twiceFirst.json().error).toMatchObject({
      code: 'VERSION_CONFLICT',
      current: {
        evaluations: [{ kind: 'midpoint', summary: 'Kommer i tid och tar egna initiativ.', version: 1 }],
      },
    });

    const changed = await world.caseworker.put(url, evaluation({ summary: 'Ändrad', version: 1 }));
    const stale = await jobAgent.put(url, evaluation({ summary: 'Gammal', version: 1 }));
    expect(changed.statusCode).toBe(200);
    expect(changed.json().evaluations).toMatchObject([
      { kind: 'midpoint', summary: 'Ändrad', recordedByName: 'Test coordinator', version: 2 },
    ]);
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.current.evaluations).toMatchObject([{ summary: 'Ändrad', version: 2 }]);

    // A final evaluation that was never saved has no version to save against.
    const phantom = await jobAgent.put(
      `/api/placements/${placement.id}/evaluations/final`,
      evaluation({ version: 1 }),
    );
    expect(phantom.statusCode).toBe(409);
    expect(phantom.json().error.code).toBe('VERSION_CONFLICT');
  });

  it('saves one of two first evaluations made at once and refuses the other with the saved one', async () => {
    const s = await scene();
    const placement = await started(s);
    const url = `/api/placements/${placement.id}/evaluations/final`;

    const responses = await Promise.all([
      jobAgent.put(url, evaluation({ summary: 'Från jobbagenten' })),
      world.caseworker.put(url, evaluation({ summary: 'Från koordinatorn' })),
    ]);

    expect(responses.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    const saved = responses.find((r) => r.statusCode === 200)?.json().evaluations;
    const conflict = responses.find((r) => r.statusCode === 409)?.json().error;
    expect(conflict).toMatchObject({ code: 'VERSION_CONFLICT', current: { evaluations: saved } });
  });

  it('records the final evaluation after the end, but not before the start', async () => {
    const s = await scene();
    const planned = await place(s);
    const placement = await started(s, { schedule: [{ weekday: 5, startTime: '08:00', endTime: '12:00' }] });
    const ended = await jobAgent.post(`/api/placements/${placement.id}/end`, {
      lastDay: '2026-10-30',
      version: placement.version,
    });
    expect(ended.statusCode, ended.body).toBe(200);

    const final = await jobAgent.put(
      `/api/placements/${placement.id}/evaluations/final`,
      evaluation({ heldOn: '2026-10-30' }),
    );
    const early = await jobAgent.put(
      `/api/placements/${planned.id}/evaluations/midpoint`,
      evaluation({ heldOn: '2026-10-05' }),
    );

    expect(final.statusCode, final.body).toBe(200);
    expect(final.json().evaluations.map((e: { kind: string }) => e.kind)).toEqual(['final']);
    expect(early.statusCode).toBe(409);
    expect(early.json().error.code).toBe('PLACEMENT_WRONG_STATUS');
  });

  it('answers 400 naming the field, 401, 403 and 404', async () => {
    const s = await scene();
    const placement = await started(s, {}, '2026-09-09');
    const url = `/api/placements/${placement.id}/evaluations/midpoint`;
    const responses = await Promise.all([
      jobAgent.put(url, evaluation({ ratings: { punctuality: 6, safety: 0, cooperation: 2.5 } })),
      jobAgent.put(url, evaluation({ heldOn: '2026-09-08' })),
      jobAgent.put(url, evaluation({ heldOn: addDays(today, 1) })),
      jobAgent.put(url, evaluation({ summary: '' })),
      jobAgent.put(`/api/placements/${placement.id}/evaluations/halftime`, evaluation()),
    ]);
    expect(responses.map((r) => r.statusCode)).toEqual([400, 400, 400, 400, 400]);
    expect(responses.map(fieldsOf)).toEqual([
      ['ratings.punctuality too_large', 'ratings.cooperation whole_number', 'ratings.safety too_small'],
      ['heldOn before_started_on'],
      ['heldOn in_future'],
      ['summary required'],
      ['kind invalid_choice'],
    ]);

    const others = await Promise.all([
      t.app.inject({ method: 'PUT', url, payload: evaluation() }),
      world.otherCaseworker.put(url, evaluation()),
      teacher.put(url, evaluation()),
      jobAgent.put(`/api/placements/${missing}/evaluations/midpoint`, evaluation()),
    ]);
    expect(others.map((r) => r.statusCode)).toEqual([401, 403, 403, 404]);
    expect((await jobAgent.get(`/api/placements/${placement.id}`)).json().evaluations).toEqual([]);
  });
});

describe('openings filled by placements', () => {
  it('fills the opening when its places are taken and opens it again when one is freed', async () => {
    const s = await scene();
    const opening = await createOpening(t.db, s.employer.id, { places: 2 });
    const status = async () => (await jobAgent.get(`/api/openings/${opening.id}`)).json().status;
    const second = { ...s, ...(await enrolled()) };
    const third = { ...s, ...(await enrolled()) };

    const a = await place(s, { openingId: opening.id });
    expect(await status()).toBe('open');
    const b = await place(second, { openingId: opening.id });
    expect(await status()).toBe('filled');
    const refused = await jobAgent.post('/api/placements', placementInput(third, { openingId: opening.id }));
    expect(refused.statusCode).toBe(400);
    expect(fieldsOf(refused)).toEqual(['openingId not_open']);

    const cancelled = await jobAgent.post(`/api/placements/${a.id}/cancel`, {
      reason: 'Avböjde',
      version: 1,
    });
    expect(cancelled.statusCode, cancelled.body).toBe(200);
    expect(await status()).toBe('open');
    await place(third, { openingId: opening.id });
    expect(await status()).toBe('filled');

    // An ended placement frees its place too.
    const startedB = await jobAgent.post(`/api/placements/${b.id}/start`, {
      firstDay: '2026-09-07',
      version: 1,
    });
    const endedB = await jobAgent.post(`/api/placements/${b.id}/end`, {
      lastDay: '2026-09-30',
      version: startedB.json().version,
    });
    expect(endedB.statusCode, endedB.body).toBe(200);
    expect(await status()).toBe('open');
  });

  it('gives the last place to one of two placements made at once', async () => {
    const s = await scene();
    const opening = await createOpening(t.db, s.employer.id, { places: 1 });
    const other = { ...s, ...(await enrolled()) };

    const responses = await Promise.all([
      jobAgent.post('/api/placements', placementInput(s, { openingId: opening.id })),
      world.caseworker.post('/api/placements', placementInput(other, { openingId: opening.id })),
    ]);

    expect(responses.map((r) => r.statusCode).sort()).toEqual([201, 400]);
    expect(responses.filter((r) => r.statusCode === 400).flatMap(fieldsOf)).toEqual(['openingId not_open']);
    expect((await jobAgent.get(`/api/openings/${opening.id}`)).json().status).toBe('filled');
  });

  it('leaves a closed opening closed when its placement is cancelled', async () => {
    const s = await scene();
    const opening = await createOpening(t.db, s.employer.id, { places: 1 });
    const placement = await place(s, { openingId: opening.id });
    const read = (await jobAgent.get(`/api/openings/${opening.id}`)).json();
    expect(read.status).toBe('filled');
    const closed = await jobAgent.put(`/api/openings/${opening.id}`, {
      kind: read.kind,
      title: read.title,
      occupationCode: read.occupationCode,
      places: read.places,
      status: 'closed',
      version: read.version,
    });
    expect(closed.statusCode, closed.body).toBe(200);

    await jobAgent.post(`/api/placements/${placement.id}/cancel`, { reason: 'Avböjde', version: 1 });

    expect((await jobAgent.get(`/api/openings/${opening.id}`)).json().status).toBe('closed');
  });
});

describe('placement groups through the groups API', () => {
  it('refuses to add or remove members of a placement group (409 PLACEMENT_GROUP)', async () => {
    const s = await scene();
    const placement = await place(s);
    const other = await enrolled();
    const group = (await world.caseworker.get(`/api/groups/${placement.groupId}`)).json();

    const add = await world.caseworker.post(`/api/groups/${placement.groupId}/members`, {
      enrolmentId: other.enrolmentId,
      joinedOn: '2026-09-07',
    });
    const leave = await world.caseworker.post(`/api/group-members/${group.members[0].id}/leave`, {
      leftOn: '2026-09-30',
    });

    expect([add.statusCode, leave.statusCode]).toEqual([409, 409]);
    expect([add.json().error.code, leave.json().error.code]).toEqual(['PLACEMENT_GROUP', 'PLACEMENT_GROUP']);
    const after = (await world.caseworker.get(`/api/groups/${placement.groupId}`)).json();
    expect(after.members).toMatchObject([{ enrolmentId: s.enrolmentId, leftOn: null }]);
  });
});

describe('exit closes the placements', () => {
  it('ends an ongoing placement on the exit date and cancels a planned one', async () => {
    const s = await scene();
    const ongoing = await started(s);
    const planned = await place(s, {
      startsOn: '2027-01-11',
      endsOn: '2027-02-26',
      schedule: [{ weekday: 2, startTime: '08:00', endTime: '12:00' }],
    });

    const exit = await world.caseworker.post(`/api/enrolments/${s.enrolmentId}/exit`, {
      exitedOn: '2026-10-16',
      outcome: 'work_fixed_term',
      employerId: s.employer.id,
      reason: 'Anställd efter praktiken',
      version: s.version,
    });

    expect(exit.statusCode, exit.body).toBe(200);
    const ended = (await world.caseworker.get(`/api/placements/${ongoing.id}`)).json();
    const cancelled = (await world.caseworker.get(`/api/placements/${planned.id}`)).json();
    expect(ended).toMatchObject({
      status: 'ended',
      startedOn: '2026-09-07',
      endedOn: '2026-10-16',
      days: 12,
    });
    expect(cancelled).toMatchObject({ status: 'cancelled', startedOn: null, endedOn: '2026-10-16', days: 0 });
    expect(await stepsOf(s.participantId)).toEqual([
      ['Inskrivning', '2026-08-03', '2026-10-16'],
      ['Praktik', '2026-09-07', '2026-10-16'],
    ]);
    const changes = await Promise.all([
      jobAgent.post(`/api/placements/${ongoing.id}/end`, { lastDay: '2026-10-16', version: ended.version }),
      jobAgent.put(`/api/placements/${ongoing.id}/evaluations/final`, {
        heldOn: '2026-10-16',
        ratings: { punctuality: 5 },
        summary: 'Slutsamtal vid anställningen',
        version: null,
      }),
    ]);
    // Only the evaluation may still be recorded once the enrolment has ended.
    expect(changes.map((r) => r.statusCode)).toEqual([409, 200]);
    expect(changes[0]?.json().error.code).toBe('ENROLMENT_ALREADY_EXITED');
  });

  it('ends an ongoing placement on its own last day when the exit comes after it', async () => {
    const s = await scene();
    const ongoing = await started(s, { endsOn: '2026-09-30' });

    const exit = await world.caseworker.post(`/api/enrolments/${s.enrolmentId}/exit`, {
      exitedOn: '2026-10-16',
      outcome: 'studies_adult_education',
      organisation: 'Komvux Haninge',
      version: s.version,
    });

    expect(exit.statusCode, exit.body).toBe(200);
    const ended = (await world.caseworker.get(`/api/placements/${ongoing.id}`)).json();
    expect(ended).toMatchObject({ status: 'ended', endedOn: '2026-09-30', days: 8 });
    expect(await stepsOf(s.participantId)).toContainEqual(['Praktik', '2026-09-07', '2026-09-30']);
  });
});

describe('GET /api/employers/:id/outcomes', () => {
  it('shows the placements, the jobs that followed and who is in follow-up, as far as the actor may see', async () => {
    const { employer, supervisor } = await employerWithSupervisor('Omsorg Söder AB');
    const activity = await internship();
    const sceneOf = (e: Enrolled): Scene => ({ ...e, employer, supervisor, activity });
    const exitToWork = (e: Enrolled, session = world.caseworker) =>
      session.post(`/api/enrolments/${e.enrolmentId}/exit`, {
        exitedOn: '2026-11-02',
        outcome: 'work_permanent',
        employerId: employer.id,
        version: e.version,
      });

    // Placed, then hired: a job after a placement, in follow-up.
    const hired = await enrolled({ lastName: 'Anställd' });
    const hiredPlacement = await started(sceneOf(hired));
    expect((await exitToWork(hired)).statusCode).toBe(200);
    // Hired without a placement there.
    const direct = await enrolled({ lastName: 'Direkt' });
    expect((await exitToWork(direct)).statusCode).toBe(200);
    // Placed now, and a placement that was cancelled.
    const placed = await enrolled({ lastName: 'Praktikant' });
    const ongoing = await started(sceneOf(placed));
    const withdrawn = await place(sceneOf(placed), {
      schedule: [{ weekday: 5, startTime: '08:00', endTime: '12:00' }],
    });
    await jobAgent.post(`/api/placements/${withdrawn.id}/cancel`, { reason: 'Krock', version: 1 });
    // A protected person, seen only by the caseworker assigned to them.
    const hidden = await enrolled({ lastName: 'Skyddad', protectedIdentity: true });
    expect((await exitToWork(hidden)).statusCode).toBe(200);
    // Another centre's participant, hired there.
    const theirs = await enrolled(
      { lastName: 'Annanstans' },
      { ...world, centre: world.otherCentre, caseworker: world.otherCaseworker },
    );
    expect((await exitToWork(theirs, world.otherCaseworker)).statusCode).toBe(200);

    const mine = await world.caseworker.get(`/api/employers/${employer.id}/outcomes`);
    expect(mine.statusCode, mine.body).toBe(200);
    const body = mine.json();
    expect(body.placements.map((p: { id: string }) => p.id).sort()).toEqual(
      [hiredPlacement.id, ongoing.id, withdrawn.id].sort(),
    );
    expect(
      body.jobs.map((j: { lastName: string; afterPlacement: boolean }) => [j.lastName, j.afterPlacement]),
    ).toEqual([
      ['Anställd', true],
      ['Direkt', false],
      ['Skyddad', false],
    ]);
    expect(body.jobs[0]).toEqual({
      enrolmentId: hired.enrolmentId,
      participantId: hired.participantId,
      firstName: 'Amal',
      lastName: 'Anställd',
      exitedOn: '2026-11-02',
      outcome: 'work_permanent',
      afterPlacement: true,
      followUpDueOn: expect.stringMatching(/^2027-/),
      followUpStatus: null,
    });
    expect(body.counts).toEqual({
      placements: 2,
      ongoingPlacements: 1,
      jobs: 3,
      jobsAfterPlacement: 1,
      inFollowUp: 3,
    });

    const byColleague = (await colleague.get(`/api/employers/${employer.id}/outcomes`)).json();
    expect(byColleague.jobs.map((j: { lastName: string }) => j.lastName)).toEqual(['Anställd', 'Direkt']);
    expect(byColleague.counts).toMatchObject({ jobs: 2, inFollowUp: 2 });
    expect(JSON.stringify(byColleague)).not.toContain(hidden.participantId);

    const byOther = (await world.otherCaseworker.get(`/api/employers/${employer.id}/outcomes`)).json();
    expect(byOther).toEqual({
      placements: [],
      jobs: [expect.objectContaining({ lastName: 'Annanstans', afterPlacement: false })],
      counts: { placements: 0, ongoingPlacements: 0, jobs: 1, jobsAfterPlacement: 0, inFollowUp: 1 },
    });

    expect(await accessLog(hidden.participantId)).toContainEqual({
      action: 'read',
      what: 'employer.outcomes',
      user_id: world.caseworker.userId,
    });
    const colleagueReads = (await accessLog(hidden.participantId)).filter(
      (r) => r.user_id === colleague.userId,
    );
    expect(colleagueReads).toEqual([]);
    expect(await accessLog(placed.participantId)).toContainEqual({
      action: 'read',
      what: 'employer.outcomes',
      user_id: colleague.userId,
    });
  });

  it('answers 400, 401 and 404', async () => {
    const { employer } = await employerWithSupervisor();
    const url = `/api/employers/${employer.id}/outcomes`;
    const responses = await Promise.all([
      jobAgent.get('/api/employers/nope/outcomes'),
      t.app.inject({ method: 'GET', url }),
      jobAgent.get(`/api/employers/${missing}/outcomes`),
      teacher.get(url),
    ]);
    expect(responses.map((r) => r.statusCode)).toEqual([400, 401, 404, 200]);
    expect(responses[3]?.json()).toEqual({
      placements: [],
      jobs: [],
      counts: { placements: 0, ongoingPlacements: 0, jobs: 0, jobsAfterPlacement: 0, inFollowUp: 0 },
    });
  });
});

describe('a placement in another programme', () => {
  it('refuses the internship activity of another programme run at the same centre', async () => {
    const s = await scene();
    const second = await createProgramme(t.db, [world.centre.id]);
    const theirs = await createActivity(t.db, second.programme.id, { type: 'internship' });
    const response = await jobAgent.post('/api/placements', placementInput(s, { activityId: theirs.id }));
    expect(response.statusCode).toBe(400);
    expect(fieldsOf(response)).toEqual(['activityId invalid_choice']);
  });
});
