// The one list of error codes. The server maps each to an HTTP status; the UI shows the message for the code.

export const errorStatus = {
  VALIDATION_FAILED: 400,
  TARGET_GROUP_REQUIRED: 400,
  UNAUTHENTICATED: 401,
  INVALID_CREDENTIALS: 401,
  LOGIN_CHALLENGE_EXPIRED: 401,
  FORBIDDEN: 403,
  CSRF_INVALID: 403,
  TWO_FACTOR_REQUIRED: 403,
  NOT_FOUND: 404,
  VERSION_CONFLICT: 409,
  PARTICIPANT_ALREADY_REGISTERED: 409,
  EMPLOYER_ALREADY_REGISTERED: 409,
  EMAIL_TAKEN: 409,
  CONSENT_REQUIRED: 409,
  CONSENT_WITHDRAWN: 409,
  ENROLMENT_ALREADY_ACTIVE: 409,
  ENROLMENT_ALREADY_EXITED: 409,
  REFERRAL_CLOSED: 409,
  REFERRAL_ALREADY_REGISTERED: 409,
  NOT_RESERVE_IDENTITY: 409,
  PROGRAMME_ITEM_IN_USE: 409,
  JOURNAL_ALREADY_CORRECTED: 409,
  TEAM_MEMBER_EXISTS: 409,
  TEAM_CONTACT_REQUIRED: 409,
  STEP_ALREADY_OPEN: 409,
  STEP_ALREADY_ENDED: 409,
  SESSION_HAS_ATTENDANCE: 409,
  SESSION_ALREADY_CANCELLED: 409,
  GROUP_MEMBER_EXISTS: 409,
  GROUP_MEMBER_ALREADY_LEFT: 409,
  PLAN_CLOSED: 409,
  SESSION_CANCELLED: 409,
  SESSION_NOT_HELD_YET: 409,
  PLACEMENT_WRONG_STATUS: 409,
  PLACEMENT_GROUP: 409,
  STALE_REPORT: 409,
  STALE_RETENTION_PREVIEW: 409,
  MONTH_NOT_ENDED: 409,
  EXPORT_BLOCKED: 409,
  SURVEY_WRONG_STATUS: 409,
  TOO_FEW_ANSWERS: 409,
  ACCESS_REVIEW_EXISTS: 409,
  TWO_FACTOR_ALREADY_ENABLED: 409,
  TWO_FACTOR_NOT_ENABLED: 409,
  TWO_FACTOR_NOT_STARTED: 409,
  MONTH_NOT_STARTED: 400,
  PAYLOAD_TOO_LARGE: 413,
  RATE_LIMITED: 429,
  INTERNAL: 500,
  SERVICE_UNAVAILABLE: 503,
  DATABASE_UNAVAILABLE: 503,
} as const;

export type ErrorCode = keyof typeof errorStatus;

/** Thrown by services; carries a stable code, never an HTTP detail. */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly details: Record<string, unknown> | undefined;
  constructor(code: ErrorCode, details?: Record<string, unknown>) {
    super(code);
    this.code = code;
    this.details = details;
  }
}

/** A validation error on one field, as the schemas give them: the form shows `message` beside the field. */
export function fieldError(path: string | (string | number)[], message: string): AppError {
  return new AppError('VALIDATION_FAILED', {
    fields: [{ code: 'custom', path: typeof path === 'string' ? [path] : path, message }],
  });
}
