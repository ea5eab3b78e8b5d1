import { randomUUID } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, todayInSweden } from '../../../core/dates.ts';
import type { ParticipantInput } from '../../../core/schemas/participant.schema.ts';
import { queryRows } from '../../db/client.ts';
import { users } from '../../db/schema.ts';
import {
  consentToParticipation,
  createActivity,
  createProgramme,
  createSession,
  createWorld,
  referParticipant,
} from '../../test/factories.ts';
import { createTestApp, type Session, type TestContext } from '../../test/test-app.ts';
import type { Actor } from '../auth/actor.ts';
import { caseload } from '../caseload/caseload.service.ts';

let t: TestContext;
let world: Awaited<ReturnType<typeof createWorld>>;
/** A work consultant of the world's centre, on the team of every participant `enrolled` makes. */
let colleague: Session;
beforeAll(async () => {
  t = await createTestApp();
  world = await createWorld(t.app, t.db);
  colleague = await createSession(t.app, t.db, 'work_consultant', [world.centre.id], world.organisation.id);
  await t.db.execute(sql`update users set name = 'Sara Lind' where id = ${world.caseworker.userId}`);
  await t.db.execute(sql`update users set name = 'Omar Berg' where id = ${colleague.userId}`);
});
afterAll(() => t.close());

const today = todayInSweden();
const startsOn = addDays(today, -30);
const occupation = { code: '5321', name: 'Undersköterskor, hemtjänst, hemsjukvård och äldreboende' };

type Plan = {
  version: number;
  closedOn: string | null;
  goals: { id: string; status: string; endedOn: string | null; ordinal: number; description: string }[];
};

function step(name: string): string {
  const found = world.programme.steps.find((s) => s.name === name);
  if (!found) throw new Error(`no step ${name}`);
  return found.id;
}

/** A consented participant enrolled in the world's programme, with the colleague on their team. */
async function enrolled(person: Partial<ParticipantInput> = {}, from = startsOn) {
  const { participantId } = await referParticipant(world.caseworker, world, person);
  await consentToParticipation(world.caseworker, participantId);
  const response = await world.caseworker.post(`/api/participants/${participantId}/enrolments`, {
    programmeId: world.programme.programme.id,
    centreId: world.centre.id,
    startsOn: from,
  });
  if (response.statusCode !== 201) throw new Error(`enrol failed: ${response.body}`);
  const team = await world.caseworker.post(`/api/participants/${participantId}/team`, {
    userId: colleague.userId,
    isContact: false,
  });
  if (team.statusCode !== 201) throw new Error(`team failed: ${team.body}`);
  return response.json() as { id: string; participantId: string; version: number };
}

function goal(overrides: Record<string, unknown> = {}) {
  return {
    term: 'short',
    description: 'Klara SFI kurs C',
    targetOn: addDays(today, 90),
    ownerUserId: null,
    status: 'planned',
    occupationCode: null,
    stepIds: [step('Språk')],
    ...overrides,
  };
}

function work(overrides: Record<string, unknown> = {}) {
  return goal({
    term: 'long',
    description: 'Arbete som undersköterska',
    targetOn: addDays(today, 365),
    ownerUserId: colleague.userId,
    status: 'in_progress',
    occupationCode: occupation.code,
    stepIds: [step('Praktik'), step('Bas')],
    ...overrides,
  });
}

function put(enrolmentId: string, body: unknown, session = world.caseworker) {
  return session.put(`/api/enrolments/${enrolmentId}/plan`, body);
}

/** Saves the plan and answers with it; the test fails unless the save does. */
async function saved(enrolmentId: string, version: number, goals: unknown[]): Promise<Plan> {
  const response = await put(enrolmentId, { version, goals });
  expect(response.statusCode, response.body).toBe(200);
  return response.json();
}

/** The goals as sent again: ids kept, names and dates the server adds left out. */
function resend(plan: Plan, changes: Record<number, Record<string, unknown>> = {}) {
  return (plan.goals as unknown as Record<string, unknown>[]).map((g, index) => ({
    id: g.id,
    term: g.term,
    description: g.description,
    targetOn: g.targetOn,
    ownerUserId: g.ownerUserId,
    status: g.status,
    occupationCode: g.occupationCode,
    stepIds: (g.steps as { id: string }[]).map((s) => s.id),
    activityIds: (g.activities as { id: string }[]).map((a) => a.id),
    ...changes[index],
  }));
}

