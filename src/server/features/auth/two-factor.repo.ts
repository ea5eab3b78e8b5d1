import { and, count, eq, isNull, lt } from 'drizzle-orm';
import type { SecurityEventKind } from '../../../core/enums.ts';
import type { Executor } from '../../db/client.ts';
import { loginChallenges, recoveryCodes, securityEvents, users } from '../../db/schema.ts';

export async function findTwoFactor(db: Executor, userId: string) {
  const [row] = await db
    .select({
      email: users.email,
      passwordHash: users.passwordHash,
      disabledAt: users.disabledAt,
      totpSecret: users.totpSecret,
      totpPendingSecret: users.totpPendingSecret,
      totpLastStep: users.totpLastStep,
      totpEnabledAt: users.totpEnabledAt,
      oidcSubject: users.oidcSubject,
    })
    .from(users)
    .where(eq(users.id, userId));
  return row ?? null;
}

/** Locks the user's row for the rest of the transaction, so two codes checked at once cannot both pass. */
export async function lockUser(db: Executor, userId: string) {
  await db.select({ id: users.id }).from(users).where(eq(users.id, userId)).for('update');
}

export async function setPendingSecret(db: Executor, userId: string, secret: string) {
  await db.update(users).set({ totpPendingSecret: secret }).where(eq(users.id, userId));
}

export async function enable(db: Executor, userId: string, secret: string, step: number, at: Date) {
  await db
    .update(users)
    .set({
      totpSecret: secret,
      totpPendingSecret: null,
      totpLastStep: step,
      totpEnabledAt: at,
      updatedAt: at,
    })
    .where(eq(users.id, userId));
}

export async function setLastStep(db: Executor, userId: string, step: number) {
  await db.update(users).set({ totpLastStep: step }).where(eq(users.id, userId));
}

/** Turns two-step verification off: the secret and every recovery code are gone. */
export async function disable(db: Executor, userId: string) {
  await db
    .update(users)
    .set({
      totpSecret: null,
      totpPendingSecret: null,
      totpLastStep: null,
      totpEnabledAt: null,
      updatedAt: new Date(),
    })
    .where(eq(users.id, userId));
  await db.delete(recoveryCodes).where(eq(recoveryCodes.userId, userId));
  await db.delete(loginChallenges).where(eq(loginChallenges.userId, userId));
}

export async function replaceRecoveryCodes(db: Executor, userId: string, hashes: string[]) {
  await db.delete(recoveryCodes).where(eq(recoveryCodes.userId, userId));
  await db.insert(recoveryCodes).values(hashes.map((codeHash) => ({ userId, codeHash })));
}

/** Marks an unused recovery code of the user as used; true when there was one. */
export async function spendRecoveryCode(db: Executor, userId: string, codeHash: string, at: Date) {
  const used = await db
    .update(recoveryCodes)
    .set({ usedAt: at })
    .where(
      and(
        eq(recoveryCodes.userId, userId),
        eq(recoveryCodes.codeHash, codeHash),
        isNull(recoveryCodes.usedAt),
      ),
    )
    .returning({ id: recoveryCodes.id });
  return used.length > 0;
}

export async function countUnusedRecoveryCodes(db: Executor, userId: string): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(recoveryCodes)
    .where(and(eq(recoveryCodes.userId, userId), isNull(recoveryCodes.usedAt)));
  return row?.n ?? 0;
}

export async function insertChallenge(db: Executor, values: { id: string; userId: string; expiresAt: Date }) {
  await db.insert(loginChallenges).values(values);
}

export async function findChallenge(db: Executor, id: string) {
  const [row] = await db.select().from(loginChallenges).where(eq(loginChallenges.id, id)).for('update');
  return row ?? null;
}

export async function countAttempt(db: Executor, id: string, attempts: number) {
  await db.update(loginChallenges).set({ attempts }).where(eq(loginChallenges.id, id));
}

export async function deleteChallenge(db: Executor, id: string) {
  await db.delete(loginChallenges).where(eq(loginChallenges.id, id));
}

export async function deleteExpiredChallenges(db: Executor, now: Date) {
  await db.delete(loginChallenges).where(lt(loginChallenges.expiresAt, now));
}

export async function logSecurityEvent(
  db: Executor,
  event: { userId: string; kind: SecurityEventKind; actorId?: string | null },
) {
  await db
    .insert(securityEvents)
    .values({ userId: event.userId, kind: event.kind, actorId: event.actorId ?? null });
}
