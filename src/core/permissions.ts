import type { Locale, Role } from './enums.ts';

// Roles that do casework with participants: register referrals, record consent, enrol, edit details.
const caseworkers: readonly Role[] = [
  'coordinator',
  'employment_officer',
  'social_consultant',
  'work_consultant',
  'civic_guide',
  'career_guide',
  'programme_manager',
];

const everyone: readonly Role[] = [
  ...caseworkers,
  'job_agent',
  'employer_liaison',
  'language_teacher',
  'administrator',
];

/** Which roles may take which action. Scope (centre, protected identity) is checked by the services. */
export const permissions = {
  'participant.read': everyone,
  'participant.write': caseworkers,
  'referral.read': everyone,
  'referral.write': caseworkers,
  'consent.write': caseworkers,
  'enrolment.write': caseworkers,
  'journal.write': caseworkers,
  // Health and social circumstances in the mapping; the participant's assigned staff see them too (checked by the service).
  'assessment.sensitive.read': ['social_consultant', 'work_consultant'],
  'accessLog.read': ['administrator'],
  // The register extract (GDPR art. 15): those who answer a data subject's request. Scope as the participant's,
  // so a protected person only for assigned staff, administrators included.
  'participant.extract': ['coordinator', 'administrator'],
  'user.manage': ['administrator'],
  // Retention: anonymising the participants of the administrator's organisation whose data has expired.
  'retention.run': ['administrator'],
  'organisation.read': everyone,
  'organisation.manage': ['administrator'],
  'programme.manage': ['programme_manager', 'administrator'],
  // The programme dashboard: counts only, of the participants the user may see; for those who steer and do the
  // casework (programme managers are among the caseworkers).
  'dashboard.read': caseworkers,
  // Groups and their sessions at the actor's centres: casework staff and those who lead groups.
  'group.manage': [...caseworkers, 'language_teacher', 'job_agent'],
  'attendance.write': [...caseworkers, 'language_teacher', 'job_agent', 'employer_liaison'],
  // Employers and openings are company data shared by the installation; those who work with employers keep them.
  'employer.read': everyone,
  'employer.manage': [...caseworkers, 'job_agent', 'employer_liaison'],
  // Internship placements: those who bridge to employers place participants, besides casework staff.
  'placement.write': [...caseworkers, 'job_agent', 'employer_liaison'],
  // The funder's reports name every participant of the programme (the protected in masked form): for those who
  // steer the project and report it. The service also requires the programme's owner organisation.
  'funderReport.read': ['programme_manager'],
  // Satisfaction surveys: programme managers build them; those who run groups hand out links and read results.
  'survey.manage': ['programme_manager'],
  'survey.link': [...caseworkers, 'language_teacher', 'job_agent'],
  'survey.results': [...caseworkers, 'language_teacher', 'job_agent', 'employer_liaison'],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof permissions;

export function can(role: Role, permission: Permission): boolean {
  return (permissions[permission] as readonly Role[]).includes(role);
}

/** The roles' names, for the pages and for the exported files alike. */
export const roleLabels: Record<Locale, Record<Role, string>> = {
  sv: {
    coordinator: 'Samordnare',
    employment_officer: 'Arbetsförmedlare',
    job_agent: 'Jobbagent',
    employer_liaison: 'Arbetsgivaransvarig',
    social_consultant: 'Socialkonsulent',
    work_consultant: 'Arbetskonsulent',
    civic_guide: 'Samhällsvägledare',
    career_guide: 'Yrkesvägledare',
    language_teacher: 'Språkpedagog',
    programme_manager: 'Projektledare',
    administrator: 'Administratör',
  },
  en: {
    coordinator: 'Coordinator',
    employment_officer: 'Employment officer',
    job_agent: 'Job agent',
    employer_liaison: 'Employer liaison',
    social_consultant: 'Social consultant',
    work_consultant: 'Work consultant',
    civic_guide: 'Civic guide',
    career_guide: 'Career guide',
    language_teacher: 'Language teacher',
    programme_manager: 'Programme manager',
    administrator: 'Administrator',
  },
};