function exit(enrolment: { id: string; version: number }, exitedOn: string) {
  return world.caseworker.post(`/api/enrolments/${enrolment.id}/exit`, {
    exitedOn,
    outcome: 'work_permanent',
    organisation: 'Haninge Vård och Omsorg AB',
    reason: 'Fick fast anställning',
    version: enrolment.version,
  });
}

async function accessLog(participantId: string) {
  return queryRows<{ action: string; what: string }>(
    t.db,
    sql`select action, what from access_log where participant_id = ${participantId} order by id`,
  );
}

function fields(response: { json(): unknown }) {
  return (response.json() as { error: { fields: { field: string; code: string; message: string }[] } }).error
    .fields;
}

describe('GET /api/enrolments/:id/plan', () => {
  it('gives version 0 with no goals before the plan is first saved, and logs the read', async () => {
    const enrolment = await enrolled();

    const response = await colleague.get(`/api/enrolments/${enrolment.id}/plan`);

    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({
      enrolmentId: enrolment.id,
      participantId: enrolment.participantId,
      programmeId: world.programme.programme.id,
      programmeName: world.programme.programme.name,
      version: 0,
      reviewedOn: null,
      reviewedByName: null,
      closedOn: null,
      goals: [],
    });
    expect(await accessLog(enrolment.participantId)).toContainEqual({ action: 'read', what: 'plan.view' });
  });
});

