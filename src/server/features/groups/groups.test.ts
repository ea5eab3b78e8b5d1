import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../db/client.ts';
import { attendance } from '../../db/schema.ts';
import {
  addGroupMember,
  consentToParticipation,
  createActivity,
  createGroup,
  createSession,
  createWorld,
  enrolParticipant,
  referParticipant,
} from '../../test/factories.ts';
import { createTestApp, type Session, type TestContext } from '../../test/test-app.ts';

let t: TestContext;
let world: Awaited<ReturnType<typeof createWorld>>;
beforeAll(async () => {
  t = await createTestApp();
  world = await createWorld(t.app, t.db);
});
afterAll(() => t.close());

const missing = '00000000-0000-4000-8000-000000000000';
type World = Awaited<ReturnType<typeof createWorld>>;
type SessionBody = {
  id: string;
  date: string;
  week: string;
  startTime: string;
  status: string;
  movedFrom: string | null;
  memberCount: number;
  recordedCount: number;
  version: number;
  groupName: string;
};

function groupInput(w: World, activityId: string, overrides: Record<string, unknown> = {}) {
  return {
    activityId,
    centreId: w.centre.id,
    name: 'SFI-stöd måndagar',
    leaderId: w.caseworker.userId,
    room: 'Sal 2',
    startsOn: '2027-03-15',
    endsOn: '2027-04-12',
    schedule: [{ weekday: 1, startTime: '09:00', endTime: '12:00' }],
    ...overrides,
  };
}

async function accessLog(participantId: string) {
  return queryRows<{ action: string; what: string }>(
    t.db,
    sql`select action, what from access_log where participant_id = ${participantId} order by id`,
  );
}

async function recordAttendance(sessionId: string, enrolmentId: string, userId: string) {
  await t.db
    .insert(attendance)
    .values({ sessionId, enrolmentId, status: 'present', attendedMinutes: 180, recordedBy: userId });
}

/** A protected person referred and enrolled by the world's caseworker, who is thereby assigned to them. */
async function enrolProtected(w: World) {
  const referral = await referParticipant(w.caseworker, w, { lastName: 'Skyddad', protectedIdentity: true });
  await consentToParticipation(w.caseworker, referral.participantId);
  const response = await w.caseworker.post(`/api/participants/${referral.participantId}/enrolments`, {
    programmeId: w.programme.programme.id,
    centreId: w.centre.id,
    startsOn: '2026-11-16',
    referralId: referral.id,
  });
  expect(response.statusCode).toBe(201);
  return response.json() as { id: string; participantId: string };
}

