import { createHash, randomInt } from 'node:crypto';
import { Secret, TOTP } from 'otpauth';
import QRCode from 'qrcode';
import { AppError, fieldError } from '../../../core/errors.ts';
import type {
  TwoFactorDisable,
  TwoFactorEnrolment,
  TwoFactorStatus,
} from '../../../core/schemas/auth.schema.ts';
import type { Db, Executor } from '../../db/client.ts';
import type { Actor } from './actor.ts';
import { deleteUserSessions } from './auth.repo.ts';
import { verifyPassword } from './password.ts';
import * as repo from './two-factor.repo.ts';

// What authenticator apps expect (RFC 6238 as Google Authenticator, Microsoft Authenticator and others read it).
const period = 30;
const digits = 6;
const algorithm = 'SHA1';
/** A code of the step before or after the current one is accepted too: phones' clocks drift. */
const window = 1;
export const challengeLifetimeMs = 5 * 60_000;
export const challengeMaxAttempts = 5;
const recoveryCodeCount = 10;
// No 0/o, 1/l/i: a recovery code is read from paper.
const recoveryAlphabet = 'abcdefghjkmnpqrstuvwxyz23456789';

function totpOf(secret: string, email: string): TOTP {
  return new TOTP({
    issuer: 'Stegvis',
    label: email,
    algorithm,
    digits,
    period,
    secret: Secret.fromBase32(secret),
  });
}

/** Spaces and dashes do not count, nor case: "123 456" and "ABCDE-12345" are read as typed on paper. */
function normalise(code: string): string {
  return code.replace(/[\s-]/g, '').toLowerCase();
}

function hashCode(code: string): string {
  return createHash('sha256').update(normalise(code)).digest('hex');
}

/** The time step whose code this is (within the window around now), or null. */
export function stepOf(secret: string, code: string, now: Date): number | null {
  const token = normalise(code);
  if (!/^\d{6}$/.test(token)) return null;
  const delta = TOTP.validate({
    token,
    secret: Secret.fromBase32(secret),
    algorithm,
    digits,
    period,
    timestamp: now.getTime(),
    window,
  });
  if (delta === null) return null;
  return TOTP.counter({ period, timestamp: now.getTime() }) + delta;
}

/** Ten new recovery codes in place of the user's old ones; only their hashes are stored. */
async function replaceRecoveryCodes(tx: Executor, userId: string): Promise<string[]> {
  const codes = Array.from({ length: recoveryCodeCount }, () => {
    const chars = Array.from({ length: 10 }, () => recoveryAlphabet[randomInt(recoveryAlphabet.length)]);
    return `${chars.slice(0, 5).join('')}-${chars.slice(5).join('')}`;
  });
  await repo.replaceRecoveryCodes(tx, userId, codes.map(hashCode));
  return codes;
}

/**
 * Accepts a code from the app newer than the last one accepted (so a code seen over a shoulder cannot be used
 * again within its 90 seconds), which then becomes the last one; inside the caller's transaction, which must hold
 * the user's row lock.
 */
async function acceptAppCode(
  tx: Executor,
  user: { id: string; totpSecret: string; totpLastStep: number | null },
  code: string,
  now: Date,
): Promise<boolean> {
  const step = stepOf(user.totpSecret, code, now);
  if (step === null || (user.totpLastStep !== null && step <= user.totpLastStep)) return false;
  await repo.setLastStep(tx, user.id, step);
  return true;
}

/**
 * Checks a second factor for a user with two-step verification, inside the caller's transaction (which must
 * hold the user's row lock): a TOTP code newer than the last one accepted (so a code seen over a shoulder cannot
 * be used again within its 90 seconds), or an unused recovery code, which is then used up.
 */
export async function checkSecondFactor(
  tx: Executor,
  user: { id: string; totpSecret: string | null; totpLastStep: number | null },
  code: string,
  now: Date,
): Promise<'totp' | 'recovery' | null> {
  if (!user.totpSecret) return null;
  if (await acceptAppCode(tx, { ...user, totpSecret: user.totpSecret }, code, now)) return 'totp';
  // A recovery code has ten characters, so a six-digit code the app showed before is not one.
  if (normalise(code).length !== 10) return null;
  if (!(await repo.spendRecoveryCode(tx, user.id, hashCode(code), now))) return null;
  await repo.logSecurityEvent(tx, { userId: user.id, kind: 'recovery_code_used' });
  return 'recovery';
}

export async function status(db: Db, actor: Actor): Promise<TwoFactorStatus> {
  const user = await repo.findTwoFactor(db, actor.userId);
  if (!user) throw new AppError('UNAUTHENTICATED');
  return {
    enabled: user.totpSecret !== null,
    enabledAt: user.totpEnabledAt?.toISOString() ?? null,
    recoveryCodesLeft: user.totpSecret ? await repo.countUnusedRecoveryCodes(db, actor.userId) : 0,
    singleSignOn: user.oidcSubject !== null,
  };
}

