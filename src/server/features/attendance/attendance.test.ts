import { parse } from 'csv-parse/sync';
import { eq, sql } from 'drizzle-orm';
import { readSheet } from 'read-excel-file/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ParticipantInput } from '../../../core/schemas/participant.schema.ts';
import { consents, groupMembers, groupSessions, programmes } from '../../db/schema.ts';
import {
  addGroupMember,
  consentToParticipation,
  createActivity,
  createGroup,
  createSession,
  createWorld,
  referParticipant,
  uniquePersonalIdentityNumber,
} from '../../test/factories.ts';
import { createTestApp, type Session, type TestContext } from '../../test/test-app.ts';

let t: TestContext;
let world: Awaited<ReturnType<typeof createWorld>>;
let teacher: Session;
beforeAll(async () => {
  t = await createTestApp();
  world = await createWorld(t.app, t.db);
  // Leads groups at the world's centre but is assigned to no one.
  teacher = await createSession(t.app, t.db, 'language_teacher', [world.centre.id], world.organisation.id);
});
afterAll(() => t.close());

const missing = '00000000-0000-4000-8000-000000000000';

/** A valid number; the factory's serial can come out as 000, which is never issued. */
function pin(): string {
  for (;;) {
    const number = uniquePersonalIdentityNumber();
    if (!number.slice(8).startsWith('000')) return number;
  }
}

type Member = { participantId: string; enrolmentId: string };

/** A consented participant enrolled from 2026-08-03 at the world's centre. */
async function enrolled(person: Partial<ParticipantInput> = {}): Promise<Member> {
  const { participantId } = await referParticipant(world.caseworker, world, {
    personalIdentityNumber: pin(),
    ...person,
  });
  await consentToParticipation(world.caseworker, participantId);
  const response = await world.caseworker.post(`/api/participants/${participantId}/enrolments`, {
    programmeId: world.programme.programme.id,
    centreId: world.centre.id,
    startsOn: '2026-08-03',
  });
  if (response.statusCode !== 201) throw new Error(`enrol failed: ${response.body}`);
  return { participantId, enrolmentId: (response.json() as { id: string }).id };
}

/**
 * A group on Wednesdays and Thursdays 09:00–12:00 from 2026-09-01 to 2026-10-31 (so 2026-09-30, the last
 * day of September, and 2026-10-01 both have a session), with the given members from 2026-09-01.
 */
async function groupWith(members: Member[], options: Parameters<typeof createGroup>[2] = {}) {
  const { group, sessions } = await createGroup(t.db, world, {
    startsOn: '2026-09-01',
    endsOn: '2026-10-31',
    schedule: [
      { weekday: 3, startTime: '09:00', endTime: '12:00' },
      { weekday: 4, startTime: '09:00', endTime: '12:00' },
    ],
    ...options,
  });
  for (const m of members)
    await addGroupMember(t.db, group.id, m.enrolmentId, world.caseworker.userId, '2026-09-01');
  const on = (date: string) => {
    const found = sessions.find((s) => s.sessionDate === date);
    if (!found) throw new Error(`no session on ${date}`);
    return found;
  };
  return { group, sessions, on };
}

type RollCallBody = {
  session: { id: string; date: string; memberCount: number; recordedCount: number };
  rows: {
    enrolmentId: string;
    participantId: string;
    firstName: string;
    lastName: string;
    protectedIdentity: boolean;
    attendance: {
      status: string;
      lateMinutes: number | null;
      absenceReason: string | null;
      reasonText: string | null;
      attendedMinutes: number;
      deviation: boolean;
      recordedByName: string;
      version: number;
    } | null;
  }[];
};

type Row = {
  enrolmentId: string;
  status: 'present' | 'late' | 'absent';
  lateMinutes?: number | null;
  absenceReason?: string | null;
  reasonText?: string | null;
  version?: number | null;
};

function save(sessionId: string, rows: Row[], session = world.caseworker) {
  return session.put(`/api/sessions/${sessionId}/roll-call`, { rows });
}

async function saved(sessionId: string, rows: Row[]) {
  const response = await save(sessionId, rows);
  expect(response.statusCode, response.body).toBe(200);
  return response.json() as RollCallBody;
}

