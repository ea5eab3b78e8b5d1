import { and, eq, isNull, lt, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { oidcLogins, users } from '../../db/schema.ts';

export async function insertLogin(
  db: Executor,
  values: { id: string; codeVerifier: string; nonce: string; next: string; expiresAt: Date },
) {
  await db.insert(oidcLogins).values(values);
}

/** Takes the login started with this state: it can be finished once. */
export async function takeLogin(db: Executor, id: string) {
  const [row] = await db.delete(oidcLogins).where(eq(oidcLogins.id, id)).returning();
  return row ?? null;
}

export async function deleteExpiredLogins(db: Executor, now: Date) {
  await db.delete(oidcLogins).where(lt(oidcLogins.expiresAt, now));
}

const account = {
  id: users.id,
  disabledAt: users.disabledAt,
  oidcIssuer: users.oidcIssuer,
  oidcSubject: users.oidcSubject,
};

export async function findUserBySubject(db: Executor, issuer: string, subject: string) {
  const [row] = await db
    .select(account)
    .from(users)
    .where(and(eq(users.oidcIssuer, issuer), eq(users.oidcSubject, subject)));
  return row ?? null;
}

export async function findUserByEmail(db: Executor, email: string) {
  const [row] = await db
    .select(account)
    .from(users)
    .where(sql`lower(${users.email}) = ${email.trim().toLowerCase()}`);
  return row ?? null;
}

/** Links the account to the provider's subject, unless it is linked already. */
export async function linkSubject(db: Executor, userId: string, issuer: string, subject: string) {
  const linked = await db
    .update(users)
    .set({ oidcIssuer: issuer, oidcSubject: subject, updatedAt: new Date() })
    .where(and(eq(users.id, userId), isNull(users.oidcSubject)))
    .returning({ id: users.id });
  return linked.length > 0;
}
