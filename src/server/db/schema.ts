import { sql } from 'drizzle-orm';
import {
  type AnyPgColumn,
  bigint,
  bigserial,
  boolean,
  check,
  date,
  index,
  integer,
  jsonb,
  numeric,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import {
  absenceReasons,
  accessActions,
  accessReviewOutcomes,
  activityTypes,
  attendanceStatuses,
  consentMethods,
  contactMethods,
  employerInteractionKinds,
  employerOffers,
  exitOutcomes,
  followUpStatuses,
  funderReportCheckModes,
  goalStatuses,
  goalTerms,
  identityTypes,
  journalCategories,
  labourMarketStatuses,
  legalGenders,
  loginMethods,
  openingKinds,
  openingStatuses,
  organisationKinds,
  placementEvaluationKinds,
  placementStatuses,
  planChangeKinds,
  referralBases,
  referralStatuses,
  retentionRules,
  roles,
  securityEventKinds,
  sessionStatuses,
  surveyQuestionKinds,
  surveyStatuses,
  targetGroupKinds,
} from '../../core/enums.ts';

/** A CHECK constraint that mirrors a core enum, so the database refuses what the code would. */
function oneOf(column: string, values: readonly string[]) {
  return sql.raw(oneOfText(column, values));
}

function oneOfText(column: string, values: readonly string[]): string {
  return `${column} in (${values.map((v) => `'${v}'`).join(', ')})`;
}

const timestamps = {
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
};

// ---------------------------------------------------------------- reference data (loaded from CSV)

export const municipalities = pgTable('municipalities', {
  code: text('code').primaryKey(),
  name: text('name').notNull(),
  countyCode: text('county_code').notNull(),
  countyName: text('county_name').notNull(),
});

export const educationLevels = pgTable('education_levels', {
  code: text('code').primaryKey(),
  name: text('name').notNull(),
});

export const occupations = pgTable('occupations', {
  code: text('code').primaryKey(),
  level: integer('level').notNull(),
  name: text('name').notNull(),
});

/**
 * Occupation names (the employment service's taxonomy, yrken.csv) for searching SSYK unit groups by name. A name
 * under one of the employment service's merged manager codes (e.g. 1210) is loaded under both of SCB's groups
 * it stands for (1211, 1212), hence the two-column key.
 */
export const occupationNames = pgTable(
  'occupation_names',
  {
    conceptId: text('concept_id').notNull(),
    name: text('name').notNull(),
    ssykCode: text('ssyk_code')
      .notNull()
      .references(() => occupations.code),
  },
  (t) => [
    primaryKey({ columns: [t.conceptId, t.ssykCode] }),
    index('occupation_names_ssyk_idx').on(t.ssykCode),
  ],
);

export const industries = pgTable('industries', {
  code: text('code').primaryKey(),
  level: integer('level').notNull(),
  name: text('name').notNull(),
  sectionCode: text('section_code'),
});

// ---------------------------------------------------------------- organisations and programmes

export const organisations = pgTable(
  'organisations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    kind: text('kind', { enum: organisationKinds }).notNull(),
    name: text('name').notNull(),
    municipalityCode: text('municipality_code').references(() => municipalities.code),
    ...timestamps,
  },
  (t) => [
    check('organisations_kind_check', oneOf('kind', organisationKinds)),
    check('organisations_municipality_check', sql`kind <> 'municipality' or municipality_code is not null`),
    index('organisations_municipality_idx').on(t.municipalityCode),
  ],
);

export const centres = pgTable(
  'centres',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    name: text('name').notNull(),
    municipalityCode: text('municipality_code')
      .notNull()
      .references(() => municipalities.code),
    ...timestamps,
  },
  (t) => [
    index('centres_organisation_idx').on(t.organisationId),
    index('centres_municipality_idx').on(t.municipalityCode),
  ],
);

export const programmes = pgTable(
  'programmes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    name: text('name').notNull(),
    funderProjectNumber: text('funder_project_number'),
    startsOn: date('starts_on').notNull(),
    endsOn: date('ends_on').notNull(),
    plannedParticipants: integer('planned_participants').notNull(),
    goalPercent: numeric('goal_percent', { precision: 5, scale: 2, mode: 'number' }).notNull(),
    goalDescription: text('goal_description').notNull(),
    followUpDays: integer('follow_up_days').notNull().default(90),
    /** The programme's own target for civic orientation hours (the legal minimum is 100). */
    civicOrientationTargetHours: integer('civic_orientation_target_hours').notNull().default(100),
    /** SEK per attended hour, for the co-financing the participants' time gives the funder; null: not reported. */
    cofinancingHourlyRate: numeric('cofinancing_hourly_rate', { precision: 10, scale: 2, mode: 'number' }),
    /** Whether the check before a funder's export only warns or refuses while participants lack data. */
    funderReportCheck: text('funder_report_check', { enum: funderReportCheckModes })
      .notNull()
      .default('warn'),
    /** Years a participant's data is kept after their exit from the programme, then anonymised (core/retention.ts). */
    retentionYears: integer('retention_years').notNull().default(5),
    /** The funder's audit date: nothing of the programme's participants is anonymised before it. */
    holdUntil: date('hold_until'),
    ownerOrganisationId: uuid('owner_organisation_id')
      .notNull()
      .references(() => organisations.id),
    version: integer('version').notNull().default(1),
    ...timestamps,
  },
  (t) => [
    check('programmes_period_check', sql`ends_on >= starts_on`),
    check('programmes_planned_check', sql`planned_participants >= 0`),
    check('programmes_goal_check', sql`goal_percent between 0 and 100`),
    check('programmes_civic_orientation_check', sql`civic_orientation_target_hours between 100 and 1000`),
    check(
      'programmes_cofinancing_rate_check',
      sql`cofinancing_hourly_rate is null or cofinancing_hourly_rate >= 0`,
    ),
    check('programmes_funder_report_check_check', oneOf('funder_report_check', funderReportCheckModes)),
    check('programmes_retention_years_check', sql`retention_years between 1 and 50`),
    index('programmes_owner_idx').on(t.ownerOrganisationId),
  ],
);

export const programmeOrganisations = pgTable(
  'programme_organisations',
  {
    programmeId: uuid('programme_id')
      .notNull()
      .references(() => programmes.id),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
  },
  (t) => [
    primaryKey({ columns: [t.programmeId, t.organisationId] }),
    index('programme_organisations_org_idx').on(t.organisationId),
  ],
);

export const programmeCentres = pgTable(
  'programme_centres',
  {
    programmeId: uuid('programme_id')
      .notNull()
      .references(() => programmes.id),
    centreId: uuid('centre_id')
      .notNull()
      .references(() => centres.id),
  },
  (t) => [
    primaryKey({ columns: [t.programmeId, t.centreId] }),
    index('programme_centres_centre_idx').on(t.centreId),
  ],
);

