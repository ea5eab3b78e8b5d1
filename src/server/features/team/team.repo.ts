import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { centres, enrolments, participantStaff, userCentres, users } from '../../db/schema.ts';

export async function members(db: Executor, participantId: string) {
  return db
    .select({
      userId: users.id,
      name: users.name,
      role: users.role,
      isContact: participantStaff.isContact,
    })
    .from(participantStaff)
    .innerJoin(users, eq(users.id, participantStaff.userId))
    .where(eq(participantStaff.participantId, participantId))
    .orderBy(sql`${participantStaff.isContact} desc`, asc(users.name), asc(users.id));
}

export async function member(db: Executor, participantId: string, userId: string) {
  const [row] = await db
    .select({ isContact: participantStaff.isContact })
    .from(participantStaff)
    .where(and(eq(participantStaff.participantId, participantId), eq(participantStaff.userId, userId)));
  return row ?? null;
}

/**
 * Whether an active account belongs to a centre the participant belongs to: the home centre or the centre
 * of one of their enrolments.
 */
export async function sharesCentre(
  db: Executor,
  participantId: string,
  homeCentreId: string,
  userId: string,
) {
  const rows = await db
    .select({ userId: userCentres.userId })
    .from(userCentres)
    .innerJoin(users, eq(users.id, userCentres.userId))
    .where(
      and(
        eq(userCentres.userId, userId),
        isNull(users.disabledAt),
        sql`(${userCentres.centreId} = ${homeCentreId} or ${userCentres.centreId} in
          (select e.centre_id from ${enrolments} e where e.participant_id = ${participantId}))`,
      ),
    )
    .limit(1);
  return rows.length > 0;
}

/** Adds a member; false when they already were one. */
export async function add(db: Executor, participantId: string, userId: string): Promise<boolean> {
  const rows = await db
    .insert(participantStaff)
    .values({ participantId, userId, isContact: false })
    .onConflictDoNothing()
    .returning({ userId: participantStaff.userId });
  return rows.length > 0;
}

/** Makes `userId` the participant's one contact person. */
export async function makeContact(db: Executor, participantId: string, userId: string): Promise<void> {
  await db
    .update(participantStaff)
    .set({ isContact: sql`${participantStaff.userId} = ${userId}` })
    .where(eq(participantStaff.participantId, participantId));
}

export async function remove(db: Executor, participantId: string, userId: string): Promise<void> {
  await db
    .delete(participantStaff)
    .where(and(eq(participantStaff.participantId, participantId), eq(participantStaff.userId, userId)));
}

export async function findCentre(db: Executor, centreId: string) {
  const [row] = await db.select({ id: centres.id }).from(centres).where(eq(centres.id, centreId));
  return row ?? null;
}

export async function staffOfCentre(db: Executor, centreId: string) {
  return db
    .select({ userId: users.id, name: users.name, role: users.role })
    .from(userCentres)
    .innerJoin(users, eq(users.id, userCentres.userId))
    .where(and(eq(userCentres.centreId, centreId), isNull(users.disabledAt)))
    .orderBy(asc(users.name), asc(users.id));
}
