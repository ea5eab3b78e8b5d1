import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { personSearchText, personSortKey, swedishSortKey } from '../../core/collation.ts';
import type { ExitOutcome, FollowUpStatus, LegalGender, Role } from '../../core/enums.ts';
import type { ParticipantInput } from '../../core/schemas/participant.schema.ts';
import type { Survey, SurveyInput } from '../../core/schemas/survey.schema.ts';
import type { Db } from '../db/client.ts';
import {
  activities,
  activityGroups,
  centres,
  employerContacts,
  employers,
  enrolmentSteps,
  enrolments,
  followUps,
  groupMembers,
  groupSessions,
  openings,
  organisations,
  participantStaff,
  participants,
  programmeCentres,
  programmeClosureDays,
  programmeOrganisations,
  programmeSteps,
  programmes,
  targetGroups,
  userCentres,
  users,
} from '../db/schema.ts';
import { hashPassword } from '../features/auth/password.ts';
import { planGroupSessions } from '../features/groups/group-sessions.ts';
import { login, type Session } from './test-app.ts';

// Factories build what a test needs, parents included, with unique values so tests never share rows.

export const testPassword = 'correct horse battery staple';

export async function createOrganisation(db: Db, name = `Kommun ${randomUUID().slice(0, 6)}`) {
  const [row] = await db
    .insert(organisations)
    .values({ kind: 'municipality', name, municipalityCode: '0136' })
    .returning();
  if (!row) throw new Error('no organisation');
  return row;
}

export async function createCentre(db: Db, organisationId?: string) {
  const orgId = organisationId ?? (await createOrganisation(db)).id;
  const [row] = await db
    .insert(centres)
    .values({ organisationId: orgId, name: `Centrum ${randomUUID().slice(0, 6)}`, municipalityCode: '0136' })
    .returning();
  if (!row) throw new Error('no centre');
  return row;
}

/** A programme like Etableringscentrum: two target groups (12 and 6 months) and six steps. */
export async function createProgramme(db: Db, centreIds: string[], ownerOrganisationId?: string) {
  const [firstCentre] = ownerOrganisationId ? [] : await db.select().from(centres).limit(1);
  const owner = ownerOrganisationId ?? firstCentre?.organisationId ?? (await createOrganisation(db)).id;
  const [programme] = await db
    .insert(programmes)
    .values({
      name: `Program ${randomUUID().slice(0, 6)}`,
      funderProjectNumber: '2017/00162',
      startsOn: '2025-01-01',
      endsOn: '2028-06-30',
      plannedParticipants: 800,
      goalPercent: 55,
      goalDescription: '55 % i arbete eller studier 90 dagar efter avslut',
      ownerOrganisationId: owner,
    })
    .returning();
  if (!programme) throw new Error('no programme');
  await db.insert(programmeOrganisations).values({ programmeId: programme.id, organisationId: owner });
  await db
    .insert(programmeCentres)
    .values(centreIds.map((centreId) => ({ programmeId: programme.id, centreId })));
  const groups = await db
    .insert(targetGroups)
    .values([
      { programmeId: programme.id, kind: 'short_educated', name: 'Kortutbildade', maxDurationMonths: 12 },
      {
        programmeId: programme.id,
        kind: 'upper_secondary_or_higher',
        name: 'Gymnasial eller högre',
        maxDurationMonths: 6,
      },
    ])
    .returning();
  const steps = await db
    .insert(programmeSteps)
    .values(
      ['Inskrivning', 'Bas', 'Språk', 'Rusta', 'Jobbförberedande', 'Praktik'].map((name, i) => ({
        programmeId: programme.id,
        ordinal: i + 1,
        name,
      })),
    )
    .returning();
  const short = groups.find((g) => g.kind === 'short_educated');
  const higher = groups.find((g) => g.kind === 'upper_secondary_or_higher');
  if (!short || !higher) throw new Error('no target groups');
  return { programme, short, higher, steps };
}

