// Closed sets of values shared by the database (CHECK constraints), the API (zod) and the UI (labels in i18n).

export const roles = [
  'coordinator',
  'employment_officer',
  'job_agent',
  'employer_liaison',
  'social_consultant',
  'work_consultant',
  'civic_guide',
  'career_guide',
  'language_teacher',
  'programme_manager',
  'administrator',
] as const;
export type Role = (typeof roles)[number];

export const organisationKinds = ['municipality', 'employment_service'] as const;
export type OrganisationKind = (typeof organisationKinds)[number];

export const identityTypes = ['personal_identity_number', 'coordination_number', 'reserve'] as const;
export type IdentityType = (typeof identityTypes)[number];

export const legalGenders = ['female', 'male', 'unknown'] as const;
export type LegalGender = (typeof legalGenders)[number];

export const targetGroupKinds = ['short_educated', 'upper_secondary_or_higher'] as const;
export type TargetGroupKind = (typeof targetGroupKinds)[number];

export const referralBases = [
  'establishment_programme',
  'job_and_development_guarantee',
  'social_services_after_establishment',
] as const;
export type ReferralBasis = (typeof referralBases)[number];

export const referralStatuses = ['received', 'meeting_booked', 'enrolled', 'declined', 'withdrawn'] as const;
export type ReferralStatus = (typeof referralStatuses)[number];

export const openReferralStatuses = [
  'received',
  'meeting_booked',
] as const satisfies readonly ReferralStatus[];

export const consentPurposes = ['participation', 'data_sharing', 'funder_reporting'] as const;
export type ConsentPurpose = (typeof consentPurposes)[number];

export const consentMethods = ['paper', 'digital'] as const;
export type ConsentMethod = (typeof consentMethods)[number];

export const participantStatuses = ['referred', 'enrolled', 'exited', 'closed'] as const;
export type ParticipantStatus = (typeof participantStatuses)[number];

/**
 * What a member of staff did with a participant's data. `refused`: they asked for a person with protected identity
 * they are not assigned to, and were answered as if there were no such person.
 */
export const accessActions = ['read', 'create', 'update', 'refused'] as const;
/** Changes to how an account logs in, kept in `security_events` (never a secret or a code). */
export const securityEventKinds = [
  'totp_enabled',
  'totp_disabled',
  'totp_reset',
  'recovery_code_used',
  'recovery_codes_renewed',
  'sso_login',
] as const;
export type SecurityEventKind = (typeof securityEventKinds)[number];
export const loginMethods = ['password', 'sso'] as const;
export type LoginMethod = (typeof loginMethods)[number];
/** An administrator's decision on one sampled access in the monthly review. */
export const accessReviewOutcomes = ['pending', 'confirmed', 'flagged'] as const;
export type AccessReviewOutcome = (typeof accessReviewOutcomes)[number];
export type AccessAction = (typeof accessActions)[number];

export const locales = ['sv', 'en'] as const;
export type Locale = (typeof locales)[number];

export const journalCategories = [
  'meeting',
  'phone_call',
  'message',
  'home_visit',
  'collaboration',
  'note',
] as const;
export type JournalCategory = (typeof journalCategories)[number];
/** Categories that count as contact with the participant (for the "no contact in 30 days" warning). */
export const contactJournalCategories = [
  'meeting',
  'phone_call',
  'message',
  'home_visit',
] as const satisfies readonly JournalCategory[];

export const exitOutcomes = [
  'work_permanent',
  'work_fixed_term',
  'work_subsidised',
  'studies_adult_education',
  'studies_folk_high_school',
  'studies_university',
  'studies_vocational',
  'own_business',
  'parental_leave',
  'moved',
  'ill_health',
  'other',
] as const;
export type ExitOutcome = (typeof exitOutcomes)[number];
/** Exits to work: these name the employer, from the register where it is there. */
export const workExitOutcomes = [
  'work_permanent',
  'work_fixed_term',
  'work_subsidised',
] as const satisfies readonly ExitOutcome[];

export const followUpStatuses = [
  'work',
  'studies',
  'own_business',
  'seeking_work',
  'other',
  'unreachable',
] as const;
export type FollowUpStatus = (typeof followUpStatuses)[number];

export const contactMethods = ['phone', 'sms', 'email', 'letter', 'visit'] as const;
export type ContactMethod = (typeof contactMethods)[number];

/** Staff who took part in the tripartite mapping meeting, by the side they came from. */
export const assessmentParticipantSides = [
  'participant',
  'project_worker',
  'municipality_services',
  'employment_service',
  'interpreter',
  'other',
] as const;
export type AssessmentParticipantSide = (typeof assessmentParticipantSides)[number];