async function accessLog(what: string, participantId: string) {
  const result = await t.db.execute(
    sql`select action from access_log where what = ${what} and participant_id = ${participantId}`,
  );
  return (result as unknown as { rows: { action: string }[] }).rows.map((r) => r.action);
}

async function cancel(sessionId: string) {
  await t.db
    .update(groupSessions)
    .set({ status: 'cancelled', cancelReason: 'Ledaren sjuk' })
    .where(eq(groupSessions.id, sessionId));
}

describe('GET /api/sessions/:id/roll-call', () => {
  it('lists the members on the date in Swedish order, without those who had left, and logs the read', async () => {
    const people = await Promise.all(
      ['Öberg', 'Zetterlund', 'Åberg', 'Andersson', 'Ärlig'].map((lastName) => enrolled({ lastName })),
    );
    const left = await enrolled({ lastName: 'Borta' });
    const { group, on } = await groupWith([...people, left]);
    await t.db
      .update(groupMembers)
      .set({ leftOn: '2026-09-20' })
      .where(eq(groupMembers.enrolmentId, left.enrolmentId));

    const response = await world.caseworker.get(`/api/sessions/${on('2026-09-30').id}/roll-call`);
    expect(response.statusCode).toBe(200);
    const body = response.json() as RollCallBody;
    expect(body.session).toMatchObject({ id: on('2026-09-30').id, date: '2026-09-30', memberCount: 5 });
    expect(body.rows.map((r) => r.lastName)).toEqual(['Andersson', 'Zetterlund', 'Åberg', 'Ärlig', 'Öberg']);
    expect(body.rows.every((r) => r.attendance === null)).toBe(true);
    expect(await accessLog('attendance.rollCall', people[0]?.participantId ?? '')).toEqual(['read']);

    // Before leaving, the member is on the roll call.
    const earlier = (await world.caseworker.get(`/api/sessions/${on('2026-09-16').id}/roll-call`)).json();
    expect((earlier as RollCallBody).rows.map((r) => r.lastName)).toContain('Borta');
    expect(group.id).toBeTruthy();
  });

  it('does not show a protected member to a leader who is not assigned to them', async () => {
    const open = await enrolled({ lastName: 'Öppen' });
    const hidden = await enrolled({ lastName: 'Skyddad', protectedIdentity: true });
    const { on } = await groupWith([open, hidden], { leaderId: teacher.userId });
    const sessionId = on('2026-09-30').id;

    const byTeacher = (await teacher.get(`/api/sessions/${sessionId}/roll-call`)).json() as RollCallBody;
    expect(byTeacher.rows.map((r) => r.lastName)).toEqual(['Öppen']);
    expect(byTeacher.session.memberCount).toBe(1);
    const byAssigned = (
      await world.caseworker.get(`/api/sessions/${sessionId}/roll-call`)
    ).json() as RollCallBody;
    expect(byAssigned.rows.map((r) => [r.lastName, r.protectedIdentity])).toEqual([
      ['Skyddad', true],
      ['Öppen', false],
    ]);

    // Writing for the hidden member is refused as for a stranger.
    const response = await save(sessionId, [{ enrolmentId: hidden.enrolmentId, status: 'present' }], teacher);
    expect(response.statusCode).toBe(400);
    expect(response.json().error.fields).toEqual([
      expect.objectContaining({ field: 'rows.0.enrolmentId', code: 'not_group_member' }),
    ]);
  });

  it('answers 401 without a session, 403 at another centre and 404 for no session', async () => {
    const { on } = await groupWith([]);
    const url = `/api/sessions/${on('2026-09-30').id}/roll-call`;
    expect((await t.app.inject({ method: 'GET', url })).statusCode).toBe(401);
    expect((await world.otherCaseworker.get(url)).statusCode).toBe(403);
    expect((await world.caseworker.get(`/api/sessions/${missing}/roll-call`)).statusCode).toBe(404);
    expect((await world.caseworker.get('/api/sessions/not-a-uuid/roll-call')).statusCode).toBe(400);
  });
});

