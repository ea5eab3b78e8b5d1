import type { Permission } from '../../core/permissions.ts';

/**
 * Who may call which API route, and what the route's id belongs to. The auth hook refuses a route whose role
 * lacks the permission before the request is validated (403 whatever the body), the services check the same
 * permission again and the scope; `route-matrix.test.ts` calls every route as every role in every scope, and
 * SECURITY.md's tables are generated from this file (`npm run security:matrix`).
 */

/** A key of `permissions`, several that must all be held, any logged-in user, or no session at all. */
export type Access = 'public' | 'authenticated' | Permission | readonly Permission[];

/** What a status means when a role holding the permission reaches for a record outside its own centre. */
export type ScopeOutcome = 200 | 403 | 404;

export type ScopeRule = {
  description: string;
  /** The record belongs to another centre of the actor's organisation. */
  otherCentre: ScopeOutcome | null;
  /** The record belongs to a centre of another organisation. */
  otherOrganisation: ScopeOutcome | null;
  /** A person with protected identity at the actor's own centre, to whom the actor is not assigned. */
  protectedIdentity: ScopeOutcome | null;
};

export const scopes = {
  participant: {
    description:
      "The participant (or the participant's referral, consent, enrolment, step, journal entry, follow-up, placement), " +
      'named in the path or, for a new placement, by its enrolment in the body: ' +
      'visible at the actor’s own centres or when the actor is assigned to the person; a protected person only to ' +
      'assigned staff, and to others exactly as if there were no such person.',
    otherCentre: 403,
    otherOrganisation: 403,
    protectedIdentity: 404,
  },
  participantCentre: {
    description:
      'The access log of a participant registered at one of the actor’s centres, protected people included: ' +
      'administrators oversee who read a record without being assigned to the person.',
    otherCentre: 403,
    otherOrganisation: 403,
    protectedIdentity: 200,
  },
  programme: {
    description:
      'A programme in which one of the actor’s centres takes part (its steps, activities, figures).',
    otherCentre: 403,
    otherOrganisation: 403,
    protectedIdentity: null,
  },
  centre: {
    description: 'One of the actor’s own centres.',
    otherCentre: 403,
    otherOrganisation: 403,
    protectedIdentity: null,
  },
  group: {
    description: 'An activity group at one of the actor’s centres, its sessions, roll calls and members.',
    otherCentre: 403,
    otherOrganisation: 403,
    protectedIdentity: null,
  },
  organisation: {
    description: 'The actor’s own organisation: its centres and its users.',
    otherCentre: 200,
    otherOrganisation: 403,
    protectedIdentity: null,
  },
  installation: {
    description:
      'Data shared by the whole installation: employers, their contacts and openings, organisations, code lists. ' +
      'Participants listed beside them (matches, outcomes) are only those the actor may see.',
    otherCentre: 200,
    otherOrganisation: 200,
    protectedIdentity: null,
  },
  requestCentre: {
    description:
      'A new record at, or a list or report of, a centre named in the body or query: it must be one of the ' +
      'actor’s centres (a programme: at least one of them); a list holds only what the actor may see.',
    otherCentre: 403,
    otherOrganisation: 403,
    protectedIdentity: null,
  },
  visible: {
    description:
      'A list or report: it holds only records the actor may see (the same visibility as a single read); a centre ' +
      'named in its query only narrows it. Also a new centre, a new access review or a retention run (its preview, ' +
      'run and log) of the actor’s own organisation: the participants whose home centre belongs to it.',
    otherCentre: null,
    otherOrganisation: null,
    protectedIdentity: null,
  },
  self: {
    description:
      'The actor’s own session and account: its password, its two-step verification and the list of its sessions.',
    otherCentre: null,
    otherOrganisation: null,
    protectedIdentity: null,
  },
  ownSession: {
    description:
      'One of the actor’s own sessions, named in the path by its hash: a session of any other user, at whatever ' +
      'centre or organisation, is answered exactly as if there were no such session.',
    otherCentre: 404,
    otherOrganisation: 404,
    protectedIdentity: null,
  },
  programmeOwner: {
    description:
      'A programme owned by the actor’s organisation, whichever of its centres (or other organisations’ centres) ' +
      'take part: the funder’s reports, which count and name every participant of the programme, protected ' +
      'people included (by the masked number only), for the owner organisation’s programme managers.',
    otherCentre: 200,
    otherOrganisation: 403,
    protectedIdentity: null,
  },
  surveyToken: {
    description:
      'An open satisfaction survey named by the unguessable token of one of its links, answered without a session ' +
      '(none is read); any other token, or a survey not open, answers 404.',
    otherCentre: null,
    otherOrganisation: null,
    protectedIdentity: null,
  },
  none: {
    description:
      'No data of anyone: login (both steps, and single sign-on through the identity provider), the login ' +
      'methods offered, and the API description.',
    otherCentre: null,
    otherOrganisation: null,
    protectedIdentity: null,
  },
} as const satisfies Record<string, ScopeRule>;

