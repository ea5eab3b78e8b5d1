import { and, asc, desc, eq, gt, inArray, isNotNull, notExists, type SQL, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { workExitOutcomes } from '../../../core/enums.ts';
import type { Executor } from '../../db/client.ts';
import {
  actionPlans,
  activities,
  activityGroups,
  attendance,
  employerContacts,
  employers,
  enrolments,
  followUps,
  groupMembers,
  groupSessions,
  openings,
  participants,
  placementEvaluations,
  placementGoals,
  placements,
  planGoals,
  users,
} from '../../db/schema.ts';
import type { Actor } from '../auth/actor.ts';
import { memberOn } from '../groups/groups.repo.ts';
import { visibleTo } from '../participants/participants.repo.ts';

const leader = alias(users, 'leader');

const summaryColumns = {
  id: placements.id,
  enrolmentId: placements.enrolmentId,
  participantId: participants.id,
  participantCentreId: participants.centreId,
  firstName: participants.firstName,
  lastName: participants.lastName,
  protectedIdentity: participants.protectedIdentity,
  programmeId: enrolments.programmeId,
  centreId: enrolments.centreId,
  employerId: placements.employerId,
  employerName: employers.name,
  openingId: placements.openingId,
  openingTitle: openings.title,
  supervisorId: placements.supervisorId,
  supervisorName: employerContacts.name,
  groupId: placements.groupId,
  activityId: activities.id,
  activityName: activities.name,
  responsibleId: activityGroups.leaderId,
  responsibleName: leader.name,
  startsOn: placements.startsOn,
  endsOn: placements.endsOn,
  schedule: activityGroups.schedule,
  status: placements.status,
  startedOn: placements.startedOn,
  endedOn: placements.endedOn,
  endReason: placements.endReason,
  tasks: placements.tasks,
  enrolmentStepId: placements.enrolmentStepId,
  version: placements.version,
};

/** Placements of participants the actor may see, newest start first. */
export async function listPlacements(db: Executor, actor: Actor, where: SQL | undefined) {
  return db
    .select(summaryColumns)
    .from(placements)
    .innerJoin(enrolments, eq(enrolments.id, placements.enrolmentId))
    .innerJoin(participants, eq(participants.id, enrolments.participantId))
    .innerJoin(employers, eq(employers.id, placements.employerId))
    .leftJoin(openings, eq(openings.id, placements.openingId))
    .innerJoin(employerContacts, eq(employerContacts.id, placements.supervisorId))
    .innerJoin(activityGroups, eq(activityGroups.id, placements.groupId))
    .innerJoin(activities, eq(activities.id, activityGroups.activityId))
    .innerJoin(leader, eq(leader.id, activityGroups.leaderId))
    .where(and(visibleTo(actor), where))
    .orderBy(desc(placements.startsOn), asc(participants.sortName), asc(placements.id));
}
export type PlacementRow = Awaited<ReturnType<typeof listPlacements>>[number];

/** One placement with its enrolment, whoever the participant is; the service checks visibility. */
export async function findPlacement(db: Executor, id: string) {
  const [row] = await db
    .select({ placement: placements, enrolment: enrolments, group: activityGroups })
    .from(placements)
    .innerJoin(enrolments, eq(enrolments.id, placements.enrolmentId))
    .innerJoin(activityGroups, eq(activityGroups.id, placements.groupId))
    .where(eq(placements.id, id));
  return row ?? null;
}

export async function insertPlacement(db: Executor, values: typeof placements.$inferInsert) {
  const [row] = await db.insert(placements).values(values).returning({ id: placements.id });
  if (!row) throw new Error('insert returned no row');
  return row;
}

/** Saves against the version read; null when someone else saved first. */
export async function updateVersioned(
  db: Executor,
  id: string,
  version: number,
  values: Partial<typeof placements.$inferInsert>,
) {
  const [row] = await db
    .update(placements)
    .set({ ...values, version: sql`${placements.version} + 1`, updatedAt: new Date() })
    .where(and(eq(placements.id, id), eq(placements.version, version)))
    .returning({ id: placements.id });
  return row ?? null;
}

export async function setGoals(db: Executor, placementId: string, goalIds: readonly string[]) {
  await db.delete(placementGoals).where(eq(placementGoals.placementId, placementId));
  if (goalIds.length > 0)
    await db.insert(placementGoals).values(goalIds.map((goalId) => ({ placementId, goalId })));
}

export async function goalsOf(db: Executor, placementId: string) {
  return db
    .select({ id: planGoals.id, description: planGoals.description })
    .from(placementGoals)
    .innerJoin(planGoals, eq(planGoals.id, placementGoals.goalId))
    .where(eq(placementGoals.placementId, placementId))
    .orderBy(asc(planGoals.ordinal));
}

/** The contact person, if they belong to the employer. */
export async function findSupervisor(db: Executor, employerId: string, contactId: string) {
  const [row] = await db
    .select({ id: employerContacts.id, active: employerContacts.active })
    .from(employerContacts)
    .where(and(eq(employerContacts.id, contactId), eq(employerContacts.employerId, employerId)));
  return row ?? null;
}

/**
 * The opening, locked until the transaction ends: placements that take or free its places wait for each other,
 * so two at once cannot both take the last place.
 */
export async function lockOpening(db: Executor, id: string) {
  const [row] = await db.select().from(openings).where(eq(openings.id, id)).for('update');
  return row ?? null;
}

/** Placements that hold a place of the opening: planned or ongoing. */
export async function placesTaken(db: Executor, openingId: string): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`cast(count(*) as integer)` })
    .from(placements)
    .where(and(eq(placements.openingId, openingId), inArray(placements.status, ['planned', 'ongoing'])));
  return row?.n ?? 0;
}