/** Goals of the individual action plan: short-term (weeks, months) or long-term (the way to work or studies). */
export const goalTerms = ['short', 'long'] as const;
export type GoalTerm = (typeof goalTerms)[number];

export const goalStatuses = ['planned', 'in_progress', 'achieved', 'dropped'] as const;
export type GoalStatus = (typeof goalStatuses)[number];
/** Goals still being worked on; the others have ended (ended_on set). */
export const openGoalStatuses = ['planned', 'in_progress'] as const satisfies readonly GoalStatus[];

/** What a change to the action plan was, for its history. */
export const planChangeKinds = ['created', 'updated', 'reviewed', 'closed'] as const;
export type PlanChangeKind = (typeof planChangeKinds)[number];

/** Kinds of activity in a programme's catalogue. */
export const activityTypes = [
  'language_promotion',
  'job_preparation',
  'civic_orientation',
  'equip',
  'internship',
  'health',
  'other',
] as const;
export type ActivityType = (typeof activityTypes)[number];

export const sessionStatuses = ['planned', 'cancelled'] as const;
export type SessionStatus = (typeof sessionStatuses)[number];

/** A participant at one session: there, there but late (minutes), or absent (with a reason or none). */
export const attendanceStatuses = ['present', 'late', 'absent'] as const;
export type AttendanceStatus = (typeof attendanceStatuses)[number];

/** Why someone was absent; `none` is absence without a valid reason, `other` needs a text. */
export const absenceReasons = ['ill', 'sick_child', 'authority_appointment', 'other', 'none'] as const;
export type AbsenceReason = (typeof absenceReasons)[number];

/** What an employer can offer the programme. */
export const employerOffers = ['internships', 'jobs', 'civic_orientation', 'job_preparation'] as const;
export type EmployerOffer = (typeof employerOffers)[number];

/** Contacts with an employer, for the interaction log. */
export const employerInteractionKinds = ['call', 'visit', 'meeting', 'agreement'] as const;
export type EmployerInteractionKind = (typeof employerInteractionKinds)[number];

export const openingKinds = ['internship', 'job'] as const;
export type OpeningKind = (typeof openingKinds)[number];

export const openingStatuses = ['open', 'filled', 'closed'] as const;
export type OpeningStatus = (typeof openingStatuses)[number];

/**
 * An internship placement (praktik): planned until the participant starts, ongoing, then ended; cancelled when it
 * never started.
 */
export const placementStatuses = ['planned', 'ongoing', 'ended', 'cancelled'] as const;
export type PlacementStatus = (typeof placementStatuses)[number];

/** The mid-point and the final evaluation of a placement, held with the supervisor. */
export const placementEvaluationKinds = ['midpoint', 'final'] as const;
export type PlacementEvaluationKind = (typeof placementEvaluationKinds)[number];

/** What the supervisor rates at an evaluation, each 1 (does not work yet) to 5 (works very well). */
export const placementEvaluationAreas = [
  'punctuality',
  'cooperation',
  'initiative',
  'work_tasks',
  'swedish_at_work',
  'safety',
] as const;
export type PlacementEvaluationArea = (typeof placementEvaluationAreas)[number];

/**
 * Labour-market status at the start of an enrolment, as the ESF's common indicators ask for it. Exclusive: the
 * indicators "unemployed including long-term unemployed" and "inactive" are sums of these.
 */
export const labourMarketStatuses = [
  'employed',
  'unemployed',
  'long_term_unemployed',
  'inactive_in_education',
  'inactive_not_in_education',
] as const;
export type LabourMarketStatus = (typeof labourMarketStatuses)[number];

/** What the check before a funder's export does about participants with missing or inconsistent data. */
export const funderReportCheckModes = ['warn', 'refuse'] as const;
export type FunderReportCheckMode = (typeof funderReportCheckModes)[number];

/** Satisfaction surveys: a draft is edited, an open one takes answers, a closed one keeps its results. */
export const surveyStatuses = ['draft', 'open', 'closed'] as const;
export type SurveyStatus = (typeof surveyStatuses)[number];

/** A survey question: a scale from 1 to 5, yes or no, or free text. */
export const surveyQuestionKinds = ['scale', 'yes_no', 'free_text'] as const;
export type SurveyQuestionKind = (typeof surveyQuestionKinds)[number];

/** Which record decided when a participant's data expired (core/retention.ts). */
export const retentionRules = ['enrolment_exit', 'referral', 'registration'] as const;
export type RetentionRule = (typeof retentionRules)[number];