export const targetGroups = pgTable(
  'target_groups',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    programmeId: uuid('programme_id')
      .notNull()
      .references(() => programmes.id),
    kind: text('kind', { enum: targetGroupKinds }).notNull(),
    name: text('name').notNull(),
    maxDurationMonths: integer('max_duration_months').notNull(),
  },
  (t) => [
    check('target_groups_kind_check', oneOf('kind', targetGroupKinds)),
    check('target_groups_duration_check', sql`max_duration_months between 1 and 120`),
    uniqueIndex('target_groups_programme_kind_idx').on(t.programmeId, t.kind),
  ],
);

export const programmeSteps = pgTable(
  'programme_steps',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    programmeId: uuid('programme_id')
      .notNull()
      .references(() => programmes.id),
    ordinal: integer('ordinal').notNull(),
    name: text('name').notNull(),
  },
  (t) => [
    check('programme_steps_ordinal_check', sql`ordinal >= 1`),
    uniqueIndex('programme_steps_programme_ordinal_idx').on(t.programmeId, t.ordinal),
  ],
);

// ---------------------------------------------------------------- staff, sessions

export const users = pgTable(
  'users',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    email: text('email').notNull(),
    name: text('name').notNull(),
    role: text('role', { enum: roles }).notNull(),
    passwordHash: text('password_hash').notNull(),
    disabledAt: timestamp('disabled_at', { withTimezone: true }),
    /** The confirmed TOTP secret (base32); never returned by the API once enrolment is confirmed. */
    totpSecret: text('totp_secret'),
    /** A secret shown for enrolment, until the user confirms it with a code. */
    totpPendingSecret: text('totp_pending_secret'),
    /** The last accepted TOTP time step, so a code cannot be used twice. */
    totpLastStep: bigint('totp_last_step', { mode: 'number' }),
    totpEnabledAt: timestamp('totp_enabled_at', { withTimezone: true }),
    /** Single sign-on: the identity provider's issuer and the user's subject there. */
    oidcIssuer: text('oidc_issuer'),
    oidcSubject: text('oidc_subject'),
    ...timestamps,
  },
  (t) => [
    check('users_role_check', oneOf('role', roles)),
    check('users_oidc_check', sql`(oidc_issuer is null) = (oidc_subject is null)`),
    uniqueIndex('users_email_idx').on(sql`lower(${t.email})`),
    uniqueIndex('users_oidc_idx').on(t.oidcIssuer, t.oidcSubject),
    index('users_organisation_idx').on(t.organisationId),
  ],
);

/** One-time codes for when the authenticator is lost; only their SHA-256 is kept. */
export const recoveryCodes = pgTable(
  'recovery_codes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    codeHash: text('code_hash').notNull(),
    usedAt: timestamp('used_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('recovery_codes_user_idx').on(t.userId)],
);

/** A password accepted for an account with two-factor: the second step's token (hashed), short-lived. */
export const loginChallenges = pgTable(
  'login_challenges',
  {
    // SHA-256 of the token the client holds between the two steps.
    id: text('id').primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    attempts: integer('attempts').notNull().default(0),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('login_challenges_user_idx').on(t.userId)],
);

/** A single sign-on started in a browser: PKCE verifier and nonce, found by the SHA-256 of its state. */
export const oidcLogins = pgTable('oidc_logins', {
  id: text('id').primaryKey(),
  codeVerifier: text('code_verifier').notNull(),
  nonce: text('nonce').notNull(),
  next: text('next').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
});

/** How an account logs in was changed or used: two-factor on, off or reset, a recovery code, single sign-on. */
export const securityEvents = pgTable(
  'security_events',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    /** Who did it when not the user themself (an administrator's reset). */
    actorId: uuid('actor_id').references(() => users.id),
    kind: text('kind', { enum: securityEventKinds }).notNull(),
  },
  (t) => [
    check('security_events_kind_check', oneOf('kind', securityEventKinds)),
    index('security_events_user_idx').on(t.userId, t.at),
    index('security_events_actor_idx').on(t.actorId),
  ],
);

export const userCentres = pgTable(
  'user_centres',
  {
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    centreId: uuid('centre_id')
      .notNull()
      .references(() => centres.id),
  },
  (t) => [primaryKey({ columns: [t.userId, t.centreId] }), index('user_centres_centre_idx').on(t.centreId)],
);

export const sessions = pgTable(
  'sessions',
  {
    // SHA-256 of the cookie token: a leaked table does not hand out live sessions.
    id: text('id').primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    csrfToken: text('csrf_token').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true }).notNull().defaultNow(),
    userAgent: text('user_agent'),
    /** How the user logged in: a password (with its second step, if any) or single sign-on. */
    method: text('method', { enum: loginMethods }).notNull().default('password'),
  },
  (t) => [
    check('sessions_method_check', oneOf('method', loginMethods)),
    index('sessions_user_idx').on(t.userId),
  ],
);

// ---------------------------------------------------------------- participants

export const participants = pgTable(
  'participants',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    identityType: text('identity_type', { enum: identityTypes }).notNull(),
    /** Normalised 12 digits; null while the participant has only a reserve identity. */
    personalIdentityNumber: text('personal_identity_number'),
    reserveNumber: text('reserve_number'),
    birthDate: date('birth_date'),
    legalGender: text('legal_gender', { enum: legalGenders }).notNull(),
    firstName: text('first_name').notNull(),
    lastName: text('last_name').notNull(),
    /** Swedish alphabetical order under the byte order both engines share (see core/collation.ts). */
    sortName: text('sort_name').notNull(),
    /** Lower-cased names and numbers for search; lower-casing happens in code, the same on both engines. */
    searchText: text('search_text').notNull(),
    preferredLanguage: text('preferred_language'),
    interpreterNeeded: boolean('interpreter_needed').notNull().default(false),
    phone: text('phone'),
    email: text('email'),
    streetAddress: text('street_address'),
    postalCode: text('postal_code'),
    city: text('city'),
    municipalityCode: text('municipality_code').references(() => municipalities.code),
    educationLevelCode: text('education_level_code').references(() => educationLevels.code),
    protectedIdentity: boolean('protected_identity').notNull().default(false),
    /** When the retention job anonymised the person: no identity, name, contact or free text is left. */
    anonymisedAt: timestamp('anonymised_at', { withTimezone: true }),
    centreId: uuid('centre_id')
      .notNull()
      .references(() => centres.id),
    version: integer('version').notNull().default(1),
    createdBy: uuid('created_by')
      .notNull()
      .references(() => users.id),
    ...timestamps,
  },
  (t) => [
    check('participants_identity_type_check', oneOf('identity_type', identityTypes)),
    check('participants_legal_gender_check', oneOf('legal_gender', legalGenders)),
    check(
      'participants_identity_check',
      sql`(anonymised_at is not null and reserve_number is null and personal_identity_number is null)
        or (identity_type = 'reserve' and reserve_number is not null and personal_identity_number is null)
        or (identity_type <> 'reserve' and personal_identity_number ~ '^[0-9]{12}$')`,
    ),
    uniqueIndex('participants_pin_idx').on(t.personalIdentityNumber),
    uniqueIndex('participants_reserve_idx').on(t.reserveNumber),
    index('participants_centre_idx').on(t.centreId),
    index('participants_municipality_idx').on(t.municipalityCode),
    index('participants_education_idx').on(t.educationLevelCode),
    index('participants_created_by_idx').on(t.createdBy),
    index('participants_sort_name_idx').on(t.sortName),
    // Searching for part of a name or number (`like '%term%'`) without reading every row: pg_trgm's trigrams.
    index('participants_search_trgm_idx').using('gin', t.searchText.op('gin_trgm_ops')),
  ],
);

