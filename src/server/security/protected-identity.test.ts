import { sql } from 'drizzle-orm';
import type { LightMyRequestResponse } from 'fastify';
import { readSheet } from 'read-excel-file/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Role, roles } from '../../core/enums.ts';
import { formatIdentityNumber } from '../../core/personal-identity-number.ts';
import { queryRows } from '../db/client.ts';
import { accessLog } from '../db/schema.ts';
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
  referParticipant,
  uniquePersonalIdentityNumber,
} from '../test/factories.ts';
import { createTestApp, type Session, type TestContext } from '../test/test-app.ts';
import { type RouteRule, routeMatrix } from './route-matrix.ts';

// Protected identity (skyddad identitet), proven over the whole API: a person with protected identity is in every
// list, search, match, report and export the app has, and for staff of every role at her own centre who are not
// assigned to her, none of those answers holds her name, identity number or id, as JSON, CSV or XLSX. Someone
// ordinary beside her in every place shows that each answer was one that could have named her. Every attempt on
// her by those staff is logged.

let t: TestContext;
/** The coordinator who registered both people: assigned to them, so sees the protected person. */
let assigned: Session;
const colleagues = {} as Record<Role, Session>;

type Person = {
  participantId: string;
  enrolmentId: string;
  enrolmentVersion: number;
  firstName: string;
  lastName: string;
  pin: string;
};
let hidden: Person;
let ordinary: Person;
/** The same pair once more, exited to work at the employer: in follow-ups, outcomes and the funder's file. */
let hiddenLeaver: Person;
let ordinaryLeaver: Person;

let ids: {
  organisation: string;
  centre: string;
  programme: string;
  step: string;
  group: string;
  session: string;
  employer: string;
  opening: string;
  survey: string;
  surveyLink: string;
  surveyToken: string;
  accessReview: string;
};

/**
 * GET routes about one participant: they answer 404 for her (the matrix test proves it), but for her access log,
 * which the administrators of her centre oversee (it shows who tried to reach her).
 */
const ofOneParticipant = new Set(['participant', 'participantCentre']);

beforeAll(async () => {
  t = await createTestApp();
  const organisation = await createOrganisation(t.db);
  const centre = await createCentre(t.db, organisation.id);
  const programme = await createProgramme(t.db, [centre.id], organisation.id);
  const world = { centre, programme };
  assigned = await createSession(t.app, t.db, 'coordinator', [centre.id], organisation.id);
  for (const role of roles) {
    colleagues[role] = await createSession(t.app, t.db, role, [centre.id], organisation.id);
  }

  const employer = await createEmployer(t.db, { createdBy: assigned.userId });
  const contact = await createEmployerContact(t.db, employer.id);
  const opening = await createOpening(t.db, employer.id, { createdBy: assigned.userId, places: 10 });
  const internship = await createActivity(t.db, programme.programme.id, { type: 'internship' });
  const { group, sessions } = await createGroup(t.db, { ...world, caseworker: assigned });
  const held = sessions[0];
  if (!held) throw new Error('no session');

  const enrol = async (firstName: string, lastName: string, protectedIdentity: boolean): Promise<Person> => {
    const pin = uniquePersonalIdentityNumber('19900101');
    const referral = await referParticipant(assigned, world, {
      firstName,
      lastName,
      personalIdentityNumber: pin,
      protectedIdentity,
    });
    await consentToParticipation(assigned, referral.participantId);
    const enrolment = await ok(
      assigned.post(`/api/participants/${referral.participantId}/enrolments`, {
        programmeId: programme.programme.id,
        centreId: centre.id,
        startsOn: '2026-11-02',
        referralId: referral.id,
        labourMarketStatus: 'unemployed',
      }),
    );
    await ok(
      assigned.post(`/api/participants/${referral.participantId}/journal`, {
        entryDate: '2026-11-03',
        category: 'meeting',
        text: 'Första mötet',
      }),
    );
    await addGroupMember(t.db, group.id, enrolment.id, assigned.userId, '2026-11-02');
    await ok(
      assigned.post('/api/placements', {
        enrolmentId: enrolment.id,
        employerId: employer.id,
        openingId: opening.id,
        supervisorId: contact.id,
        activityId: internship.id,
        responsibleId: assigned.userId,
        startsOn: '2026-11-16',
        endsOn: '2026-12-16',
        schedule: [{ weekday: 2, startTime: '08:00', endTime: '16:00' }],
        tasks: 'Plocka order',
        goalIds: [],
      }),
    );
    return {
      participantId: referral.participantId,
      enrolmentId: enrolment.id,
      enrolmentVersion: enrolment.version,
      firstName,
      lastName,
      pin,
    };
  };
  // Names no other text of the app contains, so finding one in an answer can only mean the person.
  hidden = await enrol('Zebunnisa', 'Qorrashova', true);
  ordinary = await enrol('Yrsa', 'Vanligsdotter', false);
  hiddenLeaver = await enrol('Xiomara', 'Hemligsson', true);
  ordinaryLeaver = await enrol('Wilma', 'Öppensdotter', false);
  for (const leaver of [hiddenLeaver, ordinaryLeaver]) {
    await ok(
      assigned.post(`/api/enrolments/${leaver.enrolmentId}/exit`, {
        exitedOn: '2026-11-27',
        outcome: 'work_permanent',
        employerId: employer.id,
        version: leaver.enrolmentVersion,
      }),
    );
  }

  await ok(
    assigned.put(`/api/sessions/${held.id}/roll-call`, {
      // Absent, so that both are in the month's deviations for the employment service.
      rows: [hidden, ordinary].map((p) => ({
        enrolmentId: p.enrolmentId,
        status: 'absent',
        absenceReason: 'ill',
      })),
    }),
  );

  const manager = colleagues.programme_manager;
  const survey = await createSurvey(manager, programme.programme.id);
  await ok(manager.post(`/api/surveys/${survey.id}/open`, { version: survey.version }));
  const link = await ok(
    manager.post(`/api/surveys/${survey.id}/links`, { groupId: group.id, sessionId: null }),
  );

  // Accesses in the month the review samples (the log takes the time of the request otherwise).
  await t.db.insert(accessLog).values(
    [hidden, ordinary].map((p) => ({
      userId: assigned.userId,
      participantId: p.participantId,
      action: 'read' as const,
      what: 'participant.view',
      role: 'coordinator' as const,
      centreId: centre.id,
      at: new Date('2026-11-20T10:00:00Z'),
    })),
  );
  const review = await ok(colleagues.administrator.post('/api/access-reviews', { month: '2026-11' }));

  ids = {
    organisation: organisation.id,
    centre: centre.id,
    programme: programme.programme.id,
    step: programme.steps[0]?.id ?? '',
    group: group.id,
    session: held.id,
    employer: employer.id,
    opening: opening.id,
    survey: survey.id,
    surveyLink: link.id,
    surveyToken: link.token,
    accessReview: review.id,
  };
}, 120_000);

