import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerExtractSectionKeys } from '../../../core/schemas/register-extract.schema.ts';
import { queryRows } from '../../db/client.ts';
import { stepChecklistItems } from '../../db/schema.ts';
import {
  addGroupMember,
  createActivity,
  createEmployer,
  createEmployerContact,
  createGroup,
  createSession,
  createWorld,
  enrolParticipant,
  referParticipant,
} from '../../test/factories.ts';
import { createTestApp, type TestContext } from '../../test/test-app.ts';
import { sources } from './register-extract.repo.ts';

let t: TestContext;
let world: Awaited<ReturnType<typeof createWorld>>;
beforeAll(async () => {
  t = await createTestApp();
  world = await createWorld(t.app, t.db);
});
afterAll(() => t.close());

type Extract = {
  name: string;
  protectedIdentity: boolean;
  generatedAt: string;
  generatedBy: { userId: string; role: string };
  rights: string;
  notes: string[];
  sections: { key: string; title: string; rows: Record<string, unknown>[] }[];
};

async function ok<T = Record<string, unknown>>(
  response: Promise<{ statusCode: number; body: string; json: () => unknown }>,
  status: number,
): Promise<T> {
  const answer = await response;
  if (answer.statusCode !== status)
    throw new Error(`expected ${status}, got ${answer.statusCode}: ${answer.body}`);
  return answer.json() as T;
}

function section(extract: Extract, key: string) {
  const found = extract.sections.find((s) => s.key === key);
  if (!found) throw new Error(`no section ${key}`);
  return found.rows;
}

