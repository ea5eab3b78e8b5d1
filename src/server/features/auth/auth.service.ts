import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { LoginMethod, Role } from '../../../core/enums.ts';
import { AppError, fieldError } from '../../../core/errors.ts';
import type { OwnSession, PasswordChange, SessionResponse } from '../../../core/schemas/auth.schema.ts';
import type { Db, Executor } from '../../db/client.ts';
import type { Actor } from './actor.ts';
import * as repo from './auth.repo.ts';
import { dummyVerify, hashPassword, verifyPassword } from './password.ts';
import { refuseWeakPassword } from './password-policy.ts';
import { deleteExpiredLogins } from './sso.repo.ts';
import * as twoFactorRepo from './two-factor.repo.ts';
import { challengeLifetimeMs, challengeMaxAttempts, checkSecondFactor } from './two-factor.service.ts';

export type SessionPolicy = {
  idleMinutes: number;
  absoluteHours: number;
  /** Roles whose password sessions may only turn on two-step verification until it is on. */
  twoFactorRoles?: readonly Role[];
};

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export function safeEqual(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

export type OpenedSession = { token: string; sessionId: string; userId: string };

/**
 * Checks the password and opens a session; returns the cookie token, which is stored only as its hash. For an
 * account with two-step verification it opens no session but returns a challenge for the second step.
 */
export async function login(
  db: Db,
  input: { email: string; password: string; userAgent: string | null },
  now: Date = new Date(),
): Promise<({ kind: 'session' } & OpenedSession) | { kind: 'challenge'; challenge: string }> {
  const user = await repo.findUserByEmail(db, input.email);
  if (!user || user.disabledAt) {
    await dummyVerify(input.password);
    throw new AppError('INVALID_CREDENTIALS');
  }
  if (!(await verifyPassword(user.passwordHash, input.password))) throw new AppError('INVALID_CREDENTIALS');
  if (user.totpSecret) {
    const challenge = randomBytes(32).toString('base64url');
    await twoFactorRepo.deleteExpiredChallenges(db, now);
    await twoFactorRepo.insertChallenge(db, {
      id: hashToken(challenge),
      userId: user.id,
      expiresAt: new Date(now.getTime() + challengeLifetimeMs),
    });
    return { kind: 'challenge', challenge };
  }
  return { kind: 'session', ...(await openSession(db, user.id, input.userAgent, 'password')) };
}

/** A new server-side session for the user: the token goes in the cookie, its hash in the table. */
export async function openSession(
  db: Executor,
  userId: string,
  userAgent: string | null,
  method: LoginMethod,
): Promise<OpenedSession> {
  const token = randomBytes(32).toString('base64url');
  const sessionId = hashToken(token);
  await repo.insertSession(db, {
    id: sessionId,
    userId,
    csrfToken: randomBytes(32).toString('base64url'),
    userAgent: userAgent?.slice(0, 300) ?? null,
    method,
  });
  return { token, sessionId, userId };
}

/**
 * The second step of a login with two-step verification: the challenge from the first step and a code. A wrong
 * code counts against the challenge; after five, or five minutes, the login starts over from the password.
 */
export async function completeTwoFactorLogin(
  db: Db,
  input: { challenge: string; code: string; userAgent: string | null },
  now: Date = new Date(),
): Promise<OpenedSession> {
  const outcome = await db.transaction(async (tx) => {
    const challenge = await twoFactorRepo.findChallenge(tx, hashToken(input.challenge));
    if (!challenge) return 'expired' as const;
    if (challenge.expiresAt.getTime() < now.getTime() || challenge.attempts >= challengeMaxAttempts) {
      await twoFactorRepo.deleteChallenge(tx, challenge.id);
      return 'expired' as const;
    }
    await twoFactorRepo.lockUser(tx, challenge.userId);
    const user = await twoFactorRepo.findTwoFactor(tx, challenge.userId);
    if (!user || user.disabledAt || !user.totpSecret) {
      await twoFactorRepo.deleteChallenge(tx, challenge.id);
      return 'expired' as const;
    }
    const factor = await checkSecondFactor(
      tx,
      { id: challenge.userId, totpSecret: user.totpSecret, totpLastStep: user.totpLastStep },
      input.code,
      now,
    );
    if (!factor) {
      await twoFactorRepo.countAttempt(tx, challenge.id, challenge.attempts + 1);
      return 'wrong' as const;
    }
    await twoFactorRepo.deleteChallenge(tx, challenge.id);
    return openSession(tx, challenge.userId, input.userAgent, 'password');
  });
  if (outcome === 'expired') throw new AppError('LOGIN_CHALLENGE_EXPIRED');
  if (outcome === 'wrong') throw fieldError('code', 'wrong_code');
  return outcome;
}

/**
 * The actor behind a cookie token, or null when there is none or it has expired
 * (idle longer than the idle timeout, or older than the absolute lifetime).
 */
export async function resolveSession(
  db: Db,
  token: string,
  policy: SessionPolicy,
  now: Date = new Date(),
): Promise<{ actor: Actor; csrfToken: string; mustEnrolTwoFactor: boolean } | null> {
  const session = await repo.findSession(db, hashToken(token));
  if (!session) return null;
  const idleExpired = now.getTime() - session.lastSeenAt.getTime() > policy.idleMinutes * 60_000;
  const absoluteExpired = now.getTime() - session.createdAt.getTime() > policy.absoluteHours * 3_600_000;
  if (idleExpired || absoluteExpired) {
    await repo.deleteSession(db, session.id);
    return null;
  }
  // Writing on every request would make each read a write; a minute's precision is enough for a 30-minute timeout.
  if (now.getTime() - session.lastSeenAt.getTime() > 60_000) await repo.touchSession(db, session.id, now);
  return {
    csrfToken: session.csrfToken,
    // Single sign-on leaves the second factor to the identity provider.
    mustEnrolTwoFactor:
      session.method === 'password' &&
      !session.hasTwoFactor &&
      (policy.twoFactorRoles ?? []).includes(session.role),
    actor: {
      userId: session.userId,
      sessionId: session.id,
      name: session.name,
      email: session.email,
      role: session.role,
      organisationId: session.organisationId,
      centreIds: session.centreIds,
    },
  };
}

export async function logout(db: Db, actor: Actor): Promise<void> {
  await repo.deleteSession(db, actor.sessionId);
}

export async function sessionInfo(
  db: Db,
  actor: Actor,
  csrfToken: string,
  mustEnrolTwoFactor: boolean,
): Promise<SessionResponse> {
  const user = await repo.findSessionUser(db, actor.userId);
  if (!user) throw new AppError('UNAUTHENTICATED');
  return { user, csrfToken, mustEnrolTwoFactor };
}

export async function purgeExpiredSessions(
  db: Db,
  policy: SessionPolicy,
  now: Date = new Date(),
): Promise<void> {
  await repo.deleteExpiredSessions(
    db,
    new Date(now.getTime() - policy.idleMinutes * 60_000),
    new Date(now.getTime() - policy.absoluteHours * 3_600_000),
  );
  await twoFactorRepo.deleteExpiredChallenges(db, now);
  await deleteExpiredLogins(db, now);
}

/**
 * The user changes their own password, proving they know the current one. Every other session of theirs ends
 * (a changed password is often the answer to a suspicion); this one goes on.
 */
export async function changePassword(db: Db, actor: Actor, input: PasswordChange): Promise<void> {
  const hash = await repo.findPasswordHash(db, actor.userId);
  if (!hash) throw new AppError('UNAUTHENTICATED');
  if (!(await verifyPassword(hash, input.currentPassword)))
    throw fieldError('currentPassword', 'wrong_password');
  if (input.newPassword === input.currentPassword) throw fieldError('newPassword', 'same_password');
  refuseWeakPassword(input.newPassword, [actor.email, actor.name], 'newPassword');
  const newHash = await hashPassword(input.newPassword);
  await db.transaction(async (tx) => {
    await repo.setPasswordHash(tx, actor.userId, newHash);
    await repo.deleteUserSessions(tx, actor.userId, actor.sessionId);
  });
}

/** Where the user is logged in: their sessions within the timeouts, this one marked. */
export async function ownSessions(
  db: Db,
  actor: Actor,
  policy: SessionPolicy,
  now: Date = new Date(),
): Promise<OwnSession[]> {
  const rows = await repo.listUserSessions(
    db,
    actor.userId,
    new Date(now.getTime() - policy.idleMinutes * 60_000),
    new Date(now.getTime() - policy.absoluteHours * 3_600_000),
  );
  return rows.map((r) => ({
    id: r.id,
    createdAt: r.createdAt.toISOString(),
    lastSeenAt: r.lastSeenAt.toISOString(),
    userAgent: r.userAgent,
    current: r.id === actor.sessionId,
  }));
}

/** Ends one of the user's own sessions (a browser left logged in elsewhere); someone else's is not found. */
export async function endOwnSession(db: Db, actor: Actor, sessionId: string): Promise<void> {
  if (!(await repo.deleteOwnSession(db, actor.userId, sessionId))) throw new AppError('NOT_FOUND');
}
