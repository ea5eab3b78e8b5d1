import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { openGoalStatuses } from '../../../core/enums.ts';
import type { PlanChange } from '../../../core/schemas/action-plan.schema.ts';
import type { Executor } from '../../db/client.ts';
import {
  actionPlans,
  activities,
  enrolments,
  occupations,
  planChanges,
  planGoalActivities,
  planGoalSteps,
  planGoals,
  programmeSteps,
  programmes,
  users,
} from '../../db/schema.ts';

const reviewer = alias(users, 'reviewer');
const owner = alias(users, 'owner');

/**
 * The enrolment with its programme's name, or null. `lock` takes a share lock on the enrolment row, so an exit
 * (which updates the row) waits for a plan being saved, and a save that comes after an exit sees it.
 */
export async function findEnrolment(db: Executor, id: string, lock = false) {
  const query = db
    .select({
      id: enrolments.id,
      participantId: enrolments.participantId,
      programmeId: enrolments.programmeId,
      programmeName: programmes.name,
      startsOn: enrolments.startsOn,
      exitedOn: enrolments.exitedOn,
    })
    .from(enrolments)
    .innerJoin(programmes, eq(programmes.id, enrolments.programmeId))
    .where(eq(enrolments.id, id));
  const [row] = lock ? await query.for('share', { of: enrolments }) : await query;
  return row ?? null;
}
export type PlanEnrolment = NonNullable<Awaited<ReturnType<typeof findEnrolment>>>;

export async function findPlan(db: Executor, enrolmentId: string) {
  const [row] = await db
    .select({ plan: actionPlans, reviewedByName: reviewer.name })
    .from(actionPlans)
    .innerJoin(reviewer, eq(reviewer.id, actionPlans.reviewedBy))
    .where(eq(actionPlans.enrolmentId, enrolmentId));
  return row ?? null;
}

/** Creates the enrolment's plan at version 1; null when it already has one (someone else created it first). */
export async function insertPlan(db: Executor, values: typeof actionPlans.$inferInsert) {
  const [row] = await db
    .insert(actionPlans)
    .values({ ...values, version: 1 })
    .onConflictDoNothing({ target: actionPlans.enrolmentId })
    .returning();
  return row ?? null;
}

/** Records a review and moves to the next version; null when the plan is no longer at `version`. */
export async function reviewVersioned(
  db: Executor,
  id: string,
  version: number,
  values: Pick<typeof actionPlans.$inferInsert, 'reviewedOn' | 'reviewedBy'>,
) {
  const [row] = await db
    .update(actionPlans)
    .set({ ...values, version: sql`${actionPlans.version} + 1`, updatedAt: new Date() })
    .where(and(eq(actionPlans.id, id), eq(actionPlans.version, version)))
    .returning();
  return row ?? null;
}

/** The plan's goals in order, with owner and occupation names and the steps and activities that serve each. */
export async function goalsOf(db: Executor, planId: string) {
  const goals = await db
    .select({ goal: planGoals, ownerName: owner.name, occupationName: occupations.name })
    .from(planGoals)
    .leftJoin(owner, eq(owner.id, planGoals.ownerUserId))
    .leftJoin(occupations, eq(occupations.code, planGoals.occupationCode))
    .where(eq(planGoals.planId, planId))
    .orderBy(asc(planGoals.ordinal));
  const ids = goals.map((g) => g.goal.id);
  const steps =
    ids.length === 0
      ? []
      : await db
          .select({
            goalId: planGoalSteps.goalId,
            id: programmeSteps.id,
            ordinal: programmeSteps.ordinal,
            name: programmeSteps.name,
          })
          .from(planGoalSteps)
          .innerJoin(programmeSteps, eq(programmeSteps.id, planGoalSteps.stepId))
          .where(inArray(planGoalSteps.goalId, ids))
          .orderBy(asc(programmeSteps.ordinal), asc(programmeSteps.id));
  const linked =
    ids.length === 0
      ? []
      : await db
          .select({ goalId: planGoalActivities.goalId, id: activities.id, name: activities.name })
          .from(planGoalActivities)
          .innerJoin(activities, eq(activities.id, planGoalActivities.activityId))
          .where(inArray(planGoalActivities.goalId, ids))
          .orderBy(asc(activities.id));
  return goals.map((g) => ({
    ...g,
    steps: steps
      .filter((s) => s.goalId === g.goal.id)
      .map(({ id, ordinal, name }) => ({ id, ordinal, name })),
    activities: linked.filter((a) => a.goalId === g.goal.id).map(({ id, name }) => ({ id, name })),
  }));
}
export type GoalRow = Awaited<ReturnType<typeof goalsOf>>[number];

export async function stepIdsOfProgramme(db: Executor, programmeId: string): Promise<Set<string>> {
  const rows = await db
    .select({ id: programmeSteps.id })
    .from(programmeSteps)
    .where(eq(programmeSteps.programmeId, programmeId));
  return new Set(rows.map((r) => r.id));
}

