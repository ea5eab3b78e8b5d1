import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { matchScore } from '../../../core/matching.ts';
import type { AssessmentAreasInput } from '../../../core/schemas/assessment.schema.ts';
import type { OpeningMatches, ParticipantMatches } from '../../../core/schemas/matching.schema.ts';
import type { ParticipantInput } from '../../../core/schemas/participant.schema.ts';
import {
  consentToParticipation,
  createEmployer,
  createOpening,
  createSession,
  createWorld,
  referParticipant,
} from '../../test/factories.ts';
import { createTestApp, type Session, type TestContext } from '../../test/test-app.ts';

let t: TestContext;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

type World = Awaited<ReturnType<typeof createWorld>>;
type Enrolled = { id: string; participantId: string; plannedEndOn: string; version: number };

/** Refers, records consent and enrols a person at `centreId` (default: the world's centre) through the API. */
async function enrolled(
  world: World,
  person: Partial<ParticipantInput>,
  session: Session = world.caseworker,
  centreId = world.centre.id,
): Promise<Enrolled> {
  const where = { centre: { id: centreId }, programme: world.programme };
  const { participantId } = await referParticipant(session, where, person);
  await consentToParticipation(session, participantId);
  const response = await session.post(`/api/participants/${participantId}/enrolments`, {
    programmeId: world.programme.programme.id,
    centreId,
    startsOn: '2026-11-16',
  });
  if (response.statusCode !== 201) throw new Error(`enrol failed: ${response.body}`);
  return response.json() as Enrolled;
}

/** Saves the action plan with one goal aiming at `occupationCode`. */
async function planGoal(
  session: Session,
  enrolment: Enrolled,
  occupationCode: string,
  status: 'planned' | 'in_progress' | 'achieved' = 'in_progress',
) {
  const response = await session.put(`/api/enrolments/${enrolment.id}/plan`, {
    version: 0,
    goals: [
      {
        term: 'long',
        description: 'Arbete inom vården',
        targetOn: '2027-06-30',
        ownerUserId: null,
        status,
        occupationCode,
      },
    ],
  });
  if (response.statusCode !== 200) throw new Error(`plan failed: ${response.body}`);
}

/** Records a revision of the mapping; the first one unless `basedOnRevision` is given. */
async function mapping(
  session: Session,
  participantId: string,
  areas: AssessmentAreasInput,
  basedOnRevision: number | null = null,
) {
  const response = await session.post(`/api/participants/${participantId}/assessments`, {
    basedOnRevision,
    meetingOn: '2026-11-20',
    areas,
  });
  if (response.statusCode !== 201) throw new Error(`mapping failed: ${response.body}`);
}

async function openingMatches(session: Session, openingId: string, query = '') {
  const response = await session.get(`/api/openings/${openingId}/matches${query}`);
  expect(response.statusCode, response.body).toBe(200);
  return response.json() as OpeningMatches;
}

async function participantMatches(session: Session, participantId: string, query = '') {
  const response = await session.get(`/api/participants/${participantId}/matches${query}`);
  expect(response.statusCode, response.body).toBe(200);
  return response.json() as ParticipantMatches;
}

async function accessLog(what: string, userId: string): Promise<string[]> {
  const result = await t.db.execute(
    sql`select participant_id from access_log where what = ${what} and user_id = ${userId} and action = 'read'`,
  );
  return (result as unknown as { rows: { participant_id: string }[] }).rows.map((r) => r.participant_id);
}

