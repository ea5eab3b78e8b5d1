import { createHash, randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import Fastify, { type LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { todayInSweden } from '../../core/dates.ts';
import { type Role, roles } from '../../core/enums.ts';
import { can } from '../../core/permissions.ts';
import { queryRows } from '../db/client.ts';
import { accessLog, accessReviewItems, accessReviews, stepChecklistItems } from '../db/schema.ts';
import { requireMatrixEntries } from '../plugins/auth.ts';
import {
  addGroupMember,
  consentToParticipation,
  createActivity,
  createCentre,
  createEmployer,
  createEmployerContact,
  createGroup,
  createOpening,
  createOrganisation,
  createProgramme,
  createSession,
  createSurvey,
  createUser,
  luhn,
  personInput,
  referParticipant,
  testPassword,
  uniqueOrganisationNumber,
} from '../test/factories.ts';
import { createTestApp, login, type Session, type TestContext } from '../test/test-app.ts';
import { permissionsOf, type RouteRule, routeMatrix, type ScopeOutcome, scopes } from './route-matrix.ts';

// The authorization matrix, proven: every route of the app has an entry, and every route answers every role in
// every scope as its entry says. A route added without an entry stops the app at start (see the first test).

let t: TestContext;
const routes = Object.entries(routeMatrix as Record<string, RouteRule>).map(([key, rule]) => {
  const [method, path] = key.split(' ') as [string, string];
  return { key, method, path, rule };
});
type Route = (typeof routes)[number];

/** Where a record is, seen from staff of every role at the own centre. */
const places = ['own', 'otherCentre', 'otherOrganisation', 'protectedIdentity'] as const;
type Place = (typeof places)[number];

/** The ids a route's path can name, one set per place. */
type Ids = {
  participant: string;
  referral: string;
  consent: string;
  enrolment: string;
  /** The enrolment of a second person of the place, who has left, and its version after the exit. */
  exitedEnrolment: string;
  exitedEnrolmentVersion: number;
  enrolmentStep: string;
  checklistItem: string;
  followUp: string;
  journal: string;
  placement: string;
  teamUser: string;
  programme: string;
  step: string;
  laterStep: string;
  activity: string;
  centre: string;
  group: string;
  session: string;
  sessionDate: string;
  groupMember: string;
  employer: string;
  employerContact: string;
  opening: string;
  organisation: string;
  /** The place's organisation when it is not the own one: a programme there must name it as participating. */
  participatingOrganisations: string[];
  user: string;
  leader: string;
  /** A session of a user of the place (the staff who built it): for the own place, another user's. */
  authSession: string;
  /** A survey of the place's programme (as programme routes name it), open, answered once. */
  survey: string;
  surveyVersion: number;
  surveyQuestions: { id: string; kind: string; required: boolean; texts: Record<string, string> }[];
  /** A group of the survey's programme at the place's centre, and the survey's link for it. */
  surveyGroup: string;
  surveyLink: string;
  surveyToken: string;
  /** The fingerprint of the programme's monthly file for `reportMonth`, as read when the world was built. */
  reportFingerprint: string;
  /** A monthly access review of the place's organisation, and its one item (an access to the participant). */
  accessReview: string;
  accessReviewItem: string;
};

/** The month the funder's report routes name: ended, and the month the places' enrolments started. */
const reportMonth = '2026-11';

/** The ids that can stand in a path. */
type PathId = { [K in keyof Ids]: Ids[K] extends string ? K : never }[keyof Ids];

const idOfSegment: Record<string, PathId> = {
  participants: 'participant',
  referrals: 'referral',
  consents: 'consent',
  enrolments: 'enrolment',
  'enrolment-steps': 'enrolmentStep',
  'follow-ups': 'followUp',
  journal: 'journal',
  placements: 'placement',
  programmes: 'programme',
  activities: 'activity',
  centres: 'centre',
  groups: 'group',
  sessions: 'session',
  'group-members': 'groupMember',
  employers: 'employer',
  'employer-contacts': 'employerContact',
  openings: 'opening',
  organisations: 'organisation',
  users: 'user',
  'access-reviews': 'accessReview',
  'access-review-items': 'accessReviewItem',
  surveys: 'survey',
  auth: 'authSession',
};
/** Routes whose `:id` names another record than its segment's. */
const idOfRoute: Record<string, PathId> = {
  // The status is corrected after exit too: the leaver's enrolment, so the exit's sample body finds the
  // enrolment under test unchanged.
  'PUT /api/enrolments/:id/labour-market-status': 'exitedEnrolment',
};
const idOfParam: Record<string, PathId> = {
  userId: 'teamUser',
  itemId: 'checklistItem',
  stepId: 'step',
  linkId: 'surveyLink',
  token: 'surveyToken',
};

/** The route's URL with the ids of a place; a path this test cannot fill fails naming the route. */
function urlOf(route: Route, ids: Ids): string {
  const segment = route.path.split('/')[2] as string;
  const url = route.path.replace(/:(\w+)/g, (_, name: string) => {
    if (name === 'kind') return 'midpoint';
    if (name === 'month') return reportMonth;
    const kind = name === 'id' ? (idOfRoute[route.key] ?? idOfSegment[segment]) : idOfParam[name];
    if (!kind)
      throw new Error(`${route.key}: this test does not know what :${name} names; add it to idOfSegment`);
    return ids[kind];
  });
  return url + (queries(ids)[route.key] ?? '');
}

const queries = (ids: Ids): Record<string, string> => ({
  'GET /api/sessions/week': `?week=2026-W48&centreId=${ids.centre}`,
  'GET /api/attendance/deviations': `?month=2026-11&centreId=${ids.centre}`,
  'GET /api/groups': `?centreId=${ids.centre}`,
  'GET /api/participants/:id/attendance': '?month=2026-11',
  'GET /api/occupations': '?q=lager',
  'GET /api/surveys': `?programmeId=${ids.programme}`,
  'GET /api/programmes/:id/funder-reports/indicators': '?from=2026-11-01&to=2026-11-30',
  'GET /api/programmes/:id/funder-reports/cofinancing': '?from=2026-11-01&to=2026-11-30',
});

let births = 0;
/** A valid personal identity number never used before in this file. */
function pin(): string {
  births += 1;
  const birth = new Date(Date.UTC(1962, 0, 1) + births * 86_400_000).toISOString().slice(0, 10);
  const base = `${birth.slice(2).replaceAll('-', '')}${100 + (births % 800)}`;
  return `${birth.slice(0, 2)}${base}${luhn(base)}`;
}

const mondaysAndWednesdays = [
  { weekday: 1, startTime: '09:00', endTime: '12:00' },
  { weekday: 3, startTime: '09:00', endTime: '12:00' },
];

/** A body the route accepts for the place's records, so that the scope (not validation) decides. */
function sampleBody(route: Route, ids: Ids): unknown {
  return sampleBodies(ids)[route.key]?.();
}

/** Per route with a request body, how to make one for the place's records. */
function sampleBodies(ids: Ids): Record<string, () => unknown> {
  const { personalIdentityNumber: _, ...person } = personInput();
  return {
    'POST /api/auth/login': () => ({ email: 'nobody@test.example', password: testPassword }),
    'POST /api/auth/login/two-factor': () => ({ challenge: 'x'.repeat(43), code: '123456' }),
    'POST /api/auth/two-factor/confirmation': () => ({ code: '123456' }),
    'POST /api/auth/two-factor/recovery-codes': () => ({ code: '123456' }),
    'POST /api/auth/two-factor/disable': () => ({ password: testPassword }),
    'PUT /api/auth/password': () => ({
      currentPassword: testPassword,
      newPassword: 'Blåbärssylt i mörka november 2026',
    }),
    'PUT /api/enrolments/:id/labour-market-status': () => ({
      labourMarketStatus: 'long_term_unemployed',
      version: ids.exitedEnrolmentVersion,
    }),
    'POST /api/programmes/:id/funder-reports/monthly/:month/submissions': () => ({
      fingerprint: ids.reportFingerprint,
    }),
    'POST /api/surveys': () => ({
      programmeId: ids.programme,
      languages: ['sv'],
      titles: { sv: 'Hur var kursen?' },
      questions: [{ kind: 'scale', required: true, texts: { sv: 'Hur nöjd är du?' } }],
    }),
    'PUT /api/surveys/:id': () => ({
      version: ids.surveyVersion,
      languages: ['sv', 'en'],
      titles: { sv: 'Vad tycker du nu?', en: 'What do you think now?' },
      questions: ids.surveyQuestions.map(({ id, kind, required, texts }) => ({ id, kind, required, texts })),
    }),
    'POST /api/surveys/:id/open': () => ({ version: ids.surveyVersion }),
    'POST /api/surveys/:id/close': () => ({ version: ids.surveyVersion }),
    'POST /api/surveys/:id/links': () => ({ groupId: ids.surveyGroup, sessionId: null }),
    'POST /api/public/surveys/:token/responses': () => surveyAnswer(ids),
    'POST /api/access-reviews': () => ({ month: reportMonth }),
    'PUT /api/access-review-items/:id': () => ({ outcome: 'confirmed', note: null, version: 1 }),
    'POST /api/participants/search': () => ({ q: 'Amal', page: 1 }),
    // The place's participant has an open enrolment, so no one is due: the fingerprint of today's empty batch.
    'POST /api/retention/runs': () => ({
      fingerprint: createHash('sha256').update(todayInSweden()).digest('hex'),
    }),
    'PUT /api/participants/:id': () => ({ ...person, version: 1 }),
    'POST /api/participants/:id/identity': () => ({ personalIdentityNumber: pin(), version: 1 }),
    'POST /api/referrals': () => ({
      participant: personInput({ personalIdentityNumber: pin() }),
      programmeId: ids.programme,
      centreId: ids.centre,
      referringOfficer: 'Ida Berg',
      referringOffice: 'Arbetsförmedlingen Haninge',
      referredOn: '2026-11-02',
      basis: 'establishment_programme',
      note: null,
    }),
    'POST /api/referrals/import': () => ({
      programmeId: ids.programme,
      centreId: ids.centre,
      csv: `Personnummer;Förnamn;Efternamn;Remissdatum;Handläggare;Grund\n${pin()};Amal;Haile;2026-11-02;Ida Berg;etableringsprogrammet`,
    }),
    'POST /api/referrals/:id/meeting': () => ({ meetingAt: '2026-12-20T10:00:00+01:00', version: 1 }),
    'POST /api/referrals/:id/close': () => ({ status: 'declined', reason: 'Tackade nej', version: 1 }),
    'POST /api/participants/:id/consents': () => ({
      purposes: ['participation', 'data_sharing'],
      givenOn: '2026-11-05',
      method: 'paper',
      language: 'ar',
    }),
    'POST /api/consents/:id/withdraw': () => ({ withdrawnOn: '2026-12-01', note: null }),
    'POST /api/participants/:id/enrolments': () => ({
      programmeId: ids.programme,
      centreId: ids.centre,
      startsOn: '2026-11-16',
    }),
    'POST /api/enrolments/:id/exit': () => ({
      exitedOn: '2026-12-01',
      outcome: 'moved',
      reason: 'Flyttar',
      version: 1,
    }),
    'POST /api/enrolments/:id/steps': () => ({ stepId: ids.laterStep, startedOn: '2026-11-20' }),
    'POST /api/enrolment-steps/:id/end': () => ({ endedOn: '2026-11-30' }),
    'POST /api/enrolment-steps/:id/checklist/:itemId': () => ({ tickedOn: '2026-11-20' }),
    'POST /api/follow-ups/:id/attempts': () => ({
      attemptedOn: '2026-12-02',
      contactMethod: 'phone',
      reached: false,
      note: null,
    }),
    'POST /api/follow-ups/:id/result': () => ({
      status: 'seeking_work',
      organisation: null,
      recordedOn: '2026-12-02',
      version: 1,
    }),
    'POST /api/participants/:id/journal': () => ({
      entryDate: '2026-11-20',
      category: 'note',
      text: 'Samtal om praktik',
    }),
    'POST /api/journal/:id/corrections': () => ({
      text: 'Samtal om praktik och SFI',
      reason: 'Ofullständig',
    }),
    'POST /api/participants/:id/team': () => ({ userId: ids.teamUser, isContact: false }),
    'POST /api/participants/:id/assessments': () => ({
      basedOnRevision: null,
      meetingOn: '2026-11-20',
      attendees: [],
      summary: 'Trepartssamtal',
    }),
    'PUT /api/enrolments/:id/plan': () => ({
      version: 0,
      goals: [
        {
          term: 'short',
          description: 'Klara SFI kurs C',
          targetOn: '2027-03-01',
          ownerUserId: null,
          status: 'planned',
        },
      ],
    }),
    'POST /api/programmes': () => programmeBody(ids),
    'PUT /api/programmes/:id': () => ({ ...programmeBody(ids), version: 1 }),
    'PUT /api/programmes/:id/steps/:stepId/checklist': () => ({ items: [{ label: 'Bankkonto' }] }),
    'POST /api/programmes/:id/activities': () => activityBody(),
    'PUT /api/activities/:id': () => ({ ...activityBody(), version: 1 }),
    'PUT /api/programmes/:id/closure-days': () => ({ days: [{ day: '2026-12-28', reason: 'Mellandagar' }] }),
    'POST /api/groups': () => ({
      activityId: ids.activity,
      centreId: ids.centre,
      name: `Grupp ${randomUUID().slice(0, 6)}`,
      leaderId: ids.leader,
      room: null,
      startsOn: '2026-11-16',
      endsOn: '2026-12-18',
      schedule: mondaysAndWednesdays,
    }),
    'PUT /api/groups/:id': () => ({ name: 'SFI kväll', leaderId: ids.leader, room: 'Sal 2', version: 1 }),
    'POST /api/groups/:id/members': () => ({ enrolmentId: ids.enrolment, joinedOn: '2026-11-16' }),
    'POST /api/group-members/:id/leave': () => ({ leftOn: '2026-12-01' }),
    'PUT /api/sessions/:id': () => ({
      date: ids.sessionDate,
      startTime: '09:30',
      endTime: '12:00',
      room: null,
      leaderId: ids.leader,
      civicAreas: [],
      guestEmployer: null,
      version: 1,
    }),
    'POST /api/sessions/:id/cancel': () => ({ reason: 'Läraren är sjuk', version: 1 }),
    'PUT /api/sessions/:id/roll-call': () => ({ rows: [{ enrolmentId: ids.enrolment, status: 'present' }] }),
    'POST /api/employers': () => employerBody(),
    'PUT /api/employers/:id': () => ({ ...employerBody(), version: 1 }),
    'POST /api/employers/:id/contacts': () => ({ name: 'Eva Lund', title: 'Arbetsledare' }),
    'PUT /api/employer-contacts/:id': () => ({ name: 'Eva Lund', title: 'Lagerchef' }),
    'POST /api/employers/:id/interactions': () => ({
      kind: 'call',
      occurredOn: '2026-12-01',
      note: 'Ringde',
    }),
    'POST /api/employers/:id/openings': () => openingBody(),
    'PUT /api/openings/:id': () => ({ ...openingBody(), version: 1 }),
    'POST /api/placements': () => placementBody(ids),
    'PUT /api/placements/:id': () => ({
      supervisorId: ids.employerContact,
      tasks: 'Plocka order',
      goalIds: [],
      version: 1,
    }),
    'POST /api/placements/:id/start': () => ({ firstDay: '2026-11-16', version: 1 }),
    'POST /api/placements/:id/end': () => ({ lastDay: '2026-11-30', reason: null, version: 1 }),
    'POST /api/placements/:id/cancel': () => ({ reason: 'Företaget drog sig ur', version: 1 }),
    'PUT /api/placements/:id/evaluations/:kind': () => ({
      heldOn: '2026-11-25',
      ratings: { punctuality: 4 },
      summary: 'Kommer i tid',
      nextSteps: null,
    }),
    'POST /api/users': () => ({
      name: 'Lina Berg',
      email: `lina.${randomUUID().slice(0, 8)}@test.example`,
      role: 'civic_guide',
      centreIds: [ids.centre],
      password: 'ett långt och hemligt lösenord',
    }),
    'PATCH /api/users/:id': () => ({ name: 'Omar Ek' }),
    'POST /api/organisations': () => ({
      kind: 'municipality',
      name: `Kommun ${randomUUID().slice(0, 6)}`,
      municipality: '0136',
    }),
    'PATCH /api/organisations/:id': () => ({ name: `Kommun ${randomUUID().slice(0, 6)}` }),
    'POST /api/centres': () => ({ name: `Centrum ${randomUUID().slice(0, 6)}`, municipality: '0136' }),
    'PATCH /api/centres/:id': () => ({ name: `Centrum ${randomUUID().slice(0, 6)}` }),
  };
}

/** Write routes whose request has no body. */
const withoutBody = new Set([
  'POST /api/auth/logout',
  'DELETE /api/enrolment-steps/:id/checklist/:itemId',
  'DELETE /api/participants/:id/team/:userId',
  'POST /api/participants/:id/team/:userId/contact',
  'DELETE /api/auth/sessions/:id',
  'POST /api/auth/two-factor/enrolment',
]);

/** An answer to every question of the place's survey, as its link's respondents give it. */
function surveyAnswer(ids: Ids) {
  return {
    language: 'sv',
    answers: ids.surveyQuestions.map((q) =>
      q.kind === 'scale'
        ? { questionId: q.id, scale: 4 }
        : q.kind === 'yes_no'
          ? { questionId: q.id, yes: true }
          : { questionId: q.id, text: 'Mer svenska' },
    ),
  };
}

/** The id a session is known by (`GET /api/auth/sessions`): the SHA-256 of its cookie token. */
function sessionIdOf(session: Session): string {
  const token = session.cookie.slice(session.cookie.indexOf('=') + 1);
  return createHash('sha256').update(token).digest('hex');
}

function programmeBody(ids: Ids) {
  return {
    name: `Program ${randomUUID().slice(0, 6)}`,
    funderProjectNumber: null,
    startsOn: '2025-01-01',
    endsOn: '2028-06-30',
    plannedParticipants: 100,
    goalPercent: 50,
    goalDescription: 'Hälften i arbete',
    followUpDays: 90,
    organisationIds: ids.participatingOrganisations,
    centreIds: [ids.centre],
    targetGroups: [{ kind: 'short_educated', name: 'Kortutbildade', maxDurationMonths: 12 }],
    steps: [{ name: 'Inskrivning' }],
  };
}

function activityBody() {
  return { name: 'SFI-stöd', type: 'language_promotion', plannedHours: 40, deliveryLanguage: 'sv' };
}

function employerBody() {
  return { organisationNumber: uniqueOrganisationNumber(), name: 'Lager AB', offers: ['internships'] };
}

function openingBody() {
  return { kind: 'internship', title: 'Praktik på lager', occupationCode: '9332', places: 1 };
}

function placementBody(ids: Ids) {
  return {
    enrolmentId: ids.enrolment,
    employerId: ids.employer,
    openingId: null,
    supervisorId: ids.employerContact,
    activityId: ids.activity,
    responsibleId: ids.leader,
    startsOn: '2026-11-16',
    endsOn: '2026-12-16',
    schedule: mondaysAndWednesdays,
    tasks: 'Plocka och packa order',
    goalIds: [],
  };
}

/** Whether the role holds every permission the route needs. */
function allowed(role: Role, rule: RouteRule): boolean {
  return permissionsOf(rule.access).every((permission) => can(role, permission));
}

let sessions: Record<Role, Session>;
let ids: Record<Place, Ids>;

/** A place: its organisation, centre and programme, a coordinator there and what they do with participants. */
let reviewMonths = 0;

async function buildPlace(options: {
  organisationId: string;
  centreId: string;
  programme: Awaited<ReturnType<typeof createProgramme>>;
  /** The programme that stands for the place in programme-scoped routes. */
  scopeProgramme: Awaited<ReturnType<typeof createProgramme>>;
  protectedIdentity: boolean;
  /** Of another organisation than the staff under test. */
  foreign?: boolean;
  staff: Session;
  /** A programme manager of the place's organisation at its centre: builds the survey, reads the report. */
  manager: Session;
  internshipActivityId: string;
}): Promise<Ids> {
  const { centreId, programme, staff } = options;
  const world = { centre: { id: centreId }, programme };
  const person = { personalIdentityNumber: pin(), protectedIdentity: options.protectedIdentity };
  const referral = await referParticipant(staff, world, person);
  const participant = referral.participantId;
  const consent = await consentToParticipation(staff, participant);
  const enrolment = await expectStatus(
    staff.post(`/api/participants/${participant}/enrolments`, {
      programmeId: programme.programme.id,
      centreId,
      startsOn: '2026-11-16',
      referralId: referral.id,
    }),
    201,
  );
  const journal = await expectStatus(
    staff.post(`/api/participants/${participant}/journal`, {
      entryDate: '2026-11-17',
      category: 'meeting',
      text: 'Första mötet',
    }),
    201,
  );
  const [enrolmentStep] = await queryRows<{ id: string }>(
    t.db,
    sql`select id from enrolment_steps where enrolment_id = ${enrolment.id}`,
  );
  const [checklistItem] = await queryRows<{ id: string }>(
    t.db,
    sql`select id from step_checklist_items where step_id = ${programme.steps[0]?.id}`,
  );

  // A second person of the place who has left, with the follow-up that creates.
  const leaver = await referParticipant(staff, world, { ...person, personalIdentityNumber: pin() });
  await consentToParticipation(staff, leaver.participantId);
  const left = await expectStatus(
    staff.post(`/api/participants/${leaver.participantId}/enrolments`, {
      programmeId: programme.programme.id,
      centreId,
      startsOn: '2026-11-16',
    }),
    201,
  );
  const exited = await expectStatus(
    staff.post(`/api/enrolments/${left.id}/exit`, {
      exitedOn: '2026-12-01',
      outcome: 'moved',
      reason: 'Flyttar',
      version: left.version,
    }),
    200,
  );
  const [followUp] = await queryRows<{ id: string }>(
    t.db,
    sql`select id from follow_ups where enrolment_id = ${left.id}`,
  );

  const groupActivity = await createActivity(t.db, programme.programme.id);
  const { group, sessions: groupSessions } = await createGroup(
    t.db,
    { centre: { id: centreId }, programme, caseworker: { userId: staff.userId } },
    { activityId: groupActivity.id },
  );
  const { scopeProgramme } = options;
  const activity =
    scopeProgramme === programme ? groupActivity : await createActivity(t.db, scopeProgramme.programme.id);
  const member = await addGroupMember(t.db, group.id, enrolment.id, staff.userId);

  const employer = await createEmployer(t.db, { createdBy: staff.userId });
  const contact = await createEmployerContact(t.db, employer.id);
  const opening = await createOpening(t.db, employer.id);
  const placement = await expectStatus(
    staff.post('/api/placements', {
      ...placementBody({
        enrolment: enrolment.id,
        employer: employer.id,
        employerContact: contact.id,
        activity: options.internshipActivityId,
        leader: staff.userId,
      } as Ids),
      // A later period than the sample bodies', so placing someone again at the own centre does not overlap.
      startsOn: '2026-12-21',
      endsOn: '2027-01-29',
    }),
    201,
  );
  const user = await createUser(t.db, 'career_guide', [centreId], options.organisationId);
  const [session] = groupSessions;

  // A survey of the programme the place's programme routes name, with a link for a group of that programme at
  // the place's centre, opened and answered once.
  const built = await createSurvey(options.manager, scopeProgramme.programme.id);
  const surveyGroup =
    scopeProgramme === programme
      ? group
      : (
          await createGroup(
            t.db,
            { centre: { id: centreId }, programme: scopeProgramme, caseworker: { userId: staff.userId } },
            { activityId: activity.id },
          )
        ).group;
  const link = await expectStatus(
    staff.post(`/api/surveys/${built.id}/links`, { groupId: surveyGroup.id, sessionId: null }),
    201,
  );
  const opened = await expectStatus(
    options.manager.post(`/api/surveys/${built.id}/open`, { version: built.version }),
    200,
  );
  const surveyQuestions = built.questions.map(({ id, kind, required, texts }) => ({
    id,
    kind,
    required,
    texts: texts as Record<string, string>,
  }));
  const answered = await t.app.inject({
    method: 'POST',
    url: `/api/public/surveys/${link.token}/responses`,
    payload: surveyAnswer({ surveyQuestions } as Ids),
  });
  if (answered.statusCode !== 201) throw new Error(`answer failed: ${answered.statusCode} ${answered.body}`);
  const report = await expectStatus(
    options.manager.get(
      `/api/programmes/${scopeProgramme.programme.id}/funder-reports/monthly/${reportMonth}`,
    ),
    200,
  );

  // A review of its own month per place: the places of one organisation would otherwise share a month.
  reviewMonths += 1;
  const [review] = await t.db
    .insert(accessReviews)
    .values({
      organisationId: options.organisationId,
      month: `2025-${String(reviewMonths).padStart(2, '0')}`,
      createdBy: staff.userId,
    })
    .returning();
  const [logged] = await t.db
    .select({ id: accessLog.id })
    .from(accessLog)
    .where(sql`${accessLog.participantId} = ${participant}`)
    .limit(1);
  const [reviewItem] = await t.db
    .insert(accessReviewItems)
    .values({ reviewId: review?.id as string, accessLogId: logged?.id as number, ordinal: 1 })
    .returning();

  if (!enrolmentStep || !checklistItem || !followUp || !session || !reviewItem)
    throw new Error('place incomplete');
  return {
    participant,
    referral: referral.id,
    consent: consent.id,
    enrolment: enrolment.id,
    enrolmentStep: enrolmentStep.id,
    checklistItem: checklistItem.id,
    followUp: followUp.id,
    journal: journal.id,
    placement: placement.id,
    teamUser: staff.userId,
    programme: scopeProgramme.programme.id,
    step: scopeProgramme.steps[0]?.id as string,
    laterStep: programme.steps[1]?.id as string,
    activity: activity.id,
    centre: centreId,
    group: group.id,
    session: session.id,
    sessionDate: session.sessionDate,
    groupMember: member.id,
    employer: employer.id,
    employerContact: contact.id,
    opening: opening.id,
    organisation: options.organisationId,
    participatingOrganisations: options.foreign ? [options.organisationId] : [],
    user: user.id,
    leader: staff.userId,
    authSession: sessionIdOf(staff),
    survey: built.id,
    surveyVersion: opened.version as number,
    surveyQuestions,
    surveyGroup: surveyGroup.id,
    surveyLink: link.id,
    surveyToken: link.token as string,
    reportFingerprint: report.fingerprint as string,
    accessReview: reviewItem.reviewId,
    accessReviewItem: reviewItem.id,
    exitedEnrolment: left.id,
    exitedEnrolmentVersion: exited.version as number,
  };
}

async function expectStatus(
  response: Promise<LightMyRequestResponse>,
  status: number,
): Promise<{ id: string } & Record<string, unknown>> {
  const answer = await response;
  if (answer.statusCode !== status) {
    throw new Error(`expected ${status}, got ${answer.statusCode}: ${answer.body}`);
  }
  return answer.json();
}

async function withChecklist(programme: Awaited<ReturnType<typeof createProgramme>>) {
  await t.db
    .insert(stepChecklistItems)
    .values({ stepId: programme.steps[0]?.id as string, ordinal: 1, label: 'Bankkonto' });
  return programme;
}

function internship(programme: Awaited<ReturnType<typeof createProgramme>>) {
  return createActivity(t.db, programme.programme.id, {
    name: `Praktik ${randomUUID().slice(0, 6)}`,
    type: 'internship',
    stepId: programme.steps[5]?.id ?? null,
    plannedHours: 160,
  });
}

beforeAll(async () => {
  t = await createTestApp();
  // Organisation A has the own centre and another centre; organisation B a centre of its own.
  const organisationA = await createOrganisation(t.db);
  const organisationB = await createOrganisation(t.db);
  const own = await createCentre(t.db, organisationA.id);
  const other = await createCentre(t.db, organisationA.id);
  const foreign = await createCentre(t.db, organisationB.id);
  // The own and the other centre share a programme; each other place has a programme the own centre is not in.
  const shared = await withChecklist(await createProgramme(t.db, [own.id, other.id], organisationA.id));
  const othersOnly = await createProgramme(t.db, [other.id], organisationA.id);
  const foreignProgramme = await withChecklist(await createProgramme(t.db, [foreign.id], organisationB.id));
  const sharedInternship = await internship(shared);
  const foreignInternship = await internship(foreignProgramme);

  const coordinatorAt = (centreId: string, organisationId: string) =>
    createSession(t.app, t.db, 'coordinator', [centreId], organisationId);
  const managerAt = (centreId: string, organisationId: string) =>
    createSession(t.app, t.db, 'programme_manager', [centreId], organisationId);
  const ownManager = await managerAt(own.id, organisationA.id);
  sessions = Object.fromEntries(
    await Promise.all(
      roles.map(async (role) => [role, await createSession(t.app, t.db, role, [own.id], organisationA.id)]),
    ),
  ) as Record<Role, Session>;

  const base = { programme: shared, internshipActivityId: sharedInternship.id };
  ids = {
    own: await buildPlace({
      ...base,
      organisationId: organisationA.id,
      centreId: own.id,
      scopeProgramme: shared,
      protectedIdentity: false,
      staff: await coordinatorAt(own.id, organisationA.id),
      manager: ownManager,
    }),
    otherCentre: await buildPlace({
      ...base,
      organisationId: organisationA.id,
      centreId: other.id,
      scopeProgramme: othersOnly,
      protectedIdentity: false,
      staff: await coordinatorAt(other.id, organisationA.id),
      manager: await managerAt(other.id, organisationA.id),
    }),
    otherOrganisation: await buildPlace({
      organisationId: organisationB.id,
      centreId: foreign.id,
      programme: foreignProgramme,
      internshipActivityId: foreignInternship.id,
      scopeProgramme: foreignProgramme,
      foreign: true,
      protectedIdentity: false,
      staff: await coordinatorAt(foreign.id, organisationB.id),
      manager: await managerAt(foreign.id, organisationB.id),
    }),
    // At the own centre, made by a coordinator there who is thereby assigned; the staff under test are not.
    protectedIdentity: await buildPlace({
      ...base,
      organisationId: organisationA.id,
      centreId: own.id,
      scopeProgramme: shared,
      protectedIdentity: true,
      staff: await coordinatorAt(own.id, organisationA.id),
      manager: ownManager,
    }),
  };
}, 120_000);
afterAll(() => t?.close());

/** Sends the route as the session with the place's ids and, for a write, the sample body (or none at all). */
function send(session: Session | null, route: Route, place: Ids, body: 'sample' | 'empty') {
  const options = {
    method: route.method as 'GET',
    url: urlOf(route, place),
    ...(route.method === 'GET' || withoutBody.has(route.key)
      ? {}
      : { payload: body === 'sample' ? (sampleBody(route, place) as object) : {} }),
  };
  return session ? session.request(options) : t.app.inject(options);
}

/**
 * A session for the route: logging out gets a session of its own, so the others stay logged in; changing the
 * password (which ends the user's other sessions) is done by a new user of the role at the own centre.
 */
async function sessionFor(role: Role, route: Route): Promise<Session> {
  if (route.key === 'PUT /api/auth/password') {
    return createSession(t.app, t.db, role, [ids.own.centre], ids.own.organisation);
  }
  if (route.key !== 'POST /api/auth/logout') return sessions[role];
  return loginAgain(role);
}

/** Another session of the role's user under test. */
async function loginAgain(role: Role): Promise<Session> {
  const [user] = await queryRows<{ email: string }>(
    t.db,
    sql`select email from users where id = ${sessions[role].userId}`,
  );
  return login(t.app, user?.email as string, testPassword);
}

/**
 * The own place's ids as the role sees them: the own session a route names is one of the role's user's own
 * (another than the one under test, which must stay logged in).
 */
async function ownIdsFor(role: Role, route: Route): Promise<Ids> {
  if (route.key !== 'DELETE /api/auth/sessions/:id') return ids.own;
  return { ...ids.own, authSession: sessionIdOf(await loginAgain(role)) };
}

/**
 * The request got to the record: 2xx, or a domain answer such as 409 (an earlier role may have done the same)
 * or 400 naming a field — but was not turned away (401, 403), told there is no such record (404) or failed.
 */
function reached(response: LightMyRequestResponse): boolean {
  return ![401, 403, 404].includes(response.statusCode) && response.statusCode < 500;
}

function describeAnswer(route: Route, who: string, response: LightMyRequestResponse): string {
  return `${route.key} as ${who}: ${response.statusCode} ${response.body.slice(0, 300)}`;
}

describe('the authorization matrix', () => {
  it('names every route of the app, and only routes of the app', async () => {
    const document = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json() as {
      paths: Record<string, Record<string, unknown>>;
    };
    const documented = Object.entries(document.paths).flatMap(([path, methods]) =>
      Object.keys(methods).map((method) => `${method.toUpperCase()} ${path.replace(/\{(\w+)\}/g, ':$1')}`),
    );
    const inMatrix = new Set(Object.keys(routeMatrix));
    expect(documented.filter((key) => !inMatrix.has(key))).toEqual([]);
    const notRoutes = routes.filter((r) => !t.app.hasRoute({ method: r.method as 'GET', url: r.path }));
    expect(notRoutes.map((r) => r.key)).toEqual([]);
  });

  it('has a valid sample body in this test for every route that takes one', async () => {
    const document = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json() as {
      paths: Record<string, Record<string, { requestBody?: unknown }>>;
    };
    const withBody = Object.entries(document.paths).flatMap(([path, methods]) =>
      Object.entries(methods)
        .filter(([, operation]) => operation.requestBody !== undefined)
        .map(([method]) => `${method.toUpperCase()} ${path.replace(/\{(\w+)\}/g, ':$1')}`),
    );
    const samples = sampleBodies(ids.own);
    expect(withBody.filter((key) => !(key in samples))).toEqual([]);
    expect(Object.keys(samples).filter((key) => !withBody.includes(key))).toEqual([]);
    expect([...withoutBody].filter((key) => withBody.includes(key))).toEqual([]);
  });

  it('stops the app at start when a route has no entry, naming the route', async () => {
    const app = Fastify();
    requireMatrixEntries(app);
    app.register(
      async (api) => {
        api.get('/participants/:id/secrets', async () => ({}));
      },
      { prefix: '/api' },
    );
    await expect(app.ready()).rejects.toThrow(
      'GET /api/participants/:id/secrets has no entry in the authorization matrix',
    );
  });

  it('stops the app at start when the matrix and a route disagree on whether it is public', () => {
    const app = Fastify();
    requireMatrixEntries(app);
    expect(() => app.get('/api/auth/session', { config: { public: true } }, async () => ({}))).toThrow(
      'GET /api/auth/session: the matrix and the route disagree on whether it is public',
    );
  });
});

describe('every route as every role', () => {
  it('answers 401 without a session, public routes aside', async () => {
    const wrong: string[] = [];
    for (const route of routes) {
      if (route.rule.access === 'public') continue;
      const response = await send(null, route, ids.own, 'sample');
      if (response.statusCode !== 401) wrong.push(describeAnswer(route, 'nobody', response));
    }
    expect(wrong).toEqual([]);
  });

  it('answers a survey’s public routes without a session, for an open survey of any place', async () => {
    // Public routes are otherwise not sent here (login is the auth tests'): these carry a token, not a session.
    const wrong: string[] = [];
    const tokenRoutes = routes.filter((r) => r.rule.scope === 'surveyToken');
    for (const route of tokenRoutes) {
      for (const place of places) {
        const response = await send(null, route, ids[place], 'sample');
        if (response.statusCode < 200 || response.statusCode >= 300) {
          wrong.push(describeAnswer(route, `nobody at ${place}`, response));
        }
      }
    }
    expect(wrong).toEqual([]);
    expect(tokenRoutes).toHaveLength(2);
  });

  it('answers 403 to a role without the permission, whatever the body', async () => {
    const wrong: string[] = [];
    let refusals = 0;
    for (const route of routes) {
      for (const role of roles) {
        if (allowed(role, route.rule)) continue;
        refusals += 1;
        for (const body of ['empty', 'sample'] as const) {
          const response = await send(sessions[role], route, ids.own, body);
          if (response.statusCode !== 403 || response.json().error.code !== 'FORBIDDEN') {
            wrong.push(describeAnswer(route, `${role} (${body} body)`, response));
          }
        }
      }
    }
    expect(wrong).toEqual([]);
    expect(refusals).toBeGreaterThan(100);
  }, 120_000);

  it('lets a role with the permission reach a record of its own centre', async () => {
    const wrong: string[] = [];
    for (const route of routes) {
      if (route.rule.access === 'public') continue;
      for (const role of roles) {
        if (!allowed(role, route.rule)) continue;
        const response = await send(
          await sessionFor(role, route),
          route,
          await ownIdsFor(role, route),
          'sample',
        );
        if (!reached(response)) wrong.push(describeAnswer(route, role, response));
      }
    }
    expect(wrong).toEqual([]);
  }, 120_000);
});

describe('the services, behind the hook', () => {
  // Defence in depth: with the hook's role check lifted for one route at a time, the service refuses the same
  // roles itself, with a valid body so the request reaches it. Routes whose permission every role holds, and
  // those open to any logged-in user, have no role to refuse.
  it('refuse every role the matrix refuses, each route on its own', async () => {
    const rules = routeMatrix as Record<string, RouteRule>;
    const wrong: string[] = [];
    let refusals = 0;
    for (const route of routes) {
      const refused = roles.filter((role) => !allowed(role, route.rule));
      if (refused.length === 0 || route.rule.access === 'public') continue;
      rules[route.key] = { ...route.rule, access: 'authenticated' };
      try {
        for (const role of refused) {
          refusals += 1;
          const response = await send(sessions[role], route, ids.own, 'sample');
          if (response.statusCode !== 403) wrong.push(describeAnswer(route, role, response));
        }
      } finally {
        rules[route.key] = route.rule;
      }
    }
    expect(wrong).toEqual([]);
    expect(refusals).toBeGreaterThan(100);
  }, 120_000);
});

describe('every route that names a record, in every scope', () => {
  // Every route whose path, body or query names a record: its scope says what it answers for one elsewhere.
  const scoped = routes;
  const elsewhere = ['otherCentre', 'otherOrganisation', 'protectedIdentity'] as const;

  it.each(elsewhere)(
    'answers as the matrix says for a record of %s',
    async (place) => {
      const wrong: string[] = [];
      let checked = 0;
      for (const route of scoped) {
        const expected: ScopeOutcome | null = scopes[route.rule.scope][place];
        if (expected === null) continue;
        for (const role of roles) {
          if (!allowed(role, route.rule)) continue;
          checked += 1;
          const response = await send(sessions[role], route, ids[place], 'sample');
          const ok = expected === 200 ? reached(response) : response.statusCode === expected;
          if (!ok) wrong.push(`${describeAnswer(route, role, response)} (expected ${expected})`);
        }
      }
      expect(wrong).toEqual([]);
      expect(checked).toBeGreaterThan(0);
    },
    120_000,
  );
});

describe('the mapping’s sensitive part', () => {
  it('reaches exactly the roles whose permission allows it, for a person they are not assigned to', async () => {
    // A person of the own centre whose creator is not among the staff under test (assigned staff see it all).
    const creator = await createSession(t.app, t.db, 'coordinator', [ids.own.centre], ids.own.organisation);
    const world = { centre: { id: ids.own.centre }, programme: { programme: { id: ids.own.programme } } };
    const { participantId: participant } = await referParticipant(creator, world, {
      personalIdentityNumber: pin(),
    });
    await consentToParticipation(creator, participant);
    const recorded = await sessions.social_consultant.post(`/api/participants/${participant}/assessments`, {
      basedOnRevision: null,
      meetingOn: '2026-11-21',
      summary: 'Kartläggning med känsliga uppgifter',
      sensitive: { health: 'Ryggbesvär', socialCircumstances: 'Trångbodd' },
    });
    expect([200, 201]).toContain(recorded.statusCode);
    for (const role of roles) {
      const response = await sessions[role].get(`/api/participants/${participant}/assessments/current`);
      expect(response.statusCode, role).toBe(200);
      const seen = JSON.stringify(response.json()).includes('Ryggbesvär');
      expect(seen, role).toBe(can(role, 'assessment.sensitive.read'));
    }
  });
});