afterAll(async () => {
  await t?.close();
});

/** The JSON of a 200 or 201 answer; anything else fails with the answer's body. */
// biome-ignore lint/suspicious/noExplicitAny: fixtures read a few fields of many shapes
async function ok(pending: Promise<LightMyRequestResponse>): Promise<any> {
  const response = await pending;
  if (response.statusCode !== 200 && response.statusCode !== 201) {
    throw new Error(`${response.statusCode} ${response.body}`);
  }
  return response.json();
}

const routes = Object.entries(routeMatrix as Record<string, RouteRule>)
  .filter(([key]) => key.startsWith('GET '))
  .map(([key, rule]) => ({ key, path: key.slice(4), rule }));

/** The GET routes that are lists, searches, matches, reports and exports: all but one participant's own. */
const sweep = routes.filter(({ rule }) => !ofOneParticipant.has(rule.scope));

/** The URL of a route with this test's records in its path, and the query it needs. */
function urlOf(path: string, key: string): string {
  const url = path.replace(/:(\w+)/g, (_, name: string) => {
    const segment = path.split('/')[2];
    if (name === 'month') return '2026-11';
    if (name === 'stepId') return ids.step;
    if (name === 'linkId') return ids.surveyLink;
    if (name === 'token') return ids.surveyToken;
    const byRoute: Record<string, string> = {
      centres: ids.centre,
      programmes: ids.programme,
      groups: ids.group,
      sessions: ids.session,
      employers: ids.employer,
      openings: ids.opening,
      surveys: ids.survey,
      users: assigned.userId,
      'access-reviews': ids.accessReview,
      organisations: ids.organisation,
    };
    const id = segment ? byRoute[segment] : undefined;
    if (!id) throw new Error(`${key}: this test does not know what :${name} names`);
    return id;
  });
  const queries: Record<string, string> = {
    'GET /api/sessions/week': `week=2026-W47&centreId=${ids.centre}`,
    'GET /api/attendance/deviations': `month=2026-11&centreId=${ids.centre}`,
    'GET /api/groups': `centreId=${ids.centre}`,
    'GET /api/occupations': 'q=lager',
    'GET /api/surveys': `programmeId=${ids.programme}`,
    'GET /api/programmes/:id/funder-reports/indicators': 'from=2026-11-01&to=2026-11-30',
    'GET /api/programmes/:id/funder-reports/cofinancing': 'from=2026-11-01&to=2026-11-30',
    'GET /api/users/:id/access-log': 'from=2026-11-01&to=2026-12-31',
  };
  const query = queries[key];
  return query ? `${url}?${query}` : url;
}