describe('PUT /api/sessions/:id/roll-call', () => {
  it('saves present, late and absent with attended minutes and deviations, then updates by version', async () => {
    const [a, b, c] = await Promise.all([
      enrolled({ lastName: 'Ahmed' }),
      enrolled({ lastName: 'Berhe' }),
      enrolled({ lastName: 'Castro' }),
    ]);
    if (!a || !b || !c) throw new Error('no members');
    const { on } = await groupWith([a, b, c]);
    const sessionId = on('2026-09-30').id;

    const first = await saved(sessionId, [
      { enrolmentId: a.enrolmentId, status: 'present' },
      { enrolmentId: b.enrolmentId, status: 'late', lateMinutes: 20 },
      { enrolmentId: c.enrolmentId, status: 'absent', absenceReason: 'ill' },
    ]);
    expect(first.session.recordedCount).toBe(3);
    expect(
      first.rows.map((r) => [r.lastName, r.attendance?.attendedMinutes, r.attendance?.deviation]),
    ).toEqual([
      ['Ahmed', 180, false],
      ['Berhe', 160, true],
      ['Castro', 0, true],
    ]);
    expect(first.rows[0]?.attendance).toMatchObject({
      status: 'present',
      version: 1,
      recordedByName: 'Test coordinator',
    });
    expect(await accessLog('attendance.rollCall', b.participantId)).toEqual(['update']);

    const second = await saved(sessionId, [
      { enrolmentId: b.enrolmentId, status: 'late', lateMinutes: 10, version: 1 },
    ]);
    expect(second.rows[1]?.attendance).toMatchObject({
      lateMinutes: 10,
      attendedMinutes: 170,
      deviation: false,
      version: 2,
    });
    expect(second.rows[0]?.attendance?.version).toBe(1);
  });

  it('names the field of a bad row (400)', async () => {
    const member = await enrolled();
    const stranger = await enrolled();
    const { on } = await groupWith([member]);
    const sessionId = on('2026-09-30').id;

    const cases: [Row[], string, string][] = [
      [[{ enrolmentId: member.enrolmentId, status: 'late' }], 'rows.0.lateMinutes', 'required'],
      [[{ enrolmentId: member.enrolmentId, status: 'absent' }], 'rows.0.absenceReason', 'required'],
      [
        [{ enrolmentId: member.enrolmentId, status: 'absent', absenceReason: 'other' }],
        'rows.0.reasonText',
        'required',
      ],
      [
        [{ enrolmentId: member.enrolmentId, status: 'hemma' as 'present' }],
        'rows.0.status',
        'invalid_choice',
      ],
      [[{ enrolmentId: stranger.enrolmentId, status: 'present' }], 'rows.0.enrolmentId', 'not_group_member'],
      [
        [{ enrolmentId: member.enrolmentId, status: 'present', absenceReason: 'ill' }],
        'rows.0.absenceReason',
        'not_allowed_for_status',
      ],
      [
        [{ enrolmentId: member.enrolmentId, status: 'late', lateMinutes: 5, absenceReason: 'ill' }],
        'rows.0.absenceReason',
        'not_allowed_for_status',
      ],
      [
        [
          { enrolmentId: member.enrolmentId, status: 'present' },
          { enrolmentId: member.enrolmentId, status: 'present' },
        ],
        'rows.1.enrolmentId',
        'duplicate_row',
      ],
    ];
    for (const [rows, field, code] of cases) {
      const response = await save(sessionId, rows);
      expect(response.statusCode, field).toBe(400);
      expect(response.json().error.fields, field).toContainEqual(expect.objectContaining({ field, code }));
    }
    const nothing = (
      await world.caseworker.get(`/api/sessions/${sessionId}/roll-call`)
    ).json() as RollCallBody;
    expect(nothing.rows[0]?.attendance).toBeNull();
  });

  it('answers 401, 403 (another centre, a role without the right) and 404', async () => {
    const member = await enrolled();
    const { on } = await groupWith([member]);
    const url = `/api/sessions/${on('2026-09-30').id}/roll-call`;
    const body = { rows: [{ enrolmentId: member.enrolmentId, status: 'present' }] };
    expect((await t.app.inject({ method: 'PUT', url, payload: body })).statusCode).toBe(401);
    expect((await world.otherCaseworker.put(url, body)).statusCode).toBe(403);
    const admin = await createSession(t.app, t.db, 'administrator', [world.centre.id], world.organisation.id);
    expect((await admin.put(url, body)).statusCode).toBe(403);
    expect((await world.caseworker.put(`/api/sessions/${missing}/roll-call`, body)).statusCode).toBe(404);
  });

  it('refuses a cancelled session and one that has not taken place (409)', async () => {
    const member = await enrolled();
    const { on, sessions } = await groupWith([member], { endsOn: '2027-01-31' });
    const cancelled = on('2026-09-30').id;
    await cancel(cancelled);
    const rows: Row[] = [{ enrolmentId: member.enrolmentId, status: 'present' }];
    const response = await save(cancelled, rows);
    expect(response.statusCode).toBe(409);
    expect(response.json().error.code).toBe('SESSION_CANCELLED');

    const future = sessions.find((s) => s.sessionDate > '2026-12-31');
    if (!future) throw new Error('no future session');
    const ahead = await save(future.id, rows);
    expect(ahead.statusCode).toBe(409);
    expect(ahead.json().error.code).toBe('SESSION_NOT_HELD_YET');
  });

  it('refuses attendance for a participant whose consent was withdrawn (409)', async () => {
    const member = await enrolled();
    const { on } = await groupWith([member]);
    await t.db
      .update(consents)
      .set({ withdrawnOn: '2026-11-10', withdrawnBy: world.caseworker.userId })
      .where(eq(consents.participantId, member.participantId));
    const response = await save(on('2026-09-30').id, [
      { enrolmentId: member.enrolmentId, status: 'present' },
    ]);
    expect(response.statusCode).toBe(409);
    expect(response.json().error.code).toBe('CONSENT_WITHDRAWN');
  });

  it('lets one of two saves from the same version win and rolls the whole loser back (409)', async () => {
    const [a, b] = await Promise.all([enrolled({ lastName: 'Ali' }), enrolled({ lastName: 'Berg' })]);
    if (!a || !b) throw new Error('no members');
    const { on } = await groupWith([a, b]);
    const sessionId = on('2026-09-30').id;

    // Both think there is no record yet.
    const racing = await Promise.all([
      save(sessionId, [{ enrolmentId: a.enrolmentId, status: 'present' }]),
      save(sessionId, [{ enrolmentId: a.enrolmentId, status: 'absent', absenceReason: 'none' }]),
    ]);
    expect(racing.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    const loser = racing.find((r) => r.statusCode === 409);
    const winner = racing.find((r) => r.statusCode === 200)?.json() as RollCallBody;
    expect(loser?.json().error.code).toBe('VERSION_CONFLICT');
    expect(loser?.json().error.current.rows[0].attendance).toEqual(winner.rows[0]?.attendance);

    // Both read version 1.
    const again = await Promise.all([
      save(sessionId, [{ enrolmentId: a.enrolmentId, status: 'late', lateMinutes: 30, version: 1 }]),
      save(sessionId, [{ enrolmentId: a.enrolmentId, status: 'late', lateMinutes: 40, version: 1 }]),
    ]);
    expect(again.map((r) => r.statusCode).sort()).toEqual([200, 409]);

    // A stale row makes the good one roll back with it.
    const response = await save(sessionId, [
      { enrolmentId: b.enrolmentId, status: 'present' },
      { enrolmentId: a.enrolmentId, status: 'present', version: 1 },
    ]);
    expect(response.statusCode).toBe(409);
    const current = response.json().error.current as RollCallBody;
    expect(current.rows.find((r) => r.lastName === 'Berg')?.attendance).toBeNull();
    expect(current.rows.find((r) => r.lastName === 'Ali')?.attendance?.version).toBe(2);
  });
});

type Month = {
  days: {
    date: string;
    plannedMinutes: number;
    attendedMinutes: number;
    status: string | null;
    deviation: boolean;
  }[];
  activities: { activityName: string; plannedMinutes: number; attendedMinutes: number }[];
  plannedMinutes: number;
  attendedMinutes: number;
};

describe('GET /api/participants/:id/attendance', () => {
  async function month(participantId: string, query: string, session = world.caseworker) {
    return session.get(`/api/participants/${participantId}/attendance?${query}`);
  }

  it('counts planned and attended minutes of the month, lateness deducted, the last day in its own month', async () => {
    const member = await enrolled({ firstName: 'Åsa', lastName: 'Öberg' });
    const activity = await createActivity(t.db, world.programme.programme.id, { name: 'Svenska för yrket' });
    const { on } = await groupWith([member], { activityId: activity.id });
    await saved(on('2026-09-30').id, [{ enrolmentId: member.enrolmentId, status: 'late', lateMinutes: 45 }]);
    await saved(on('2026-10-01').id, [{ enrolmentId: member.enrolmentId, status: 'present' }]);
    await saved(on('2026-09-24').id, [
      { enrolmentId: member.enrolmentId, status: 'absent', absenceReason: 'ill' },
    ]);
    await cancel(on('2026-09-23').id);

    const response = await month(member.participantId, 'month=2026-09');
    expect(response.statusCode).toBe(200);
    const body = response.json() as Month;
    // September: 2, 3, 9, 10, 16, 17, (23 cancelled), 24, 30 — eight sessions of 180 minutes.
    expect(body.days.map((d) => d.date)).toEqual([
      '2026-09-02',
      '2026-09-03',
      '2026-09-09',
      '2026-09-10',
      '2026-09-16',
      '2026-09-17',
      '2026-09-24',
      '2026-09-30',
    ]);
    expect(body.days.at(-1)).toMatchObject({
      plannedMinutes: 180,
      attendedMinutes: 135,
      status: 'late',
      deviation: true,
    });
    expect(body.days[0]).toMatchObject({
      plannedMinutes: 180,
      attendedMinutes: 0,
      status: null,
      deviation: false,
    });
    expect(body.plannedMinutes).toBe(8 * 180);
    expect(body.attendedMinutes).toBe(135);
    expect(body.activities).toEqual([
      expect.objectContaining({
        activityName: 'Svenska för yrket',
        plannedMinutes: 1440,
        attendedMinutes: 135,
      }),
    ]);
    expect(await accessLog('attendance.month', member.participantId)).toEqual(['read']);

    const october = (await month(member.participantId, 'month=2026-10')).json() as Month;
    expect(october.days[0]).toMatchObject({ date: '2026-10-01', attendedMinutes: 180 });
    expect(october.days.map((d) => d.date)).not.toContain('2026-09-30');
  });

  it('exports CSV for Swedish Excel: BOM, semicolons, Swedish letters, formulas neutralised', async () => {
    const member = await enrolled({ firstName: '=HYPERLINK("http://x")', lastName: 'Åström' });
    const { on } = await groupWith([member]);
    await saved(on('2026-09-30').id, [{ enrolmentId: member.enrolmentId, status: 'late', lateMinutes: 20 }]);

    const response = await month(member.participantId, 'month=2026-09&format=csv');
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(response.headers['content-disposition']).toBe('attachment; filename="narvaro-2026-09-astrom.csv"');
    expect(response.rawPayload.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    const text = response.rawPayload.toString('utf8');
    const rows = parse(text, { delimiter: ';', bom: true }) as string[][];
    expect(rows[0]).toEqual([
      'Efternamn',
      'Förnamn',
      'Datum',
      'Aktivitet',
      'Start',
      'Slut',
      'Planerad tid (min)',
      'Närvarotid (min)',
      'Närvaro',
      'Frånvaroorsak',
      'Avvikelse',
    ]);
    const last = rows.find((r) => r[2] === '2026-09-30');
    expect(last).toEqual(
      expect.arrayContaining(['Åström', `'=HYPERLINK("http://x")`, '180', '160', 'Sen ankomst', 'Ja']),
    );
    expect(rows.at(-1)?.slice(3, 8)).toEqual(['Summa', '', '', String(9 * 180), '160']);
  });

  it('exports XLSX that reads back', async () => {
    const member = await enrolled({ lastName: 'Ärlig' });
    const { on } = await groupWith([member]);
    await saved(on('2026-09-30').id, [
      { enrolmentId: member.enrolmentId, status: 'absent', absenceReason: 'sick_child' },
    ]);

    const response = await month(member.participantId, 'month=2026-09&format=xlsx');
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe(
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    );
    expect(response.headers['content-disposition']).toContain('narvaro-2026-09-arlig.xlsx');
    const sheet = await readSheet(response.rawPayload);
    expect(sheet[0]?.[0]).toBe('Efternamn');
    const row = sheet.find((r) => r[7] === 0 && r[9] === 'Vård av barn');
    expect(row?.[0]).toBe('Ärlig');
    const date = row?.[2];
    expect(date).toBeInstanceOf(Date);
    expect(date instanceof Date && date.toISOString().slice(0, 10)).toBe('2026-09-30');
  });

  it('answers 400 for a bad month or format, 401, 403 at another centre and 404', async () => {
    const member = await enrolled();
    const hidden = await enrolled({ protectedIdentity: true });
    const bad = await month(member.participantId, 'month=2026-13');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields[0].field).toBe('month');
    expect((await month(member.participantId, 'month=2026-09&format=pdf')).statusCode).toBe(400);
    expect((await month(member.participantId, '')).statusCode).toBe(400);
    const url = `/api/participants/${member.participantId}/attendance?month=2026-09`;
    expect((await t.app.inject({ method: 'GET', url })).statusCode).toBe(401);
    expect((await world.otherCaseworker.get(url)).statusCode).toBe(403);
    expect((await month(missing, 'month=2026-09')).statusCode).toBe(404);
    expect((await month(hidden.participantId, 'month=2026-09', teacher)).statusCode).toBe(404);
  });
});

type Deviations = {
  month: string;
  rows: {
    participantId: string;
    lastName: string;
    date: string;
    expectedStart: string;
    expectedEnd: string;
    absentMinutes: number;
    status: string;
    absenceReason: string | null;
    reasonText: string | null;
  }[];
};

describe('GET /api/attendance/deviations', () => {
  it('lists absences and lateness over 15 minutes, hides the protected from others, exports', async () => {
    const centre = world.centre.id;
    const [late, onTime, absent] = await Promise.all([
      enrolled({ lastName: 'Sen' }),
      enrolled({ lastName: 'Nästan' }),
      enrolled({ lastName: 'Borta' }),
    ]);
    const hidden = await enrolled({ lastName: 'Skyddad', protectedIdentity: true });
    if (!late || !onTime || !absent) throw new Error('no members');
    const { on } = await groupWith([late, onTime, absent, hidden], { leaderId: teacher.userId });
    await saved(on('2026-10-07').id, [
      { enrolmentId: late.enrolmentId, status: 'late', lateMinutes: 16 },
      { enrolmentId: onTime.enrolmentId, status: 'late', lateMinutes: 15 },
      {
        enrolmentId: absent.enrolmentId,
        status: 'absent',
        absenceReason: 'other',
        reasonText: '=1+1 Begravning',
      },
      { enrolmentId: hidden.enrolmentId, status: 'absent', absenceReason: 'none' },
    ]);
    const mine = new Set([late, onTime, absent, hidden].map((m) => m.participantId));

    const response = await world.caseworker.get(
      `/api/attendance/deviations?month=2026-10&centreId=${centre}`,
    );
    expect(response.statusCode).toBe(200);
    const body = response.json() as Deviations;
    const rows = body.rows.filter((r) => mine.has(r.participantId));
    expect(rows.map((r) => [r.lastName, r.status, r.absentMinutes])).toEqual([
      ['Borta', 'absent', 180],
      ['Sen', 'late', 16],
      ['Skyddad', 'absent', 180],
    ]);
    expect(rows[0]).toMatchObject({
      date: '2026-10-07',
      expectedStart: '09:00',
      expectedEnd: '12:00',
      absenceReason: 'other',
      reasonText: '=1+1 Begravning',
    });
    expect(await accessLog('attendance.deviations', late.participantId)).toEqual(['read']);
    expect(await accessLog('attendance.deviations', onTime.participantId)).toEqual([]);

    const byTeacher = (await teacher.get('/api/attendance/deviations?month=2026-10')).json() as Deviations;
    expect(byTeacher.rows.filter((r) => mine.has(r.participantId)).map((r) => r.lastName)).toEqual([
      'Borta',
      'Sen',
    ]);

    const csv = await world.caseworker.get(
      `/api/attendance/deviations?month=2026-10&centreId=${centre}&format=csv`,
    );
    expect(csv.headers['content-disposition']).toBe('attachment; filename="avvikelser-2026-10.csv"');
    const parsed = parse(csv.rawPayload.toString('utf8'), { delimiter: ';', bom: true }) as string[][];
    expect(parsed[0]?.[6]).toBe('Frånvarotid (min)');
    expect(parsed.find((r) => r[0] === 'Borta')).toEqual(
      expect.arrayContaining([
        '2026-10-07',
        '09:00',
        '12:00',
        '180',
        'Frånvarande',
        'Annat skäl',
        "'=1+1 Begravning",
      ]),
    );

    const xlsx = await world.caseworker.get(
      `/api/attendance/deviations?month=2026-10&centreId=${centre}&format=xlsx`,
    );
    const sheet = await readSheet(xlsx.rawPayload);
    expect(sheet.find((r) => r[0] === 'Sen')?.[6]).toBe(16);
    expect(sheet.find((r) => r[0] === 'Borta')?.[9]).toBe("'=1+1 Begravning");

    // September has none of these.
    const september = (
      await world.caseworker.get('/api/attendance/deviations?month=2026-09')
    ).json() as Deviations;
    expect(september.rows.filter((r) => mine.has(r.participantId))).toEqual([]);
  });

  it('answers 400 for a bad month, 401 and 403 for another centre', async () => {
    const bad = await world.caseworker.get('/api/attendance/deviations?month=oktober');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields[0].field).toBe('month');
    expect(
      (await t.app.inject({ method: 'GET', url: '/api/attendance/deviations?month=2026-10' })).statusCode,
    ).toBe(401);
    const other = await world.caseworker.get(
      `/api/attendance/deviations?month=2026-10&centreId=${world.otherCentre.id}`,
    );
    expect(other.statusCode).toBe(403);
  });
});