export async function createUser(db: Db, role: Role, centreIds: string[], organisationId?: string) {
  const orgId = organisationId ?? (await createOrganisation(db)).id;
  const [user] = await db
    .insert(users)
    .values({
      organisationId: orgId,
      email: `${role}.${randomUUID().slice(0, 8)}@test.example`,
      name: `Test ${role}`,
      role,
      passwordHash: await hashPassword(testPassword),
    })
    .returning();
  if (!user) throw new Error('no user');
  if (centreIds.length > 0)
    await db.insert(userCentres).values(centreIds.map((centreId) => ({ userId: user.id, centreId })));
  return user;
}

export async function createSession(
  app: FastifyInstance,
  db: Db,
  role: Role,
  centreIds: string[],
  organisationId?: string,
) {
  const user = await createUser(db, role, centreIds, organisationId);
  return login(app, user.email, testPassword);
}

/** Two centres of one programme, each with a coordinator: the usual cast of a server test. */
export async function createWorld(app: FastifyInstance, db: Db) {
  const organisation = await createOrganisation(db);
  const centre = await createCentre(db, organisation.id);
  const otherCentre = await createCentre(db);
  const programme = await createProgramme(db, [centre.id, otherCentre.id]);
  const caseworker = await createSession(app, db, 'coordinator', [centre.id], organisation.id);
  const otherCaseworker = await createSession(
    app,
    db,
    'coordinator',
    [otherCentre.id],
    otherCentre.organisationId,
  );
  return { organisation, centre, otherCentre, programme, caseworker, otherCaseworker };
}

let serial = 0;
/** A valid personal identity number, different on every call (a Luhn check digit on a running serial). */
export function uniquePersonalIdentityNumber(birth = '19850315'): string {
  serial += 1;
  // Serials run 001–999: 000 is never issued, so it is not a valid number.
  const base = `${birth.slice(2)}${String(((serial * 7 + process.pid) % 999) + 1).padStart(3, '0')}`;
  return `${birth}${base.slice(6)}${luhn(base)}`;
}

export function luhn(digits: string): number {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let n = Number(digits[i]) * (i % 2 === 0 ? 2 : 1);
    if (n > 9) n -= 9;
    sum += n;
  }
  return (10 - (sum % 10)) % 10;
}

export function personInput(overrides: Partial<ParticipantInput> = {}): ParticipantInput {
  return {
    personalIdentityNumber: uniquePersonalIdentityNumber(),
    firstName: 'Amal',
    lastName: 'Haile',
    preferredLanguage: 'ar',
    interpreterNeeded: true,
    phone: '070-123 45 67',
    email: 'amal@example.se',
    streetAddress: 'Storgatan 1',
    postalCode: '136 40',
    city: 'Haninge',
    municipalityCode: '0136',
    educationLevelCode: '106',
    protectedIdentity: false,
    ...overrides,
  };
}

/** Registers a referral with a new person through the API and returns the referral. */
export async function referParticipant(
  session: Session,
  world: { centre: { id: string }; programme: { programme: { id: string } } },
  person: Partial<ParticipantInput> = {},
) {
  const response = await session.post('/api/referrals', {
    participant: personInput(person),
    programmeId: world.programme.programme.id,
    centreId: world.centre.id,
    referringOfficer: 'Handläggare Test',
    referringOffice: 'Arbetsförmedlingen Haninge',
    referredOn: '2026-11-02',
    basis: 'establishment_programme',
    note: null,
  });
  if (response.statusCode !== 201)
    throw new Error(`referral failed: ${response.statusCode} ${response.body}`);
  return response.json() as { id: string; participantId: string; version: number };
}

export async function consentToParticipation(session: Session, participantId: string) {
  const response = await session.post(`/api/participants/${participantId}/consents`, {
    purposes: ['participation', 'data_sharing', 'funder_reporting'],
    givenOn: '2026-11-05',
    method: 'paper',
    language: 'ar',
  });
  if (response.statusCode !== 201) throw new Error(`consent failed: ${response.statusCode} ${response.body}`);
  return response.json() as { id: string };
}

