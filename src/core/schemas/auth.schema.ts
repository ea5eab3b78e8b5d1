import { z } from 'zod';
import { roles } from '../enums.ts';
import { id, isoDate, pageQuery, requiredText } from './common.ts';
import { centre } from './programme.schema.ts';

export const loginInput = z.object({
  email: requiredText(200),
  password: z.string().min(1, { message: 'required' }).max(1000, { message: 'too_long' }),
});
export type LoginInput = z.input<typeof loginInput>;

export const sessionUser = z.object({
  id,
  name: z.string(),
  email: z.string(),
  role: z.enum(roles),
  organisationId: id,
  organisationName: z.string(),
  centres: z.array(centre),
});
export type SessionUser = z.infer<typeof sessionUser>;

/**
 * The CSRF token goes back in the `x-csrf-token` header of every state-changing request. `mustEnrolTwoFactor`: the
 * user's role requires two-step verification, which is not on yet; until it is, only Mitt konto works.
 */
export const sessionResponse = z.object({
  user: sessionUser,
  csrfToken: z.string(),
  mustEnrolTwoFactor: z.boolean(),
});
export type SessionResponse = z.infer<typeof sessionResponse>;

/** A code from the authenticator app (6 digits) or a recovery code; spaces and dashes are ignored. */
export const twoFactorCode = z
  .string()
  .trim()
  .min(1, { message: 'required' })
  .max(40, { message: 'too_long' });

/**
 * The password was right but the account has two-step verification (answered with 202): the challenge goes back
 * with a code to `POST /api/auth/login/two-factor` within five minutes.
 */
export const twoFactorChallenge = z.object({ twoFactorRequired: z.literal(true), challenge: z.string() });
export type TwoFactorChallenge = z.infer<typeof twoFactorChallenge>;

export const loginSecondStep = z.object({
  challenge: z.string().min(1, { message: 'required' }).max(200, { message: 'too_long' }),
  code: twoFactorCode,
});
export type LoginSecondStep = z.input<typeof loginSecondStep>;

/** How the user logs in: whether two-step verification is on, and whether single sign-on is linked. */
export const twoFactorStatus = z.object({
  enabled: z.boolean(),
  enabledAt: z.string().nullable(),
  recoveryCodesLeft: z.number().int(),
  singleSignOn: z.boolean(),
});
export type TwoFactorStatus = z.infer<typeof twoFactorStatus>;

/** A new secret to add to an authenticator app: as a QR code (an SVG data URL) and as text to type. */
export const twoFactorEnrolment = z.object({ secret: z.string(), uri: z.string(), qrCode: z.string() });
export type TwoFactorEnrolment = z.infer<typeof twoFactorEnrolment>;

export const twoFactorConfirmation = z.object({ code: twoFactorCode });
export type TwoFactorConfirmation = z.input<typeof twoFactorConfirmation>;

/** Shown once, when two-step verification is turned on; only their hashes are kept. */
export const recoveryCodeList = z.object({ recoveryCodes: z.array(z.string()) });

/** Turning two-step verification off needs the password or a current code. */
export const twoFactorDisable = z.object({
  password: z.string().max(1000, { message: 'too_long' }).optional(),
  code: z.string().trim().max(40, { message: 'too_long' }).optional(),
});
export type TwoFactorDisable = z.input<typeof twoFactorDisable>;

/** What the login page offers besides email and password. */
export const loginMethods = z.object({ singleSignOn: z.boolean() });
export type LoginMethods = z.infer<typeof loginMethods>;
export const singleSignOnStartQuery = z.object({ next: z.string().max(500).optional() });
export const singleSignOnCallbackQuery = z.record(z.string(), z.union([z.string(), z.array(z.string())]));

/**
 * A password someone sets: at least 12 characters (OWASP ASVS), no rules on character classes and no forced
 * rotation. The server also refuses easily guessed ones (`weak_password`), with a list too large for the browser.
 */
export const newPassword = z.string().min(12, { message: 'too_short' }).max(200, { message: 'too_long' });

export const userInput = z.object({
  name: requiredText(200),
  email: z.email({ message: 'invalid_email' }).max(200, { message: 'too_long' }),
  role: z.enum(roles, { message: 'invalid_choice' }),
  centreIds: z.array(id).min(1, { message: 'required' }),
  password: newPassword,
});
export type UserInput = z.input<typeof userInput>;

export const userUpdate = z.object({
  name: requiredText(200).optional(),
  role: z.enum(roles, { message: 'invalid_choice' }).optional(),
  centreIds: z.array(id).min(1, { message: 'required' }).optional(),
  disabled: z.boolean().optional(),
  /** A new password set by the administrator (the user forgot theirs); ends the user's sessions. */
  password: newPassword.optional(),
  /** The user lost their authenticator and recovery codes: two-step verification is turned off. */
  resetTwoFactor: z.literal(true, { message: 'invalid_value' }).optional(),
});

export const passwordChange = z.object({
  currentPassword: z.string().min(1, { message: 'required' }).max(1000, { message: 'too_long' }),
  newPassword,
});
export type PasswordChange = z.input<typeof passwordChange>;

/** One of the user's own sessions (a browser where they are logged in). */
export const ownSession = z.object({
  /** The hash of the session's token: names it without giving it away. */
  id: z.string(),
  createdAt: z.string(),
  lastSeenAt: z.string(),
  userAgent: z.string().nullable(),
  current: z.boolean(),
});
export const ownSessionList = z.object({ items: z.array(ownSession) });
export type OwnSession = z.infer<typeof ownSession>;
export const sessionParams = z.object({
  id: z.string().regex(/^[0-9a-f]{64}$/, { message: 'invalid_format' }),
});

export const user = z.object({
  id,
  name: z.string(),
  email: z.string(),
  role: z.enum(roles),
  centreIds: z.array(id),
  disabled: z.boolean(),
  twoFactor: z.boolean(),
  singleSignOn: z.boolean(),
  createdAt: z.string(),
});
export type User = z.infer<typeof user>;
export const userList = z.object({ items: z.array(user) });

export const accessLogEntry = z.object({
  id: z.number().int(),
  at: z.string(),
  userId: id,
  userName: z.string(),
  role: z.enum(roles),
  centreName: z.string().nullable(),
  action: z.string(),
  what: z.string(),
});
export const accessLogList = z.object({ items: z.array(accessLogEntry), total: z.number().int() });

/** What one user accessed: a period (days in Europe/Stockholm, both included), a page, or the whole period as a file. */
export const userAccessLogQuery = pageQuery.extend({
  from: isoDate.optional(),
  to: isoDate.optional(),
  format: z.enum(['json', 'csv', 'xlsx'], { message: 'invalid_choice' }).default('json'),
});

/**
 * One access by a user. A protected person the administrator is not assigned to has no name and no id here:
 * only `protectedIdentity`, so the log of a colleague does not reveal who the person is.
 */
export const userAccessLogEntry = z.object({
  id: z.number().int(),
  at: z.string(),
  role: z.enum(roles),
  centreName: z.string().nullable(),
  action: z.string(),
  what: z.string(),
  participantId: id.nullable(),
  participantName: z.string().nullable(),
  protectedIdentity: z.boolean(),
  /** The administrator may open the participant (visible to them). */
  linkable: z.boolean(),
});
export const userAccessLogList = z.object({ items: z.array(userAccessLogEntry), total: z.number().int() });
export type UserAccessLogList = z.infer<typeof userAccessLogList>;

export const participantAccessLogQuery = pageQuery.extend({
  format: z.enum(['json', 'csv', 'xlsx'], { message: 'invalid_choice' }).default('json'),
});