/** A participant with at least one row in every table that holds data about them, made through the API where it can. */
async function fullyRecordedParticipant() {
  const staff = world.caseworker;
  const step = world.programme.steps[0]?.id as string;
  await t.db
    .insert(stepChecklistItems)
    .values({ stepId: step, ordinal: 1, label: 'Bankkonto' })
    .onConflictDoNothing();
  const [item] = await queryRows<{ id: string }>(
    t.db,
    sql`select id from step_checklist_items where step_id = ${step}`,
  );
  const enrolment = await enrolParticipant(staff, world);
  const participant = enrolment.participantId;

  await t.db.execute(
    sql`insert into participant_identity_history (participant_id, identity_type, identity_number, replaced_by)
        values (${participant}, 'reserve', 'R-2026-0001', ${staff.userId})`,
  );
  const [enrolmentStep] = await queryRows<{ id: string }>(
    t.db,
    sql`select id from enrolment_steps where enrolment_id = ${enrolment.id}`,
  );
  await ok(
    staff.post(`/api/enrolment-steps/${enrolmentStep?.id}/checklist/${item?.id}`, { tickedOn: '2026-11-20' }),
    200,
  );

  const social = await createSession(
    t.app,
    t.db,
    'social_consultant',
    [world.centre.id],
    world.organisation.id,
  );
  await ok(
    social.post(`/api/participants/${participant}/assessments`, {
      basedOnRevision: null,
      meetingOn: '2026-11-20',
      attendees: [],
      summary: 'Trepartssamtal',
      sensitive: { health: 'Ryggbesvär', socialCircumstances: null },
    }),
    201,
  );

  const activity = await createActivity(t.db, world.programme.programme.id);
  const plan = await ok<{ goals: { id: string }[] }>(
    staff.put(`/api/enrolments/${enrolment.id}/plan`, {
      version: 0,
      goals: [
        {
          term: 'short',
          description: 'Klara SFI kurs C',
          targetOn: '2027-03-01',
          ownerUserId: null,
          status: 'planned',
          stepIds: [step],
          activityIds: [activity.id],
        },
      ],
    }),
    200,
  );

  const entry = await ok<{ id: string }>(
    staff.post(`/api/participants/${participant}/journal`, {
      entryDate: '2026-11-20',
      category: 'note',
      text: 'Samtal om praktik',
    }),
    201,
  );
  await ok(
    staff.post(`/api/journal/${entry.id}/corrections`, { text: 'Samtal om SFI', reason: 'Fel ämne' }),
    201,
  );

  const { group, sessions } = await createGroup(
    t.db,
    { ...world, caseworker: { userId: staff.userId } },
    {
      activityId: activity.id,
    },
  );
  await addGroupMember(t.db, group.id, enrolment.id, staff.userId);
  await ok(
    staff.put(`/api/sessions/${sessions[0]?.id}/roll-call`, {
      rows: [{ enrolmentId: enrolment.id, status: 'present' }],
    }),
    200,
  );

  const internshipActivity = await createActivity(t.db, world.programme.programme.id, {
    name: 'Praktik lager',
    type: 'internship',
    stepId: world.programme.steps[5]?.id ?? null,
    plannedHours: 160,
  });
  const company = await createEmployer(t.db, { createdBy: staff.userId });
  const contact = await createEmployerContact(t.db, company.id);
  const placement = await ok<{ id: string; version: number }>(
    staff.post('/api/placements', {
      enrolmentId: enrolment.id,
      employerId: company.id,
      openingId: null,
      supervisorId: contact.id,
      activityId: internshipActivity.id,
      responsibleId: staff.userId,
      startsOn: '2026-11-16',
      endsOn: '2026-12-16',
      schedule: [{ weekday: 2, startTime: '08:00', endTime: '16:00' }],
      tasks: 'Plocka och packa order',
      goalIds: [plan.goals[0]?.id],
    }),
    201,
  );
  await ok(
    staff.post(`/api/placements/${placement.id}/start`, {
      firstDay: '2026-11-17',
      version: placement.version,
    }),
    200,
  );
  await ok(
    staff.put(`/api/placements/${placement.id}/evaluations/midpoint`, {
      heldOn: '2026-11-25',
      ratings: { punctuality: 4 },
      summary: 'Kommer i tid',
      nextSteps: null,
    }),
    200,
  );

  const [current] = await queryRows<{ version: number }>(
    t.db,
    sql`select version from enrolments where id = ${enrolment.id}`,
  );
  await ok(
    staff.post(`/api/enrolments/${enrolment.id}/exit`, {
      exitedOn: '2026-12-01',
      outcome: 'moved',
      reason: 'Flyttar',
      version: current?.version,
    }),
    200,
  );
  const [followUp] = await queryRows<{ id: string }>(
    t.db,
    sql`select id from follow_ups where enrolment_id = ${enrolment.id}`,
  );
  await ok(
    staff.post(`/api/follow-ups/${followUp?.id}/attempts`, {
      attemptedOn: '2026-12-02',
      contactMethod: 'phone',
      reached: false,
      note: null,
    }),
    201,
  );
  const [consent] = await queryRows<{ id: string }>(
    t.db,
    sql`select id from consents where participant_id = ${participant}`,
  );
  await ok(
    staff.post(`/api/consents/${consent?.id}/withdraw`, { withdrawnOn: '2026-12-03', note: 'Vill inte' }),
    200,
  );
  // A retention log row, inserted directly: the job would also have anonymised the person, which this
  // extract's other sections must not lose.
  await t.db.execute(
    sql`with run as (insert into retention_runs (as_of, anonymised) values ('2026-12-04', 1) returning id)
        insert into retention_run_items (run_id, participant_id, rule, programme_id, expired_on)
        select run.id, ${participant}, 'enrolment_exit', null, '2026-12-04' from run`,
  );
  return { participant, enrolment: enrolment.id };
}