/** Earlier identities of a participant, kept when a reserve identity is replaced by a real number. */
export const participantIdentityHistory = pgTable(
  'participant_identity_history',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    participantId: uuid('participant_id')
      .notNull()
      .references(() => participants.id),
    identityType: text('identity_type', { enum: identityTypes }).notNull(),
    identityNumber: text('identity_number').notNull(),
    replacedAt: timestamp('replaced_at', { withTimezone: true }).notNull().defaultNow(),
    replacedBy: uuid('replaced_by')
      .notNull()
      .references(() => users.id),
  },
  (t) => [
    check('participant_identity_history_type_check', oneOf('identity_type', identityTypes)),
    index('participant_identity_history_participant_idx').on(t.participantId),
    index('participant_identity_history_user_idx').on(t.replacedBy),
  ],
);

/** Staff explicitly assigned to a participant; for protected identity, the only ones who may see them. */
export const participantStaff = pgTable(
  'participant_staff',
  {
    participantId: uuid('participant_id')
      .notNull()
      .references(() => participants.id),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    isContact: boolean('is_contact').notNull().default(false),
    assignedAt: timestamp('assigned_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.participantId, t.userId] }),
    index('participant_staff_user_idx').on(t.userId),
  ],
);

// ---------------------------------------------------------------- referral, consent, enrolment

export const referrals = pgTable(
  'referrals',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    participantId: uuid('participant_id')
      .notNull()
      .references(() => participants.id),
    programmeId: uuid('programme_id')
      .notNull()
      .references(() => programmes.id),
    centreId: uuid('centre_id')
      .notNull()
      .references(() => centres.id),
    referringOfficer: text('referring_officer').notNull(),
    referringOffice: text('referring_office'),
    referredOn: date('referred_on').notNull(),
    basis: text('basis', { enum: referralBases }).notNull(),
    note: text('note'),
    status: text('status', { enum: referralStatuses }).notNull().default('received'),
    meetingAt: timestamp('meeting_at', { withTimezone: true }),
    closedReason: text('closed_reason'),
    version: integer('version').notNull().default(1),
    createdBy: uuid('created_by')
      .notNull()
      .references(() => users.id),
    ...timestamps,
  },
  (t) => [
    check('referrals_basis_check', oneOf('basis', referralBases)),
    check('referrals_status_check', oneOf('status', referralStatuses)),
    check('referrals_meeting_check', sql`status <> 'meeting_booked' or meeting_at is not null`),
    // The natural key that makes a repeated import of the same list a no-op.
    uniqueIndex('referrals_natural_key_idx').on(t.participantId, t.programmeId, t.referredOn, t.basis),
    index('referrals_programme_idx').on(t.programmeId),
    index('referrals_centre_status_idx').on(t.centreId, t.status),
    index('referrals_created_by_idx').on(t.createdBy),
  ],
);

export const consents = pgTable(
  'consents',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    participantId: uuid('participant_id')
      .notNull()
      .references(() => participants.id),
    participation: boolean('participation').notNull(),
    dataSharing: boolean('data_sharing').notNull(),
    funderReporting: boolean('funder_reporting').notNull(),
    givenOn: date('given_on').notNull(),
    method: text('method', { enum: consentMethods }).notNull(),
    language: text('language').notNull(),
    recordedBy: uuid('recorded_by')
      .notNull()
      .references(() => users.id),
    withdrawnOn: date('withdrawn_on'),
    withdrawnBy: uuid('withdrawn_by').references(() => users.id),
    withdrawalNote: text('withdrawal_note'),
    ...timestamps,
  },
  (t) => [
    check('consents_method_check', oneOf('method', consentMethods)),
    check('consents_withdrawal_check', sql`withdrawn_on is null or withdrawn_on >= given_on`),
    index('consents_participant_idx').on(t.participantId),
    index('consents_recorded_by_idx').on(t.recordedBy),
    index('consents_withdrawn_by_idx').on(t.withdrawnBy),
  ],
);

export const enrolments = pgTable(
  'enrolments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    participantId: uuid('participant_id')
      .notNull()
      .references(() => participants.id),
    programmeId: uuid('programme_id')
      .notNull()
      .references(() => programmes.id),
    centreId: uuid('centre_id')
      .notNull()
      .references(() => centres.id),
    targetGroupId: uuid('target_group_id')
      .notNull()
      .references(() => targetGroups.id),
    targetGroupOverrideReason: text('target_group_override_reason'),
    referralId: uuid('referral_id').references(() => referrals.id),
    startsOn: date('starts_on').notNull(),
    plannedEndOn: date('planned_end_on').notNull(),
    /** At the start, for the ESF's common indicators; null until someone records it (the export check asks). */
    labourMarketStatus: text('labour_market_status', { enum: labourMarketStatuses }),
    exitedOn: date('exited_on'),
    exitOutcome: text('exit_outcome', { enum: exitOutcomes }),
    /** The employer or school the participant went to, where there is one. */
    exitOrganisation: text('exit_organisation'),
    /** The employer in the register an exit to work went to, where it is there. */
    exitEmployerId: uuid('exit_employer_id').references((): AnyPgColumn => employers.id),
    exitReason: text('exit_reason'),
    exitedBy: uuid('exited_by').references(() => users.id),
    version: integer('version').notNull().default(1),
    createdBy: uuid('created_by')
      .notNull()
      .references(() => users.id),
    ...timestamps,
  },
  (t) => [
    check('enrolments_period_check', sql`planned_end_on > starts_on`),
    check('enrolments_exit_check', sql`exited_on is null or exited_on >= starts_on`),
    check(
      'enrolments_labour_market_status_check',
      sql.raw(`labour_market_status is null or ${oneOfText('labour_market_status', labourMarketStatuses)}`),
    ),
    check('enrolments_exit_outcome_check', sql`(exited_on is null) = (exit_outcome is null)`),
    check(
      'enrolments_exit_outcome_value_check',
      sql.raw(`exit_outcome is null or ${oneOfText('exit_outcome', exitOutcomes)}`),
    ),
    index('enrolments_exited_by_idx').on(t.exitedBy),
    index('enrolments_exit_employer_idx').on(t.exitEmployerId),
    uniqueIndex('enrolments_one_active_idx').on(t.participantId, t.programmeId).where(sql`exited_on is null`),
    index('enrolments_participant_idx').on(t.participantId),
    index('enrolments_programme_idx').on(t.programmeId),
    index('enrolments_centre_idx').on(t.centreId),
    index('enrolments_target_group_idx').on(t.targetGroupId),
    index('enrolments_referral_idx').on(t.referralId),
    index('enrolments_created_by_idx').on(t.createdBy),
  ],
);