/** The readable text of an answer: the body, or every cell of a spreadsheet. */
async function textOf(response: LightMyRequestResponse): Promise<string> {
  const type = String(response.headers['content-type'] ?? '');
  if (type.includes('spreadsheetml')) {
    const rows = await readSheet(response.rawPayload);
    return rows.map((row) => row.join(';')).join('\n');
  }
  return response.body;
}

/** What names a person in an answer: either name, the identity number in either form, the id. */
function marks(person: Person): string[] {
  return [
    person.firstName,
    person.lastName,
    person.pin,
    formatIdentityNumber(person.pin),
    person.participantId,
  ];
}

const formats = ['json', 'csv', 'xlsx'] as const;

type Seen = { key: string; format: string; status: number; text: string };

/** Every swept route in every format as one member of staff. */
async function sweepAs(session: Session): Promise<Seen[]> {
  const seen: Seen[] = [];
  for (const route of sweep) {
    const url = urlOf(route.path, route.key);
    for (const format of formats) {
      const separator = url.includes('?') ? '&' : '?';
      const response = await session.get(format === 'json' ? url : `${url}${separator}format=${format}`);
      seen.push({ key: route.key, format, status: response.statusCode, text: await textOf(response) });
    }
  }
  // The one search that is not a GET (its terms stay out of addresses): everyone, and by each one's name and number.
  const terms: [string, string][] = [
    ['', 'everyone'],
    ...[hidden, ordinary].flatMap((p): [string, string][] => [
      [p.lastName, `the name ${p.lastName}`],
      [p.pin, `the number of ${p.lastName}`],
    ]),
  ];
  for (const [q, label] of terms) {
    const response = await session.post('/api/participants/search', q ? { q } : {});
    seen.push({
      key: `POST /api/participants/search for ${label}`,
      format: 'json',
      status: response.statusCode,
      text: response.body,
    });
  }
  return seen;
}

/** The routes (`GET /api/… as csv`) whose answers name the person. */
function naming(seen: Seen[], person: Person): string[] {
  return seen
    .filter((s) => s.status === 200 && marks(person).some((mark) => s.text.includes(mark)))
    .map((s) => `${s.key} as ${s.format}`);
}

describe('a person with protected identity, over every list, search, match, report and export', () => {
  it('is named to the staff assigned to her wherever her ordinary neighbour is', async () => {
    const seen = await sweepAs(assigned);
    expect(seen.filter((s) => s.status >= 500)).toEqual([]);
    const ordinaryRoutes = naming(seen, ordinary);
    // The sweep reaches people: the lists, the roll call, the matches and the funder's file name the ordinary one.
    expect(ordinaryRoutes).toEqual(
      expect.arrayContaining([
        'POST /api/participants/search for everyone as json',
        'POST /api/participants/search for the number of Vanligsdotter as json',
        'GET /api/caseload as json',
        'GET /api/referrals as json',
        'GET /api/sessions/:id/roll-call as json',
        'GET /api/groups/:id as json',
        'GET /api/openings/:id/matches as json',
        'GET /api/attendance/deviations as json',
        'GET /api/attendance/deviations as csv',
      ]),
    );
    expect(naming(seen, ordinaryLeaver)).toEqual(expect.arrayContaining(['GET /api/follow-ups as json']));
    // And so does the same answer for the assigned coordinator about the protected person.
    expect(naming(seen, hidden)).toEqual(
      expect.arrayContaining([
        'POST /api/participants/search for everyone as json',
        'POST /api/participants/search for the number of Qorrashova as json',
        'GET /api/openings/:id/matches as json',
      ]),
    );
  }, 300_000);

  for (const role of roles) {
    it(`is named nowhere to a ${role} of her centre who is not assigned to her`, async () => {
      const seen = await sweepAs(colleagues[role]);
      expect(seen.filter((s) => s.status >= 500).map((s) => `${s.key} ${s.status}`)).toEqual([]);
      expect(naming(seen, hidden)).toEqual([]);
      expect(naming(seen, hiddenLeaver)).toEqual([]);
    }, 300_000);
  }

  it('names her to no one else, even where the ordinary neighbour is named to them', async () => {
    const coordinator = await sweepAs(colleagues.coordinator);
    // The colleague sees the ordinary person in the same answers, so those answers could have named her.
    expect(naming(coordinator, ordinary)).toEqual(
      expect.arrayContaining([
        'POST /api/participants/search for the name Vanligsdotter as json',
        'GET /api/sessions/:id/roll-call as json',
        'GET /api/openings/:id/matches as json',
        'GET /api/attendance/deviations as xlsx',
      ]),
    );
    expect(naming(coordinator, ordinaryLeaver)).toEqual(
      expect.arrayContaining(['GET /api/follow-ups as json']),
    );
    const manager = await sweepAs(colleagues.programme_manager);
    expect(naming(manager, ordinary)).toEqual(
      expect.arrayContaining([
        'GET /api/programmes/:id/funder-reports/monthly/:month as json',
        'GET /api/programmes/:id/funder-reports/monthly/:month as csv',
        'GET /api/programmes/:id/funder-reports/monthly/:month as xlsx',
      ]),
    );
  }, 300_000);
});