describe('POST /api/groups', () => {
  it('generates the weekly sessions, skipping Easter Monday and a closure day, and says why', async () => {
    const own = await createWorld(t.app, t.db);
    const boss = await createSession(t.app, t.db, 'programme_manager', [own.centre.id], own.organisation.id);
    await boss.put(`/api/programmes/${own.programme.programme.id}/closure-days`, {
      days: [{ day: '2027-04-05', reason: 'Planeringsdag' }],
    });
    const activity = await createActivity(t.db, own.programme.programme.id, { name: 'SFI-stöd' });

    const response = await own.caseworker.post('/api/groups', groupInput(own, activity.id));

    expect(response.statusCode).toBe(201);
    const body = response.json();
    expect(body).toMatchObject({
      name: 'SFI-stöd måndagar',
      activityName: 'SFI-stöd',
      programmeId: own.programme.programme.id,
      centreId: own.centre.id,
      leaderId: own.caseworker.userId,
      room: 'Sal 2',
      memberCount: 0,
      sessionCount: 3,
      members: [],
      version: 1,
    });
    expect(body.sessions.map((s: SessionBody) => [s.date, s.week, s.startTime, s.status])).toEqual([
      ['2027-03-15', '2027-W11', '09:00', 'planned'],
      ['2027-03-22', '2027-W12', '09:00', 'planned'],
      ['2027-04-12', '2027-W15', '09:00', 'planned'],
    ]);
    expect(body.skipped).toEqual([
      { date: '2027-03-29', kind: 'holiday', name: 'Annandag påsk' },
      { date: '2027-04-05', kind: 'closure', name: 'Planeringsdag' },
    ]);
    const read = await own.caseworker.get(`/api/groups/${body.id}`);
    expect(read.statusCode).toBe(200);
    expect(read.json()).toEqual(body);
  });

  it('answers 400 naming the field', async () => {
    const activity = await createActivity(t.db, world.programme.programme.id);
    const inactive = await createActivity(t.db, world.programme.programme.id, { active: false });
    const foreign = await createActivity(t.db, (await createWorld(t.app, t.db)).programme.programme.id);
    const outsider = await createSession(t.app, t.db, 'coordinator', [world.otherCentre.id]);
    const post = (body: Record<string, unknown>) => world.caseworker.post('/api/groups', body);

    const empty = await post(groupInput(world, activity.id, { schedule: [] }));
    const backwards = await post(groupInput(world, activity.id, { endsOn: '2027-03-01' }));
    const responses = await Promise.all([
      post(groupInput(world, inactive.id)),
      post(groupInput(world, foreign.id)),
      post(groupInput(world, activity.id, { leaderId: outsider.userId })),
      post(groupInput(world, activity.id, { startsOn: '2024-12-02', endsOn: '2028-07-03' })),
      post(
        groupInput(world, activity.id, {
          schedule: [
            { weekday: 2, startTime: '09:00', endTime: '12:00' },
            { weekday: 2, startTime: '11:00', endTime: '13:00' },
          ],
        }),
      ),
    ]);

    expect(empty.statusCode).toBe(400);
    expect(empty.json().error.fields[0]).toMatchObject({
      field: 'schedule',
      message: 'Schema måste fyllas i',
    });
    expect(backwards.json().error.fields[0]).toMatchObject({ field: 'endsOn', code: 'end_before_start' });
    expect(responses.map((r) => r.statusCode)).toEqual([400, 400, 400, 400, 400]);
    expect(
      responses.map((r) =>
        r.json().error.fields.map((f: { field: string; code: string }) => `${f.field} ${f.code}`),
      ),
    ).toEqual([
      ['activityId inactive'],
      ['activityId invalid_choice'],
      ['leaderId not_centre_staff'],
      ['startsOn outside_programme_period', 'endsOn outside_programme_period'],
      ['schedule.1.startTime overlaps'],
    ]);
    expect(responses[2]?.json().error.fields[0].message).toBe('Gruppledare arbetar inte på centrumet');
  });

  it('answers 401, 403 for another centre or a role without the permission, 400 for an unknown centre', async () => {
    const activity = await createActivity(t.db, world.programme.programme.id);
    const liaison = await createSession(t.app, t.db, 'employer_liaison', [world.centre.id]);
    const body = groupInput(world, activity.id);

    const anonymous = await t.app.inject({ method: 'POST', url: '/api/groups', payload: body });
    const otherCentre = await world.caseworker.post('/api/groups', {
      ...body,
      centreId: world.otherCentre.id,
    });
    const byLiaison = await liaison.post('/api/groups', body);
    const unknown = await world.caseworker.post('/api/groups', { ...body, centreId: missing });

    expect([anonymous.statusCode, otherCentre.statusCode, byLiaison.statusCode]).toEqual([401, 403, 403]);
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error.fields[0]).toMatchObject({ field: 'centreId', code: 'not_found' });
  });
});

describe('GET /api/groups and /api/groups/:id', () => {
  it("lists the groups of the actor's centres by name, filtered by activity and date", async () => {
    const own = await createWorld(t.app, t.db);
    const activity = await createActivity(t.db, own.programme.programme.id);
    const other = await createActivity(t.db, own.programme.programme.id);
    await createGroup(t.db, own, { activityId: activity.id, name: 'Örngruppen' });
    await createGroup(t.db, own, { activityId: activity.id, name: 'Ängsgruppen' });
    await createGroup(t.db, own, { activityId: activity.id, name: 'Björkgruppen', endsOn: '2026-11-20' });
    await createGroup(t.db, own, { activityId: other.id, name: 'Aspgruppen' });
    const elsewhere = await createSession(t.app, t.db, 'coordinator', [own.otherCentre.id]);
    await createGroup(
      t.db,
      { ...own, centre: own.otherCentre, caseworker: elsewhere },
      { activityId: activity.id },
    );

    const all = await own.caseworker.get('/api/groups');
    const filtered = await own.caseworker.get(`/api/groups?activityId=${activity.id}&activeOn=2026-11-23`);
    const foreign = await own.caseworker.get(`/api/groups?centreId=${own.otherCentre.id}`);
    const bad = await own.caseworker.get('/api/groups?activeOn=igår');

    expect(all.statusCode).toBe(200);
    expect(all.json().items.map((g: { name: string }) => g.name)).toEqual([
      'Aspgruppen',
      'Björkgruppen',
      'Ängsgruppen',
      'Örngruppen',
    ]);
    expect(all.json().items[0]).toMatchObject({
      schedule: [
        { weekday: 1, startTime: '09:00', endTime: '12:00' },
        { weekday: 3, startTime: '09:00', endTime: '12:00' },
      ],
      sessionCount: 10,
    });
    expect(filtered.json().items.map((g: { name: string }) => g.name)).toEqual(['Ängsgruppen', 'Örngruppen']);
    expect(foreign.statusCode).toBe(403);
    expect(bad.statusCode).toBe(400);
    expect((await t.app.inject({ method: 'GET', url: '/api/groups' })).statusCode).toBe(401);
  });

  it('answers 400, 401, 403 for another centre and 404', async () => {
    const { group } = await createGroup(t.db, world);
    const url = `/api/groups/${group.id}`;
    const responses = await Promise.all([
      world.caseworker.get('/api/groups/x'),
      t.app.inject({ method: 'GET', url }),
      world.otherCaseworker.get(url),
      world.caseworker.get(`/api/groups/${missing}`),
    ]);
    expect(responses.map((r) => r.statusCode)).toEqual([400, 401, 403, 404]);
  });

  it('shows a protected member only to their assigned staff, and counts them only there', async () => {
    const own = await createWorld(t.app, t.db);
    const { group, sessions } = await createGroup(t.db, own);
    const open = await enrolParticipant(own.caseworker, own);
    const hidden = await enrolProtected(own);
    await addGroupMember(t.db, group.id, open.id, own.caseworker.userId);
    await addGroupMember(t.db, group.id, hidden.id, own.caseworker.userId);
    const first = sessions[0];
    if (!first) throw new Error('no session');
    await recordAttendance(first.id, open.id, own.caseworker.userId);
    await recordAttendance(first.id, hidden.id, own.caseworker.userId);
    const colleague = await createSession(t.app, t.db, 'coordinator', [own.centre.id], own.organisation.id);
    const seen = async (session: Session) => {
      const detail = (await session.get(`/api/groups/${group.id}`)).json();
      const week = (await session.get(`/api/sessions/week?week=2026-W47&groupId=${group.id}`)).json();
      const listed = (await session.get('/api/groups')).json().items[0];
      return {
        names: detail.members.map((m: { lastName: string }) => m.lastName),
        memberCount: [detail.memberCount, listed.memberCount],
        session: [week.sessions[0].memberCount, week.sessions[0].recordedCount],
      };
    };

    expect(await seen(own.caseworker)).toEqual({
      names: ['Haile', 'Skyddad'],
      memberCount: [2, 2],
      session: [2, 2],
    });
    expect(await seen(colleague)).toEqual({ names: ['Haile'], memberCount: [1, 1], session: [1, 1] });
    expect(await accessLog(hidden.participantId)).toContainEqual({ action: 'read', what: 'group.view' });
    const colleagueReads = await queryRows<{ n: number }>(
      t.db,
      sql`select cast(count(*) as integer) as n from access_log
        where participant_id = ${hidden.participantId} and user_id = ${colleague.userId}`,
    );
    expect(colleagueReads[0]?.n).toBe(0);
  });
});