export const enrolmentSteps = pgTable(
  'enrolment_steps',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    enrolmentId: uuid('enrolment_id')
      .notNull()
      .references(() => enrolments.id),
    stepId: uuid('step_id')
      .notNull()
      .references(() => programmeSteps.id),
    startedOn: date('started_on').notNull(),
    endedOn: date('ended_on'),
    createdBy: uuid('created_by')
      .notNull()
      .references(() => users.id),
    ...timestamps,
  },
  (t) => [
    check('enrolment_steps_period_check', sql`ended_on is null or ended_on >= started_on`),
    index('enrolment_steps_enrolment_idx').on(t.enrolmentId),
    index('enrolment_steps_step_idx').on(t.stepId),
    index('enrolment_steps_created_by_idx').on(t.createdBy),
  ],
);

// ---------------------------------------------------------------- access log (append-only, see migration)

export const accessLog = pgTable(
  'access_log',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    participantId: uuid('participant_id')
      .notNull()
      .references(() => participants.id),
    action: text('action', { enum: accessActions }).notNull(),
    what: text('what').notNull(),
    role: text('role', { enum: roles }).notNull(),
    centreId: uuid('centre_id').references(() => centres.id),
  },
  (t) => [
    check('access_log_action_check', oneOf('action', accessActions)),
    check('access_log_role_check', oneOf('role', roles)),
    index('access_log_participant_idx').on(t.participantId, t.at),
    index('access_log_user_idx').on(t.userId, t.at),
    index('access_log_centre_idx').on(t.centreId),
  ],
);

/**
 * The monthly review of the access log: one per organisation and month, with a reproducible sample of the month's
 * accesses by the organisation's users. The log itself stays append-only; decisions live here.
 */
export const accessReviews = pgTable(
  'access_reviews',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    month: text('month').notNull(),
    createdBy: uuid('created_by')
      .notNull()
      .references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('access_reviews_organisation_month_idx').on(t.organisationId, t.month),
    index('access_reviews_created_by_idx').on(t.createdBy),
    check('access_reviews_month_check', sql`month ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'`),
  ],
);

export const accessReviewItems = pgTable(
  'access_review_items',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    reviewId: uuid('review_id')
      .notNull()
      .references(() => accessReviews.id),
    accessLogId: bigint('access_log_id', { mode: 'number' })
      .notNull()
      .references(() => accessLog.id),
    /** The sample's order: the position the seeded draw gave the row. */
    ordinal: integer('ordinal').notNull(),
    outcome: text('outcome', { enum: accessReviewOutcomes }).notNull().default('pending'),
    note: text('note'),
    decidedBy: uuid('decided_by').references(() => users.id),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('access_review_items_review_log_idx').on(t.reviewId, t.accessLogId),
    index('access_review_items_access_log_idx').on(t.accessLogId),
    index('access_review_items_decided_by_idx').on(t.decidedBy),
    check('access_review_items_outcome_check', oneOf('outcome', accessReviewOutcomes)),
    check('access_review_items_flag_note_check', sql`outcome <> 'flagged' or note is not null`),
  ],
);

// ---------------------------------------------------------------- journal, exit follow-up

/**
 * Journal entries are never changed or deleted (a trigger refuses it): a correction is a new entry that
 * points to the one it corrects, with a reason.
 */
export const journalEntries = pgTable(
  'journal_entries',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    participantId: uuid('participant_id')
      .notNull()
      .references(() => participants.id),
    entryDate: date('entry_date').notNull(),
    category: text('category', { enum: journalCategories }).notNull(),
    text: text('text').notNull(),
    authorId: uuid('author_id')
      .notNull()
      .references(() => users.id),
    correctsId: uuid('corrects_id').references((): AnyPgColumn => journalEntries.id),
    correctionReason: text('correction_reason'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check('journal_entries_category_check', oneOf('category', journalCategories)),
    check('journal_entries_correction_check', sql`(corrects_id is null) = (correction_reason is null)`),
    // An entry is corrected at most once; a later correction corrects the correction.
    uniqueIndex('journal_entries_corrects_idx').on(t.correctsId),
    index('journal_entries_participant_idx').on(t.participantId, t.entryDate),
    index('journal_entries_author_idx').on(t.authorId),
  ],
);

/** The follow-up some days after exit (the programme's follow_up_days), which decides the goal figure. */
export const followUps = pgTable(
  'follow_ups',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    enrolmentId: uuid('enrolment_id')
      .notNull()
      .references(() => enrolments.id),
    dueOn: date('due_on').notNull(),
    status: text('status', { enum: followUpStatuses }),
    statusOrganisation: text('status_organisation'),
    recordedOn: date('recorded_on'),
    recordedBy: uuid('recorded_by').references(() => users.id),
    version: integer('version').notNull().default(1),
    ...timestamps,
  },
  (t) => [
    check('follow_ups_status_check', sql.raw(`status is null or ${oneOfText('status', followUpStatuses)}`)),
    check('follow_ups_recorded_check', sql`(status is null) = (recorded_on is null)`),
    uniqueIndex('follow_ups_enrolment_idx').on(t.enrolmentId),
    index('follow_ups_due_idx').on(t.dueOn),
    index('follow_ups_recorded_by_idx').on(t.recordedBy),
  ],
);

export const followUpAttempts = pgTable(
  'follow_up_attempts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    followUpId: uuid('follow_up_id')
      .notNull()
      .references(() => followUps.id),
    attemptedOn: date('attempted_on').notNull(),
    method: text('method', { enum: contactMethods }).notNull(),
    reached: boolean('reached').notNull(),
    note: text('note'),
    attemptedBy: uuid('attempted_by')
      .notNull()
      .references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check('follow_up_attempts_method_check', oneOf('method', contactMethods)),
    index('follow_up_attempts_follow_up_idx').on(t.followUpId),
    index('follow_up_attempts_by_idx').on(t.attemptedBy),
  ],
);

// ---------------------------------------------------------------- step checklists, mapping

/** Items to tick off in a step, e.g. step 2 "base": bank account, e-identification, SFI registration. */
export const stepChecklistItems = pgTable(
  'step_checklist_items',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    stepId: uuid('step_id')
      .notNull()
      .references(() => programmeSteps.id),
    ordinal: integer('ordinal').notNull(),
    label: text('label').notNull(),
    ...timestamps,
  },
  (t) => [
    check('step_checklist_items_ordinal_check', sql`ordinal >= 1`),
    uniqueIndex('step_checklist_items_step_ordinal_idx').on(t.stepId, t.ordinal),
  ],
);

/** A ticked checklist item of a participant's step: when and by whom. */
export const checklistTicks = pgTable(
  'checklist_ticks',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    enrolmentStepId: uuid('enrolment_step_id')
      .notNull()
      .references(() => enrolmentSteps.id),
    itemId: uuid('item_id')
      .notNull()
      .references(() => stepChecklistItems.id),
    tickedOn: date('ticked_on').notNull(),
    tickedBy: uuid('ticked_by')
      .notNull()
      .references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('checklist_ticks_step_item_idx').on(t.enrolmentStepId, t.itemId),
    index('checklist_ticks_item_idx').on(t.itemId),
    index('checklist_ticks_by_idx').on(t.tickedBy),
  ],
);

