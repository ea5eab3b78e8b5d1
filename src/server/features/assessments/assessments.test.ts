import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../db/client.ts';
import { createSession, createWorld, referParticipant } from '../../test/factories.ts';
import { createTestApp, type Session, type TestContext } from '../../test/test-app.ts';

let t: TestContext;
let world: Awaited<ReturnType<typeof createWorld>>;
beforeAll(async () => {
  t = await createTestApp();
  world = await createWorld(t.app, t.db);
  await t.db.execute(sql`update users set name = 'Sara Lind' where id = ${world.caseworker.userId}`);
});
afterAll(() => t.close());

const sensitive = {
  health: 'Ryggbesvär, behöver anpassad praktik.',
  socialCircumstances: 'Ensamstående med tre barn.',
};
const mapping = {
  basedOnRevision: null,
  meetingOn: '2026-11-18',
  attendees: [
    { side: 'participant', name: 'Amal Hassan' },
    { side: 'project_worker', name: 'Sara Lind' },
    { side: 'municipality_services', name: 'Socialsekreterare' },
  ],
  summary: 'Trepartssamtal: SFI kurs C, praktik inom vården.',
  areas: {
    swedish: { level: 'basic', sfiCourse: 'C', comment: 'Läser kvällstid' },
    otherLanguages: [
      { language: 'ar', level: 'advanced' },
      { language: 'en', level: 'basic' },
    ],
    education: { levelCode: '412', country: 'SY', field: 'Omvårdnad', recognitionUnderWay: true },
    workExperience: [{ occupation: 'Undersköterska', ssykCode: '5321', years: 6 }],
    ownGoals: 'Arbeta som undersköterska',
    housing: 'Egen lägenhet',
    childcare: 'Förskoleplats ordnad',
    drivingLicence: 'learner',
    digitalSkills: 'intermediate',
  },
  sensitive,
};

async function participant() {
  return (await referParticipant(world.caseworker, world)).participantId;
}

async function recorded(participantId: string, body: object = mapping, by: Session = world.caseworker) {
  const response = await by.post(`/api/participants/${participantId}/assessments`, body);
  expect(response.statusCode).toBe(201);
  return response.json() as { id: string; revision: number };
}

async function colleague(role: Parameters<typeof createSession>[2], centreIds = [world.centre.id]) {
  return createSession(t.app, t.db, role, centreIds, world.organisation.id);
}

async function accessLog(participantId: string) {
  return queryRows<{ action: string; what: string }>(
    t.db,
    sql`select action, what from access_log where participant_id = ${participantId} order by id`,
  );
}