describe('PUT /api/groups/:id', () => {
  it('changes name, leader and room; a stale version gives 409 with the current group', async () => {
    const { group } = await createGroup(t.db, world);
    const teacher = await createSession(t.app, t.db, 'language_teacher', [world.centre.id]);
    const body = { name: 'Kvällsgruppen', leaderId: teacher.userId, room: 'Sal 5', version: 1 };

    const response = await world.caseworker.put(`/api/groups/${group.id}`, body);
    const stale = await world.caseworker.put(`/api/groups/${group.id}`, { ...body, name: 'Morgongruppen' });

    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({
      name: 'Kvällsgruppen',
      leaderName: 'Test language_teacher',
      version: 2,
    });
    expect(response.json().sessions[0]).toMatchObject({ leaderId: teacher.userId, room: 'Sal 5' });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error).toMatchObject({
      code: 'VERSION_CONFLICT',
      current: { name: 'Kvällsgruppen' },
    });
  });

  it('answers 400, 401, 403 and 404', async () => {
    const { group } = await createGroup(t.db, world);
    const url = `/api/groups/${group.id}`;
    const outsider = await createSession(t.app, t.db, 'coordinator', [world.otherCentre.id]);
    const body = { name: 'Ny', leaderId: world.caseworker.userId, room: null, version: 1 };

    const stranger = await world.caseworker.put(url, { ...body, leaderId: outsider.userId });
    const anonymous = await t.app.inject({ method: 'PUT', url, payload: body });
    const other = await world.otherCaseworker.put(url, body);
    const none = await world.caseworker.put(`/api/groups/${missing}`, body);

    expect(stranger.statusCode).toBe(400);
    expect(stranger.json().error.fields[0].field).toBe('leaderId');
    expect([anonymous.statusCode, other.statusCode, none.statusCode]).toEqual([401, 403, 404]);
  });
});