/**
 * The in-depth mapping (kartläggning). Each revision is a new row; earlier ones stay readable. Health and
 * social circumstances live in their own column so they can be left out for roles that may not see them.
 */
export const assessments = pgTable(
  'assessments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    participantId: uuid('participant_id')
      .notNull()
      .references(() => participants.id),
    revision: integer('revision').notNull(),
    meetingOn: date('meeting_on'),
    /** The tripartite meeting's attendees: [{ side, name }]. */
    meetingAttendees: jsonb('meeting_attendees').notNull().default([]),
    summary: text('summary'),
    /** The structured areas (language, education, work, goals, housing, childcare, licence, digital, economy…). */
    areas: jsonb('areas').notNull().default({}),
    /** Health and social circumstances: only for the roles that need them. */
    sensitive: jsonb('sensitive').notNull().default({}),
    createdBy: uuid('created_by')
      .notNull()
      .references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check('assessments_revision_check', sql`revision >= 1`),
    uniqueIndex('assessments_participant_revision_idx').on(t.participantId, t.revision),
    index('assessments_created_by_idx').on(t.createdBy),
  ],
);

// ---------------------------------------------------------------- individual action plan

/**
 * The individual action plan of one enrolment, a living document: one version number for the whole plan
 * (optimistic concurrency), when it was last reviewed, and when it closed (at exit, read-only from then).
 */
export const actionPlans = pgTable(
  'action_plans',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    enrolmentId: uuid('enrolment_id')
      .notNull()
      .references(() => enrolments.id),
    version: integer('version').notNull().default(1),
    reviewedOn: date('reviewed_on').notNull(),
    reviewedBy: uuid('reviewed_by')
      .notNull()
      .references(() => users.id),
    closedOn: date('closed_on'),
    createdBy: uuid('created_by')
      .notNull()
      .references(() => users.id),
    ...timestamps,
  },
  (t) => [
    uniqueIndex('action_plans_enrolment_idx').on(t.enrolmentId),
    index('action_plans_reviewed_by_idx').on(t.reviewedBy),
    index('action_plans_created_by_idx').on(t.createdBy),
  ],
);

/**
 * A goal of the plan. Goals are never removed: a goal given up is dropped. The owner is a staff member, or the
 * participant when owner_user_id is null. ended_on is when it was achieved or dropped, or the exit date.
 */
export const planGoals = pgTable(
  'plan_goals',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    planId: uuid('plan_id')
      .notNull()
      .references(() => actionPlans.id),
    ordinal: integer('ordinal').notNull(),
    term: text('term', { enum: goalTerms }).notNull(),
    description: text('description').notNull(),
    targetOn: date('target_on').notNull(),
    ownerUserId: uuid('owner_user_id').references(() => users.id),
    status: text('status', { enum: goalStatuses }).notNull(),
    /** An occupation the goal aims at (SSYK 2012), used when matching the participant to openings. */
    occupationCode: text('occupation_code').references(() => occupations.code),
    endedOn: date('ended_on'),
    ...timestamps,
  },
  (t) => [
    check('plan_goals_term_check', oneOf('term', goalTerms)),
    check('plan_goals_status_check', oneOf('status', goalStatuses)),
    check('plan_goals_ordinal_check', sql`ordinal >= 1`),
    uniqueIndex('plan_goals_plan_ordinal_idx').on(t.planId, t.ordinal),
    index('plan_goals_owner_idx').on(t.ownerUserId),
    index('plan_goals_occupation_idx').on(t.occupationCode),
  ],
);

/** The programme steps that serve a goal. */
export const planGoalSteps = pgTable(
  'plan_goal_steps',
  {
    goalId: uuid('goal_id')
      .notNull()
      .references(() => planGoals.id),
    stepId: uuid('step_id')
      .notNull()
      .references(() => programmeSteps.id),
  },
  (t) => [primaryKey({ columns: [t.goalId, t.stepId] }), index('plan_goal_steps_step_idx').on(t.stepId)],
);

/**
 * The plan's history, append-only (a trigger refuses change): one row per saved version, with the changes as
 * a list of { goalId, goal, field, from, to } so it reads as "who changed what, when".
 */
export const planChanges = pgTable(
  'plan_changes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    planId: uuid('plan_id')
      .notNull()
      .references(() => actionPlans.id),
    version: integer('version').notNull(),
    kind: text('kind', { enum: planChangeKinds }).notNull(),
    changes: jsonb('changes').notNull().default([]),
    changedBy: uuid('changed_by')
      .notNull()
      .references(() => users.id),
    changedAt: timestamp('changed_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check('plan_changes_kind_check', oneOf('kind', planChangeKinds)),
    uniqueIndex('plan_changes_plan_version_idx').on(t.planId, t.version),
    index('plan_changes_changed_by_idx').on(t.changedBy),
  ],
);

// ---------------------------------------------------------------- activities, groups, sessions, attendance

/** A programme's activity catalogue: what kind, which step it belongs to, planned hours, language. */
export const activities = pgTable(
  'activities',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    programmeId: uuid('programme_id')
      .notNull()
      .references(() => programmes.id),
    name: text('name').notNull(),
    type: text('type', { enum: activityTypes }).notNull(),
    stepId: uuid('step_id').references(() => programmeSteps.id),
    plannedHours: integer('planned_hours').notNull(),
    /** Language of delivery, a code from core/languages.ts. */
    deliveryLanguage: text('delivery_language').notNull(),
    interpreter: boolean('interpreter').notNull().default(false),
    description: text('description'),
    active: boolean('active').notNull().default(true),
    version: integer('version').notNull().default(1),
    ...timestamps,
  },
  (t) => [
    check('activities_type_check', oneOf('type', activityTypes)),
    check('activities_planned_hours_check', sql`planned_hours between 0 and 10000`),
    uniqueIndex('activities_programme_name_idx').on(t.programmeId, t.name),
    index('activities_step_idx').on(t.stepId),
  ],
);

/** The target groups for which an activity is mandatory (proposed at enrolment). */
export const activityMandatoryTargetGroups = pgTable(
  'activity_mandatory_target_groups',
  {
    activityId: uuid('activity_id')
      .notNull()
      .references(() => activities.id),
    targetGroupId: uuid('target_group_id')
      .notNull()
      .references(() => targetGroups.id),
  },
  (t) => [
    primaryKey({ columns: [t.activityId, t.targetGroupId] }),
    index('activity_mandatory_target_groups_group_idx').on(t.targetGroupId),
  ],
);

/** Days the programme does not run (besides public holidays), e.g. a planning day or the summer break. */
export const programmeClosureDays = pgTable(
  'programme_closure_days',
  {
    programmeId: uuid('programme_id')
      .notNull()
      .references(() => programmes.id),
    day: date('day').notNull(),
    reason: text('reason').notNull(),
  },
  (t) => [primaryKey({ columns: [t.programmeId, t.day] })],
);

/**
 * A group runs an activity at a centre with a leader and a room, on a weekly schedule between two dates:
 * schedule is [{ weekday 1–7 (ISO), startTime 'HH:MM', endTime 'HH:MM' }]. Its sessions are generated.
 */