describe('PUT /api/enrolments/:id/plan', () => {
  it('creates the plan at version 1 with its goals in order, reviewed today by the actor', async () => {
    const enrolment = await enrolled();

    const response = await put(enrolment.id, {
      version: 0,
      goals: [goal(), work(), goal({ description: 'Öppna bankkonto', status: 'achieved', stepIds: [] })],
    });

    expect(response.statusCode).toBe(200);
    const plan = response.json();
    expect(plan).toMatchObject({
      enrolmentId: enrolment.id,
      version: 1,
      reviewedOn: today,
      reviewedByName: 'Sara Lind',
      closedOn: null,
    });
    expect(plan.goals).toEqual([
      {
        id: expect.any(String),
        ordinal: 1,
        term: 'short',
        description: 'Klara SFI kurs C',
        targetOn: addDays(today, 90),
        ownerUserId: null,
        ownerName: null,
        status: 'planned',
        occupationCode: null,
        occupationName: null,
        steps: [{ id: step('Språk'), ordinal: 3, name: 'Språk' }],
        activities: [],
        endedOn: null,
      },
      {
        id: expect.any(String),
        ordinal: 2,
        term: 'long',
        description: 'Arbete som undersköterska',
        targetOn: addDays(today, 365),
        ownerUserId: colleague.userId,
        ownerName: 'Omar Berg',
        status: 'in_progress',
        occupationCode: occupation.code,
        occupationName: occupation.name,
        steps: [
          { id: step('Bas'), ordinal: 2, name: 'Bas' },
          { id: step('Praktik'), ordinal: 6, name: 'Praktik' },
        ],
        activities: [],
        endedOn: null,
      },
      expect.objectContaining({ ordinal: 3, status: 'achieved', endedOn: today, steps: [] }),
    ]);
    expect((await world.caseworker.get(`/api/enrolments/${enrolment.id}/plan`)).json()).toEqual(plan);
    expect(await accessLog(enrolment.participantId)).toContainEqual({ action: 'create', what: 'plan.save' });
  });

  it('updates goals, adds and reorders them, and sets or clears the end date as the status ends or reopens', async () => {
    const enrolment = await enrolled();
    const first = await saved(enrolment.id, 0, [goal(), work()]);

    const achieved = await saved(enrolment.id, 1, [
      goal({ id: first.goals[1]?.id, description: 'Nytt mål', status: 'achieved' }),
      ...resend(first, { 0: { status: 'dropped' } }).slice(0, 1),
      goal({ description: 'Ta körkort B', term: 'long', stepIds: [] }),
    ]);
    // The long-term goal moved to the top with a new description, and kept its id.
    expect(achieved.version).toBe(2);
    expect(achieved.goals.map((g) => [g.ordinal, g.description, g.status, g.endedOn])).toEqual([
      [1, 'Nytt mål', 'achieved', today],
      [2, 'Klara SFI kurs C', 'dropped', today],
      [3, 'Ta körkort B', 'planned', null],
    ]);
    expect(achieved.goals.map((g) => g.id).slice(0, 2)).toEqual([first.goals[1]?.id, first.goals[0]?.id]);

    const reopened = await saved(enrolment.id, 2, resend(achieved, { 1: { status: 'in_progress' } }));
    expect(reopened.goals.map((g) => [g.status, g.endedOn])).toEqual([
      ['achieved', today],
      ['in_progress', null],
      ['planned', null],
    ]);
    expect(reopened.version).toBe(3);
  });

  it('links goals to activities of the programme, in Swedish order, keeping one taken out of use', async () => {
    const programmeId = world.programme.programme.id;
    const sfi = await createActivity(t.db, programmeId, { name: `SFI ${randomUUID().slice(0, 6)}` });
    const orientation = await createActivity(t.db, programmeId, {
      name: `Samhällsorientering ${randomUUID().slice(0, 6)}`,
      type: 'civic_orientation',
    });
    const enrolment = await enrolled();

    const plan = await saved(enrolment.id, 0, [
      goal({ activityIds: [sfi.id, orientation.id, sfi.id] }),
      work(),
    ]);

    // Byte order would put 'SFI' first.
    expect(plan.goals.map((g) => (g as unknown as { activities: unknown }).activities)).toEqual([
      [
        { id: orientation.id, name: orientation.name },
        { id: sfi.id, name: sfi.name },
      ],
      [],
    ]);
    await t.db.execute(sql`update activities set active = false where id = ${sfi.id}`);
    const kept = await saved(enrolment.id, 1, resend(plan, { 0: { status: 'in_progress' } }));
    expect(kept.goals[0]).toMatchObject({ activities: [{ id: orientation.id }, { id: sfi.id }] });
    const unlinked = await saved(enrolment.id, 2, resend(kept, { 0: { activityIds: [orientation.id] } }));
    expect(unlinked.goals[0]).toMatchObject({ activities: [{ id: orientation.id }] });

    const relinked = await put(enrolment.id, {
      version: 3,
      goals: resend(unlinked, { 0: { activityIds: [sfi.id] } }),
    });
    const onNewGoal = await put(enrolment.id, {
      version: 3,
      goals: [...resend(unlinked), goal({ activityIds: [sfi.id] })],
    });
    expect(fields(relinked)).toEqual([
      { field: 'goals.0.activityIds', code: 'inactive', message: 'Aktiviteter är inte aktiv' },
    ]);
    expect(fields(onNewGoal).map((f) => [f.field, f.code])).toEqual([['goals.2.activityIds', 'inactive']]);
  });

  it('answers 400 naming the fields of a bad body in Swedish', async () => {
    const enrolment = await enrolled();
    const response = await put(enrolment.id, {
      version: -1,
      goals: [
        goal({ term: 'medium', description: ' ', targetOn: '31/12', occupationCode: '53', stepIds: 'Bas' }),
      ],
    });
    expect(response.statusCode).toBe(400);
    expect(fields(response).map((f) => [f.field, f.message])).toEqual(
      expect.arrayContaining([
        ['version', 'Version är för kort'],
        ['goals.0.term', 'Tidsperspektiv är inte ett giltigt val'],
        ['goals.0.description', 'Beskrivning måste fyllas i'],
        ['goals.0.targetOn', 'Måldatum måste vara ett datum som ÅÅÅÅ-MM-DD'],
        ['goals.0.occupationCode', 'Yrke (SSYK) har fel format'],
        ['goals.0.stepIds', 'Steg är inte giltigt'],
      ]),
    );
    const missing = await put(enrolment.id, { goals: [] });
    expect(fields(missing)).toEqual([
      { field: 'version', code: 'required', message: 'Version måste fyllas i' },
    ]);
  });

  it('answers 400 for goals, steps, owners, occupations and dates the plan may not have, and saves nothing', async () => {
    const enrolment = await enrolled();
    const plan = await saved(enrolment.id, 0, [goal(), work()]);
    const other = await enrolled();
    const theirs = await saved(other.id, 0, [goal()]);
    const otherProgramme = await createProgramme(t.db, [world.centre.id]);
    const stranger = await createSession(
      t.app,
      t.db,
      'coordinator',
      [world.centre.id],
      world.organisation.id,
    );

    const attempts = [
      // Leaving out an existing goal removes it: goals are dropped, never removed.
      { goals: resend(plan).slice(0, 1), field: 'goals', code: 'goal_removed' },
      { goals: [...resend(plan), goal({ id: theirs.goals[0]?.id })], field: 'goals.2.id', code: 'not_found' },
      { goals: [...resend(plan), resend(plan)[0]], field: 'goals.2.id', code: 'invalid_value' },
      {
        goals: resend(plan, { 1: { stepIds: [step('Bas'), otherProgramme.steps[0]?.id] } }),
        field: 'goals.1.stepIds',
        code: 'invalid_choice',
      },
      {
        goals: resend(plan, {
          1: { activityIds: [(await createActivity(t.db, otherProgramme.programme.id)).id] },
        }),
        field: 'goals.1.activityIds',
        code: 'invalid_choice',
      },
      {
        goals: resend(plan, { 0: { activityIds: [randomUUID()] } }),
        field: 'goals.0.activityIds',
        code: 'invalid_choice',
      },
      {
        goals: resend(plan, { 0: { ownerUserId: stranger.userId } }),
        field: 'goals.0.ownerUserId',
        code: 'not_in_team',
      },
      {
        goals: resend(plan, { 0: { occupationCode: '9999' } }),
        field: 'goals.0.occupationCode',
        code: 'invalid_choice',
      },
      {
        goals: [...resend(plan), goal({ targetOn: addDays(startsOn, -1) })],
        field: 'goals.2.targetOn',
        code: 'before_starts_on',
      },
    ];
    for (const attempt of attempts) {
      const response = await put(enrolment.id, { version: 1, goals: attempt.goals });
      expect(response.statusCode, attempt.code).toBe(400);
      expect(fields(response).map((f) => [f.field, f.code])).toEqual([[attempt.field, attempt.code]]);
    }
    const removed = await put(enrolment.id, { version: 1, goals: [] });
    const notInTeam = await put(enrolment.id, {
      version: 1,
      goals: resend(plan, { 0: { ownerUserId: stranger.userId } }),
    });
    expect(fields(removed)[0]?.message).toBe('Mål kan inte tas bort. Sätt status till avbrutet i stället');
    expect(fields(notInTeam)[0]?.message).toBe('Ansvarig hör inte till deltagarens team');
    const english = await world.caseworker.request({
      method: 'PUT',
      url: `/api/enrolments/${enrolment.id}/plan`,
      headers: { 'accept-language': 'en' },
      payload: { version: 1, goals: resend(plan, { 0: { ownerUserId: stranger.userId } }) },
    });
    expect(fields(english)[0]?.message).toBe("Responsible is not on the participant's team");

    const after = (await world.caseworker.get(`/api/enrolments/${enrolment.id}/plan`)).json();
    expect(after).toEqual(expect.objectContaining({ version: 1, goals: plan.goals }));
  });

  it('keeps an owner who has left the team and an old target date on a goal saved unchanged', async () => {
    const enrolment = await enrolled();
    const plan = await saved(enrolment.id, 0, [work()]);
    await t.db.execute(
      sql`update plan_goals set target_on = ${addDays(startsOn, -10)} where id = ${plan.goals[0]?.id}`,
    );
    await t.db.execute(
      sql`delete from participant_staff where participant_id = ${enrolment.participantId} and user_id = ${colleague.userId}`,
    );
    const current = (await world.caseworker.get(`/api/enrolments/${enrolment.id}/plan`)).json();
    expect((await put(enrolment.id, { version: 1, goals: resend(current) })).statusCode).toBe(200);
  });

  it('answers 409 VERSION_CONFLICT with the current plan for a stale version, or a create when one exists', async () => {
    const enrolment = await enrolled();
    const plan = await saved(enrolment.id, 0, [goal()]);
    await saved(enrolment.id, 1, resend(plan, { 0: { status: 'in_progress' } }));

    const stale = await put(enrolment.id, { version: 1, goals: resend(plan) });
    const created = await put(enrolment.id, { version: 0, goals: [] });
    const ahead = await put((await enrolled()).id, { version: 3, goals: [] });

    for (const response of [stale, created]) {
      expect(response.statusCode).toBe(409);
      expect(response.json().error).toMatchObject({
        code: 'VERSION_CONFLICT',
        current: { enrolmentId: enrolment.id, version: 2, goals: [{ status: 'in_progress' }] },
      });
    }
    expect(ahead.statusCode).toBe(409);
    expect(ahead.json().error.current).toMatchObject({ version: 0, goals: [] });
  });

  it('lets exactly one of two concurrent saves of the same version through; the other gets the current plan', async () => {
    const enrolment = await enrolled();

    const creates = await Promise.all([
      put(enrolment.id, { version: 0, goals: [goal({ description: 'Först' })] }),
      put(enrolment.id, { version: 0, goals: [goal({ description: 'Också först' })] }),
    ]);
    expect(creates.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    const created = creates.find((r) => r.statusCode === 200)?.json() as Plan;
    const lost = creates.find((r) => r.statusCode === 409)?.json();
    expect(lost.error).toMatchObject({ code: 'VERSION_CONFLICT', current: created });

    const updates = await Promise.all([
      put(enrolment.id, { version: 1, goals: resend(created, { 0: { status: 'achieved' } }) }),
      put(enrolment.id, { version: 1, goals: resend(created, { 0: { status: 'dropped' } }) }),
    ]);
    expect(updates.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    const won = updates.find((r) => r.statusCode === 200)?.json() as Plan;
    expect(won.version).toBe(2);
    expect(updates.find((r) => r.statusCode === 409)?.json().error.current).toEqual(won);
    const history = (await world.caseworker.get(`/api/enrolments/${enrolment.id}/plan/history`)).json();
    expect(history.items.map((i: { version: number }) => i.version)).toEqual([2, 1]);
  });

  it('answers 409 PLAN_CLOSED once the enrolment has ended, with or without a plan', async () => {
    const withPlan = await enrolled();
    const plan = await saved(withPlan.id, 0, [goal()]);
    expect((await exit(withPlan, today)).statusCode).toBe(200);
    const without = await enrolled();
    expect((await exit(without, today)).statusCode).toBe(200);

    const closed = await put(withPlan.id, { version: plan.version + 1, goals: resend(plan) });
    const never = await put(without.id, { version: 0, goals: [goal()] });

    for (const response of [closed, never]) {
      expect(response.statusCode).toBe(409);
      expect(response.json().error).toMatchObject({
        code: 'PLAN_CLOSED',
        message: 'Handlingsplanen är avslutad och kan bara läsas.',
      });
    }
    expect((await world.caseworker.get(`/api/enrolments/${without.id}/plan`)).json()).toMatchObject({
      version: 0,
      closedOn: today,
      goals: [],
    });
  });

  it('answers 409 CONSENT_WITHDRAWN once consent has been withdrawn', async () => {
    const enrolment = await enrolled();
    const [consent] = (
      await world.caseworker.get(`/api/participants/${enrolment.participantId}/consents`)
    ).json().items;
    await world.caseworker.post(`/api/consents/${consent.id}/withdraw`, { withdrawnOn: today });
    const response = await put(enrolment.id, { version: 0, goals: [goal()] });
    expect(response.statusCode).toBe(409);
    expect(response.json().error.code).toBe('CONSENT_WITHDRAWN');
  });
});

describe('access to the plan', () => {
  it('answers 401 without a session', async () => {
    const enrolment = await enrolled();
    const url = `/api/enrolments/${enrolment.id}/plan`;
    const get = await t.app.inject({ method: 'GET', url });
    const save = await t.app.inject({ method: 'PUT', url, payload: { version: 0, goals: [] } });
    const history = await t.app.inject({ method: 'GET', url: `${url}/history` });
    expect([get.statusCode, save.statusCode, history.statusCode]).toEqual([401, 401, 401]);
  });

  it("answers 403 for another centre's participant and for a role that may not write; that role may read", async () => {
    const enrolment = await enrolled();
    const teacher = await createSession(
      t.app,
      t.db,
      'language_teacher',
      [world.centre.id],
      world.organisation.id,
    );
    const url = `/api/enrolments/${enrolment.id}/plan`;

    const other = [
      await world.otherCaseworker.get(url),
      await put(enrolment.id, { version: 0, goals: [] }, world.otherCaseworker),
      await world.otherCaseworker.get(`${url}/history`),
    ];
    const byTeacher = await put(enrolment.id, { version: 0, goals: [goal()] }, teacher);

    expect([...other, byTeacher].map((r) => r.statusCode)).toEqual([403, 403, 403, 403]);
    expect(other[0]?.json().error.code).toBe('FORBIDDEN');
    expect((await teacher.get(url)).statusCode).toBe(200);
    expect((await teacher.get(`${url}/history`)).statusCode).toBe(200);
  });

  it('answers 404 for an unknown enrolment and for a protected person one is not assigned to', async () => {
    const unknown = `/api/enrolments/${randomUUID()}/plan`;
    const responses = [
      await world.caseworker.get(unknown),
      await world.caseworker.put(unknown, { version: 0, goals: [] }),
      await world.caseworker.get(`${unknown}/history`),
    ];
    const hidden = await enrolled({ protectedIdentity: true });
    const notAssigned = await createSession(
      t.app,
      t.db,
      'coordinator',
      [world.centre.id],
      world.organisation.id,
    );
    const url = `/api/enrolments/${hidden.id}/plan`;
    responses.push(
      await notAssigned.get(url),
      await put(hidden.id, { version: 0, goals: [] }, notAssigned),
      await notAssigned.get(`${url}/history`),
    );
    expect(responses.map((r) => r.statusCode)).toEqual([404, 404, 404, 404, 404, 404]);
    expect((await world.caseworker.get(url)).statusCode).toBe(200);
  });

  it('answers 400 for an id that is no id', async () => {
    const response = await world.caseworker.get('/api/enrolments/nope/plan');
    expect(response.statusCode).toBe(400);
    expect(fields(response)).toEqual([{ field: 'id', code: 'invalid_format', message: 'Id har fel format' }]);
  });
});

describe('GET /api/enrolments/:id/plan/history', () => {
  it('lists created, updated, reviewed and closed, newest first, with who and what changed', async () => {
    const enrolment = await enrolled();
    const programmeId = world.programme.programme.id;
    const sfiCourse = await createActivity(t.db, programmeId, { name: `SFI ${randomUUID().slice(0, 6)}` });
    const orientation = await createActivity(t.db, programmeId, {
      name: `Samhällsorientering ${randomUUID().slice(0, 6)}`,
    });
    const created = await saved(enrolment.id, 0, [goal({ activityIds: [sfiCourse.id] }), work()]);
    const [language, job] = created.goals.map((g) => g.id);
    const updated = await saved(enrolment.id, 1, [
      ...resend(created, {
        0: { status: 'achieved', activityIds: [sfiCourse.id, orientation.id] },
        1: { ownerUserId: null, stepIds: [step('Bas')], targetOn: addDays(today, 400) },
      }),
      goal({ description: 'Ta körkort B', stepIds: [] }),
    ]);
    const driving = updated.goals[2]?.id;
    const reviewed = await colleague.put(`/api/enrolments/${enrolment.id}/plan`, {
      version: 2,
      goals: resend(updated),
    });
    expect(reviewed.json()).toMatchObject({ version: 3, reviewedByName: 'Omar Berg', reviewedOn: today });
    const current = (
      await world.caseworker.get(`/api/participants/${enrolment.participantId}/enrolments`)
    ).json().items[0];
    const exitedOn = addDays(today, -1);
    expect((await exit(current, exitedOn)).statusCode).toBe(200);

    const response = await world.caseworker.get(`/api/enrolments/${enrolment.id}/plan/history`);

    expect(response.statusCode).toBe(200);
    const items = response.json().items;
    expect(
      items.map((i: { version: number; kind: string; changedByName: string }) => [
        i.version,
        i.kind,
        i.changedByName,
      ]),
    ).toEqual([
      [4, 'closed', 'Sara Lind'],
      [3, 'reviewed', 'Omar Berg'],
      [2, 'updated', 'Sara Lind'],
      [1, 'created', 'Sara Lind'],
    ]);
    expect(Date.parse(items[0].changedAt)).toBeGreaterThanOrEqual(Date.parse(items[3].changedAt));
    const sfi = 'Klara SFI kurs C';
    const job_ = 'Arbete som undersköterska';
    expect(items[3].changes).toEqual([
      { goalId: language, goal: sfi, field: 'goal', from: null, to: sfi },
      { goalId: job, goal: job_, field: 'goal', from: null, to: job_ },
    ]);
    expect(items[2].changes).toEqual([
      { goalId: language, goal: sfi, field: 'status', from: 'planned', to: 'achieved' },
      {
        goalId: language,
        goal: sfi,
        field: 'activities',
        from: sfiCourse.name,
        to: `${orientation.name}, ${sfiCourse.name}`,
      },
      { goalId: job, goal: job_, field: 'targetOn', from: addDays(today, 365), to: addDays(today, 400) },
      { goalId: job, goal: job_, field: 'owner', from: 'Omar Berg', to: null },
      { goalId: job, goal: job_, field: 'steps', from: 'Bas, Praktik', to: 'Bas' },
      { goalId: driving, goal: 'Ta körkort B', field: 'goal', from: null, to: 'Ta körkort B' },
    ]);
    expect(items[1].changes).toEqual([]);
    expect(items[0].changes).toEqual([
      { goalId: job, goal: job_, field: 'goal', from: 'in_progress', to: null },
      { goalId: driving, goal: 'Ta körkort B', field: 'goal', from: 'planned', to: null },
    ]);
    expect(await accessLog(enrolment.participantId)).toContainEqual({ action: 'read', what: 'plan.history' });
  });

  it('is empty before the plan is first saved', async () => {
    const enrolment = await enrolled();
    expect((await world.caseworker.get(`/api/enrolments/${enrolment.id}/plan/history`)).json()).toEqual({
      items: [],
    });
  });

  it('is append-only: the database refuses UPDATE and DELETE of a history row', async () => {
    const enrolment = await enrolled();
    await saved(enrolment.id, 0, [goal()]);
    const where = sql`plan_id = (select id from action_plans where enrolment_id = ${enrolment.id})`;

    await expect(
      t.db.execute(sql`update plan_changes set kind = 'reviewed' where ${where}`),
    ).rejects.toThrow();
    await expect(t.db.execute(sql`delete from plan_changes where ${where}`)).rejects.toThrow();
    const rows = await queryRows<{ kind: string }>(t.db, sql`select kind from plan_changes where ${where}`);
    expect(rows).toEqual([{ kind: 'created' }]);
  });
});

describe('exit closes the plan', () => {
  it('closes it on the exit date and ends the open goals then, keeping their status', async () => {
    const enrolment = await enrolled();
    const plan = await saved(enrolment.id, 0, [
      goal(),
      work(),
      goal({ description: 'Bankkonto', status: 'achieved' }),
    ]);
    const exitedOn = addDays(today, -2);

    const response = await exit(enrolment, exitedOn);

    expect(response.statusCode).toBe(200);
    const closed = (await world.caseworker.get(`/api/enrolments/${enrolment.id}/plan`)).json();
    expect(closed).toMatchObject({ version: plan.version + 1, closedOn: exitedOn, reviewedOn: today });
    expect(closed.goals.map((g: Plan['goals'][number]) => [g.status, g.endedOn])).toEqual([
      ['planned', exitedOn],
      ['in_progress', exitedOn],
      ['achieved', today],
    ]);
  });
});

describe('warnings', () => {
  let actor: Actor;
  beforeAll(async () => {
    const [user] = await t.db.select().from(users).where(eq(users.id, world.caseworker.userId));
    if (!user) throw new Error('no user');
    actor = {
      userId: user.id,
      sessionId: randomUUID(),
      name: user.name,
      email: user.email,
      role: user.role,
      organisationId: user.organisationId,
      centreIds: [world.centre.id],
    };
  });

  async function warnings(participantId: string, on: string) {
    return (await caseload(t.db, actor, on)).items.find((i) => i.participantId === participantId)?.warnings;
  }

  async function reviewedOn(enrolmentId: string, date: string) {
    await t.db.execute(
      sql`update action_plans set reviewed_on = ${date} where enrolment_id = ${enrolmentId}`,
    );
  }

  it('warns in the caseload when a plan was last reviewed over 60 days ago, or an enrolment has none', async () => {
    const pinned = '2027-03-01';
    const enrolment = await enrolled({}, '2026-09-01');
    expect(await warnings(enrolment.participantId, pinned)).toContain('plan_not_reviewed');

    await saved(enrolment.id, 0, [goal()]);
    await reviewedOn(enrolment.id, '2026-12-30');
    expect(await warnings(enrolment.participantId, pinned)).toContain('plan_not_reviewed');
    await reviewedOn(enrolment.id, '2026-12-31');
    expect(await warnings(enrolment.participantId, pinned)).not.toContain('plan_not_reviewed');

    // A second active enrolment without a plan counts from its start, the earliest of the two.
    const second = await createProgramme(t.db, [world.centre.id]);
    const enrolledAgain = await world.caseworker.post(
      `/api/participants/${enrolment.participantId}/enrolments`,
      {
        programmeId: second.programme.id,
        centreId: world.centre.id,
        startsOn: '2026-12-15',
      },
    );
    expect(enrolledAgain.statusCode).toBe(201);
    expect(await warnings(enrolment.participantId, pinned)).toContain('plan_not_reviewed');
    expect(await warnings(enrolment.participantId, '2027-02-13')).not.toContain('plan_not_reviewed');
    expect(await warnings(enrolment.participantId, '2027-02-14')).toContain('plan_not_reviewed');
  });

  it('does not count the plan of an enrolment that has ended', async () => {
    const enrolment = await enrolled({}, '2026-09-01');
    await saved(enrolment.id, 0, [goal()]);
    await reviewedOn(enrolment.id, '2026-09-01');
    expect((await exit(enrolment, today)).statusCode).toBe(200);
    // Still in the caseload for the follow-up, but the plan is closed.
    const listed = await warnings(enrolment.participantId, '2027-03-01');
    expect(listed).toBeDefined();
    expect(listed).not.toContain('plan_not_reviewed');
  });

  it("GET /api/participants/:id/warnings gives one participant's warnings to anyone who may see them", async () => {
    const enrolment = await enrolled({}, addDays(today, -90));
    const stranger = await createSession(t.app, t.db, 'job_agent', [world.centre.id], world.organisation.id);
    const url = `/api/participants/${enrolment.participantId}/warnings`;

    const before = await stranger.get(url);
    await saved(enrolment.id, 0, [goal()]);
    const after = await world.caseworker.get(url);

    expect(before.statusCode, before.body).toBe(200);
    expect(before.json()).toEqual({
      participantId: enrolment.participantId,
      today,
      warnings: ['no_contact', 'plan_not_reviewed'],
    });
    expect(after.json().warnings).toEqual(['no_contact']);
    expect(await accessLog(enrolment.participantId)).toContainEqual({
      action: 'read',
      what: 'participant.warnings',
    });
  });

  it('GET /api/participants/:id/warnings answers 400, 401, 403 and 404', async () => {
    const enrolment = await enrolled();
    const url = `/api/participants/${enrolment.participantId}/warnings`;
    const hidden = await enrolled({ protectedIdentity: true });
    const notAssigned = await createSession(
      t.app,
      t.db,
      'coordinator',
      [world.centre.id],
      world.organisation.id,
    );
    const responses = [
      await world.caseworker.get('/api/participants/nope/warnings'),
      await t.app.inject({ method: 'GET', url }),
      await world.otherCaseworker.get(url),
      await world.caseworker.get(`/api/participants/${randomUUID()}/warnings`),
      await notAssigned.get(`/api/participants/${hidden.participantId}/warnings`),
    ];
    expect(responses.map((r) => r.statusCode)).toEqual([400, 401, 403, 404, 404]);
  });
});