describe('PUT /api/sessions/:id', () => {
  it('moves a session and keeps the original date through later moves', async () => {
    const { sessions } = await createGroup(t.db, world);
    const session = sessions[0];
    if (!session) throw new Error('no session');
    const move = (date: string, version: number, startTime = '13:00') =>
      world.caseworker.put(`/api/sessions/${session.id}`, {
        date,
        startTime,
        endTime: '15:00',
        room: 'Sal 9',
        leaderId: world.caseworker.userId,
        version,
      });

    const first = await move('2026-11-17', 1);
    const second = await move('2026-11-19', 2);
    const stale = await move('2026-11-20', 2);
    const clash = await move('2026-11-18', 3, '09:00');
    const back = await move('2026-11-16', 3);

    expect(first.statusCode).toBe(200);
    expect(first.json()).toMatchObject({
      date: '2026-11-17',
      startTime: '13:00',
      room: 'Sal 9',
      movedFrom: '2026-11-16',
    });
    expect(second.json()).toMatchObject({ date: '2026-11-19', movedFrom: '2026-11-16', version: 3 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error).toMatchObject({ code: 'VERSION_CONFLICT', current: { date: '2026-11-19' } });
    expect(clash.statusCode).toBe(400);
    expect(clash.json().error.fields[0]).toMatchObject({ field: 'date', code: 'slot_taken' });
    expect(back.json()).toMatchObject({ date: '2026-11-16', movedFrom: null });
  });

  it('records civic orientation areas, and refuses them for other activities', async () => {
    const civic = await createActivity(t.db, world.programme.programme.id, { type: 'civic_orientation' });
    const { sessions: civicSessions } = await createGroup(t.db, world, { activityId: civic.id });
    const { sessions: otherSessions } = await createGroup(t.db, world);
    const body = (date: string) => ({
      date,
      startTime: '09:00',
      endTime: '12:00',
      room: null,
      leaderId: world.caseworker.userId,
      civicAreas: [3, 1, 3],
      guestEmployer: 'Haninge Bygg AB',
      version: 1,
    });

    const recorded = await world.caseworker.put(`/api/sessions/${civicSessions[0]?.id}`, body('2026-11-16'));
    const refused = await world.caseworker.put(`/api/sessions/${otherSessions[0]?.id}`, body('2026-11-16'));

    expect(recorded.statusCode).toBe(200);
    expect(recorded.json()).toMatchObject({
      civicAreas: [1, 3],
      guestEmployer: 'Haninge Bygg AB',
      movedFrom: null,
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.fields[0]).toEqual({
      field: 'civicAreas',
      code: 'civic_orientation_only',
      message: 'Områden i samhällsorienteringen kan bara anges för samhällsorientering',
    });
  });

  it('answers 400, 401, 403, 404 and 409 once attendance is recorded', async () => {
    const { group, sessions } = await createGroup(t.db, world);
    const enrolment = await enrolParticipant(world.caseworker, world);
    await addGroupMember(t.db, group.id, enrolment.id, world.caseworker.userId);
    const [session, attended] = sessions;
    if (!session || !attended) throw new Error('no sessions');
    await recordAttendance(attended.id, enrolment.id, world.caseworker.userId);
    const body = {
      date: '2026-11-17',
      startTime: '09:00',
      endTime: '12:00',
      leaderId: world.caseworker.userId,
      version: 1,
    };
    const url = `/api/sessions/${session.id}`;

    const backwards = await world.caseworker.put(url, { ...body, endTime: '08:00' });
    const outside = await world.caseworker.put(url, { ...body, date: '2027-01-04' });
    const anonymous = await t.app.inject({ method: 'PUT', url, payload: body });
    const other = await world.otherCaseworker.put(url, body);
    const none = await world.caseworker.put(`/api/sessions/${missing}`, body);
    const withAttendance = await world.caseworker.put(`/api/sessions/${attended.id}`, body);
    const sameTime = await world.caseworker.put(`/api/sessions/${attended.id}`, {
      ...body,
      date: attended.sessionDate,
      room: 'Sal 3',
    });

    expect(backwards.json().error.fields[0]).toMatchObject({
      field: 'endTime',
      message: 'Sluttid måste vara efter starten',
    });
    expect(outside.json().error.fields[0]).toMatchObject({ field: 'date', code: 'outside_group_period' });
    expect([anonymous.statusCode, other.statusCode, none.statusCode]).toEqual([401, 403, 404]);
    expect(withAttendance.statusCode).toBe(409);
    expect(withAttendance.json().error.code).toBe('SESSION_HAS_ATTENDANCE');
    expect(sameTime.statusCode).toBe(200);
    expect(sameTime.json()).toMatchObject({ room: 'Sal 3', recordedCount: 1, memberCount: 1 });
  });
});

describe('POST /api/sessions/:id/cancel', () => {
  it('cancels with a reason, and refuses a session with attendance or one already cancelled', async () => {
    const { sessions } = await createGroup(t.db, world);
    const enrolment = await enrolParticipant(world.caseworker, world);
    const [session, attended] = sessions;
    if (!session || !attended) throw new Error('no sessions');
    await recordAttendance(attended.id, enrolment.id, world.caseworker.userId);

    const cancelled = await world.caseworker.post(`/api/sessions/${session.id}/cancel`, {
      reason: 'Läraren sjuk',
      version: 1,
    });
    const again = await world.caseworker.post(`/api/sessions/${session.id}/cancel`, {
      reason: 'Igen',
      version: 2,
    });
    const refused = await world.caseworker.post(`/api/sessions/${attended.id}/cancel`, {
      reason: 'Läraren sjuk',
      version: 1,
    });

    expect(cancelled.statusCode).toBe(200);
    expect(cancelled.json()).toMatchObject({ status: 'cancelled', cancelReason: 'Läraren sjuk', version: 2 });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('SESSION_ALREADY_CANCELLED');
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error).toMatchObject({
      code: 'SESSION_HAS_ATTENDANCE',
      message:
        'Närvaro är redan registrerad för passet, så det kan inte ställas in eller flyttas till en annan tid.',
    });
  });

  it('answers 400, 401, 403, 404 and 409 for a stale version', async () => {
    const { sessions } = await createGroup(t.db, world);
    const url = `/api/sessions/${sessions[0]?.id}/cancel`;
    const liaison = await createSession(t.app, t.db, 'employer_liaison', [world.centre.id]);
    const body = { reason: 'Stängt', version: 1 };

    const blank = await world.caseworker.post(url, { reason: '', version: 1 });
    const anonymous = await t.app.inject({ method: 'POST', url, payload: body });
    const other = await world.otherCaseworker.post(url, body);
    const byLiaison = await liaison.post(url, body);
    const none = await world.caseworker.post(`/api/sessions/${missing}/cancel`, body);
    const stale = await world.caseworker.post(url, { ...body, version: 5 });

    expect(blank.json().error.fields[0]).toMatchObject({ field: 'reason', code: 'required' });
    expect([anonymous.statusCode, other.statusCode, byLiaison.statusCode, none.statusCode]).toEqual([
      401, 403, 403, 404,
    ]);
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error).toMatchObject({ code: 'VERSION_CONFLICT', current: { status: 'planned' } });
  });
});

