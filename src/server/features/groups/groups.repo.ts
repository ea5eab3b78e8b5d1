import { and, asc, eq, gte, inArray, isNull, ne, type SQL, sql } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import type { Executor } from '../../db/client.ts';
import {
  activities,
  activityGroups,
  attendance,
  centres,
  enrolments,
  groupMembers,
  groupSessions,
  participants,
  userCentres,
  users,
} from '../../db/schema.ts';
import type { Actor } from '../auth/actor.ts';
import { visibleTo } from '../participants/participants.repo.ts';

/**
 * Whether a membership covers a date: from the day joined through the day left (both included). The one
 * definition of "a member on the session's date", for counts, week views and roll calls.
 */
export function memberOn(date: SQL | AnyPgColumn): SQL {
  return sql`(${groupMembers.joinedOn} <= ${date} and (${groupMembers.leftOn} is null or ${groupMembers.leftOn} >= ${date}))`;
}

/** The number of a group's members the actor may see, with a further condition on the membership. */
function visibleMemberCount(actor: Actor, groupId: SQL | AnyPgColumn, condition: SQL): SQL<number> {
  return sql<number>`(select cast(count(*) as integer) from ${groupMembers}
    inner join ${enrolments} on ${enrolments.id} = ${groupMembers.enrolmentId}
    inner join ${participants} on ${participants.id} = ${enrolments.participantId}
    where ${groupMembers.groupId} = ${groupId} and ${condition} and ${visibleTo(actor)})`;
}

const effectiveLeader = sql<string>`coalesce(${groupSessions.leaderId}, ${activityGroups.leaderId})`;

// ---------------------------------------------------------------- groups

export async function findGroup(db: Executor, id: string) {
  const [row] = await db
    .select({ group: activityGroups, activity: activities })
    .from(activityGroups)
    .innerJoin(activities, eq(activities.id, activityGroups.activityId))
    .where(eq(activityGroups.id, id));
  return row ?? null;
}

export type GroupFilter = {
  centreIds: string[];
  ids?: string[];
  activityIds?: string[];
  /** Groups still running on or after the date. */
  activeOn?: string;
};

/** Groups with their activity, centre and leader; members counted as the actor may see them, now. */
export async function listGroups(db: Executor, actor: Actor, filter: GroupFilter) {
  if (filter.centreIds.length === 0 || filter.ids?.length === 0 || filter.activityIds?.length === 0)
    return [];
  return db
    .select({
      id: activityGroups.id,
      name: activityGroups.name,
      activityId: activities.id,
      activityName: activities.name,
      activityType: activities.type,
      programmeId: activities.programmeId,
      centreId: activityGroups.centreId,
      centreName: centres.name,
      leaderId: activityGroups.leaderId,
      leaderName: users.name,
      room: activityGroups.room,
      startsOn: activityGroups.startsOn,
      endsOn: activityGroups.endsOn,
      schedule: activityGroups.schedule,
      memberCount: visibleMemberCount(actor, activityGroups.id, sql`${groupMembers.leftOn} is null`),
      sessionCount: sql<number>`(select cast(count(*) as integer) from ${groupSessions}
        where ${groupSessions.groupId} = ${activityGroups.id} and ${groupSessions.status} = 'planned')`,
      version: activityGroups.version,
    })
    .from(activityGroups)
    .innerJoin(activities, eq(activities.id, activityGroups.activityId))
    .innerJoin(centres, eq(centres.id, activityGroups.centreId))
    .innerJoin(users, eq(users.id, activityGroups.leaderId))
    .where(
      and(
        inArray(activityGroups.centreId, filter.centreIds),
        filter.ids ? inArray(activityGroups.id, filter.ids) : undefined,
        filter.activityIds ? inArray(activityGroups.activityId, filter.activityIds) : undefined,
        filter.activeOn ? gte(activityGroups.endsOn, filter.activeOn) : undefined,
      ),
    )
    .orderBy(asc(activityGroups.startsOn), asc(activityGroups.id));
}
export type GroupSummaryRow = Awaited<ReturnType<typeof listGroups>>[number];