export type Scope = keyof typeof scopes;

export type RouteRule = { access: Access; scope: Scope };

/** `METHOD /api/path/:param` as Fastify registers it. HEAD is answered as GET. */
export const routeMatrix = {
  'POST /api/auth/login': { access: 'public', scope: 'none' },
  'POST /api/auth/login/two-factor': { access: 'public', scope: 'none' },
  'GET /api/auth/methods': { access: 'public', scope: 'none' },
  'GET /api/auth/oidc/start': { access: 'public', scope: 'none' },
  'GET /api/auth/oidc/callback': { access: 'public', scope: 'none' },
  'POST /api/auth/logout': { access: 'authenticated', scope: 'self' },
  'GET /api/auth/session': { access: 'authenticated', scope: 'self' },
  'PUT /api/auth/password': { access: 'authenticated', scope: 'self' },
  'GET /api/auth/sessions': { access: 'authenticated', scope: 'self' },
  'DELETE /api/auth/sessions/:id': { access: 'authenticated', scope: 'ownSession' },
  'GET /api/auth/two-factor': { access: 'authenticated', scope: 'self' },
  'POST /api/auth/two-factor/enrolment': { access: 'authenticated', scope: 'self' },
  'POST /api/auth/two-factor/confirmation': { access: 'authenticated', scope: 'self' },
  'POST /api/auth/two-factor/recovery-codes': { access: 'authenticated', scope: 'self' },
  'POST /api/auth/two-factor/disable': { access: 'authenticated', scope: 'self' },
  'GET /api/openapi.json': { access: 'public', scope: 'none' },

  'POST /api/participants/search': { access: 'participant.read', scope: 'visible' },
  'GET /api/participants/:id': { access: 'participant.read', scope: 'participant' },
  'PUT /api/participants/:id': { access: 'participant.write', scope: 'participant' },
  'POST /api/participants/:id/identity': { access: 'participant.write', scope: 'participant' },
  'GET /api/participants/:id/access-log': { access: 'accessLog.read', scope: 'participantCentre' },
  // Scope as the participant's: an administrator who is not assigned to a protected person gets 404, as everywhere.
  'GET /api/participants/:id/register-extract': { access: 'participant.extract', scope: 'participant' },
  'GET /api/participants/:id/warnings': { access: 'participant.read', scope: 'participant' },
  'GET /api/caseload': { access: 'participant.read', scope: 'visible' },

  'GET /api/referrals': { access: 'referral.read', scope: 'visible' },
  'POST /api/referrals': { access: 'referral.write', scope: 'requestCentre' },
  'POST /api/referrals/import': { access: 'referral.write', scope: 'requestCentre' },
  'GET /api/referrals/:id': { access: 'referral.read', scope: 'participant' },
  'POST /api/referrals/:id/meeting': { access: 'referral.write', scope: 'participant' },
  'POST /api/referrals/:id/close': { access: 'referral.write', scope: 'participant' },

  'GET /api/participants/:id/consents': { access: 'participant.read', scope: 'participant' },
  'POST /api/participants/:id/consents': { access: 'consent.write', scope: 'participant' },
  'POST /api/consents/:id/withdraw': { access: 'consent.write', scope: 'participant' },

  'GET /api/participants/:id/enrolments': { access: 'participant.read', scope: 'participant' },
  'POST /api/participants/:id/enrolments': { access: 'enrolment.write', scope: 'participant' },
  'POST /api/enrolments/:id/exit': { access: 'enrolment.write', scope: 'participant' },
  'PUT /api/enrolments/:id/labour-market-status': { access: 'enrolment.write', scope: 'participant' },
  'POST /api/enrolments/:id/steps': { access: 'enrolment.write', scope: 'participant' },
  'POST /api/enrolment-steps/:id/end': { access: 'enrolment.write', scope: 'participant' },
  'POST /api/enrolment-steps/:id/checklist/:itemId': { access: 'enrolment.write', scope: 'participant' },
  'DELETE /api/enrolment-steps/:id/checklist/:itemId': { access: 'enrolment.write', scope: 'participant' },
  'GET /api/centres/:id/step-board': { access: 'participant.read', scope: 'centre' },

  'GET /api/follow-ups': { access: 'participant.read', scope: 'visible' },
  'POST /api/follow-ups/:id/attempts': { access: 'enrolment.write', scope: 'participant' },
  'POST /api/follow-ups/:id/result': { access: 'enrolment.write', scope: 'participant' },

  'GET /api/participants/:id/journal': { access: 'participant.read', scope: 'participant' },
  'POST /api/participants/:id/journal': { access: 'journal.write', scope: 'participant' },
  'POST /api/journal/:id/corrections': { access: 'journal.write', scope: 'participant' },

  'GET /api/participants/:id/team': { access: 'participant.read', scope: 'participant' },
  'POST /api/participants/:id/team': { access: 'participant.write', scope: 'participant' },
  'DELETE /api/participants/:id/team/:userId': { access: 'participant.write', scope: 'participant' },
  'POST /api/participants/:id/team/:userId/contact': { access: 'participant.write', scope: 'participant' },
  'GET /api/centres/:id/staff': { access: 'participant.read', scope: 'centre' },

  'GET /api/participants/:id/assessments': { access: 'participant.read', scope: 'participant' },
  'GET /api/participants/:id/assessments/current': { access: 'participant.read', scope: 'participant' },
  'POST /api/participants/:id/assessments': { access: 'participant.write', scope: 'participant' },

  'GET /api/enrolments/:id/plan': { access: 'participant.read', scope: 'participant' },
  'PUT /api/enrolments/:id/plan': { access: 'enrolment.write', scope: 'participant' },
  'GET /api/enrolments/:id/plan/history': { access: 'participant.read', scope: 'participant' },

  'GET /api/programmes': { access: 'authenticated', scope: 'visible' },
  'POST /api/programmes': { access: 'programme.manage', scope: 'requestCentre' },
  'GET /api/programmes/:id': { access: 'authenticated', scope: 'programme' },
  'PUT /api/programmes/:id': { access: 'programme.manage', scope: 'programme' },
  'GET /api/programmes/:id/steps/:stepId/checklist': { access: 'participant.read', scope: 'programme' },
  'PUT /api/programmes/:id/steps/:stepId/checklist': { access: 'programme.manage', scope: 'programme' },
  'GET /api/programmes/:id/activities': { access: 'participant.read', scope: 'programme' },
  'POST /api/programmes/:id/activities': { access: 'programme.manage', scope: 'programme' },
  'PUT /api/activities/:id': { access: 'programme.manage', scope: 'programme' },
  'GET /api/programmes/:id/closure-days': { access: 'participant.read', scope: 'programme' },
  'PUT /api/programmes/:id/closure-days': { access: 'programme.manage', scope: 'programme' },
  'GET /api/programmes/:id/goal-figure': { access: 'participant.read', scope: 'programme' },
  'GET /api/programmes/:id/dashboard': { access: 'dashboard.read', scope: 'programme' },
  'GET /api/programmes/:id/funder-reports/monthly': { access: 'funderReport.read', scope: 'programmeOwner' },
  'GET /api/programmes/:id/funder-reports/monthly/:month': {
    access: 'funderReport.read',
    scope: 'programmeOwner',
  },
  'POST /api/programmes/:id/funder-reports/monthly/:month/submissions': {
    access: 'funderReport.read',
    scope: 'programmeOwner',
  },
  'GET /api/programmes/:id/funder-reports/indicators': {
    access: 'funderReport.read',
    scope: 'programmeOwner',
  },
  'GET /api/programmes/:id/funder-reports/cofinancing': {
    access: 'funderReport.read',
    scope: 'programmeOwner',
  },
  'GET /api/reference/municipalities': { access: 'authenticated', scope: 'installation' },
  'GET /api/reference/education-levels': { access: 'authenticated', scope: 'installation' },

  'POST /api/groups': { access: 'group.manage', scope: 'requestCentre' },
  'GET /api/groups': { access: 'participant.read', scope: 'requestCentre' },
  'GET /api/groups/:id': { access: 'participant.read', scope: 'group' },
  'PUT /api/groups/:id': { access: 'group.manage', scope: 'group' },
  'POST /api/groups/:id/members': { access: 'group.manage', scope: 'group' },
  'POST /api/group-members/:id/leave': { access: 'group.manage', scope: 'group' },
  'GET /api/sessions/week': { access: 'participant.read', scope: 'requestCentre' },
  'PUT /api/sessions/:id': { access: 'group.manage', scope: 'group' },
  'POST /api/sessions/:id/cancel': { access: 'group.manage', scope: 'group' },
  'GET /api/sessions/:id/roll-call': { access: 'participant.read', scope: 'group' },
  'PUT /api/sessions/:id/roll-call': { access: 'attendance.write', scope: 'group' },
  'GET /api/participants/:id/groups': { access: 'participant.read', scope: 'participant' },
  'GET /api/enrolments/:id/proposed-activities': { access: 'participant.read', scope: 'participant' },
  'GET /api/participants/:id/attendance': { access: 'participant.read', scope: 'participant' },
  'GET /api/participants/:id/civic-orientation': { access: 'participant.read', scope: 'participant' },
  'GET /api/attendance/deviations': { access: 'participant.read', scope: 'requestCentre' },

  'GET /api/employers': { access: 'employer.read', scope: 'installation' },
  'POST /api/employers': { access: 'employer.manage', scope: 'installation' },
  'GET /api/employers/:id': { access: 'employer.read', scope: 'installation' },
  'PUT /api/employers/:id': { access: 'employer.manage', scope: 'installation' },
  'POST /api/employers/:id/contacts': { access: 'employer.manage', scope: 'installation' },
  'PUT /api/employer-contacts/:id': { access: 'employer.manage', scope: 'installation' },
  'POST /api/employers/:id/interactions': { access: 'employer.manage', scope: 'installation' },
  'GET /api/employers/:id/outcomes': { access: ['employer.read', 'participant.read'], scope: 'installation' },
  'GET /api/openings': { access: 'employer.read', scope: 'installation' },
  'POST /api/employers/:id/openings': { access: 'employer.manage', scope: 'installation' },
  'GET /api/openings/:id': { access: 'employer.read', scope: 'installation' },
  'PUT /api/openings/:id': { access: 'employer.manage', scope: 'installation' },
  'GET /api/openings/:id/matches': { access: ['employer.read', 'participant.read'], scope: 'installation' },
  'GET /api/participants/:id/matches': {
    access: ['employer.read', 'participant.read'],
    scope: 'participant',
  },
  'GET /api/occupations': { access: 'authenticated', scope: 'installation' },
  'GET /api/reference/industries': { access: 'authenticated', scope: 'installation' },

  'POST /api/placements': { access: 'placement.write', scope: 'participant' },
  'GET /api/placements/:id': { access: 'participant.read', scope: 'participant' },
  'PUT /api/placements/:id': { access: 'placement.write', scope: 'participant' },
  'POST /api/placements/:id/start': { access: 'placement.write', scope: 'participant' },
  'POST /api/placements/:id/end': { access: 'placement.write', scope: 'participant' },
  'POST /api/placements/:id/cancel': { access: 'placement.write', scope: 'participant' },
  'PUT /api/placements/:id/evaluations/:kind': { access: 'placement.write', scope: 'participant' },
  'GET /api/participants/:id/placements': { access: 'participant.read', scope: 'participant' },

  // Seeing surveys and their links needs any of survey.manage, survey.link and survey.results (the service's
  // `authorizeAny`); survey.results is held by exactly the roles that hold any of them, which the matrix test
  // proves for every role (`the services, behind the hook`).
  'GET /api/surveys': { access: 'survey.results', scope: 'programme' },
  'POST /api/surveys': { access: 'survey.manage', scope: 'programme' },
  'GET /api/surveys/:id': { access: 'survey.results', scope: 'programme' },
  'PUT /api/surveys/:id': { access: 'survey.manage', scope: 'programme' },
  'GET /api/surveys/:id/link-options': { access: 'survey.link', scope: 'programme' },
  'GET /api/surveys/:id/links': { access: 'survey.results', scope: 'programme' },
  'POST /api/surveys/:id/links': { access: 'survey.link', scope: 'programme' },
  'GET /api/surveys/:id/links/:linkId/qr.svg': { access: 'survey.results', scope: 'programme' },
  'GET /api/surveys/:id/results': { access: 'survey.results', scope: 'programme' },
  'POST /api/surveys/:id/open': { access: 'survey.manage', scope: 'programme' },
  'POST /api/surveys/:id/close': { access: 'survey.manage', scope: 'programme' },
  'GET /api/public/surveys/:token': { access: 'public', scope: 'surveyToken' },
  'POST /api/public/surveys/:token/responses': { access: 'public', scope: 'surveyToken' },

  'GET /api/users': { access: 'user.manage', scope: 'visible' },
  'POST /api/users': { access: 'user.manage', scope: 'requestCentre' },
  'PATCH /api/users/:id': { access: 'user.manage', scope: 'organisation' },
  'GET /api/users/:id/access-log': { access: 'accessLog.read', scope: 'organisation' },
  'GET /api/access-reviews': { access: 'accessLog.read', scope: 'visible' },
  'POST /api/access-reviews': { access: 'accessLog.read', scope: 'visible' },
  'GET /api/access-reviews/:id': { access: 'accessLog.read', scope: 'organisation' },
  'PUT /api/access-review-items/:id': { access: 'accessLog.read', scope: 'organisation' },
  'GET /api/retention/preview': { access: 'retention.run', scope: 'visible' },
  'POST /api/retention/runs': { access: 'retention.run', scope: 'visible' },
  'GET /api/retention/runs': { access: 'retention.run', scope: 'visible' },
  'GET /api/organisations': { access: 'organisation.read', scope: 'installation' },
  'POST /api/organisations': { access: 'organisation.manage', scope: 'installation' },
  'PATCH /api/organisations/:id': { access: 'organisation.manage', scope: 'installation' },
  'POST /api/centres': { access: 'organisation.manage', scope: 'visible' },
  'PATCH /api/centres/:id': { access: 'organisation.manage', scope: 'organisation' },
} as const satisfies Record<string, RouteRule>;

export type RouteKey = keyof typeof routeMatrix;

/** The key of a request or route: HEAD is GET without a body, so it needs what GET needs. */
export function routeKey(method: string, url: string): string {
  return `${method === 'HEAD' ? 'GET' : method} ${url}`;
}

export function ruleOf(method: string, url: string): RouteRule | undefined {
  return (routeMatrix as Record<string, RouteRule>)[routeKey(method, url)];
}

/** The permissions a route needs (none for public and authenticated routes). */
export function permissionsOf(access: Access): readonly Permission[] {
  if (access === 'public' || access === 'authenticated') return [];
  return typeof access === 'string' ? [access as Permission] : access;
}

/** Routes the matrix does not cover: served outside the API (the web app, health checks, the API docs). */
export function isApiRoute(url: string): boolean {
  return url.startsWith('/api/') && !url.startsWith('/api/docs');
}