describe('GET /api/sessions/week', () => {
  it('gives a centre, a group, a leader or a participant their week, Monday to Sunday', async () => {
    const own = await createWorld(t.app, t.db);
    const teacher = await createSession(t.app, t.db, 'language_teacher', [own.centre.id]);
    const late = await createGroup(t.db, own, {
      name: 'Öst',
      schedule: [{ weekday: 2, startTime: '13:00', endTime: '15:00' }],
      leaderId: teacher.userId,
    });
    const early = await createGroup(t.db, own, {
      name: 'Väst',
      schedule: [
        { weekday: 2, startTime: '09:00', endTime: '12:00' },
        { weekday: 7, startTime: '10:00', endTime: '11:00' },
      ],
    });
    const same = await createGroup(t.db, own, {
      name: 'Ängen',
      schedule: [{ weekday: 2, startTime: '13:00', endTime: '14:00' }],
    });
    const enrolment = await enrolParticipant(own.caseworker, own);
    await addGroupMember(t.db, late.group.id, enrolment.id, own.caseworker.userId, '2026-11-24');
    const leftEarly = await addGroupMember(
      t.db,
      early.group.id,
      enrolment.id,
      own.caseworker.userId,
      '2026-11-16',
    );
    await own.caseworker.post(`/api/group-members/${leftEarly.id}/leave`, { leftOn: '2026-11-24' });
    const week = async (query: string) => {
      const response = await own.caseworker.get(`/api/sessions/week?week=2026-W48&${query}`);
      expect(response.statusCode).toBe(200);
      return response.json() as { week: string; from: string; to: string; sessions: SessionBody[] };
    };
    const slots = (w: { sessions: SessionBody[] }) =>
      w.sessions.map((s) => `${s.date} ${s.startTime} ${s.groupName}`);

    const centre = await week(`centreId=${own.centre.id}`);
    expect(centre).toMatchObject({ week: '2026-W48', from: '2026-11-23', to: '2026-11-29' });
    expect(slots(centre)).toEqual([
      '2026-11-24 09:00 Väst',
      '2026-11-24 13:00 Ängen',
      '2026-11-24 13:00 Öst',
      '2026-11-29 10:00 Väst',
    ]);
    expect(slots(await week(`groupId=${same.group.id}`))).toEqual(['2026-11-24 13:00 Ängen']);
    expect(slots(await week(`leaderId=${teacher.userId}`))).toEqual(['2026-11-24 13:00 Öst']);
    // A member through the day they leave, from the day they join.
    expect(slots(await week(`participantId=${enrolment.participantId}`))).toEqual([
      '2026-11-24 09:00 Väst',
      '2026-11-24 13:00 Öst',
    ]);
    expect(await accessLog(enrolment.participantId)).toContainEqual({ action: 'read', what: 'group.week' });
  });

  it('keeps the days of week 53 of 2026 together across the new year, holidays left out', async () => {
    const own = await createWorld(t.app, t.db);
    const daily = [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, startTime: '10:00', endTime: '11:00' }));
    const { group } = await createGroup(t.db, own, {
      schedule: daily,
      startsOn: '2026-12-21',
      endsOn: '2027-01-10',
    });

    const response = await own.caseworker.get(`/api/sessions/week?week=2026-W53&groupId=${group.id}`);

    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ week: '2026-W53', from: '2026-12-28', to: '2027-01-03' });
    expect(response.json().sessions.map((s: SessionBody) => [s.date, s.week])).toEqual([
      ['2026-12-28', '2026-W53'],
      ['2026-12-29', '2026-W53'],
      ['2026-12-30', '2026-W53'],
      ['2027-01-02', '2026-W53'],
      ['2027-01-03', '2026-W53'],
    ]);
    const next = (await own.caseworker.get(`/api/sessions/week?week=2027-W01&groupId=${group.id}`)).json();
    expect(next).toMatchObject({ from: '2027-01-04', to: '2027-01-10' });
    expect(next.sessions.map((s: SessionBody) => s.date)).toEqual([
      '2027-01-04',
      '2027-01-05',
      // 6 January is Epiphany.
      '2027-01-07',
      '2027-01-08',
      '2027-01-09',
      '2027-01-10',
    ]);
  });

  it('answers 400 unless exactly one of centre, group, leader or participant is given, or for a week that does not exist', async () => {
    const none = await world.caseworker.get('/api/sessions/week?week=2026-W48');
    const two = await world.caseworker.get(
      `/api/sessions/week?week=2026-W48&centreId=${world.centre.id}&leaderId=${world.caseworker.userId}`,
    );
    const noWeek53 = await world.caseworker.get(
      `/api/sessions/week?week=2025-W53&centreId=${world.centre.id}`,
    );
    const malformed = await world.caseworker.get(
      `/api/sessions/week?week=2026-48&centreId=${world.centre.id}`,
    );
    const outOfRange = await Promise.all(
      ['0000-W01', '9999-W52'].map((w) =>
        world.caseworker.get(`/api/sessions/week?week=${w}&centreId=${world.centre.id}`),
      ),
    );
    expect(outOfRange.map((r) => r.statusCode)).toEqual([400, 400]);

    expect([none.statusCode, two.statusCode, noWeek53.statusCode, malformed.statusCode]).toEqual([
      400, 400, 400, 400,
    ]);
    expect(none.json().error.fields[0]).toEqual({
      field: 'scope',
      code: 'exactly_one',
      message: 'Visa schema för måste vara exakt ett av centrum, grupp, ledare eller deltagare',
    });
    expect(noWeek53.json().error.fields[0]).toMatchObject({ field: 'week', code: 'invalid_value' });
    expect(malformed.json().error.fields[0]).toMatchObject({ field: 'week', code: 'invalid_format' });
  });

  it('answers 401, 403 and 404', async () => {
    const { group } = await createGroup(t.db, world);
    const enrolment = await enrolParticipant(world.caseworker, world);
    const hidden = await enrolProtected(world);
    const colleague = await createSession(
      t.app,
      t.db,
      'coordinator',
      [world.centre.id],
      world.organisation.id,
    );
    const url = (query: string) => `/api/sessions/week?week=2026-W48&${query}`;

    const responses = await Promise.all([
      t.app.inject({ method: 'GET', url: url(`centreId=${world.centre.id}`) }),
      world.otherCaseworker.get(url(`centreId=${world.centre.id}`)),
      world.otherCaseworker.get(url(`groupId=${group.id}`)),
      world.otherCaseworker.get(url(`participantId=${enrolment.participantId}`)),
      colleague.get(url(`participantId=${hidden.participantId}`)),
      world.caseworker.get(url(`centreId=${missing}`)),
      world.caseworker.get(url(`groupId=${missing}`)),
      world.caseworker.get(url(`leaderId=${missing}`)),
    ]);
    expect(responses.map((r) => r.statusCode)).toEqual([401, 403, 403, 403, 404, 404, 404, 404]);
  });
});