export const activityGroups = pgTable(
  'activity_groups',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    activityId: uuid('activity_id')
      .notNull()
      .references(() => activities.id),
    centreId: uuid('centre_id')
      .notNull()
      .references(() => centres.id),
    name: text('name').notNull(),
    leaderId: uuid('leader_id')
      .notNull()
      .references(() => users.id),
    room: text('room'),
    startsOn: date('starts_on').notNull(),
    endsOn: date('ends_on').notNull(),
    schedule: jsonb('schedule').notNull().default([]),
    version: integer('version').notNull().default(1),
    createdBy: uuid('created_by')
      .notNull()
      .references(() => users.id),
    ...timestamps,
  },
  (t) => [
    check('activity_groups_period_check', sql`ends_on >= starts_on`),
    index('activity_groups_activity_idx').on(t.activityId),
    index('activity_groups_centre_idx').on(t.centreId, t.startsOn),
    index('activity_groups_leader_idx').on(t.leaderId),
    index('activity_groups_created_by_idx').on(t.createdBy),
  ],
);

/**
 * One session of a group, in local (Europe/Stockholm) wall-clock time. A moved session keeps the date it was
 * moved from; a cancelled one stays with its reason. Civic orientation sessions record the content areas
 * covered (1–8) and a local employer taking part.
 */
export const groupSessions = pgTable(
  'group_sessions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    groupId: uuid('group_id')
      .notNull()
      .references(() => activityGroups.id),
    sessionDate: date('session_date').notNull(),
    startTime: text('start_time').notNull(),
    endTime: text('end_time').notNull(),
    status: text('status', { enum: sessionStatuses }).notNull().default('planned'),
    cancelReason: text('cancel_reason'),
    movedFrom: date('moved_from'),
    leaderId: uuid('leader_id').references(() => users.id),
    room: text('room'),
    civicAreas: integer('civic_areas').array().notNull().default(sql`'{}'::integer[]`),
    guestEmployer: text('guest_employer'),
    version: integer('version').notNull().default(1),
    ...timestamps,
  },
  (t) => [
    check('group_sessions_status_check', oneOf('status', sessionStatuses)),
    check(
      'group_sessions_time_check',
      sql`start_time ~ '^[0-2][0-9]:[0-5][0-9]$' and end_time ~ '^[0-2][0-9]:[0-5][0-9]$' and end_time > start_time`,
    ),
    check('group_sessions_cancel_check', sql`(status = 'cancelled') = (cancel_reason is not null)`),
    check('group_sessions_civic_areas_check', sql`civic_areas <@ array[1, 2, 3, 4, 5, 6, 7, 8]`),
    uniqueIndex('group_sessions_group_slot_idx').on(t.groupId, t.sessionDate, t.startTime),
    index('group_sessions_date_idx').on(t.sessionDate),
    index('group_sessions_leader_idx').on(t.leaderId),
  ],
);

/** A participant's place in a group, through their enrolment, with joining and leaving dates. */
export const groupMembers = pgTable(
  'group_members',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    groupId: uuid('group_id')
      .notNull()
      .references(() => activityGroups.id),
    enrolmentId: uuid('enrolment_id')
      .notNull()
      .references(() => enrolments.id),
    joinedOn: date('joined_on').notNull(),
    leftOn: date('left_on'),
    createdBy: uuid('created_by')
      .notNull()
      .references(() => users.id),
    ...timestamps,
  },
  (t) => [
    check('group_members_period_check', sql`left_on is null or left_on >= joined_on`),
    uniqueIndex('group_members_active_idx').on(t.groupId, t.enrolmentId).where(sql`left_on is null`),
    // Every member a group had on a day, those who left since included: the roll call of a past session.
    index('group_members_group_idx').on(t.groupId),
    index('group_members_enrolment_idx').on(t.enrolmentId),
    index('group_members_created_by_idx').on(t.createdBy),
  ],
);

/**
 * Attendance of one participant at one session. attended_minutes is computed when saved (session length less
 * lateness, 0 when absent) so reports sum it without recomputing.
 */
export const attendance = pgTable(
  'attendance',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    sessionId: uuid('session_id')
      .notNull()
      .references(() => groupSessions.id),
    enrolmentId: uuid('enrolment_id')
      .notNull()
      .references(() => enrolments.id),
    status: text('status', { enum: attendanceStatuses }).notNull(),
    lateMinutes: integer('late_minutes'),
    absenceReason: text('absence_reason', { enum: absenceReasons }),
    reasonText: text('reason_text'),
    attendedMinutes: integer('attended_minutes').notNull(),
    recordedBy: uuid('recorded_by')
      .notNull()
      .references(() => users.id),
    version: integer('version').notNull().default(1),
    ...timestamps,
  },
  (t) => [
    check('attendance_status_check', oneOf('status', attendanceStatuses)),
    check(
      'attendance_reason_value_check',
      sql.raw(`absence_reason is null or ${oneOfText('absence_reason', absenceReasons)}`),
    ),
    check('attendance_late_check', sql`(status = 'late') = (late_minutes is not null and late_minutes > 0)`),
    check('attendance_absent_check', sql`(status = 'absent') = (absence_reason is not null)`),
    check(
      'attendance_other_reason_check',
      sql`absence_reason is distinct from 'other' or reason_text is not null`,
    ),
    check('attendance_minutes_check', sql`attended_minutes >= 0`),
    uniqueIndex('attendance_session_enrolment_idx').on(t.sessionId, t.enrolmentId),
    index('attendance_enrolment_idx').on(t.enrolmentId),
    index('attendance_recorded_by_idx').on(t.recordedBy),
  ],
);

/** The activities that serve a goal of the action plan. */
export const planGoalActivities = pgTable(
  'plan_goal_activities',
  {
    goalId: uuid('goal_id')
      .notNull()
      .references(() => planGoals.id),
    activityId: uuid('activity_id')
      .notNull()
      .references(() => activities.id),
  },
  (t) => [
    primaryKey({ columns: [t.goalId, t.activityId] }),
    index('plan_goal_activities_activity_idx').on(t.activityId),
  ],
);

// ---------------------------------------------------------------- employers and openings

/**
 * Employers, shared by every organisation of the installation: one row per organisation number (10 digits,
 * Luhn check digit). What they offer is a set of employerOffers.
 */
export const employers = pgTable(
  'employers',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organisationNumber: text('organisation_number').notNull(),
    name: text('name').notNull(),
    /** Swedish sort key of the name (see core/collation.ts). */
    sortName: text('sort_name').notNull(),
    industryCode: text('industry_code').references(() => industries.code),
    municipalityCode: text('municipality_code').references(() => municipalities.code),
    streetAddress: text('street_address'),
    postalCode: text('postal_code'),
    city: text('city'),
    offers: text('offers').array().notNull().default(sql`'{}'::text[]`),
    notes: text('notes'),
    version: integer('version').notNull().default(1),
    createdBy: uuid('created_by')
      .notNull()
      .references(() => users.id),
    ...timestamps,
  },
  (t) => [
    check('employers_organisation_number_check', sql`organisation_number ~ '^[0-9]{10}$'`),
    check(
      'employers_offers_check',
      sql.raw(`offers <@ array[${employerOffers.map((o) => `'${o}'`).join(', ')}]::text[]`),
    ),
    uniqueIndex('employers_organisation_number_idx').on(t.organisationNumber),
    index('employers_sort_name_idx').on(t.sortName),
    index('employers_industry_idx').on(t.industryCode),
    index('employers_municipality_idx').on(t.municipalityCode),
    index('employers_created_by_idx').on(t.createdBy),
  ],
);

