import { and, asc, count, eq, inArray, isNull, lt, type SQL, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Executor } from '../../db/client.ts';
import {
  centres,
  enrolments,
  followUpAttempts,
  followUps,
  participants,
  programmes,
  users,
} from '../../db/schema.ts';
import type { Actor } from '../auth/actor.ts';
import { visibleTo } from '../participants/participants.repo.ts';

const recorder = alias(users, 'recorder');

export async function insert(db: Executor, values: typeof followUps.$inferInsert) {
  const [row] = await db.insert(followUps).values(values).returning();
  if (!row) throw new Error('insert returned no row');
  return row;
}

/** Follow-ups of the given enrolments with who recorded them and every contact attempt, oldest first. */
export async function forEnrolments(db: Executor, enrolmentIds: readonly string[]) {
  if (enrolmentIds.length === 0) return [];
  const rows = await db
    .select({ followUp: followUps, participantId: enrolments.participantId, recordedBy: recorder.name })
    .from(followUps)
    .innerJoin(enrolments, eq(enrolments.id, followUps.enrolmentId))
    .leftJoin(recorder, eq(recorder.id, followUps.recordedBy))
    .where(inArray(followUps.enrolmentId, [...enrolmentIds]));
  const ids = rows.map((r) => r.followUp.id);
  const attempts =
    ids.length === 0
      ? []
      : await db
          .select({ attempt: followUpAttempts, attemptedBy: users.name })
          .from(followUpAttempts)
          .innerJoin(users, eq(users.id, followUpAttempts.attemptedBy))
          .where(inArray(followUpAttempts.followUpId, ids))
          .orderBy(asc(followUpAttempts.attemptedOn), asc(followUpAttempts.createdAt));
  return rows.map((r) => ({
    ...r,
    attempts: attempts.filter((a) => a.attempt.followUpId === r.followUp.id),
  }));
}
export type FollowUpJoinedRow = Awaited<ReturnType<typeof forEnrolments>>[number];

/** A follow-up with the enrolment it belongs to, or null. */
export async function findById(db: Executor, id: string) {
  const [row] = await db
    .select({ followUp: followUps, enrolment: enrolments })
    .from(followUps)
    .innerJoin(enrolments, eq(enrolments.id, followUps.enrolmentId))
    .where(eq(followUps.id, id));
  return row ?? null;
}

export async function insertAttempt(db: Executor, values: typeof followUpAttempts.$inferInsert) {
  await db.insert(followUpAttempts).values(values);
}

export async function hasUnansweredAttempt(db: Executor, followUpId: string): Promise<boolean> {
  const [row] = await db
    .select({ n: count() })
    .from(followUpAttempts)
    .where(and(eq(followUpAttempts.followUpId, followUpId), eq(followUpAttempts.reached, false)));
  return (row?.n ?? 0) > 0;
}

export async function recordVersioned(
  db: Executor,
  id: string,
  version: number,
  values: Pick<typeof followUps.$inferInsert, 'status' | 'statusOrganisation' | 'recordedOn' | 'recordedBy'>,
) {
  const [row] = await db
    .update(followUps)
    .set({ ...values, version: sql`${followUps.version} + 1`, updatedAt: new Date() })
    .where(and(eq(followUps.id, id), eq(followUps.version, version)))
    .returning();
  return row ?? null;
}

export type FollowUpListFilter = { due: 'open' | 'overdue' | 'all'; centreId?: string | undefined };

/** Follow-ups of participants the actor may see, soonest due first. */
export async function listVisible(
  db: Executor,
  actor: Actor,
  filter: FollowUpListFilter,
  today: string,
  limit: number,
  offset: number,
) {
  const conditions: SQL[] = [visibleTo(actor)];
  if (filter.due !== 'all') conditions.push(isNull(followUps.status) as SQL);
  if (filter.due === 'overdue') conditions.push(lt(followUps.dueOn, today) as SQL);
  if (filter.centreId) conditions.push(eq(enrolments.centreId, filter.centreId) as SQL);
  const where = and(...conditions);
  const items = await db
    .select({
      id: followUps.id,
      enrolmentId: enrolments.id,
      participantId: participants.id,
      centreId: participants.centreId,
      firstName: participants.firstName,
      lastName: participants.lastName,
      programmeName: programmes.name,
      centreName: centres.name,
      exitedOn: enrolments.exitedOn,
      exitOutcome: enrolments.exitOutcome,
      dueOn: followUps.dueOn,
      status: followUps.status,
      attemptCount: sql<number>`(select count(*) from ${followUpAttempts} a
        where a.follow_up_id = ${followUps.id})`.mapWith(Number),
    })
    .from(followUps)
    .innerJoin(enrolments, eq(enrolments.id, followUps.enrolmentId))
    .innerJoin(participants, eq(participants.id, enrolments.participantId))
    .innerJoin(programmes, eq(programmes.id, enrolments.programmeId))
    .innerJoin(centres, eq(centres.id, enrolments.centreId))
    .where(where)
    .orderBy(asc(followUps.dueOn), asc(participants.sortName), asc(followUps.id))
    .limit(limit)
    .offset(offset);
  const [total] = await db
    .select({ n: count() })
    .from(followUps)
    .innerJoin(enrolments, eq(enrolments.id, followUps.enrolmentId))
    .innerJoin(participants, eq(participants.id, enrolments.participantId))
    .where(where);
  return { items, total: total?.n ?? 0 };
}

/** The programme's follow-ups the actor may see, with what the goal figure needs and nothing more. */
export async function goalFigureRows(db: Executor, actor: Actor, programmeId: string) {
  return db
    .select({ legalGender: participants.legalGender, status: followUps.status })
    .from(followUps)
    .innerJoin(enrolments, eq(enrolments.id, followUps.enrolmentId))
    .innerJoin(participants, eq(participants.id, enrolments.participantId))
    .where(and(eq(enrolments.programmeId, programmeId), visibleTo(actor)));
}

export async function findProgramme(db: Executor, id: string) {
  const [row] = await db
    .select({
      id: programmes.id,
      name: programmes.name,
      goalPercent: programmes.goalPercent,
      followUpDays: programmes.followUpDays,
    })
    .from(programmes)
    .where(eq(programmes.id, id));
  return row ?? null;
}