describe('GET /api/openings/:id/matches', () => {
  let world: World;
  let colleague: Session;
  let openingId: string;
  const ids = {} as Record<
    'best' | 'group' | 'earlier' | 'achieved' | 'aa' | 'ae' | 'hidden' | 'exited' | 'referred' | 'elsewhere',
    string
  >;
  let bestPlannedEnd = '';

  beforeAll(async () => {
    world = await createWorld(t.app, t.db);
    colleague = await createSession(t.app, t.db, 'job_agent', [world.centre.id], world.organisation.id);
    const employer = await createEmployer(t.db);
    // An internship as undersköterska (5321) in Haninge needing SFI C and a driving licence.
    const opening = await createOpening(t.db, employer.id, {
      requiredSfiCourse: 'C',
      drivingLicenceRequired: true,
    });
    openingId = opening.id;

    // The known best match: the occupation as a goal, Swedish above the level asked, licence B.
    const best = await enrolled(world, { firstName: 'Bashir', lastName: 'Mohammed' });
    await planGoal(world.caseworker, best, '5321');
    await mapping(world.caseworker, best.participantId, {
      swedish: { sfiCourse: 'D' },
      drivingLicence: 'B',
    });
    ids.best = best.participantId;
    bestPlannedEnd = best.plannedEndOn;

    // A goal in the same minor group (532), Swedish enough, no licence recorded.
    const group = await enrolled(world, { firstName: 'Sara', lastName: 'Berg' });
    await planGoal(world.caseworker, group, '5322', 'planned');
    await mapping(world.caseworker, group.participantId, { swedish: { sfiCourse: 'C' } });
    ids.group = group.participantId;

    // Earlier work in the occupation; the latest mapping has lower Swedish and no licence than the first.
    const earlier = await enrolled(world, { firstName: 'Yonas', lastName: 'Tesfay' });
    await mapping(world.caseworker, earlier.participantId, {
      swedish: { sfiCourse: 'D' },
      drivingLicence: 'B',
      workExperience: [{ occupation: 'Undersköterska', ssykCode: '5321', years: 3 }],
    });
    await mapping(
      world.caseworker,
      earlier.participantId,
      {
        swedish: { sfiCourse: 'B' },
        drivingLicence: 'none',
        workExperience: [
          { occupation: 'Undersköterska', ssykCode: '5321', years: 3 },
          { occupation: 'Städare', ssykCode: '9111', years: 1 },
        ],
      },
      1,
    );
    ids.earlier = earlier.participantId;

    // A goal already achieved is no longer a reason; with nothing else they tie with the two below.
    const achieved = await enrolled(world, { firstName: 'Dina', lastName: 'Ek' });
    await planGoal(world.caseworker, achieved, '5321', 'achieved');
    ids.achieved = achieved.participantId;
    // Swedish order: Å before Ä (byte order would put Ä first).
    ids.ae = (await enrolled(world, { firstName: 'Ärla', lastName: 'Ärlig' })).participantId;
    ids.aa = (await enrolled(world, { firstName: 'Åsa', lastName: 'Åkesson' })).participantId;

    // Protected identity: the caseworker registered her and is assigned; the colleague is not.
    const hidden = await enrolled(world, {
      firstName: 'Hemlig',
      lastName: 'Person',
      protectedIdentity: true,
    });
    await planGoal(world.caseworker, hidden, '5321');
    ids.hidden = hidden.participantId;

    // Exited: a perfect fit on paper, but no longer in the programme.
    const exited = await enrolled(world, { firstName: 'Ex', lastName: 'Avslutad' });
    await planGoal(world.caseworker, exited, '5321');
    await mapping(world.caseworker, exited.participantId, {
      swedish: { sfiCourse: 'D' },
      drivingLicence: 'B',
    });
    const exit = await world.caseworker.post(`/api/enrolments/${exited.id}/exit`, {
      exitedOn: '2026-11-20',
      outcome: 'moved',
      version: exited.version,
    });
    expect(exit.statusCode, exit.body).toBe(200);
    ids.exited = exited.participantId;

    // Referred, never enrolled.
    ids.referred = (
      await referParticipant(world.caseworker, world, { lastName: 'Remitterad' })
    ).participantId;

    // At the other centre, with the occupation as a goal.
    const elsewhere = await enrolled(
      world,
      { lastName: 'Annanstans' },
      world.otherCaseworker,
      world.otherCentre.id,
    );
    await planGoal(world.otherCaseworker, elsewhere, '5321');
    ids.elsewhere = elsewhere.participantId;
  });

  it('ranks the known best match first with exactly its reasons, then by score and Swedish name order', async () => {
    const body = await openingMatches(world.caseworker, openingId);
    expect(body.openingId).toBe(openingId);
    expect(body.items.map((i) => [i.participantId, i.score])).toEqual([
      [ids.best, 80],
      [ids.group, 40],
      [ids.hidden, 30],
      [ids.earlier, 15],
      [ids.achieved, -10],
      [ids.aa, -10],
      [ids.ae, -10],
    ]);
    const [best] = body.items;
    expect(best).toMatchObject({ firstName: 'Bashir', lastName: 'Mohammed', centreName: world.centre.name });
    expect(best?.reasons).toEqual([
      { code: 'occupation_goal', met: true, detail: '5321' },
      { code: 'swedish_level', met: true, detail: 'D' },
      { code: 'driving_licence', met: true, detail: 'B' },
      { code: 'local', met: true, detail: 'centre' },
      { code: 'available', met: true, detail: bestPlannedEnd },
    ]);
    const byId = new Map(body.items.map((i) => [i.participantId, i.reasons]));
    expect(byId.get(ids.group)).toEqual([
      { code: 'occupation_goal_group', met: true, detail: '5322' },
      { code: 'swedish_level', met: true, detail: 'C' },
      { code: 'driving_licence', met: false },
      { code: 'local', met: true, detail: 'centre' },
      { code: 'available', met: true, detail: bestPlannedEnd },
    ]);
    expect(byId.get(ids.earlier)).toEqual([
      { code: 'earlier_occupation', met: true, detail: '3' },
      { code: 'swedish_level', met: false, detail: 'B' },
      { code: 'driving_licence', met: false, detail: 'none' },
      { code: 'local', met: true, detail: 'centre' },
      { code: 'available', met: true, detail: bestPlannedEnd },
    ]);
    expect(byId.get(ids.achieved)?.map((r) => r.code)).toEqual([
      'swedish_level',
      'driving_licence',
      'local',
      'available',
    ]);
    // The score shown is the sum of the weights of the reasons shown.
    for (const item of body.items) expect(item.score, item.lastName).toBe(matchScore(item.reasons));
  });

  it('shows a protected person only to assigned staff', async () => {
    const forColleague = await openingMatches(colleague, openingId);
    const listed = forColleague.items.map((i) => i.participantId);
    expect(listed).not.toContain(ids.hidden);
    expect(listed).toEqual([ids.best, ids.group, ids.earlier, ids.achieved, ids.aa, ids.ae]);
  });

  it('never matches exited, referred-only or other centres’ participants', async () => {
    const listed = (await openingMatches(world.caseworker, openingId)).items.map((i) => i.participantId);
    expect(listed).not.toContain(ids.exited);
    expect(listed).not.toContain(ids.referred);
    expect(listed).not.toContain(ids.elsewhere);
    const forOther = await openingMatches(world.otherCaseworker, openingId);
    expect(forOther.items.map((i) => i.participantId)).toEqual([ids.elsewhere]);
  });

  it('keeps to the limit, and logs a read of everyone listed', async () => {
    const viewer = await createSession(
      t.app,
      t.db,
      'employer_liaison',
      [world.centre.id],
      world.organisation.id,
    );
    const body = await openingMatches(viewer, openingId, '?limit=2');
    expect(body.items.map((i) => i.participantId)).toEqual([ids.best, ids.group]);
    expect((await accessLog('opening.matches', viewer.userId)).sort()).toEqual([ids.best, ids.group].sort());
  });

  it('answers 400 for a bad id or limit, 401 without a session and 404 for an unknown opening', async () => {
    const badId = await world.caseworker.get('/api/openings/nope/matches');
    expect(badId.statusCode).toBe(400);
    for (const limit of ['0', '101', 'x']) {
      const response = await world.caseworker.get(`/api/openings/${openingId}/matches?limit=${limit}`);
      expect(response.statusCode, limit).toBe(400);
      expect(response.json().error.fields.map((f: { field: string }) => f.field)).toEqual(['limit']);
    }
    const anonymous = await t.app.inject({ method: 'GET', url: `/api/openings/${openingId}/matches` });
    expect(anonymous.statusCode).toBe(401);
    expect((await world.caseworker.get(`/api/openings/${randomUUID()}/matches`)).statusCode).toBe(404);
  });
});