export const employerContacts = pgTable(
  'employer_contacts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    employerId: uuid('employer_id')
      .notNull()
      .references(() => employers.id),
    name: text('name').notNull(),
    title: text('title'),
    phone: text('phone'),
    email: text('email'),
    active: boolean('active').notNull().default(true),
    ...timestamps,
  },
  (t) => [index('employer_contacts_employer_idx').on(t.employerId)],
);

/** The interaction log: calls, visits, meetings, agreements, with the next step. */
export const employerInteractions = pgTable(
  'employer_interactions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    employerId: uuid('employer_id')
      .notNull()
      .references(() => employers.id),
    kind: text('kind', { enum: employerInteractionKinds }).notNull(),
    occurredOn: date('occurred_on').notNull(),
    contactId: uuid('contact_id').references(() => employerContacts.id),
    note: text('note').notNull(),
    nextStep: text('next_step'),
    nextStepOn: date('next_step_on'),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check('employer_interactions_kind_check', oneOf('kind', employerInteractionKinds)),
    index('employer_interactions_employer_idx').on(t.employerId, t.occurredOn),
    index('employer_interactions_contact_idx').on(t.contactId),
    index('employer_interactions_user_idx').on(t.userId),
  ],
);

/** Internships and jobs an employer offers, with what they require (for matching). */
export const openings = pgTable(
  'openings',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    employerId: uuid('employer_id')
      .notNull()
      .references(() => employers.id),
    kind: text('kind', { enum: openingKinds }).notNull(),
    title: text('title').notNull(),
    occupationCode: text('occupation_code')
      .notNull()
      .references(() => occupations.code),
    places: integer('places').notNull(),
    startsOn: date('starts_on'),
    hoursPerWeek: integer('hours_per_week'),
    /** The Swedish needed, as an SFI course (A–D, completed) from the mapping; null when none is required. */
    requiredSfiCourse: text('required_sfi_course'),
    drivingLicenceRequired: boolean('driving_licence_required').notNull().default(false),
    /** The lowest SUN 2020 education level required, if any. */
    requiredEducationLevelCode: text('required_education_level_code').references(() => educationLevels.code),
    requirements: text('requirements'),
    municipalityCode: text('municipality_code').references(() => municipalities.code),
    status: text('status', { enum: openingStatuses }).notNull().default('open'),
    version: integer('version').notNull().default(1),
    createdBy: uuid('created_by')
      .notNull()
      .references(() => users.id),
    ...timestamps,
  },
  (t) => [
    check('openings_kind_check', oneOf('kind', openingKinds)),
    check('openings_status_check', oneOf('status', openingStatuses)),
    check('openings_places_check', sql`places between 1 and 1000`),
    check('openings_hours_check', sql`hours_per_week is null or hours_per_week between 1 and 60`),
    check(
      'openings_sfi_check',
      sql`required_sfi_course is null or required_sfi_course in ('A', 'B', 'C', 'D', 'completed')`,
    ),
    index('openings_employer_idx').on(t.employerId),
    index('openings_status_idx').on(t.status, t.kind),
    index('openings_occupation_idx').on(t.occupationCode),
    index('openings_municipality_idx').on(t.municipalityCode),
    index('openings_education_idx').on(t.requiredEducationLevelCode),
    index('openings_created_by_idx').on(t.createdBy),
  ],
);

// ---------------------------------------------------------------- internship placements (praktik)

/**
 * A participant's internship at an employer with a supervisor. Its weekly schedule lives in its own activity
 * group (the programme's internship activity, the responsible staff member as leader), so the placement's days
 * are sessions: they enter the participant's week, the roll call, the monthly attendance and the deviation
 * report like any other. Starting it starts the activity's step; ending it ends the step.
 */
export const placements = pgTable(
  'placements',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    enrolmentId: uuid('enrolment_id')
      .notNull()
      .references(() => enrolments.id),
    employerId: uuid('employer_id')
      .notNull()
      .references(() => employers.id),
    openingId: uuid('opening_id').references(() => openings.id),
    groupId: uuid('group_id')
      .notNull()
      .references(() => activityGroups.id),
    supervisorId: uuid('supervisor_id')
      .notNull()
      .references(() => employerContacts.id),
    startsOn: date('starts_on').notNull(),
    endsOn: date('ends_on').notNull(),
    tasks: text('tasks').notNull(),
    status: text('status', { enum: placementStatuses }).notNull().default('planned'),
    startedOn: date('started_on'),
    endedOn: date('ended_on'),
    endReason: text('end_reason'),
    /** The step the placement runs in: opened at its start, or the one already open then; null before it starts. */
    enrolmentStepId: uuid('enrolment_step_id').references(() => enrolmentSteps.id),
    version: integer('version').notNull().default(1),
    createdBy: uuid('created_by')
      .notNull()
      .references(() => users.id),
    ...timestamps,
  },
  (t) => [
    check('placements_status_check', oneOf('status', placementStatuses)),
    check('placements_period_check', sql`ends_on >= starts_on`),
    check('placements_started_check', sql`(started_on is not null) = (status in ('ongoing', 'ended'))`),
    check('placements_ended_check', sql`(ended_on is not null) = (status in ('ended', 'cancelled'))`),
    check(
      'placements_end_after_start_check',
      sql`started_on is null or ended_on is null or ended_on >= started_on`,
    ),
    uniqueIndex('placements_group_idx').on(t.groupId),
    index('placements_enrolment_idx').on(t.enrolmentId),
    index('placements_employer_idx').on(t.employerId),
    index('placements_opening_idx').on(t.openingId),
    index('placements_supervisor_idx').on(t.supervisorId),
    index('placements_step_idx').on(t.enrolmentStepId),
    index('placements_created_by_idx').on(t.createdBy),
  ],
);

/** The goals of the action plan a placement's tasks serve. */
export const placementGoals = pgTable(
  'placement_goals',
  {
    placementId: uuid('placement_id')
      .notNull()
      .references(() => placements.id),
    goalId: uuid('goal_id')
      .notNull()
      .references(() => planGoals.id),
  },
  (t) => [primaryKey({ columns: [t.placementId, t.goalId] }), index('placement_goals_goal_idx').on(t.goalId)],
);

/** The mid-point and final evaluation with the supervisor: ratings per area (1–5), summary and next steps. */
export const placementEvaluations = pgTable(
  'placement_evaluations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    placementId: uuid('placement_id')
      .notNull()
      .references(() => placements.id),
    kind: text('kind', { enum: placementEvaluationKinds }).notNull(),
    heldOn: date('held_on').notNull(),
    ratings: jsonb('ratings').notNull().default({}),
    summary: text('summary').notNull(),
    nextSteps: text('next_steps'),
    recordedBy: uuid('recorded_by')
      .notNull()
      .references(() => users.id),
    version: integer('version').notNull().default(1),
    ...timestamps,
  },
  (t) => [
    check('placement_evaluations_kind_check', oneOf('kind', placementEvaluationKinds)),
    uniqueIndex('placement_evaluations_kind_idx').on(t.placementId, t.kind),
    index('placement_evaluations_recorded_by_idx').on(t.recordedBy),
  ],
);