export async function setOpeningStatus(db: Executor, openingId: string, status: 'open' | 'filled') {
  await db
    .update(openings)
    .set({ status, version: sql`${openings.version} + 1`, updatedAt: new Date() })
    .where(and(eq(openings.id, openingId), inArray(openings.status, ['open', 'filled'])));
}

/** The plan goals that belong to the enrolment's action plan, among these. */
export async function goalsOfEnrolment(db: Executor, enrolmentId: string, goalIds: readonly string[]) {
  if (goalIds.length === 0) return new Set<string>();
  const rows = await db
    .select({ id: planGoals.id })
    .from(planGoals)
    .innerJoin(actionPlans, eq(actionPlans.id, planGoals.planId))
    .where(and(eq(actionPlans.enrolmentId, enrolmentId), inArray(planGoals.id, [...goalIds])));
  return new Set(rows.map((r) => r.id));
}

// ---------------------------------------------------------------- the placement's days

/**
 * Planned days and attendance so far for the placement's participant: the days they were a member on, as the
 * roll call and the monthly attendance count them (a later day kept for its attendance is no longer one).
 */
export async function attendanceSummary(db: Executor, groupId: string, enrolmentId: string) {
  const [row] = await db
    .select({
      days: sql<number>`cast(count(*) as integer)`,
      plannedMinutes: sql<number>`cast(coalesce(sum(
        extract(epoch from (${groupSessions.endTime}::time - ${groupSessions.startTime}::time)) / 60), 0) as integer)`,
      recordedDays: sql<number>`cast(count(${attendance.id}) as integer)`,
      attendedMinutes: sql<number>`cast(coalesce(sum(${attendance.attendedMinutes}), 0) as integer)`,
    })
    .from(groupSessions)
    .innerJoin(
      groupMembers,
      and(
        eq(groupMembers.groupId, groupSessions.groupId),
        eq(groupMembers.enrolmentId, enrolmentId),
        memberOn(groupSessions.sessionDate),
      ),
    )
    .leftJoin(
      attendance,
      and(eq(attendance.sessionId, groupSessions.id), eq(attendance.enrolmentId, enrolmentId)),
    )
    .where(and(eq(groupSessions.groupId, groupId), eq(groupSessions.status, 'planned')));
  return row ?? { days: 0, plannedMinutes: 0, recordedDays: 0, attendedMinutes: 0 };
}

/** Whether any of the group's sessions has attendance recorded. */
export async function hasAttendance(db: Executor, groupId: string): Promise<boolean> {
  const [row] = await db
    .select({ id: attendance.id })
    .from(attendance)
    .innerJoin(groupSessions, eq(groupSessions.id, attendance.sessionId))
    .where(eq(groupSessions.groupId, groupId))
    .limit(1);
  return Boolean(row);
}

/** Removes the group's sessions after a date that have no attendance: the placement no longer runs then. */
export async function removeSessionsAfter(db: Executor, groupId: string, after: string) {
  await db
    .delete(groupSessions)
    .where(
      and(
        eq(groupSessions.groupId, groupId),
        gt(groupSessions.sessionDate, after),
        notExists(
          db.select({ one: sql`1` }).from(attendance).where(eq(attendance.sessionId, groupSessions.id)),
        ),
      ),
    );
}

/** The group ends on the day (its schedule shows no days after). */
export async function endGroup(db: Executor, groupId: string, endsOn: string) {
  await db
    .update(activityGroups)
    .set({ endsOn, version: sql`${activityGroups.version} + 1`, updatedAt: new Date() })
    .where(eq(activityGroups.id, groupId));
}