describe('POST /api/groups/:id/members and /api/group-members/:id/leave', () => {
  it('adds an enrolled participant, refuses them twice, and records when they leave', async () => {
    const { group } = await createGroup(t.db, world);
    const enrolment = await enrolParticipant(world.caseworker, world);
    const url = `/api/groups/${group.id}/members`;

    const added = await world.caseworker.post(url, { enrolmentId: enrolment.id, joinedOn: '2026-11-18' });
    const twice = await world.caseworker.post(url, { enrolmentId: enrolment.id, joinedOn: '2026-11-20' });

    expect(added.statusCode).toBe(201);
    expect(added.json()).toMatchObject({
      groupId: group.id,
      enrolmentId: enrolment.id,
      participantId: enrolment.participantId,
      firstName: 'Amal',
      lastName: 'Haile',
      protectedIdentity: false,
      joinedOn: '2026-11-18',
      leftOn: null,
    });
    expect(twice.statusCode).toBe(409);
    expect(twice.json().error).toMatchObject({
      code: 'GROUP_MEMBER_EXISTS',
      message: 'Deltagaren är redan med i gruppen.',
    });

    const leaveUrl = `/api/group-members/${added.json().id}/leave`;
    const early = await world.caseworker.post(leaveUrl, { leftOn: '2026-11-17' });
    const left = await world.caseworker.post(leaveUrl, { leftOn: '2026-12-01' });
    const leftAgain = await world.caseworker.post(leaveUrl, { leftOn: '2026-12-02' });
    const rejoined = await world.caseworker.post(url, { enrolmentId: enrolment.id, joinedOn: '2026-12-07' });

    expect(early.statusCode).toBe(400);
    expect(early.json().error.fields[0]).toMatchObject({ field: 'leftOn', code: 'before_starts_on' });
    expect(left.statusCode).toBe(200);
    expect(left.json()).toMatchObject({ leftOn: '2026-12-01' });
    expect(leftAgain.statusCode).toBe(409);
    expect(leftAgain.json().error.code).toBe('GROUP_MEMBER_ALREADY_LEFT');
    expect(rejoined.statusCode).toBe(201);
    expect(await accessLog(enrolment.participantId)).toEqual(
      expect.arrayContaining([
        { action: 'update', what: 'group.join' },
        { action: 'update', what: 'group.leave' },
      ]),
    );
  });

  it('answers 400 naming the field and 409 for an enrolment that has ended', async () => {
    const { group } = await createGroup(t.db, world);
    const enrolment = await enrolParticipant(world.caseworker, world);
    const exited = await enrolParticipant(world.caseworker, world);
    await world.caseworker.post(`/api/enrolments/${exited.id}/exit`, {
      exitedOn: '2026-11-20',
      outcome: 'moved',
      organisation: null,
      reason: null,
      version: 1,
    });
    const url = `/api/groups/${group.id}/members`;

    const beforeGroup = await world.caseworker.post(url, {
      enrolmentId: enrolment.id,
      joinedOn: '2026-11-10',
    });
    const afterGroup = await world.caseworker.post(url, {
      enrolmentId: enrolment.id,
      joinedOn: '2027-01-10',
    });
    const unknown = await world.caseworker.post(url, { enrolmentId: missing, joinedOn: '2026-11-18' });
    const bad = await world.caseworker.post(url, { enrolmentId: enrolment.id, joinedOn: '18/11' });
    const ended = await world.caseworker.post(url, { enrolmentId: exited.id, joinedOn: '2026-11-18' });

    expect(beforeGroup.json().error.fields[0]).toMatchObject({
      field: 'joinedOn',
      code: 'outside_group_period',
    });
    expect(afterGroup.json().error.fields[0]).toMatchObject({
      field: 'joinedOn',
      code: 'outside_group_period',
    });
    expect(unknown.json().error.fields[0]).toMatchObject({ field: 'enrolmentId', code: 'not_found' });
    expect(bad.json().error.fields[0]).toMatchObject({
      field: 'joinedOn',
      message: 'Datum för start i gruppen måste vara ett datum som ÅÅÅÅ-MM-DD',
    });
    expect(ended.statusCode).toBe(409);
    expect(ended.json().error.code).toBe('ENROLMENT_ALREADY_EXITED');
  });

  it('refuses a joining date before the enrolment starts', async () => {
    const { group } = await createGroup(t.db, world, { startsOn: '2026-11-02' });
    const enrolment = await enrolParticipant(world.caseworker, world);

    const response = await world.caseworker.post(`/api/groups/${group.id}/members`, {
      enrolmentId: enrolment.id,
      joinedOn: '2026-11-09',
    });

    expect(response.statusCode).toBe(400);
    expect(response.json().error.fields[0]).toMatchObject({
      field: 'joinedOn',
      message: 'Datum för start i gruppen får inte vara före startdatum',
    });
  });

  it('answers 401, 403 and 404', async () => {
    const { group } = await createGroup(t.db, world);
    const enrolment = await enrolParticipant(world.caseworker, world);
    const member = await addGroupMember(t.db, group.id, enrolment.id, world.caseworker.userId);
    const liaison = await createSession(t.app, t.db, 'employer_liaison', [world.centre.id]);
    const body = { enrolmentId: enrolment.id, joinedOn: '2026-11-18' };
    const url = `/api/groups/${group.id}/members`;
    const leaveUrl = `/api/group-members/${member.id}/leave`;

    const responses = await Promise.all([
      t.app.inject({ method: 'POST', url, payload: body }),
      world.otherCaseworker.post(url, body),
      liaison.post(url, body),
      world.caseworker.post(`/api/groups/${missing}/members`, body),
      t.app.inject({ method: 'POST', url: leaveUrl, payload: { leftOn: '2026-12-01' } }),
      world.otherCaseworker.post(leaveUrl, { leftOn: '2026-12-01' }),
      world.caseworker.post(`/api/group-members/${missing}/leave`, { leftOn: '2026-12-01' }),
    ]);
    expect(responses.map((r) => r.statusCode)).toEqual([401, 403, 403, 404, 401, 403, 404]);
  });
});

