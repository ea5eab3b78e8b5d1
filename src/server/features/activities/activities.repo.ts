import { and, asc, eq, inArray, ne, notExists, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import {
  activities,
  activityGroups,
  activityMandatoryTargetGroups,
  attendance,
  groupSessions,
  programmeClosureDays,
  programmeSteps,
} from '../../db/schema.ts';

export type ActivityRow = typeof activities.$inferSelect & {
  stepName: string | null;
  mandatoryTargetGroupIds: string[];
};

/** The programme's activities with their step's name and mandatory target groups, or the given ones only. */
export async function listActivities(
  db: Executor,
  filter: { programmeId?: string; ids?: string[] },
): Promise<ActivityRow[]> {
  if (filter.ids?.length === 0) return [];
  const conditions = [];
  if (filter.programmeId) conditions.push(eq(activities.programmeId, filter.programmeId));
  if (filter.ids) conditions.push(inArray(activities.id, filter.ids));
  const rows = await db
    .select({ activity: activities, stepName: programmeSteps.name })
    .from(activities)
    .leftJoin(programmeSteps, eq(programmeSteps.id, activities.stepId))
    .where(and(...conditions))
    .orderBy(asc(activities.name), asc(activities.id));
  if (rows.length === 0) return [];
  const links = await db
    .select()
    .from(activityMandatoryTargetGroups)
    .where(
      inArray(
        activityMandatoryTargetGroups.activityId,
        rows.map((r) => r.activity.id),
      ),
    );
  return rows.map((r) => ({
    ...r.activity,
    stepName: r.stepName,
    mandatoryTargetGroupIds: links
      .filter((l) => l.activityId === r.activity.id)
      .map((l) => l.targetGroupId)
      .sort(),
  }));
}

export async function findActivity(db: Executor, id: string): Promise<ActivityRow | null> {
  const [row] = await listActivities(db, { ids: [id] });
  return row ?? null;
}

/** Active activities of the programme that are mandatory for the target group. */
export async function mandatoryActivityIds(db: Executor, programmeId: string, targetGroupId: string) {
  const rows = await db
    .select({ id: activities.id })
    .from(activities)
    .innerJoin(activityMandatoryTargetGroups, eq(activityMandatoryTargetGroups.activityId, activities.id))
    .where(
      and(
        eq(activities.programmeId, programmeId),
        eq(activities.active, true),
        eq(activityMandatoryTargetGroups.targetGroupId, targetGroupId),
      ),
    );
  return rows.map((r) => r.id);
}

/** Whether another activity of the programme has the name, compared without regard to case. */
export async function nameTaken(db: Executor, programmeId: string, name: string, exceptId?: string) {
  const rows = await db
    .select({ id: activities.id })
    .from(activities)
    .where(
      and(
        eq(activities.programmeId, programmeId),
        sql`lower(${activities.name}) = lower(${name})`,
        exceptId ? ne(activities.id, exceptId) : undefined,
      ),
    )
    .limit(1);
  return rows.length > 0;
}

export async function insertActivity(db: Executor, values: typeof activities.$inferInsert) {
  const [row] = await db.insert(activities).values(values).returning();
  if (!row) throw new Error('insert returned no row');
  return row;
}

/** Saves the activity if it is still at the version read; null when someone else saved first. */
export async function updateActivityVersioned(
  db: Executor,
  id: string,
  version: number,
  values: Partial<typeof activities.$inferInsert>,
) {
  const [row] = await db
    .update(activities)
    .set({ ...values, version: sql`${activities.version} + 1`, updatedAt: new Date() })
    .where(and(eq(activities.id, id), eq(activities.version, version)))
    .returning();
  return row ?? null;
}

export async function setMandatoryTargetGroups(db: Executor, activityId: string, targetGroupIds: string[]) {
  await db
    .delete(activityMandatoryTargetGroups)
    .where(eq(activityMandatoryTargetGroups.activityId, activityId));
  if (targetGroupIds.length > 0)
    await db
      .insert(activityMandatoryTargetGroups)
      .values(targetGroupIds.map((targetGroupId) => ({ activityId, targetGroupId })));
}

export async function listClosureDays(db: Executor, programmeId: string) {
  return db
    .select({ day: programmeClosureDays.day, reason: programmeClosureDays.reason })
    .from(programmeClosureDays)
    .where(eq(programmeClosureDays.programmeId, programmeId))
    .orderBy(asc(programmeClosureDays.day));
}

export async function replaceClosureDays(
  db: Executor,
  programmeId: string,
  days: { day: string; reason: string }[],
) {
  await db.delete(programmeClosureDays).where(eq(programmeClosureDays.programmeId, programmeId));
  if (days.length > 0)
    await db
      .insert(programmeClosureDays)
      .values(days.map((d) => ({ programmeId, day: d.day, reason: d.reason })));
}

/**
 * Cancels the planned sessions of the programme's groups on the day that have no attendance yet, with the
 * reason; returns how many.
 */
export async function cancelSessionsOn(db: Executor, programmeId: string, day: string, reason: string) {
  const rows = await db
    .update(groupSessions)
    .set({
      status: 'cancelled',
      cancelReason: reason,
      version: sql`${groupSessions.version} + 1`,
      updatedAt: new Date(),
    })
    .where(
      and(
        eq(groupSessions.sessionDate, day),
        eq(groupSessions.status, 'planned'),
        inArray(
          groupSessions.groupId,
          db
            .select({ id: activityGroups.id })
            .from(activityGroups)
            .innerJoin(activities, eq(activities.id, activityGroups.activityId))
            .where(eq(activities.programmeId, programmeId)),
        ),
        notExists(
          db.select({ one: sql`1` }).from(attendance).where(eq(attendance.sessionId, groupSessions.id)),
        ),
      ),
    )
    .returning({ id: groupSessions.id });
  return rows.length;
}