/** The participant leaves the placement's group on the day (on the first day, for one that never started). */
export async function leaveGroup(db: Executor, groupId: string, enrolmentId: string, leftOn: string) {
  await db
    .update(groupMembers)
    .set({ leftOn: sql`greatest(${groupMembers.joinedOn}, ${leftOn}::date)`, updatedAt: new Date() })
    .where(
      and(
        eq(groupMembers.groupId, groupId),
        eq(groupMembers.enrolmentId, enrolmentId),
        sql`${groupMembers.leftOn} is null`,
      ),
    );
}

/** Whether the group belongs to a placement (its members come and go with the placement only). */
export async function isPlacementGroup(db: Executor, groupId: string): Promise<boolean> {
  const [row] = await db
    .select({ id: placements.id })
    .from(placements)
    .where(eq(placements.groupId, groupId));
  return Boolean(row);
}

/** Other ongoing placements of the enrolment that count under the same step. */
export async function otherOngoingOnStep(
  db: Executor,
  enrolmentId: string,
  enrolmentStepId: string,
  exceptId: string,
) {
  const [row] = await db
    .select({ id: placements.id })
    .from(placements)
    .where(
      and(
        eq(placements.enrolmentId, enrolmentId),
        eq(placements.enrolmentStepId, enrolmentStepId),
        eq(placements.status, 'ongoing'),
        sql`${placements.id} <> ${exceptId}`,
      ),
    );
  return Boolean(row);
}

export async function openPlacementsOf(db: Executor, enrolmentId: string) {
  return db
    .select({ placement: placements })
    .from(placements)
    .where(and(eq(placements.enrolmentId, enrolmentId), inArray(placements.status, ['planned', 'ongoing'])));
}

// ---------------------------------------------------------------- evaluations

export async function evaluationsOf(db: Executor, placementId: string) {
  return db
    .select({
      id: placementEvaluations.id,
      kind: placementEvaluations.kind,
      heldOn: placementEvaluations.heldOn,
      ratings: placementEvaluations.ratings,
      summary: placementEvaluations.summary,
      nextSteps: placementEvaluations.nextSteps,
      recordedByName: users.name,
      version: placementEvaluations.version,
    })
    .from(placementEvaluations)
    .innerJoin(users, eq(users.id, placementEvaluations.recordedBy))
    .where(eq(placementEvaluations.placementId, placementId))
    .orderBy(asc(placementEvaluations.heldOn), asc(placementEvaluations.kind));
}

export async function findEvaluation(db: Executor, placementId: string, kind: 'midpoint' | 'final') {
  const [row] = await db
    .select()
    .from(placementEvaluations)
    .where(and(eq(placementEvaluations.placementId, placementId), eq(placementEvaluations.kind, kind)));
  return row ?? null;
}

/** Inserts the first evaluation of its kind; null when another was saved at the same moment. */
export async function insertEvaluation(db: Executor, values: typeof placementEvaluations.$inferInsert) {
  const [row] = await db
    .insert(placementEvaluations)
    .values(values)
    .onConflictDoNothing()
    .returning({ id: placementEvaluations.id });
  return row ?? null;
}

export async function updateEvaluationVersioned(
  db: Executor,
  id: string,
  version: number,
  values: Pick<
    typeof placementEvaluations.$inferInsert,
    'heldOn' | 'ratings' | 'summary' | 'nextSteps' | 'recordedBy'
  >,
) {
  const [row] = await db
    .update(placementEvaluations)
    .set({ ...values, version: sql`${placementEvaluations.version} + 1`, updatedAt: new Date() })
    .where(and(eq(placementEvaluations.id, id), eq(placementEvaluations.version, version)))
    .returning({ id: placementEvaluations.id });
  return row ?? null;
}

// ---------------------------------------------------------------- per employer

/** Exits to work at the employer, of participants the actor may see, with their follow-up, newest first. */
export async function jobsAtEmployer(db: Executor, actor: Actor, employerId: string) {
  return db
    .select({
      enrolmentId: enrolments.id,
      participantId: participants.id,
      participantCentreId: participants.centreId,
      firstName: participants.firstName,
      lastName: participants.lastName,
      exitedOn: enrolments.exitedOn,
      outcome: enrolments.exitOutcome,
      afterPlacement: sql<boolean>`exists (select 1 from ${placements} p
        where p.enrolment_id = ${enrolments.id} and p.employer_id = ${employerId}
        and p.status in ('ongoing', 'ended'))`,
      followUpDueOn: followUps.dueOn,
      followUpStatus: followUps.status,
    })
    .from(enrolments)
    .innerJoin(participants, eq(participants.id, enrolments.participantId))
    .leftJoin(followUps, eq(followUps.enrolmentId, enrolments.id))
    .where(
      and(
        eq(enrolments.exitEmployerId, employerId),
        isNotNull(enrolments.exitedOn),
        inArray(enrolments.exitOutcome, [...workExitOutcomes]),
        visibleTo(actor),
      ),
    )
    .orderBy(desc(enrolments.exitedOn), asc(participants.sortName));
}