/** Refers a new short-educated person, records consent and enrols them: step 1 and the 12-month group in use. */
export async function enrolParticipant(
  session: Session,
  world: { centre: { id: string }; programme: { programme: { id: string } } },
) {
  const referral = await referParticipant(session, world);
  await consentToParticipation(session, referral.participantId);
  const response = await session.post(`/api/participants/${referral.participantId}/enrolments`, {
    programmeId: world.programme.programme.id,
    centreId: world.centre.id,
    startsOn: '2026-11-16',
    referralId: referral.id,
  });
  if (response.statusCode !== 201)
    throw new Error(`enrolment failed: ${response.statusCode} ${response.body}`);
  return response.json() as { id: string; participantId: string; targetGroupId: string };
}

/**
 * An activity in the programme's catalogue, inserted directly (default: language promotion, 120 hours, in
 * Swedish, mandatory for no target group). Returns the database row.
 */
export async function createActivity(
  db: Db,
  programmeId: string,
  overrides: Partial<typeof activities.$inferInsert> = {},
) {
  const [row] = await db
    .insert(activities)
    .values({
      programmeId,
      name: `Aktivitet ${randomUUID().slice(0, 6)}`,
      type: 'language_promotion',
      plannedHours: 120,
      deliveryLanguage: 'sv',
      ...overrides,
    })
    .returning();
  if (!row) throw new Error('no activity');
  return row;
}

export type GroupOptions = {
  /** An activity of the world's programme; default: a new one (createActivity). */
  activityId?: string;
  centreId?: string;
  /** Default: the world's caseworker, a coordinator at the world's centre. */
  leaderId?: string;
  name?: string;
  room?: string | null;
  startsOn?: string;
  endsOn?: string;
  schedule?: { weekday: number; startTime: string; endTime: string }[];
};

/**
 * A group at the world's centre with its sessions generated as POST /api/groups does (holidays and the
 * programme's closure days skipped), inserted directly. Default: Mondays and Wednesdays 09:00–12:00 from
 * 2026-11-16 (the day enrolParticipant starts) to 2026-12-18. Returns database rows: `{ group, sessions }`,
 * sessions in date order.
 */
export async function createGroup(
  db: Db,
  world: { centre: { id: string }; programme: { programme: { id: string } }; caseworker: { userId: string } },
  options: GroupOptions = {},
) {
  const activityId = options.activityId ?? (await createActivity(db, world.programme.programme.id)).id;
  const schedule = options.schedule ?? [
    { weekday: 1, startTime: '09:00', endTime: '12:00' },
    { weekday: 3, startTime: '09:00', endTime: '12:00' },
  ];
  const startsOn = options.startsOn ?? '2026-11-16';
  const endsOn = options.endsOn ?? '2026-12-18';
  const [group] = await db
    .insert(activityGroups)
    .values({
      activityId,
      centreId: options.centreId ?? world.centre.id,
      name: options.name ?? `Grupp ${randomUUID().slice(0, 6)}`,
      leaderId: options.leaderId ?? world.caseworker.userId,
      room: options.room === undefined ? 'Sal 1' : options.room,
      startsOn,
      endsOn,
      schedule,
      createdBy: world.caseworker.userId,
    })
    .returning();
  if (!group) throw new Error('no group');
  const closureDays = await db
    .select({ day: programmeClosureDays.day, reason: programmeClosureDays.reason })
    .from(programmeClosureDays)
    .where(eq(programmeClosureDays.programmeId, world.programme.programme.id));
  const planned = planGroupSessions(schedule, startsOn, endsOn, closureDays);
  const sessions =
    planned.sessions.length === 0
      ? []
      : await db
          .insert(groupSessions)
          .values(
            planned.sessions.map((s) => ({
              groupId: group.id,
              sessionDate: s.date,
              startTime: s.startTime,
              endTime: s.endTime,
            })),
          )
          .returning();
  sessions.sort((a, b) => (a.sessionDate + a.startTime < b.sessionDate + b.startTime ? -1 : 1));
  return { group, sessions };
}