describe('GET /api/participants/:id/groups', () => {
  it("lists the participant's groups, current and past, and logs the read", async () => {
    const activity = await createActivity(t.db, world.programme.programme.id, {
      name: 'Hälsa och friskvård',
    });
    const { group } = await createGroup(t.db, world, { activityId: activity.id, name: 'Friskvård tisdagar' });
    const enrolment = await enrolParticipant(world.caseworker, world);
    await addGroupMember(t.db, group.id, enrolment.id, world.caseworker.userId, '2026-11-18');

    const response = await world.caseworker.get(`/api/participants/${enrolment.participantId}/groups`);

    expect(response.statusCode).toBe(200);
    expect(response.json().items).toEqual([
      expect.objectContaining({
        groupId: group.id,
        groupName: 'Friskvård tisdagar',
        activityName: 'Hälsa och friskvård',
        activityType: 'language_promotion',
        joinedOn: '2026-11-18',
        leftOn: null,
      }),
    ]);
    expect(await accessLog(enrolment.participantId)).toContainEqual({
      action: 'read',
      what: 'group.participant',
    });
  });

  it('answers 400, 401, 403 and 404', async () => {
    const enrolment = await enrolParticipant(world.caseworker, world);
    const hidden = await enrolProtected(world);
    const colleague = await createSession(
      t.app,
      t.db,
      'coordinator',
      [world.centre.id],
      world.organisation.id,
    );
    const url = `/api/participants/${enrolment.participantId}/groups`;
    const responses = await Promise.all([
      world.caseworker.get('/api/participants/x/groups'),
      t.app.inject({ method: 'GET', url }),
      world.otherCaseworker.get(url),
      colleague.get(`/api/participants/${hidden.participantId}/groups`),
      world.caseworker.get(`/api/participants/${missing}/groups`),
    ]);
    expect(responses.map((r) => r.statusCode)).toEqual([400, 401, 403, 404, 404]);
  });
});

