import { and, desc, eq, gte, isNull, lt, ne, or, sql } from 'drizzle-orm';
import type { LoginMethod } from '../../../core/enums.ts';
import type { Executor } from '../../db/client.ts';
import { centres, organisations, sessions, userCentres, users } from '../../db/schema.ts';

export async function findUserByEmail(db: Executor, email: string) {
  const [user] = await db
    .select()
    .from(users)
    .where(sql`lower(${users.email}) = ${email.trim().toLowerCase()}`);
  return user ?? null;
}

export async function insertSession(
  db: Executor,
  session: {
    id: string;
    userId: string;
    csrfToken: string;
    userAgent: string | null;
    method: LoginMethod;
  },
) {
  await db.insert(sessions).values(session);
}

/** The session with its user, if the user is still enabled. */
export async function findSession(db: Executor, id: string) {
  const [row] = await db
    .select({
      id: sessions.id,
      csrfToken: sessions.csrfToken,
      createdAt: sessions.createdAt,
      lastSeenAt: sessions.lastSeenAt,
      userId: users.id,
      name: users.name,
      email: users.email,
      role: users.role,
      organisationId: users.organisationId,
      method: sessions.method,
      hasTwoFactor: sql<boolean>`${users.totpSecret} is not null`,
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(and(eq(sessions.id, id), isNull(users.disabledAt)));
  if (!row) return null;
  const centreRows = await db
    .select({ centreId: userCentres.centreId })
    .from(userCentres)
    .where(eq(userCentres.userId, row.userId));
  return { ...row, centreIds: centreRows.map((c) => c.centreId) };
}

export async function touchSession(db: Executor, id: string, at: Date) {
  await db.update(sessions).set({ lastSeenAt: at }).where(eq(sessions.id, id));
}

export async function deleteSession(db: Executor, id: string) {
  await db.delete(sessions).where(eq(sessions.id, id));
}

export async function deleteUserSessions(db: Executor, userId: string, except?: string) {
  await db
    .delete(sessions)
    .where(and(eq(sessions.userId, userId), except ? ne(sessions.id, except) : undefined));
}

/** The user's sessions still within both timeouts, the most recently used first. */
export async function listUserSessions(db: Executor, userId: string, idleAfter: Date, createdAfter: Date) {
  return db
    .select({
      id: sessions.id,
      createdAt: sessions.createdAt,
      lastSeenAt: sessions.lastSeenAt,
      userAgent: sessions.userAgent,
    })
    .from(sessions)
    .where(
      and(
        eq(sessions.userId, userId),
        gte(sessions.lastSeenAt, idleAfter),
        gte(sessions.createdAt, createdAfter),
      ),
    )
    .orderBy(desc(sessions.lastSeenAt), sessions.id);
}

/** Deletes the session if it is the user's; true when it was. */
export async function deleteOwnSession(db: Executor, userId: string, id: string): Promise<boolean> {
  const deleted = await db
    .delete(sessions)
    .where(and(eq(sessions.id, id), eq(sessions.userId, userId)))
    .returning({ id: sessions.id });
  return deleted.length > 0;
}

export async function findPasswordHash(db: Executor, userId: string) {
  const [row] = await db.select({ passwordHash: users.passwordHash }).from(users).where(eq(users.id, userId));
  return row?.passwordHash ?? null;
}

export async function setPasswordHash(db: Executor, userId: string, passwordHash: string) {
  await db.update(users).set({ passwordHash, updatedAt: new Date() }).where(eq(users.id, userId));
}

export async function deleteExpiredSessions(db: Executor, idleBefore: Date, createdBefore: Date) {
  await db
    .delete(sessions)
    .where(or(lt(sessions.lastSeenAt, idleBefore), lt(sessions.createdAt, createdBefore)));
}

export async function findSessionUser(db: Executor, userId: string) {
  const [row] = await db
    .select({
      id: users.id,
      name: users.name,
      email: users.email,
      role: users.role,
      organisationId: users.organisationId,
      organisationName: organisations.name,
    })
    .from(users)
    .innerJoin(organisations, eq(organisations.id, users.organisationId))
    .where(eq(users.id, userId));
  if (!row) return null;
  const userCentreRows = await db
    .select({
      id: centres.id,
      name: centres.name,
      organisationId: centres.organisationId,
      municipalityCode: centres.municipalityCode,
    })
    .from(userCentres)
    .innerJoin(centres, eq(centres.id, userCentres.centreId))
    .where(eq(userCentres.userId, userId))
    .orderBy(centres.name);
  return { ...row, centres: userCentreRows };
}