/** Makes an enrolment a member of a group from `joinedOn` (inserted directly). Returns the database row. */
export async function addGroupMember(
  db: Db,
  groupId: string,
  enrolmentId: string,
  createdBy: string,
  joinedOn = '2026-11-16',
) {
  const [row] = await db
    .insert(groupMembers)
    .values({ groupId, enrolmentId, joinedOn, createdBy })
    .returning();
  if (!row) throw new Error('no group member');
  return row;
}

let organisationSerial = 0;
/** A valid organisation number of a company (third digit 6), different on every call. */
export function uniqueOrganisationNumber(): string {
  organisationSerial += 1;
  const base = `556${String((organisationSerial * 7919 + process.pid * 104_729) % 1_000_000).padStart(6, '0')}`;
  return `${base}${luhn(base)}`;
}

/**
 * An employer, inserted directly (default: a company in Haninge offering internships, no contacts). Without
 * `createdBy` a job agent is created to own it. Returns the database row.
 */
export async function createEmployer(db: Db, overrides: Partial<typeof employers.$inferInsert> = {}) {
  const name = overrides.name ?? `Företag ${randomUUID().slice(0, 6)} AB`;
  const createdBy = overrides.createdBy ?? (await createUser(db, 'job_agent', [])).id;
  const [row] = await db
    .insert(employers)
    .values({
      organisationNumber: uniqueOrganisationNumber(),
      industryCode: '47',
      municipalityCode: '0136',
      offers: ['internships'],
      ...overrides,
      name,
      sortName: swedishSortKey(name),
      createdBy,
    })
    .returning();
  if (!row) throw new Error('no employer');
  return row;
}

/**
 * An opening of the employer, inserted directly (default: an open internship as undersköterska, 5321, two
 * places in Haninge). Without `createdBy` the employer's creator owns it. Returns the database row.
 */
export async function createOpening(
  db: Db,
  employerId: string,
  overrides: Partial<typeof openings.$inferInsert> = {},
) {
  let createdBy = overrides.createdBy;
  if (!createdBy) {
    const [employer] = await db.select().from(employers).where(eq(employers.id, employerId));
    if (!employer) throw new Error('no such employer');
    createdBy = employer.createdBy;
  }
  const [row] = await db
    .insert(openings)
    .values({
      kind: 'internship',
      title: 'Praktik som undersköterska',
      occupationCode: '5321',
      places: 2,
      startsOn: '2026-12-01',
      hoursPerWeek: 40,
      municipalityCode: '0136',
      status: 'open',
      ...overrides,
      employerId,
      createdBy,
    })
    .returning();
  if (!row) throw new Error('no opening');
  return row;
}

/** A contact person of the employer, inserted directly (default: an active supervisor). Returns the database row. */
export async function createEmployerContact(
  db: Db,
  employerId: string,
  overrides: Partial<typeof employerContacts.$inferInsert> = {},
) {
  const [row] = await db
    .insert(employerContacts)
    .values({
      name: `Handledare ${randomUUID().slice(0, 6)}`,
      title: 'Arbetsledare',
      ...overrides,
      employerId,
    })
    .returning();
  if (!row) throw new Error('no employer contact');
  return row;
}

export type CohortPerson = {
  legalGender: LegalGender;
  /** The participant's own centre. */
  centreId: string;
  municipalityCode: string | null;
  protectedIdentity: boolean;
  /** Staff assigned to the person (for a protected person, the only ones who see them). */
  assignedTo: string[];
  enrolment: {
    programmeId: string;
    centreId: string;
    targetGroupId: string;
    startsOn: string;
    plannedEndOn: string;
    exitedOn: string | null;
    exitOutcome: ExitOutcome | null;
    steps: { stepId: string; startedOn: string; endedOn: string | null }[];
    /** Only with an exit: the follow-up, recorded (a status) or not (null). */
    followUp: { dueOn: string; status: FollowUpStatus | null } | null;
  };
};