describe('GET /api/enrolments/:id/proposed-activities', () => {
  it("proposes the activities mandatory for the target group with the centre's running groups", async () => {
    const own = await createWorld(t.app, t.db);
    const { short, higher } = own.programme;
    const programmeId = own.programme.programme.id;
    const civic = await createActivity(t.db, programmeId, {
      name: 'Samhällsorientering',
      type: 'civic_orientation',
    });
    const jobs = await createActivity(t.db, programmeId, {
      name: 'Jobbförberedande grupp',
      type: 'job_preparation',
    });
    const inactive = await createActivity(t.db, programmeId, { name: 'Gammal kurs', active: false });
    const onlyHigher = await createActivity(t.db, programmeId, { name: 'Validering' });
    const boss = await createSession(t.app, t.db, 'programme_manager', [own.centre.id], own.organisation.id);
    for (const [activity, groups] of [
      [civic, [short.id, higher.id]],
      [jobs, [short.id]],
      [inactive, [short.id]],
      [onlyHigher, [higher.id]],
    ] as const) {
      const response = await boss.put(`/api/activities/${activity.id}`, {
        name: activity.name,
        type: activity.type,
        plannedHours: activity.plannedHours,
        deliveryLanguage: 'sv',
        mandatoryTargetGroupIds: groups,
        active: activity.active,
        version: 1,
      });
      expect(response.statusCode).toBe(200);
    }
    const running = await createGroup(t.db, own, {
      activityId: civic.id,
      name: 'SO arabiska',
      endsOn: '2027-06-30',
    });
    await createGroup(t.db, own, { activityId: civic.id, name: 'SO som slutat', endsOn: '2026-11-18' });
    const elsewhere = await createSession(t.app, t.db, 'coordinator', [own.otherCentre.id]);
    await createGroup(
      t.db,
      { ...own, centre: own.otherCentre, caseworker: elsewhere },
      { activityId: civic.id, endsOn: '2027-06-30' },
    );
    const enrolment = await enrolParticipant(own.caseworker, own);
    await addGroupMember(t.db, running.group.id, enrolment.id, own.caseworker.userId);

    const response = await own.caseworker.get(`/api/enrolments/${enrolment.id}/proposed-activities`);

    expect(response.statusCode).toBe(200);
    const items = response.json().items as {
      activity: { name: string };
      groups: { name: string; isMember: boolean }[];
    }[];
    expect(items.map((i) => [i.activity.name, i.groups.map((g) => [g.name, g.isMember])])).toEqual([
      ['Jobbförberedande grupp', []],
      ['Samhällsorientering', [['SO arabiska', true]]],
    ]);
    expect(await accessLog(enrolment.participantId)).toContainEqual({
      action: 'read',
      what: 'group.proposals',
    });
  });

  it('answers 400, 401, 403 and 404', async () => {
    const enrolment = await enrolParticipant(world.caseworker, world);
    const url = `/api/enrolments/${enrolment.id}/proposed-activities`;
    const responses = await Promise.all([
      world.caseworker.get('/api/enrolments/x/proposed-activities'),
      t.app.inject({ method: 'GET', url }),
      world.otherCaseworker.get(url),
      world.caseworker.get(`/api/enrolments/${missing}/proposed-activities`),
    ]);
    expect(responses.map((r) => r.statusCode)).toEqual([400, 401, 403, 404]);
  });
});