// ---------------------------------------------------------------- the funder's reports

/**
 * A monthly participant file marked as sent to Statistics Sweden: the fingerprint of its rows then, so a later
 * change to that month (and so every later month) shows as due for resubmission. No personal data is kept here.
 */
export const funderFileSubmissions = pgTable(
  'funder_file_submissions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    programmeId: uuid('programme_id')
      .notNull()
      .references(() => programmes.id),
    /** YYYY-MM */
    month: text('month').notNull(),
    rowCount: integer('row_count').notNull(),
    /** SHA-256 of the month's rows as sent. */
    fingerprint: text('fingerprint').notNull(),
    submittedBy: uuid('submitted_by')
      .notNull()
      .references(() => users.id),
    submittedAt: timestamp('submitted_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check('funder_file_submissions_month_check', sql`month ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'`),
    check('funder_file_submissions_rows_check', sql`row_count >= 0`),
    index('funder_file_submissions_programme_idx').on(t.programmeId, t.month),
    index('funder_file_submissions_submitted_by_idx').on(t.submittedBy),
  ],
);

// ---------------------------------------------------------------- satisfaction surveys

/** A satisfaction survey of a programme; its title and questions in several languages ({ sv, en, ar, … }). */
export const surveys = pgTable(
  'surveys',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    programmeId: uuid('programme_id')
      .notNull()
      .references(() => programmes.id),
    titles: jsonb('titles').$type<Record<string, string>>().notNull(),
    /** The languages it is offered in, Swedish first. */
    languages: text('languages').array().notNull(),
    status: text('status', { enum: surveyStatuses }).notNull().default('draft'),
    createdBy: uuid('created_by')
      .notNull()
      .references(() => users.id),
    version: integer('version').notNull().default(1),
    ...timestamps,
  },
  (t) => [
    check('surveys_status_check', oneOf('status', surveyStatuses)),
    index('surveys_programme_idx').on(t.programmeId),
    index('surveys_created_by_idx').on(t.createdBy),
  ],
);

export const surveyQuestions = pgTable(
  'survey_questions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    surveyId: uuid('survey_id')
      .notNull()
      .references(() => surveys.id),
    ordinal: integer('ordinal').notNull(),
    kind: text('kind', { enum: surveyQuestionKinds }).notNull(),
    texts: jsonb('texts').$type<Record<string, string>>().notNull(),
    required: boolean('required').notNull().default(false),
    ...timestamps,
  },
  (t) => [
    check('survey_questions_kind_check', oneOf('kind', surveyQuestionKinds)),
    uniqueIndex('survey_questions_ordinal_idx').on(t.surveyId, t.ordinal),
  ],
);

/** A link (and its QR code) to answer a survey, for one group or one session of it. */
export const surveyLinks = pgTable(
  'survey_links',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    surveyId: uuid('survey_id')
      .notNull()
      .references(() => surveys.id),
    /** Random and unguessable; the only key a respondent holds. */
    token: text('token').notNull(),
    groupId: uuid('group_id').references(() => activityGroups.id),
    sessionId: uuid('session_id').references(() => groupSessions.id),
    createdBy: uuid('created_by')
      .notNull()
      .references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check('survey_links_session_check', sql`session_id is null or group_id is not null`),
    uniqueIndex('survey_links_token_idx').on(t.token),
    index('survey_links_survey_idx').on(t.surveyId),
    index('survey_links_group_idx').on(t.groupId),
    index('survey_links_session_idx').on(t.sessionId),
    index('survey_links_created_by_idx').on(t.createdBy),
  ],
);

/**
 * One anonymous answer to a survey. Deliberately without a participant, a user, an address or a time of day:
 * only the link it came through, the language and the date, so no answer can be traced to a person.
 */
export const surveyResponses = pgTable(
  'survey_responses',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    surveyId: uuid('survey_id')
      .notNull()
      .references(() => surveys.id),
    linkId: uuid('link_id')
      .notNull()
      .references(() => surveyLinks.id),
    language: text('language').notNull(),
    submittedOn: date('submitted_on').notNull(),
  },
  (t) => [
    index('survey_responses_survey_idx').on(t.surveyId),
    index('survey_responses_link_idx').on(t.linkId),
  ],
);

export const surveyAnswers = pgTable(
  'survey_answers',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    responseId: uuid('response_id')
      .notNull()
      .references(() => surveyResponses.id),
    questionId: uuid('question_id')
      .notNull()
      .references(() => surveyQuestions.id),
    scale: integer('scale'),
    yes: boolean('yes'),
    text: text('text'),
  },
  (t) => [
    check('survey_answers_scale_check', sql`scale is null or scale between 1 and 5`),
    check('survey_answers_one_value_check', sql`num_nonnulls(scale, yes, text) = 1`),
    uniqueIndex('survey_answers_response_question_idx').on(t.responseId, t.questionId),
    index('survey_answers_question_idx').on(t.questionId),
  ],
);

// ---------------------------------------------------------------- retention

/**
 * The retention log: one row per run of the retention job that anonymised people (a dry run writes nothing), by
 * an administrator for their organisation or by the command line for the whole installation (both null).
 */
export const retentionRuns = pgTable(
  'retention_runs',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** The organisation whose participants (by their home centre) the run covered; null: the installation. */
    organisationId: uuid('organisation_id').references(() => organisations.id),
    /** The administrator who confirmed it; null: the command line (a scheduled job). */
    runBy: uuid('run_by').references(() => users.id),
    /** The day the rules were applied for. */
    asOf: date('as_of').notNull(),
    anonymised: integer('anonymised').notNull(),
    ranAt: timestamp('ran_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check('retention_runs_anonymised_check', sql`anonymised >= 0`),
    index('retention_runs_organisation_idx').on(t.organisationId, t.ranAt),
    index('retention_runs_run_by_idx').on(t.runBy),
  ],
);

/** Who a run anonymised, by id only, and the rule and programme that decided it: no personal data. */
export const retentionRunItems = pgTable(
  'retention_run_items',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    runId: uuid('run_id')
      .notNull()
      .references(() => retentionRuns.id),
    participantId: uuid('participant_id')
      .notNull()
      .references(() => participants.id),
    rule: text('rule', { enum: retentionRules }).notNull(),
    programmeId: uuid('programme_id').references(() => programmes.id),
    expiredOn: date('expired_on').notNull(),
  },
  (t) => [
    check('retention_run_items_rule_check', oneOf('rule', retentionRules)),
    uniqueIndex('retention_run_items_participant_idx').on(t.participantId),
    index('retention_run_items_run_idx').on(t.runId),
    index('retention_run_items_programme_idx').on(t.programmeId),
  ],
);
