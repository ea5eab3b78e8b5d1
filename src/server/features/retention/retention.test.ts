import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays } from '../../../core/dates.ts';
import type { ExitOutcome, FollowUpStatus, LabourMarketStatus, LegalGender } from '../../../core/enums.ts';
import type { RetentionPreview, RetentionRunResult } from '../../../core/schemas/retention.schema.ts';
import { queryRows } from '../../db/client.ts';
import {
  assessments,
  attendance,
  consents,
  enrolments,
  journalEntries,
  participants,
  programmes,
  referrals,
} from '../../db/schema.ts';
import {
  addGroupMember,
  createActivity,
  createCentre,
  createGroup,
  createOrganisation,
  createProgramme,
  createSession,
  insertCohortPerson,
  uniquePersonalIdentityNumber,
} from '../../test/factories.ts';
import { createTestApp, type Session, type TestContext } from '../../test/test-app.ts';
import { runRetention } from './retention.service.ts';

// A programme that ended years ago, its participants with everything the case file holds, and the reports that
// count them: anonymising the expired people must leave every figure of the dashboard and the funder's reports
// exactly as it was, while nothing that names them is left.

let t: TestContext;
let organisation: { id: string };
let centre: { id: string };
let admin: Session;
let manager: Session;
let coordinator: Session;
let ended: Awaited<ReturnType<typeof createProgramme>>;
let held: Awaited<ReturnType<typeof createProgramme>>;

type Person = {
  participantId: string;
  enrolmentId: string | null;
  expires: boolean;
  name: string;
  pin: string;
};
const people: Person[] = [];
let neverEnrolled: Person;
const period = { from: '2015-01-01', to: '2018-12-31' };

const genders: LegalGender[] = ['female', 'male'];
const outcomes: ExitOutcome[] = ['work_permanent', 'studies_university', 'own_business', 'moved', 'other'];
const followUpStatuses: FollowUpStatus[] = ['work', 'studies', 'seeking_work', 'unreachable'];
const statuses: LabourMarketStatus[] = [
  'unemployed',
  'long_term_unemployed',
  'inactive_in_education',
  'employed',
];
const educationCodes = ['206', '316', '526', '557', '412'];
// Birth dates around the age bands' edges at their starts (24 or 25, 54 or 55), so a careless generalisation shows.
const birthDates = ['1991-03-15', '1990-12-20', '1960-07-02', '1961-01-05', '1985-06-30', '1999-11-11'];

async function backdate(participantId: string, day: string) {
  await t.db.execute(
    sql`update participants set created_at = ${`${day}T10:00:00Z`} where id = ${participantId}`,
  );
}