describe('GET /api/participants/:id/register-extract', () => {
  it('holds a row of every table about the participant, the sensitive mapping and its own making in the access log', async () => {
    const { participant } = await fullyRecordedParticipant();
    const extract = await ok<Extract>(
      world.caseworker.get(`/api/participants/${participant}/register-extract`),
      200,
    );

    expect(extract.sections.map((s) => s.key)).toEqual([...registerExtractSectionKeys]);
    const empty = extract.sections.filter((s) => s.rows.length === 0).map((s) => s.key);
    expect(empty).toEqual([]);
    expect(section(extract, 'identity')[0]).toMatchObject({ id: participant, street_address: 'Storgatan 1' });
    expect(section(extract, 'assessments')[0]).toMatchObject({ sensitive: { health: 'Ryggbesvär' } });
    expect(section(extract, 'journalEntries').map((r) => r.correction_reason)).toContain('Fel ämne');
    expect(section(extract, 'consents')[0]).toMatchObject({ withdrawn_on: '2026-12-03' });
    const logged = section(extract, 'accessLog').slice(-2);
    expect(logged).toMatchObject([
      { user_id: world.caseworker.userId, action: 'read', what: 'participant.registerExtract' },
      { user_id: world.caseworker.userId, action: 'read', what: 'assessment.sensitive' },
    ]);
    expect(logged[0]?.staff_name).toEqual(expect.any(String));
    expect(extract.generatedBy).toMatchObject({ userId: world.caseworker.userId, role: 'coordinator' });
    expect(extract.rights).toContain('IMY');
    expect(extract.notes.join(' ')).toContain('Enkätsvar är anonyma');
    expect(extract.protectedIdentity).toBe(false);
  });

  it('covers every table with a participant_id or enrolment_id column', async () => {
    const tables = await queryRows<{ table_name: string }>(
      t.db,
      sql`select distinct table_name from information_schema.columns
          where table_schema = current_schema() and column_name in ('participant_id', 'enrolment_id')
          order by table_name`,
    );
    const covered = new Set(Object.values(sources).map((s) => s.table));
    expect(tables.map((r) => r.table_name).filter((name) => !covered.has(name))).toEqual([]);
  });

  it('writes the generation to the access log, so the next extract shows it', async () => {
    const referral = await referParticipant(world.caseworker, world);
    await ok(world.caseworker.get(`/api/participants/${referral.participantId}/register-extract`), 200);
    const rows = await queryRows<{ what: string; action: string; user_id: string }>(
      t.db,
      sql`select what, action, user_id from access_log where participant_id = ${referral.participantId} order by id`,
    );
    expect(rows.at(-1)).toEqual({
      what: 'participant.registerExtract',
      action: 'read',
      user_id: world.caseworker.userId,
    });
  });

  it('says the address is never held for a protected person, to staff assigned to them', async () => {
    const referral = await referParticipant(world.caseworker, world, { protectedIdentity: true });
    const extract = await ok<Extract>(
      world.caseworker.get(`/api/participants/${referral.participantId}/register-extract`),
      200,
    );
    expect(extract.protectedIdentity).toBe(true);
    expect(section(extract, 'identity')[0]).toMatchObject({ street_address: null });
    expect(extract.notes.join(' ')).toContain('skyddade personuppgifter');
  });

  it('answers 404 for a protected person to an administrator of the centre who is not assigned', async () => {
    const referral = await referParticipant(world.caseworker, world, { protectedIdentity: true });
    const admin = await createSession(t.app, t.db, 'administrator', [world.centre.id], world.organisation.id);
    const response = await admin.get(`/api/participants/${referral.participantId}/register-extract`);
    expect(response.statusCode).toBe(404);
  });

  it('lets an administrator of the centre extract a person who is not protected', async () => {
    const referral = await referParticipant(world.caseworker, world);
    const admin = await createSession(t.app, t.db, 'administrator', [world.centre.id], world.organisation.id);
    const response = await admin.get(`/api/participants/${referral.participantId}/register-extract`);
    expect(response.statusCode).toBe(200);
  });

  it('answers 401 without a session, 403 to a role without the permission and to another centre', async () => {
    const referral = await referParticipant(world.caseworker, world);
    const url = `/api/participants/${referral.participantId}/register-extract`;
    expect((await t.app.inject({ method: 'GET', url })).statusCode).toBe(401);
    const teacher = await createSession(
      t.app,
      t.db,
      'language_teacher',
      [world.centre.id],
      world.organisation.id,
    );
    expect((await teacher.get(url)).statusCode).toBe(403);
    expect((await world.otherCaseworker.get(url)).statusCode).toBe(403);
  });
});