export async function insertGroup(db: Executor, values: typeof activityGroups.$inferInsert) {
  const [row] = await db.insert(activityGroups).values(values).returning();
  if (!row) throw new Error('insert returned no row');
  return row;
}

export async function updateGroupVersioned(
  db: Executor,
  id: string,
  version: number,
  values: Pick<typeof activityGroups.$inferInsert, 'name' | 'leaderId' | 'room'>,
) {
  const [row] = await db
    .update(activityGroups)
    .set({ ...values, version: sql`${activityGroups.version} + 1`, updatedAt: new Date() })
    .where(and(eq(activityGroups.id, id), eq(activityGroups.version, version)))
    .returning();
  return row ?? null;
}

/** Whether the user works at the centre and may log in. */
export async function isCentreStaff(db: Executor, centreId: string, userId: string) {
  const rows = await db
    .select({ userId: userCentres.userId })
    .from(userCentres)
    .innerJoin(users, eq(users.id, userCentres.userId))
    .where(and(eq(userCentres.centreId, centreId), eq(userCentres.userId, userId), isNull(users.disabledAt)))
    .limit(1);
  return rows.length > 0;
}

export async function findCentre(db: Executor, id: string) {
  const [row] = await db.select().from(centres).where(eq(centres.id, id));
  return row ?? null;
}

export async function findUser(db: Executor, id: string) {
  const [row] = await db.select({ id: users.id }).from(users).where(eq(users.id, id));
  return row ?? null;
}

// ---------------------------------------------------------------- sessions

export async function insertSessions(
  db: Executor,
  groupId: string,
  sessions: readonly { date: string; startTime: string; endTime: string }[],
) {
  if (sessions.length === 0) return;
  await db
    .insert(groupSessions)
    .values(
      sessions.map((s) => ({ groupId, sessionDate: s.date, startTime: s.startTime, endTime: s.endTime })),
    );
}

/** Sessions with their group, activity, centre and leader, in date and time order; counts as the actor may see. */
export async function listSessions(db: Executor, actor: Actor, where: SQL | undefined) {
  return db
    .select({
      id: groupSessions.id,
      groupId: groupSessions.groupId,
      groupName: activityGroups.name,
      activityId: activities.id,
      activityName: activities.name,
      activityType: activities.type,
      centreId: activityGroups.centreId,
      centreName: centres.name,
      date: groupSessions.sessionDate,
      startTime: groupSessions.startTime,
      endTime: groupSessions.endTime,
      room: sql<string | null>`coalesce(${groupSessions.room}, ${activityGroups.room})`,
      leaderId: effectiveLeader,
      leaderName: users.name,
      status: groupSessions.status,
      cancelReason: groupSessions.cancelReason,
      movedFrom: groupSessions.movedFrom,
      civicAreas: groupSessions.civicAreas,
      guestEmployer: groupSessions.guestEmployer,
      memberCount: visibleMemberCount(actor, groupSessions.groupId, memberOn(groupSessions.sessionDate)),
      recordedCount: visibleMemberCount(
        actor,
        groupSessions.groupId,
        sql`${memberOn(groupSessions.sessionDate)} and exists (select 1 from ${attendance}
          where ${attendance.sessionId} = ${groupSessions.id} and ${attendance.enrolmentId} = ${groupMembers.enrolmentId})`,
      ),
      version: groupSessions.version,
    })
    .from(groupSessions)
    .innerJoin(activityGroups, eq(activityGroups.id, groupSessions.groupId))
    .innerJoin(activities, eq(activities.id, activityGroups.activityId))
    .innerJoin(centres, eq(centres.id, activityGroups.centreId))
    .innerJoin(users, eq(users.id, effectiveLeader))
    .where(where)
    .orderBy(asc(groupSessions.sessionDate), asc(groupSessions.startTime), asc(groupSessions.id));
}
export type SessionRow = Awaited<ReturnType<typeof listSessions>>[number];