/** The programme's activities, each id with whether it is active. */
export async function activitiesOfProgramme(
  db: Executor,
  programmeId: string,
): Promise<Map<string, boolean>> {
  const rows = await db
    .select({ id: activities.id, active: activities.active })
    .from(activities)
    .where(eq(activities.programmeId, programmeId));
  return new Map(rows.map((r) => [r.id, r.active]));
}

/** Which of the codes are SSYK 2012 unit groups (level 4). */
export async function unitGroupCodes(db: Executor, codes: readonly string[]): Promise<Set<string>> {
  if (codes.length === 0) return new Set();
  const rows = await db
    .select({ code: occupations.code })
    .from(occupations)
    .where(and(inArray(occupations.code, [...codes]), eq(occupations.level, 4)));
  return new Set(rows.map((r) => r.code));
}

/** Makes room for new ordinals: they are unique per plan, so kept goals first move out of the way. */
export async function moveOrdinalsAside(db: Executor, planId: string) {
  await db
    .update(planGoals)
    .set({ ordinal: sql`${planGoals.ordinal} + 1000` })
    .where(eq(planGoals.planId, planId));
}

export async function insertGoal(db: Executor, values: typeof planGoals.$inferInsert) {
  const [row] = await db.insert(planGoals).values(values).returning({ id: planGoals.id });
  if (!row) throw new Error('insert returned no row');
  return row;
}

export async function updateGoal(
  db: Executor,
  id: string,
  values: Omit<Partial<typeof planGoals.$inferInsert>, 'id' | 'planId'>,
) {
  await db
    .update(planGoals)
    .set({ ...values, updatedAt: new Date() })
    .where(eq(planGoals.id, id));
}

/** Links the goal to exactly `stepIds`, given the steps it is linked to now. */
export async function setGoalSteps(
  db: Executor,
  goalId: string,
  current: readonly string[],
  stepIds: readonly string[],
) {
  const removed = current.filter((id) => !stepIds.includes(id));
  const added = stepIds.filter((id) => !current.includes(id));
  if (removed.length > 0)
    await db
      .delete(planGoalSteps)
      .where(and(eq(planGoalSteps.goalId, goalId), inArray(planGoalSteps.stepId, removed)));
  if (added.length > 0) await db.insert(planGoalSteps).values(added.map((stepId) => ({ goalId, stepId })));
}

/** Links the goal to exactly `activityIds`, given the activities it is linked to now. */
export async function setGoalActivities(
  db: Executor,
  goalId: string,
  current: readonly string[],
  activityIds: readonly string[],
) {
  const removed = current.filter((id) => !activityIds.includes(id));
  const added = activityIds.filter((id) => !current.includes(id));
  if (removed.length > 0)
    await db
      .delete(planGoalActivities)
      .where(and(eq(planGoalActivities.goalId, goalId), inArray(planGoalActivities.activityId, removed)));
  if (added.length > 0)
    await db.insert(planGoalActivities).values(added.map((activityId) => ({ goalId, activityId })));
}

export async function insertChange(
  db: Executor,
  values: Omit<typeof planChanges.$inferInsert, 'changes'> & { changes: PlanChange[] },
) {
  await db.insert(planChanges).values(values);
}

/** The plan's saved versions, newest first, with who saved each. */
export async function history(db: Executor, planId: string) {
  return db
    .select({
      version: planChanges.version,
      kind: planChanges.kind,
      changes: planChanges.changes,
      changedAt: planChanges.changedAt,
      changedByName: users.name,
    })
    .from(planChanges)
    .innerJoin(users, eq(users.id, planChanges.changedBy))
    .where(eq(planChanges.planId, planId))
    .orderBy(desc(planChanges.version));
}

/** Closes the plan and moves it to the next version; null when it was already closed. */
export async function close(db: Executor, planId: string, closedOn: string) {
  const [row] = await db
    .update(actionPlans)
    .set({ closedOn, version: sql`${actionPlans.version} + 1`, updatedAt: new Date() })
    .where(and(eq(actionPlans.id, planId), sql`${actionPlans.closedOn} is null`))
    .returning();
  return row ?? null;
}

/** Ends the goals still being worked on, status unchanged; gives back what they were. */
export async function endOpenGoals(db: Executor, planId: string, endedOn: string) {
  const open = await db
    .select({ id: planGoals.id, description: planGoals.description, status: planGoals.status })
    .from(planGoals)
    .where(and(eq(planGoals.planId, planId), inArray(planGoals.status, [...openGoalStatuses])))
    .orderBy(asc(planGoals.ordinal));
  if (open.length > 0)
    await db
      .update(planGoals)
      .set({ endedOn, updatedAt: new Date() })
      .where(
        inArray(
          planGoals.id,
          open.map((g) => g.id),
        ),
      );
  return open;
}