describe('GET /api/participants/:id/civic-orientation', () => {
  it('counts hours, parts and languages of civic orientation attended, against the programme target', async () => {
    await t.db
      .update(programmes)
      .set({ civicOrientationTargetHours: 120 })
      .where(eq(programmes.id, world.programme.programme.id));
    const member = await enrolled();
    const civic = await createActivity(t.db, world.programme.programme.id, {
      type: 'civic_orientation',
      deliveryLanguage: 'ar',
    });
    const { on } = await groupWith([member], { activityId: civic.id });
    const language = await groupWith([member]);
    for (const [date, areas] of [
      ['2026-09-02', [1, 2]],
      ['2026-09-03', [3]],
      ['2026-09-09', [8]],
    ] as const) {
      await t.db
        .update(groupSessions)
        .set({ civicAreas: [...areas] })
        .where(eq(groupSessions.id, on(date).id));
    }
    await saved(on('2026-09-02').id, [{ enrolmentId: member.enrolmentId, status: 'present' }]);
    await saved(on('2026-09-03').id, [{ enrolmentId: member.enrolmentId, status: 'late', lateMinutes: 30 }]);
    await saved(on('2026-09-09').id, [
      { enrolmentId: member.enrolmentId, status: 'absent', absenceReason: 'ill' },
    ]);
    await saved(language.on('2026-09-02').id, [{ enrolmentId: member.enrolmentId, status: 'present' }]);

    const response = await world.caseworker.get(
      `/api/participants/${member.participantId}/civic-orientation`,
    );
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({
      participantId: member.participantId,
      hours: 5.5,
      legalMinimum: 100,
      target: 120,
      metMinimum: false,
      metTarget: false,
      areasCovered: [1, 2, 3],
      areasMissing: [4, 5, 6, 7, 8],
      deliveryLanguages: ['ar'],
      completed: false,
    });
    expect(await accessLog('attendance.civicOrientation', member.participantId)).toEqual(['read']);
  });

  it('answers 401, 403 at another centre and 404', async () => {
    const member = await enrolled();
    const url = `/api/participants/${member.participantId}/civic-orientation`;
    expect((await t.app.inject({ method: 'GET', url })).statusCode).toBe(401);
    expect((await world.otherCaseworker.get(url)).statusCode).toBe(403);
    expect((await world.caseworker.get(`/api/participants/${missing}/civic-orientation`)).statusCode).toBe(
      404,
    );
    expect((await world.caseworker.get('/api/participants/x/civic-orientation')).statusCode).toBe(400);
  });
});