/** A new secret for the user's authenticator app; two-step verification is on only once a code confirms it. */
export async function startEnrolment(db: Db, actor: Actor): Promise<TwoFactorEnrolment> {
  const user = await repo.findTwoFactor(db, actor.userId);
  if (!user) throw new AppError('UNAUTHENTICATED');
  if (user.totpSecret) throw new AppError('TWO_FACTOR_ALREADY_ENABLED');
  const secret = new Secret({ size: 20 }).base32;
  await repo.setPendingSecret(db, actor.userId, secret);
  const uri = totpOf(secret, user.email).toString();
  const svg = await QRCode.toString(uri, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
  return { secret, uri, qrCode: `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}` };
}

/** The user's two-step facts, their row locked for the rest of the transaction. */
async function lockedUser(tx: Executor, userId: string) {
  await repo.lockUser(tx, userId);
  const user = await repo.findTwoFactor(tx, userId);
  if (!user) throw new AppError('UNAUTHENTICATED');
  return user;
}

/**
 * The user proves the app holds the secret: two-step verification is on, the user's other sessions end, and
 * ten recovery codes are returned — the only time they are ever shown.
 */
export async function confirmEnrolment(
  db: Db,
  actor: Actor,
  code: string,
  now: Date = new Date(),
): Promise<{ recoveryCodes: string[] }> {
  return db.transaction(async (tx) => {
    const user = await lockedUser(tx, actor.userId);
    if (user.totpSecret) throw new AppError('TWO_FACTOR_ALREADY_ENABLED');
    if (!user.totpPendingSecret) throw new AppError('TWO_FACTOR_NOT_STARTED');
    const step = stepOf(user.totpPendingSecret, code, now);
    if (step === null) throw fieldError('code', 'wrong_code');
    await repo.enable(tx, actor.userId, user.totpPendingSecret, step, now);
    const recoveryCodes = await replaceRecoveryCodes(tx, actor.userId);
    await deleteUserSessions(tx, actor.userId, actor.sessionId);
    await repo.logSecurityEvent(tx, { userId: actor.userId, kind: 'totp_enabled' });
    return { recoveryCodes };
  });
}

/** The user turns two-step verification off, proving it is them with their password or a current code. */
export async function disable(
  db: Db,
  actor: Actor,
  input: TwoFactorDisable,
  now: Date = new Date(),
): Promise<void> {
  const user = await repo.findTwoFactor(db, actor.userId);
  if (!user) throw new AppError('UNAUTHENTICATED');
  if (!user.totpSecret) throw new AppError('TWO_FACTOR_NOT_ENABLED');
  const password = input.password ?? '';
  const code = input.code?.trim() ?? '';
  if (password === '' && code === '') throw fieldError('password', 'required');
  if (password !== '' && !(await verifyPassword(user.passwordHash, password)))
    throw fieldError('password', 'wrong_password');
  const refused = await db.transaction(async (tx) => {
    await repo.lockUser(tx, actor.userId);
    const current = await repo.findTwoFactor(tx, actor.userId);
    if (!current?.totpSecret) throw new AppError('TWO_FACTOR_NOT_ENABLED');
    if (password === '') {
      const factor = await checkSecondFactor(
        tx,
        { id: actor.userId, totpSecret: current.totpSecret, totpLastStep: current.totpLastStep },
        code,
        now,
      );
      if (!factor) return true;
    }
    await repo.disable(tx, actor.userId);
    await repo.logSecurityEvent(tx, { userId: actor.userId, kind: 'totp_disabled' });
    return false;
  });
  if (refused) throw fieldError('code', 'wrong_code');
}

/**
 * New recovery codes for a user who has used or lost the old ones: a current code from the app proves it is
 * them, the old codes stop working, and the new ones are returned, the only time they are ever shown.
 */
export async function renewRecoveryCodes(
  db: Db,
  actor: Actor,
  code: string,
  now: Date = new Date(),
): Promise<{ recoveryCodes: string[] }> {
  return db.transaction(async (tx) => {
    const user = await lockedUser(tx, actor.userId);
    if (!user.totpSecret) throw new AppError('TWO_FACTOR_NOT_ENABLED');
    // The app's code only: a recovery code cannot make new ones.
    const accepted = await acceptAppCode(
      tx,
      { id: actor.userId, totpSecret: user.totpSecret, totpLastStep: user.totpLastStep },
      code,
      now,
    );
    if (!accepted) throw fieldError('code', 'wrong_code');
    const recoveryCodes = await replaceRecoveryCodes(tx, actor.userId);
    await repo.logSecurityEvent(tx, { userId: actor.userId, kind: 'recovery_codes_renewed' });
    return { recoveryCodes };
  });
}

/** An administrator turns a user's two-step verification off (a lost phone), in the caller's transaction. */
export async function reset(tx: Executor, actor: Actor, userId: string): Promise<void> {
  await repo.disable(tx, userId);
  await repo.logSecurityEvent(tx, { userId, kind: 'totp_reset', actorId: actor.userId });
}