/** A participant of a programme with the whole case file, inserted directly. */
async function person(
  index: number,
  programme: Awaited<ReturnType<typeof createProgramme>>,
  startsOn: string,
  exitedOn: string | null,
  expires: boolean,
  options: { protectedIdentity?: boolean } = {},
): Promise<Person> {
  const legalGender = genders[index % genders.length] as LegalGender;
  const outcome = outcomes[index % outcomes.length] as ExitOutcome;
  const participantId = await insertCohortPerson(t.db, manager.userId, {
    legalGender,
    centreId: centre.id,
    municipalityCode: index % 2 === 0 ? '0136' : '0192',
    protectedIdentity: options.protectedIdentity ?? false,
    assignedTo: options.protectedIdentity ? [manager.userId] : [],
    enrolment: {
      programmeId: programme.programme.id,
      centreId: centre.id,
      targetGroupId: index % 2 === 0 ? programme.short.id : programme.higher.id,
      startsOn,
      plannedEndOn: addDays(startsOn, 365),
      exitedOn,
      exitOutcome: exitedOn ? outcome : null,
      steps: [
        { stepId: programme.steps[0]?.id ?? '', startedOn: startsOn, endedOn: addDays(startsOn, 30) },
        { stepId: programme.steps[index % 5]?.id ?? '', startedOn: addDays(startsOn, 31), endedOn: exitedOn },
      ],
      followUp: exitedOn
        ? {
            dueOn: addDays(exitedOn, 90),
            status: index % 3 === 0 ? null : (followUpStatuses[index % followUpStatuses.length] ?? null),
          }
        : null,
    },
  });
  const birthDate = birthDates[index % birthDates.length] as string;
  const pin = uniquePersonalIdentityNumber(birthDate.replaceAll('-', ''));
  const name = `Efternamn${index}x`;
  await t.db
    .update(participants)
    .set({
      identityType: 'personal_identity_number',
      personalIdentityNumber: pin,
      reserveNumber: null,
      birthDate,
      lastName: name,
      searchText: `förnamn ${name.toLowerCase()} ${pin}`,
      phone: '070-123 45 67',
      email: `person${index}@example.se`,
      streetAddress: options.protectedIdentity ? null : 'Storgatan 1',
      postalCode: options.protectedIdentity ? null : '136 40',
      city: options.protectedIdentity ? null : 'Haninge',
      preferredLanguage: 'ti',
      educationLevelCode: educationCodes[index % educationCodes.length],
    })
    .where(eq(participants.id, participantId));
  await backdate(participantId, addDays(startsOn, -20));
  const [enrolment] = await t.db
    .update(enrolments)
    .set({
      labourMarketStatus: statuses[index % statuses.length],
      exitReason: exitedOn ? `Fick jobb hos ${name}s kusin` : null,
      exitOrganisation: exitedOn ? 'Bygg AB' : null,
    })
    .where(eq(enrolments.participantId, participantId))
    .returning();
  await t.db.insert(consents).values({
    participantId,
    participation: true,
    dataSharing: true,
    funderReporting: true,
    givenOn: addDays(startsOn, -5),
    method: 'paper',
    language: 'ti',
    recordedBy: manager.userId,
  });
  const [entry] = await t.db
    .insert(journalEntries)
    .values({
      participantId,
      entryDate: startsOn,
      category: 'meeting',
      text: `Samtal med ${name} om hälsan`,
      authorId: manager.userId,
    })
    .returning();
  await t.db.insert(journalEntries).values({
    participantId,
    entryDate: startsOn,
    category: 'meeting',
    text: `Samtal med ${name} om boendet`,
    authorId: manager.userId,
    correctsId: entry?.id,
    correctionReason: `Fel ämne för ${name}`,
  });
  await t.db.insert(assessments).values({
    participantId,
    revision: 1,
    meetingOn: startsOn,
    meetingAttendees: [{ side: 'participant', name }],
    summary: `${name} vill bli undersköterska`,
    areas: { language: 'SFI C' },
    sensitive: { health: 'Ryggbesvär' },
    createdBy: manager.userId,
  });
  return { participantId, enrolmentId: enrolment?.id ?? null, expires, name, pin };
}

beforeAll(async () => {
  t = await createTestApp();
  organisation = await createOrganisation(t.db);
  centre = await createCentre(t.db, organisation.id);
  admin = await createSession(t.app, t.db, 'administrator', [centre.id], organisation.id);
  manager = await createSession(t.app, t.db, 'programme_manager', [centre.id], organisation.id);
  coordinator = await createSession(t.app, t.db, 'coordinator', [centre.id], organisation.id);
  ended = await createProgramme(t.db, [centre.id], organisation.id);
  held = await createProgramme(t.db, [centre.id], organisation.id);
  await t.db
    .update(programmes)
    .set({ startsOn: '2015-01-01', endsOn: '2018-12-31', retentionYears: 5, cofinancingHourlyRate: 137.5 })
    .where(eq(programmes.id, ended.programme.id));
  // An ESF programme whose funder audits late: nothing of it goes before 2040.
  await t.db
    .update(programmes)
    .set({ startsOn: '2015-01-01', endsOn: '2018-12-31', holdUntil: '2040-12-31' })
    .where(eq(programmes.id, held.programme.id));

  for (let i = 0; i < 12; i++) {
    const startsOn = addDays('2015-02-02', i * 37);
    people.push(
      await person(i, ended, startsOn, addDays(startsOn, 180 + i * 11), true, { protectedIdentity: i === 3 }),
    );
  }
  // Still enrolled, and exited too recently: kept.
  people.push(await person(12, ended, '2016-05-02', null, false));
  people.push(await person(13, ended, '2016-06-01', '2023-06-01', false));
  // Exited long ago from a programme held until its audit.
  people.push(await person(14, held, '2015-09-01', '2016-03-01', false));

  // Attendance at the programme's activity, for the co-financing report.
  const activity = await createActivity(t.db, ended.programme.id);
  const world = { centre, programme: ended, caseworker: { userId: manager.userId } };
  const { group, sessions } = await createGroup(t.db, world, {
    activityId: activity.id,
    startsOn: '2015-02-02',
    endsOn: '2016-12-31',
    schedule: [{ weekday: 1, startTime: '09:00', endTime: '12:00' }],
  });
  for (const [index, p] of people.entries()) {
    if (!p.enrolmentId) continue;
    await addGroupMember(t.db, group.id, p.enrolmentId, manager.userId, '2015-02-02');
    for (const session of sessions.slice(index * 3, index * 3 + 4))
      await t.db.insert(attendance).values({
        sessionId: session.id,
        enrolmentId: p.enrolmentId,
        recordedBy: manager.userId,
        ...(index % 2 === 0
          ? { status: 'present' as const, attendedMinutes: 180 }
          : {
              status: 'absent' as const,
              absenceReason: 'other' as const,
              reasonText: `${p.name} var sjuk`,
              attendedMinutes: 0,
            }),
      });
  }

  // Referred in 2019 and declined: never enrolled.
  const pin = uniquePersonalIdentityNumber('19800101');
  const [declined] = await t.db
    .insert(participants)
    .values({
      identityType: 'personal_identity_number',
      personalIdentityNumber: pin,
      legalGender: 'female',
      firstName: 'Aster',
      lastName: 'Avböjdsson',
      sortName: 'avböjdsson aster',
      searchText: `aster avböjdsson ${pin}`,
      centreId: centre.id,
      createdBy: manager.userId,
    })
    .returning();
  if (!declined) throw new Error('no participant');
  await backdate(declined.id, '2019-03-01');
  await t.db.insert(referrals).values({
    participantId: declined.id,
    programmeId: ended.programme.id,
    centreId: centre.id,
    referringOfficer: 'Ida Berg',
    referredOn: '2019-03-01',
    basis: 'establishment_programme',
    note: 'Aster har tre barn',
    status: 'declined',
    closedReason: 'Tackade nej, flyttar till Aster Avböjdssons syster',
    createdBy: manager.userId,
  });
  neverEnrolled = { participantId: declined.id, enrolmentId: null, expires: true, name: 'Avböjdsson', pin };
});