export async function sessionsOfGroup(db: Executor, actor: Actor, groupId: string) {
  return listSessions(db, actor, eq(groupSessions.groupId, groupId));
}

export async function sessionView(db: Executor, actor: Actor, id: string) {
  const [row] = await listSessions(db, actor, eq(groupSessions.id, id));
  return row ?? null;
}

export type WeekScope =
  | { centreId: string }
  | { groupId: string }
  | { leaderId: string; centreIds: string[] }
  | { participantId: string };

/** The sessions between two dates (inclusive) of a centre, a group, a leader or a participant's groups. */
export async function sessionsBetween(
  db: Executor,
  actor: Actor,
  from: string,
  to: string,
  scope: WeekScope,
) {
  let condition: SQL;
  if ('centreId' in scope) condition = eq(activityGroups.centreId, scope.centreId);
  else if ('groupId' in scope) condition = eq(groupSessions.groupId, scope.groupId);
  else if ('leaderId' in scope) {
    condition = and(
      sql`${effectiveLeader} = ${scope.leaderId}`,
      scope.centreIds.length > 0 ? inArray(activityGroups.centreId, scope.centreIds) : sql`false`,
    ) as SQL;
  } else {
    condition = sql`exists (select 1 from ${groupMembers}
      inner join ${enrolments} on ${enrolments.id} = ${groupMembers.enrolmentId}
      where ${groupMembers.groupId} = ${groupSessions.groupId}
        and ${enrolments.participantId} = ${scope.participantId}
        and ${memberOn(groupSessions.sessionDate)})`;
  }
  return listSessions(
    db,
    actor,
    and(gte(groupSessions.sessionDate, from), sql`${groupSessions.sessionDate} <= ${to}`, condition),
  );
}

export async function findSession(db: Executor, id: string) {
  const [row] = await db
    .select({ session: groupSessions, group: activityGroups, activity: activities })
    .from(groupSessions)
    .innerJoin(activityGroups, eq(activityGroups.id, groupSessions.groupId))
    .innerJoin(activities, eq(activities.id, activityGroups.activityId))
    .where(eq(groupSessions.id, id));
  return row ?? null;
}

export async function hasAttendance(db: Executor, sessionId: string) {
  const rows = await db
    .select({ id: attendance.id })
    .from(attendance)
    .where(eq(attendance.sessionId, sessionId))
    .limit(1);
  return rows.length > 0;
}

/** Whether another session of the group starts on the date at the time. */
export async function slotTaken(
  db: Executor,
  groupId: string,
  date: string,
  startTime: string,
  exceptId: string,
) {
  const rows = await db
    .select({ id: groupSessions.id })
    .from(groupSessions)
    .where(
      and(
        eq(groupSessions.groupId, groupId),
        eq(groupSessions.sessionDate, date),
        eq(groupSessions.startTime, startTime),
        ne(groupSessions.id, exceptId),
      ),
    )
    .limit(1);
  return rows.length > 0;
}

export async function updateSessionVersioned(
  db: Executor,
  id: string,
  version: number,
  values: Partial<typeof groupSessions.$inferInsert>,
) {
  const [row] = await db
    .update(groupSessions)
    .set({ ...values, version: sql`${groupSessions.version} + 1`, updatedAt: new Date() })
    .where(and(eq(groupSessions.id, id), eq(groupSessions.version, version)))
    .returning();
  return row ?? null;
}

/** The dates of the group that have a session, cancelled or not. */
export async function sessionDates(db: Executor, groupId: string) {
  const rows = await db
    .selectDistinct({ date: groupSessions.sessionDate })
    .from(groupSessions)
    .where(eq(groupSessions.groupId, groupId));
  return new Set(rows.map((r) => r.date));
}