/**
 * A participant with a reserve identity and one enrolment in any state, with its steps and follow-up, inserted
 * directly: for generated cohorts whose figures a test computes by itself. Returns the participant's id.
 */
export async function insertCohortPerson(db: Db, createdBy: string, person: CohortPerson): Promise<string> {
  const reserveNumber = `R19850315-${randomUUID().slice(0, 8)}`;
  const firstName =
    person.legalGender === 'female' ? 'Hodan' : person.legalGender === 'male' ? 'Dawit' : 'Sam';
  const lastName = `Kohort ${randomUUID().slice(0, 6)}`;
  const [participant] = await db
    .insert(participants)
    .values({
      identityType: 'reserve',
      reserveNumber,
      birthDate: '1985-03-15',
      legalGender: person.legalGender,
      firstName,
      lastName,
      sortName: personSortKey(firstName, lastName),
      searchText: personSearchText(firstName, lastName, reserveNumber),
      municipalityCode: person.municipalityCode,
      protectedIdentity: person.protectedIdentity,
      centreId: person.centreId,
      createdBy,
    })
    .returning();
  if (!participant) throw new Error('no participant');
  if (person.assignedTo.length > 0)
    await db
      .insert(participantStaff)
      .values(person.assignedTo.map((userId) => ({ participantId: participant.id, userId })));
  const e = person.enrolment;
  const [enrolment] = await db
    .insert(enrolments)
    .values({
      participantId: participant.id,
      programmeId: e.programmeId,
      centreId: e.centreId,
      targetGroupId: e.targetGroupId,
      startsOn: e.startsOn,
      plannedEndOn: e.plannedEndOn,
      exitedOn: e.exitedOn,
      exitOutcome: e.exitOutcome,
      exitedBy: e.exitedOn ? createdBy : null,
      createdBy,
    })
    .returning();
  if (!enrolment) throw new Error('no enrolment');
  if (e.steps.length > 0)
    await db
      .insert(enrolmentSteps)
      .values(e.steps.map((s) => ({ enrolmentId: enrolment.id, ...s, createdBy })));
  if (e.followUp)
    await db.insert(followUps).values({
      enrolmentId: enrolment.id,
      dueOn: e.followUp.dueOn,
      status: e.followUp.status,
      recordedOn: e.followUp.status ? e.followUp.dueOn : null,
      recordedBy: e.followUp.status ? createdBy : null,
    });
  return participant.id;
}

/**
 * A draft survey of the programme built over HTTP by a programme manager: in Swedish and English, a scale, a
 * yes/no and a free-text question (the first two required). Returns the API's answer.
 */
export async function createSurvey(
  manager: Session,
  programmeId: string,
  overrides: Partial<SurveyInput> = {},
): Promise<Survey> {
  const response = await manager.post('/api/surveys', {
    programmeId,
    languages: ['sv', 'en'],
    titles: { sv: 'Vad tycker du?', en: 'What do you think?' },
    questions: [
      { kind: 'scale', required: true, texts: { sv: 'Hur nöjd är du?', en: 'How satisfied are you?' } },
      {
        kind: 'yes_no',
        required: true,
        texts: { sv: 'Vet du mer om jobb nu?', en: 'Do you know more about jobs now?' },
      },
      {
        kind: 'free_text',
        required: false,
        texts: { sv: 'Vad kan bli bättre?', en: 'What could be better?' },
      },
    ],
    ...overrides,
  });
  if (response.statusCode !== 201) throw new Error(`survey failed: ${response.statusCode} ${response.body}`);
  return response.json() as Survey;
}