afterAll(async () => {
  await t?.close();
});

async function json<T>(session: Session, url: string): Promise<T> {
  const response = await session.get(url);
  expect(response.statusCode, response.body).toBe(200);
  return response.json() as T;
}

/** Everything the dashboard and the funder's reports say about the programme. */
async function reports() {
  const id = ended.programme.id;
  const range = `from=${period.from}&to=${period.to}`;
  return {
    dashboard: await json(manager, `/api/programmes/${id}/dashboard?${range}`),
    dashboardByCentre: await json(manager, `/api/programmes/${id}/dashboard?${range}&centreId=${centre.id}`),
    indicators: await json(manager, `/api/programmes/${id}/funder-reports/indicators?${range}`),
    cofinancing: await json(manager, `/api/programmes/${id}/funder-reports/cofinancing?${range}`),
    months: await json<{ months: { month: string; status: string; started: number; ended: number }[] }>(
      manager,
      `/api/programmes/${id}/funder-reports/monthly`,
    ),
  };
}

const expiring = () => [...people.filter((p) => p.expires), neverEnrolled].map((p) => p.participantId).sort();

describe('retention', () => {
  it('refuses roles without the permission, and shows an administrator only their own organisation', async () => {
    expect((await coordinator.get('/api/retention/preview')).statusCode).toBe(403);
    expect((await manager.post('/api/retention/runs', { fingerprint: 'a'.repeat(64) })).statusCode).toBe(403);
    expect((await t.app.inject({ method: 'GET', url: '/api/retention/preview' })).statusCode).toBe(401);
    const elsewhere = await createSession(t.app, t.db, 'administrator', [(await createCentre(t.db)).id]);
    const preview = await json<RetentionPreview>(elsewhere, '/api/retention/preview');
    expect(preview).toMatchObject({ total: 0, batch: 0, groups: [] });
    // The other organisation's preview cannot be run from here: its fingerprint does not hold for this one.
    const theirs = await json<RetentionPreview>(admin, '/api/retention/preview');
    const run = await elsewhere.post('/api/retention/runs', { fingerprint: theirs.fingerprint });
    expect(run.statusCode).toBe(409);
    expect(run.json().error.code).toBe('STALE_RETENTION_PREVIEW');
    const own = await elsewhere.post('/api/retention/runs', { fingerprint: preview.fingerprint });
    expect(own.json()).toMatchObject({ anonymised: 0 });
  });

  it('names in a dry run exactly those expired: after exit plus the period, past the hold date, nothing open', async () => {
    const preview = await json<RetentionPreview>(admin, '/api/retention/preview');

    const dryRun = await runRetention(t.db, { dryRun: true, organisationId: organisation.id });
    expect(dryRun.expired.map((e) => e.participantId)).toEqual(expiring());
    expect(preview).toMatchObject({ total: expiring().length, batch: expiring().length });
    expect(preview.fingerprint).toMatch(/^[0-9a-f]{64}$/);
    // The answer names no one, not even by id.
    for (const id of expiring()) expect(JSON.stringify(preview)).not.toContain(id);
    expect(preview.groups).toEqual([
      {
        rule: 'enrolment_exit',
        programmeId: ended.programme.id,
        programmeName: ended.programme.name,
        count: 12,
      },
      { rule: 'referral', programmeId: ended.programme.id, programmeName: ended.programme.name, count: 1 },
    ]);
    // A dry run changes nothing.
    const [row] = await t.db
      .select()
      .from(participants)
      .where(eq(participants.id, neverEnrolled.participantId));
    expect(row).toMatchObject({ anonymisedAt: null, lastName: 'Avböjdsson' });
    // The funder's audit date holds the other programme's people until it has passed.
    const later = await runRetention(t.db, { today: '2041-01-01', dryRun: true });
    expect(later.expired.map((e) => e.participantId)).toContain(people[14]?.participantId);
  });

  it('anonymises them and keeps every figure of the dashboard and the funder’s reports', async () => {
    // A month sent to Statistics Sweden before: it must not turn into a correction to send again.
    const id = ended.programme.id;
    const file = await json<{ fingerprint: string; rows: unknown[] }>(
      manager,
      `/api/programmes/${id}/funder-reports/monthly/2015-03`,
    );
    expect(file.rows.length).toBeGreaterThan(0);
    const sent = await manager.post(`/api/programmes/${id}/funder-reports/monthly/2015-03/submissions`, {
      fingerprint: file.fingerprint,
    });
    expect(sent.statusCode, sent.body).toBe(200);
    const before = await reports();
    expect(before.months.months.find((m) => m.month === '2015-03')?.status).toBe('submitted');
    const preview = await json<RetentionPreview>(admin, '/api/retention/preview');

    const response = await admin.post('/api/retention/runs', { fingerprint: preview.fingerprint });

    expect(response.statusCode, response.body).toBe(200);
    const result: RetentionRunResult = response.json();
    expect(result).toMatchObject({ anonymised: expiring().length, groups: preview.groups });
    // The same preview cannot be run twice: those it found are no longer due.
    const again = await admin.post('/api/retention/runs', { fingerprint: preview.fingerprint });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('STALE_RETENTION_PREVIEW');
    const after = await reports();
    expect(after).toEqual(before);
    // The figures are not empty: the comparison compares something.
    expect(JSON.stringify(before.indicators)).toContain('"total":{"female":');
    expect((before.cofinancing as { total: { hours: { total: number } } }).total.hours.total).toBeGreaterThan(
      0,
    );
  });

  it('leaves nothing that names them, and they are never found again', async () => {
    for (const p of [...people.filter((x) => x.expires), neverEnrolled]) {
      const [row] = await t.db.select().from(participants).where(eq(participants.id, p.participantId));
      expect(row).toMatchObject({
        firstName: 'Anonymiserad',
        lastName: 'deltagare',
        personalIdentityNumber: null,
        reserveNumber: null,
        phone: null,
        email: null,
        streetAddress: null,
        postalCode: null,
        city: null,
        preferredLanguage: null,
        searchText: '',
      });
      expect(row?.anonymisedAt).toBeInstanceOf(Date);
      // Everything the tables hold about the person, as text: neither the name nor the number is left.
      const extract = await admin.get(`/api/participants/${p.participantId}/register-extract`);
      expect(extract.statusCode, extract.body).toBe(p === people[3] ? 404 : 200);
      const stored = await queryRows<{ all: string }>(
        t.db,
        sql`select concat_ws(' ',
              (select json_agg(j)::text from journal_entries j where participant_id = ${p.participantId}),
              (select json_agg(a)::text from assessments a where participant_id = ${p.participantId}),
              (select json_agg(r)::text from referrals r where participant_id = ${p.participantId}),
              (select json_agg(c)::text from consents c where participant_id = ${p.participantId}),
              (select json_agg(e)::text from enrolments e where participant_id = ${p.participantId}),
              (select json_agg(a)::text from attendance a
                 where enrolment_id in (select id from enrolments where participant_id = ${p.participantId})),
              (select json_agg(h)::text from participant_identity_history h where participant_id = ${p.participantId})
            ) as all`,
      );
      const text = stored[0]?.all ?? '';
      expect(text.length).toBeGreaterThan(0);
      expect(text).not.toContain(p.name);
      expect(text).not.toContain(p.pin);
      if (p.enrolmentId) {
        expect(text).not.toContain('Ryggbesvär');
        expect(text).toContain('[anonymiserad]');
      }
    }
    // The birth date keeps only what the age bands need: the year, or the year's last day for someone whose
    // band at the start would change with 1 January.
    const birthDateOf = async (p?: Person) =>
      (
        await t.db
          .select()
          .from(participants)
          .where(eq(participants.id, p?.participantId ?? ''))
      )[0]?.birthDate;
    expect(await birthDateOf(people[0])).toBe('1991-01-01');
    expect(await birthDateOf(people[1])).toBe('1990-12-31');
    expect(await birthDateOf(neverEnrolled)).toBeNull();
    const search = async <T>(body: unknown): Promise<T> => {
      const response = await admin.post('/api/participants/search', body);
      expect(response.statusCode, response.body).toBe(200);
      return response.json() as T;
    };
    expect((await search<{ items: unknown[] }>({ q: people[0]?.name ?? '' })).items).toEqual([]);
    expect((await search<{ items: unknown[] }>({ q: people[0]?.pin })).items).toEqual([]);
    const list = await search<{ items: { id: string; firstName: string; lastName: string }[] }>({
      pageSize: 100,
    });
    expect(list.items.find((i) => i.id === people[0]?.participantId)).toMatchObject({
      firstName: 'Anonymiserad',
      lastName: 'deltagare',
    });
    // Kept: the people still enrolled, recently exited or held by the audit date.
    for (const p of people.filter((x) => !x.expires)) {
      const [row] = await t.db.select().from(participants).where(eq(participants.id, p.participantId));
      expect(row).toMatchObject({ anonymisedAt: null, lastName: p.name, personalIdentityNumber: p.pin });
    }
  });

  it('logs the run by ids only, and what each anonymisation was in the access log', async () => {
    const log = await json<{
      items: { anonymised: number; runByName: string | null; wholeInstallation: boolean }[];
    }>(admin, '/api/retention/runs');
    expect(log.items[0]).toMatchObject({ anonymised: expiring().length, wholeInstallation: false });
    expect(log.items[0]?.runByName).toBeTruthy();
    const items = await queryRows<{
      participant_id: string;
      rule: string;
      programme_id: string;
      expired_on: string;
    }>(
      t.db,
      sql`select participant_id, rule, programme_id, expired_on::text as expired_on from retention_run_items`,
    );
    expect(items.map((i) => i.participant_id).sort()).toEqual(expiring());
    const first = items.find((i) => i.participant_id === people[0]?.participantId);
    const [firstEnrolment] = await t.db
      .select()
      .from(enrolments)
      .where(eq(enrolments.participantId, people[0]?.participantId ?? ''));
    expect(first).toEqual({
      participant_id: people[0]?.participantId,
      rule: 'enrolment_exit',
      programme_id: ended.programme.id,
      expired_on: `${Number(firstEnrolment?.exitedOn?.slice(0, 4)) + 5}${firstEnrolment?.exitedOn?.slice(4)}`,
    });
    const logged = await queryRows<{ n: number }>(
      t.db,
      sql`select count(*)::int as n from access_log where what = 'participant.anonymise' and action = 'update'
            and user_id = ${admin.userId}`,
    );
    expect(logged[0]?.n).toBe(expiring().length);
  });

  it('runs again without finding anyone, and keeps the journal append-only outside the job', async () => {
    const preview = await json<RetentionPreview>(admin, '/api/retention/preview');
    expect(preview).toMatchObject({ total: 0, batch: 0 });
    const again = await admin.post('/api/retention/runs', { fingerprint: preview.fingerprint });
    expect(again.json()).toMatchObject({ anonymised: 0 });
    const id = people[0]?.participantId ?? '';
    await expect(
      t.db.execute(sql`update journal_entries set text = '[anonymiserad]' where participant_id = ${id}`),
    ).rejects.toThrow();
    const kept = people[12]?.participantId ?? '';
    await expect(
      t.db.transaction(async (tx) => {
        await tx.execute(sql`select set_config('stegvis.anonymising', 'on', true)`);
        await tx.execute(
          sql`update journal_entries set text = '[anonymiserad]' where participant_id = ${kept}`,
        );
      }),
    ).rejects.toThrow();
    await expect(
      t.db.transaction(async (tx) => {
        await tx.execute(sql`select set_config('stegvis.anonymising', 'on', true)`);
        await tx.execute(sql`update journal_entries set text = 'något annat' where participant_id = ${id}`);
      }),
    ).rejects.toThrow();
    await expect(
      t.db.execute(sql`delete from journal_entries where participant_id = ${id}`),
    ).rejects.toThrow();
  });

  it('validates the run’s body, naming the field', async () => {
    const response = await admin.post('/api/retention/runs', { fingerprint: 'not-a-fingerprint' });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.fields[0].field).toBe('fingerprint');
  });
});