describe('POST /api/participants/:id/assessments', () => {
  it('records revision 1 with the actor as author, and it is the current mapping', async () => {
    const participantId = await participant();

    const response = await world.caseworker.post(`/api/participants/${participantId}/assessments`, mapping);

    expect(response.statusCode).toBe(201);
    const created = response.json();
    expect(created).toMatchObject({
      participantId,
      revision: 1,
      meetingOn: '2026-11-18',
      attendees: mapping.attendees,
      summary: mapping.summary,
      createdByName: 'Sara Lind',
      sensitive,
    });
    expect(created.areas).toMatchObject({
      ...mapping.areas,
      education: { ...mapping.areas.education, comment: null },
      leisureAndNetworks: null,
      economy: null,
    });
    const current = await world.caseworker.get(`/api/participants/${participantId}/assessments/current`);
    expect(current.statusCode).toBe(200);
    expect(current.json().current).toEqual(created);
    expect(await accessLog(participantId)).toEqual(
      expect.arrayContaining([
        { action: 'create', what: 'assessment.create' },
        { action: 'read', what: 'assessment.view' },
        { action: 'read', what: 'assessment.sensitive' },
      ]),
    );
  });

  it('answers null as the current mapping before the first', async () => {
    const participantId = await participant();
    const current = await world.caseworker.get(`/api/participants/${participantId}/assessments/current`);
    expect(current.json()).toEqual({ current: null, sensitiveVisible: true });
  });

  it('keeps earlier revisions readable, newest first', async () => {
    const participantId = await participant();
    await recorded(participantId);
    await recorded(participantId, { ...mapping, basedOnRevision: 1, summary: 'Andra mötet' });

    const list = await world.caseworker.get(`/api/participants/${participantId}/assessments`);

    expect(list.statusCode).toBe(200);
    const items = list.json().items;
    expect(items.map((i: { revision: number; summary: string }) => [i.revision, i.summary])).toEqual([
      [2, 'Andra mötet'],
      [1, mapping.summary],
    ]);
    expect(items[1]).toMatchObject({ createdByName: 'Sara Lind', createdAt: expect.any(String) });
  });

  it('answers 409 with the current revision when the form started from a stale one', async () => {
    const participantId = await participant();
    await recorded(participantId);
    await recorded(participantId, { ...mapping, basedOnRevision: 1, summary: 'Först in' });

    const stale = await world.caseworker.post(`/api/participants/${participantId}/assessments`, {
      ...mapping,
      basedOnRevision: 1,
      summary: 'För sent',
    });
    const again = await world.caseworker.post(`/api/participants/${participantId}/assessments`, mapping);

    expect([stale.statusCode, again.statusCode]).toEqual([409, 409]);
    expect(stale.json().error).toMatchObject({
      code: 'VERSION_CONFLICT',
      current: { revision: 2, summary: 'Först in' },
    });
  });

  it('answers 400 naming each bad field in Swedish', async () => {
    const participantId = await participant();
    const response = await world.caseworker.post(`/api/participants/${participantId}/assessments`, {
      ...mapping,
      meetingOn: '2026-02-30',
      attendees: [{ side: 'neighbour', name: 'X' }],
      areas: {
        swedish: { level: 'fluent' },
        workExperience: [{ occupation: 'Kock', ssykCode: '51', years: 2 }],
      },
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.fields.map((f: { message: string }) => f.message)).toEqual(
      expect.arrayContaining([
        'Datum för trepartsmöte måste vara ett datum som ÅÅÅÅ-MM-DD',
        'Deltar som är inte ett giltigt val',
        'Nivå är inte ett giltigt val',
        'Yrkeskod (SSYK) har fel format',
      ]),
    );
  });

  it('answers 401 without a session', async () => {
    const participantId = await participant();
    const url = `/api/participants/${participantId}/assessments`;
    const post = await t.app.inject({ method: 'POST', url, payload: mapping });
    const get = await t.app.inject({ method: 'GET', url });
    const current = await t.app.inject({ method: 'GET', url: `${url}/current` });
    expect([post.statusCode, get.statusCode, current.statusCode]).toEqual([401, 401, 401]);
  });

  it("answers 403 for another centre's participant and for a role that may not write", async () => {
    const participantId = await participant();
    const teacher = await colleague('language_teacher');

    const other = await world.otherCaseworker.post(`/api/participants/${participantId}/assessments`, mapping);
    const otherRead = await world.otherCaseworker.get(`/api/participants/${participantId}/assessments`);
    const byTeacher = await teacher.post(`/api/participants/${participantId}/assessments`, mapping);
    const teacherRead = await teacher.get(`/api/participants/${participantId}/assessments`);

    expect([other.statusCode, otherRead.statusCode, byTeacher.statusCode]).toEqual([403, 403, 403]);
    expect(teacherRead.statusCode).toBe(200);
  });

  it('answers 404 for a participant that does not exist', async () => {
    const url = '/api/participants/00000000-0000-4000-8000-000000000000/assessments';
    const post = await world.caseworker.post(url, mapping);
    const get = await world.caseworker.get(`${url}/current`);
    expect([post.statusCode, get.statusCode]).toEqual([404, 404]);
  });
});

describe('sensitive fields', () => {
  it('are stripped for a language teacher and for a job agent not assigned', async () => {
    const participantId = await participant();
    await recorded(participantId);
    const teacher = await colleague('language_teacher');
    const agent = await colleague('job_agent');

    for (const session of [teacher, agent]) {
      const current = (await session.get(`/api/participants/${participantId}/assessments/current`)).json();
      const list = (await session.get(`/api/participants/${participantId}/assessments`)).json();
      expect(current.current).toMatchObject({ revision: 1, summary: mapping.summary });
      expect(current.current).not.toHaveProperty('sensitive');
      expect(list.items[0]).not.toHaveProperty('sensitive');
      expect(JSON.stringify([current, list])).not.toContain('Ryggbesvär');
    }
    const theirs = await queryRows<{ what: string }>(
      t.db,
      sql`select what from access_log where participant_id = ${participantId}
          and user_id in (${teacher.userId}, ${agent.userId})`,
    );
    expect(theirs.map((r) => r.what)).toContain('assessment.view');
    expect(theirs.map((r) => r.what)).not.toContain('assessment.sensitive');
  });

  it('are present for a social consultant of the centre and for assigned staff', async () => {
    const participantId = await participant();
    await recorded(participantId);
    const consultant = await colleague('social_consultant');
    const agent = await colleague('job_agent');
    const team = await world.caseworker.post(`/api/participants/${participantId}/team`, {
      userId: agent.userId,
      isContact: false,
    });
    expect(team.statusCode).toBe(201);

    for (const session of [consultant, agent]) {
      const current = (await session.get(`/api/participants/${participantId}/assessments/current`)).json();
      expect(current.current.sensitive).toEqual(sensitive);
    }
    expect(await accessLog(participantId)).toContainEqual({
      action: 'read',
      what: 'assessment.sensitive',
    });
  });

  it('may not be sent by a writer who may not see them, whose revision keeps the earlier ones', async () => {
    const participantId = await participant();
    await recorded(participantId);
    const coordinator = await colleague('coordinator');

    const refused = await coordinator.post(`/api/participants/${participantId}/assessments`, {
      ...mapping,
      basedOnRevision: 1,
    });
    const { sensitive: _, ...withoutSensitive } = mapping;
    const revised = await coordinator.post(`/api/participants/${participantId}/assessments`, {
      ...withoutSensitive,
      basedOnRevision: 1,
      summary: 'Reviderad av samordnare',
    });

    expect(refused.statusCode).toBe(403);
    expect(revised.statusCode).toBe(201);
    expect(revised.json()).not.toHaveProperty('sensitive');
    const current = (
      await world.caseworker.get(`/api/participants/${participantId}/assessments/current`)
    ).json().current;
    expect(current).toMatchObject({ revision: 2, summary: 'Reviderad av samordnare', sensitive });
  });
});