describe('GET /api/participants/:id/matches', () => {
  let world: World;
  let participant: Enrolled;
  const ids = {} as Record<
    'best' | 'group' | 'earlier' | 'kitchen' | 'joinery' | 'filled' | 'closed',
    string
  >;

  beforeAll(async () => {
    world = await createWorld(t.app, t.db);
    participant = await enrolled(world, {
      firstName: 'Bashir',
      lastName: 'Mohammed',
      municipalityCode: '0180',
      educationLevelCode: '106',
    });
    await planGoal(world.caseworker, participant, '5321');
    await mapping(world.caseworker, participant.participantId, {
      swedish: { sfiCourse: 'D' },
      drivingLicence: 'B',
      workExperience: [{ occupation: 'Städare', ssykCode: '9111', years: 2 }],
    });
    const care = await createEmployer(t.db, { name: 'Omsorg i Haninge AB' });
    const cleaning = await createEmployer(t.db, { name: 'Städ och Service AB' });
    const kitchen = await createEmployer(t.db, { name: 'Ängby Kök AB' });
    const joinery = await createEmployer(t.db, { name: 'Åkes Snickeri AB' });
    ids.best = (
      await createOpening(t.db, care.id, { requiredSfiCourse: 'C', drivingLicenceRequired: true })
    ).id;
    // Same minor group, in Stockholm where the participant lives, asking for upper secondary school.
    ids.group = (
      await createOpening(t.db, care.id, {
        title: 'Undersköterska, habilitering',
        kind: 'job',
        occupationCode: '5322',
        municipalityCode: '0180',
        requiredEducationLevelCode: '3',
      })
    ).id;
    ids.earlier = (
      await createOpening(t.db, cleaning.id, {
        title: 'Städare',
        occupationCode: '9111',
        municipalityCode: null,
        requiredSfiCourse: 'completed',
      })
    ).id;
    // Two openings with nothing in common but the place: by employer in Swedish order, Å before Ä.
    ids.kitchen = (
      await createOpening(t.db, kitchen.id, { title: 'Kockbiträde', occupationCode: '5120' })
    ).id;
    ids.joinery = (
      await createOpening(t.db, joinery.id, { title: 'Möbelsnickare', occupationCode: '7522' })
    ).id;
    ids.filled = (await createOpening(t.db, care.id, { status: 'filled' })).id;
    ids.closed = (await createOpening(t.db, care.id, { status: 'closed' })).id;
  });

  it('ranks the open openings with their reasons, leaving out filled and closed ones', async () => {
    const body = await participantMatches(world.caseworker, participant.participantId);
    expect(body.participantId).toBe(participant.participantId);
    // Openings of other tests in this file are open too; this participant's own come first.
    const ours = body.items.filter((i) => Object.values(ids).includes(i.openingId));
    expect(ours.map((i) => [i.openingId, i.score])).toEqual([
      [ids.best, 80],
      [ids.group, 25],
      [ids.earlier, 15],
      [ids.joinery, 15],
      [ids.kitchen, 15],
    ]);
    const listed = body.items.map((i) => i.openingId);
    expect(listed).not.toContain(ids.filled);
    expect(listed).not.toContain(ids.closed);
    expect(body.items.find((i) => i.openingId === ids.best)).toMatchObject({
      title: 'Praktik som undersköterska',
      employerName: 'Omsorg i Haninge AB',
      employerId: expect.any(String),
      kind: 'internship',
      occupationName: 'Undersköterskor, hemtjänst, hemsjukvård och äldreboende',
      municipalityName: 'Haninge',
    });
    const byId = new Map(body.items.map((i) => [i.openingId, i.reasons]));
    expect(byId.get(ids.group)).toEqual([
      { code: 'occupation_goal_group', met: true, detail: '5321' },
      { code: 'education_level', met: false, detail: '106' },
      { code: 'local', met: true, detail: 'home' },
      { code: 'available', met: true, detail: participant.plannedEndOn },
    ]);
    expect(byId.get(ids.earlier)).toEqual([
      { code: 'earlier_occupation', met: true, detail: '2' },
      { code: 'swedish_level', met: false, detail: 'D' },
      { code: 'available', met: true, detail: participant.plannedEndOn },
    ]);
    expect(body.items.find((i) => i.openingId === ids.earlier)?.municipalityName).toBeNull();
    for (const item of body.items) expect(item.score, item.title).toBe(matchScore(item.reasons));
    expect(await accessLog('participant.matches', world.caseworker.userId)).toContain(
      participant.participantId,
    );
  });

  it('suggests nothing once the participant has exited', async () => {
    const person = await enrolled(world, { lastName: 'Avslutad' });
    const exit = await world.caseworker.post(`/api/enrolments/${person.id}/exit`, {
      exitedOn: '2026-11-20',
      outcome: 'moved',
      version: person.version,
    });
    expect(exit.statusCode, exit.body).toBe(200);
    expect((await participantMatches(world.caseworker, person.participantId)).items).toEqual([]);
  });

  it('keeps to the limit', async () => {
    const all = await participantMatches(world.caseworker, participant.participantId);
    const body = await participantMatches(world.caseworker, participant.participantId, '?limit=2');
    expect(body.items).toEqual(all.items.slice(0, 2));
  });

  it('answers 400, 401, 403 at another centre and 404 for the unknown and the protected', async () => {
    const url = `/api/participants/${participant.participantId}/matches`;
    expect((await world.caseworker.get('/api/participants/nope/matches')).statusCode).toBe(400);
    const badLimit = await world.caseworker.get(`${url}?limit=500`);
    expect(badLimit.statusCode).toBe(400);
    expect(badLimit.json().error.fields[0].field).toBe('limit');
    expect((await t.app.inject({ method: 'GET', url })).statusCode).toBe(401);
    expect((await world.otherCaseworker.get(url)).statusCode).toBe(403);
    expect((await world.caseworker.get(`/api/participants/${randomUUID()}/matches`)).statusCode).toBe(404);
    const hidden = await enrolled(world, { protectedIdentity: true });
    const colleague = await createSession(
      t.app,
      t.db,
      'coordinator',
      [world.centre.id],
      world.organisation.id,
    );
    expect((await colleague.get(`/api/participants/${hidden.participantId}/matches`)).statusCode).toBe(404);
    expect((await world.caseworker.get(`/api/participants/${hidden.participantId}/matches`)).statusCode).toBe(
      200,
    );
  });
});