describe('attempts on a person with protected identity', () => {
  // Staff of their own for these tests: the sweep above has made attempts of its own.
  const newColleague = (role: Role) => createSession(t.app, t.db, role, [ids.centre], ids.organisation);

  const refusals = async (userId: string) =>
    queryRows<{ participant_id: string; what: string }>(
      t.db,
      sql`select participant_id, what from access_log where user_id = ${userId} and action = 'refused'
        order by id`,
    );

  it('are answered as if there were no one, and logged', async () => {
    const colleague = await newColleague('coordinator');
    const before = (await refusals(colleague.userId)).length;
    const unknown = await colleague.get('/api/participants/00000000-0000-4000-8000-000000000000');
    const attempt = await colleague.get(`/api/participants/${hidden.participantId}`);
    expect(attempt.statusCode).toBe(404);
    expect(attempt.json()).toEqual(unknown.json());
    const plan = await colleague.get(`/api/enrolments/${hidden.enrolmentId}/plan`);
    expect(plan.statusCode).toBe(404);
    const rows = (await refusals(colleague.userId)).slice(before);
    expect(rows).toEqual([
      { participant_id: hidden.participantId, what: 'participant.refused' },
      { participant_id: hidden.participantId, what: 'participant.refused' },
    ]);
  });

  it('by her whole identity number in the search finds no one, and is logged', async () => {
    const colleague = await newColleague('employment_officer');
    const found = await colleague.post('/api/participants/search', { q: formatIdentityNumber(hidden.pin) });
    expect(found.statusCode).toBe(200);
    expect(found.json().items).toEqual([]);
    // A part of the number is no attempt on anyone in particular.
    await colleague.post('/api/participants/search', { q: hidden.pin.slice(0, 8) });
    expect(await refusals(colleague.userId)).toEqual([
      { participant_id: hidden.participantId, what: 'participant.search' },
    ]);
    // The assigned coordinator finds her, and nothing is refused.
    const own = await assigned.post('/api/participants/search', { q: hidden.pin });
    expect(own.json().items.map((p: { id: string }) => p.id)).toEqual([hidden.participantId]);
    expect(await refusals(assigned.userId)).toEqual([]);
  });

  it('by registering her again gets the answer anyone gets, and is logged', async () => {
    const colleague = await newColleague('work_consultant');
    const again = await colleague.post('/api/referrals', {
      participant: {
        personalIdentityNumber: hidden.pin,
        firstName: 'Någon',
        lastName: 'Annan',
        preferredLanguage: 'sv',
        interpreterNeeded: false,
        protectedIdentity: false,
      },
      programmeId: ids.programme,
      centreId: ids.centre,
      referringOfficer: 'Ida Berg',
      referringOffice: 'Arbetsförmedlingen Haninge',
      referredOn: '2026-11-02',
      basis: 'establishment_programme',
      note: null,
    });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('PARTICIPANT_ALREADY_REGISTERED');
    expect(again.body).not.toContain(hidden.participantId);
    expect(await refusals(colleague.userId)).toEqual([
      { participant_id: hidden.participantId, what: 'participant.refused' },
    ]);
  });

  it('are shown in her access log to the administrators', async () => {
    const log = await colleagues.administrator.get(`/api/participants/${hidden.participantId}/access-log`);
    expect(log.statusCode).toBe(200);
    const items = log.json().items as { action: string; what: string; userId: string }[];
    expect(items).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          action: 'refused',
          what: 'participant.search',
          userId: colleagues.employment_officer.userId,
        }),
      ]),
    );
  });
});