// ---------------------------------------------------------------- members

const memberColumns = {
  id: groupMembers.id,
  groupId: groupMembers.groupId,
  enrolmentId: groupMembers.enrolmentId,
  participantId: participants.id,
  participantCentreId: participants.centreId,
  firstName: participants.firstName,
  lastName: participants.lastName,
  protectedIdentity: participants.protectedIdentity,
  joinedOn: groupMembers.joinedOn,
  leftOn: groupMembers.leftOn,
};

/** The members of the groups the actor may see, current and past, by name. */
export async function visibleMembers(db: Executor, actor: Actor, groupIds: string[]) {
  if (groupIds.length === 0) return [];
  return db
    .select(memberColumns)
    .from(groupMembers)
    .innerJoin(enrolments, eq(enrolments.id, groupMembers.enrolmentId))
    .innerJoin(participants, eq(participants.id, enrolments.participantId))
    .where(and(inArray(groupMembers.groupId, groupIds), visibleTo(actor)))
    .orderBy(asc(participants.sortName), asc(participants.id), asc(groupMembers.joinedOn));
}

/** A participant's memberships through any enrolment, with the group and activity, newest first. */
export async function membershipsOf(db: Executor, participantId: string) {
  return db
    .select({
      ...memberColumns,
      groupName: activityGroups.name,
      activityName: activities.name,
      activityType: activities.type,
    })
    .from(groupMembers)
    .innerJoin(enrolments, eq(enrolments.id, groupMembers.enrolmentId))
    .innerJoin(participants, eq(participants.id, enrolments.participantId))
    .innerJoin(activityGroups, eq(activityGroups.id, groupMembers.groupId))
    .innerJoin(activities, eq(activities.id, activityGroups.activityId))
    .where(eq(enrolments.participantId, participantId))
    .orderBy(sql`${groupMembers.joinedOn} desc`, asc(activityGroups.name), asc(groupMembers.id));
}

export async function findMember(db: Executor, id: string) {
  const [row] = await db
    .select(memberColumns)
    .from(groupMembers)
    .innerJoin(enrolments, eq(enrolments.id, groupMembers.enrolmentId))
    .innerJoin(participants, eq(participants.id, enrolments.participantId))
    .where(eq(groupMembers.id, id));
  return row ?? null;
}

export async function activeMembership(db: Executor, groupId: string, enrolmentId: string) {
  const [row] = await db
    .select({ id: groupMembers.id })
    .from(groupMembers)
    .where(
      and(
        eq(groupMembers.groupId, groupId),
        eq(groupMembers.enrolmentId, enrolmentId),
        isNull(groupMembers.leftOn),
      ),
    );
  return row ?? null;
}

/** The groups among these that the enrolment is an active member of. */
export async function groupsWithActiveMember(db: Executor, enrolmentId: string, groupIds: string[]) {
  if (groupIds.length === 0) return new Set<string>();
  const rows = await db
    .select({ groupId: groupMembers.groupId })
    .from(groupMembers)
    .where(
      and(
        eq(groupMembers.enrolmentId, enrolmentId),
        inArray(groupMembers.groupId, groupIds),
        isNull(groupMembers.leftOn),
      ),
    );
  return new Set(rows.map((r) => r.groupId));
}

export async function insertMember(db: Executor, values: typeof groupMembers.$inferInsert) {
  const [row] = await db.insert(groupMembers).values(values).returning({ id: groupMembers.id });
  if (!row) throw new Error('insert returned no row');
  return row;
}

/** Records the day the member left; null when they already had. */
export async function leave(db: Executor, id: string, leftOn: string) {
  const [row] = await db
    .update(groupMembers)
    .set({ leftOn, updatedAt: new Date() })
    .where(and(eq(groupMembers.id, id), isNull(groupMembers.leftOn)))
    .returning({ id: groupMembers.id });
  return row ?? null;
}
