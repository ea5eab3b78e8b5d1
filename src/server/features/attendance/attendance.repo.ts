import { and, asc, desc, eq, gte, inArray, lte, ne, sql } from 'drizzle-orm';
import { type Executor, queryRows } from '../../db/client.ts';
import {
  activities,
  activityGroups,
  attendance,
  enrolments,
  groupMembers,
  groupSessions,
  participants,
  programmes,
  users,
} from '../../db/schema.ts';
import type { Actor } from '../auth/actor.ts';
import { memberOn } from '../groups/groups.repo.ts';
import { participantReadOnly, visibleTo } from '../participants/participants.repo.ts';

export type NewAttendance = typeof attendance.$inferInsert;

/**
 * The session's members on its date whom the actor may see, with their attendance at it (or null),
 * in Swedish order of last name, then first name.
 */
export async function rollCallRows(db: Executor, actor: Actor, sessionId: string) {
  return db
    .select({
      enrolmentId: groupMembers.enrolmentId,
      participantId: participants.id,
      centreId: participants.centreId,
      firstName: participants.firstName,
      lastName: participants.lastName,
      protectedIdentity: participants.protectedIdentity,
      readOnly: participantReadOnly,
      attendance,
      recordedByName: users.name,
    })
    .from(groupSessions)
    .innerJoin(groupMembers, eq(groupMembers.groupId, groupSessions.groupId))
    .innerJoin(enrolments, eq(enrolments.id, groupMembers.enrolmentId))
    .innerJoin(participants, eq(participants.id, enrolments.participantId))
    .leftJoin(
      attendance,
      and(eq(attendance.sessionId, groupSessions.id), eq(attendance.enrolmentId, groupMembers.enrolmentId)),
    )
    .leftJoin(users, eq(users.id, attendance.recordedBy))
    .where(and(eq(groupSessions.id, sessionId), memberOn(groupSessions.sessionDate), visibleTo(actor)))
    .orderBy(asc(participants.sortName), asc(participants.id), asc(groupMembers.enrolmentId));
}
export type RollCallRow = Awaited<ReturnType<typeof rollCallRows>>[number];

/** What a roll call sets of one member's attendance. */
export type AttendanceMark = Pick<
  NewAttendance,
  'status' | 'lateMinutes' | 'absenceReason' | 'reasonText' | 'attendedMinutes' | 'recordedBy'
>;

/**
 * Inserts the records in one statement, skipping any that exists for its session and enrolment; the number
 * inserted, which is less than given when someone else was first.
 */
export async function insertAllIfAbsent(db: Executor, rows: readonly NewAttendance[]): Promise<number> {
  if (rows.length === 0) return 0;
  const inserted = await db
    .insert(attendance)
    .values([...rows])
    .onConflictDoNothing({ target: [attendance.sessionId, attendance.enrolmentId] })
    .returning({ id: attendance.id });
  return inserted.length;
}

/**
 * Updates the session's records in one statement, each only at the version given; the number updated, which is
 * less than given when someone saved one of them since. Rows come in a fixed order (the caller's), and the
 * statement locks them in that order, so two saves of one session wait for each other instead of deadlocking.
 */
export async function updateAllVersioned(
  db: Executor,
  sessionId: string,
  rows: readonly { enrolmentId: string; version: number; mark: AttendanceMark }[],
): Promise<number> {
  if (rows.length === 0) return 0;
  const values = sql.join(
    rows.map(
      ({ enrolmentId, version, mark }, i) =>
        sql`(${i}::int, ${enrolmentId}::uuid, ${version}::int, ${mark.status}::text, ${mark.lateMinutes ?? null}::int,
          ${mark.absenceReason ?? null}::text, ${mark.reasonText ?? null}::text, ${mark.attendedMinutes}::int,
          ${mark.recordedBy}::uuid)`,
    ),
    sql`, `,
  );
  const updated = await queryRows<{ id: string }>(
    db,
    sql`update ${attendance} a set status = v.status, late_minutes = v.late_minutes,
        absence_reason = v.absence_reason, reason_text = v.reason_text, attended_minutes = v.attended_minutes,
        recorded_by = v.recorded_by, version = a.version + 1, updated_at = now()
      from (select * from (values ${values})
          as r(position, enrolment_id, version, status, late_minutes, absence_reason, reason_text, attended_minutes,
            recorded_by)
        order by position) v
      where a.session_id = ${sessionId} and a.enrolment_id = v.enrolment_id and a.version = v.version
      returning a.id`,
  );
  return updated.length;
}

/**
 * The participant's sessions between two dates (inclusive) of the groups they were a member of on the day,
 * cancelled ones left out, with the attendance recorded for them (status null when none).
 */
export async function sessionsOfParticipant(db: Executor, participantId: string, from: string, to: string) {
  return db
    .select({
      sessionId: groupSessions.id,
      date: groupSessions.sessionDate,
      startTime: groupSessions.startTime,
      endTime: groupSessions.endTime,
      activityId: activities.id,
      activityName: activities.name,
      status: attendance.status,
      lateMinutes: attendance.lateMinutes,
      absenceReason: attendance.absenceReason,
      reasonText: attendance.reasonText,
    })
    .from(groupSessions)
    .innerJoin(activityGroups, eq(activityGroups.id, groupSessions.groupId))
    .innerJoin(activities, eq(activities.id, activityGroups.activityId))
    .innerJoin(groupMembers, eq(groupMembers.groupId, groupSessions.groupId))
    .innerJoin(enrolments, eq(enrolments.id, groupMembers.enrolmentId))
    .leftJoin(
      attendance,
      and(eq(attendance.sessionId, groupSessions.id), eq(attendance.enrolmentId, groupMembers.enrolmentId)),
    )
    .where(
      and(
        eq(enrolments.participantId, participantId),
        gte(groupSessions.sessionDate, from),
        lte(groupSessions.sessionDate, to),
        ne(groupSessions.status, 'cancelled'),
        memberOn(groupSessions.sessionDate),
      ),
    )
    .orderBy(asc(groupSessions.sessionDate), asc(groupSessions.startTime), asc(groupSessions.id));
}
export type ParticipantSessionRow = Awaited<ReturnType<typeof sessionsOfParticipant>>[number];

/**
 * Absences and lateness between two dates (inclusive) of the visible participants of the given centres,
 * at sessions that were held, in order of participant, date and start.
 */
export async function absencesAndLateness(
  db: Executor,
  actor: Actor,
  centreIds: readonly string[],
  from: string,
  to: string,
) {
  if (centreIds.length === 0) return [];
  return db
    .select({
      participantId: participants.id,
      centreId: participants.centreId,
      firstName: participants.firstName,
      lastName: participants.lastName,
      date: groupSessions.sessionDate,
      activityName: activities.name,
      startTime: groupSessions.startTime,
      endTime: groupSessions.endTime,
      status: attendance.status,
      lateMinutes: attendance.lateMinutes,
      absenceReason: attendance.absenceReason,
      reasonText: attendance.reasonText,
    })
    .from(attendance)
    .innerJoin(groupSessions, eq(groupSessions.id, attendance.sessionId))
    .innerJoin(activityGroups, eq(activityGroups.id, groupSessions.groupId))
    .innerJoin(activities, eq(activities.id, activityGroups.activityId))
    .innerJoin(enrolments, eq(enrolments.id, attendance.enrolmentId))
    .innerJoin(participants, eq(participants.id, enrolments.participantId))
    .where(
      and(
        inArray(attendance.status, ['late', 'absent']),
        gte(groupSessions.sessionDate, from),
        lte(groupSessions.sessionDate, to),
        ne(groupSessions.status, 'cancelled'),
        inArray(participants.centreId, [...centreIds]),
        visibleTo(actor),
      ),
    )
    .orderBy(
      asc(participants.sortName),
      asc(participants.id),
      asc(groupSessions.sessionDate),
      asc(groupSessions.startTime),
    );
}

/** The participant's attendance at civic orientation sessions that were held, with what each covered. */
export async function civicOrientationRows(db: Executor, participantId: string) {
  return db
    .select({
      status: attendance.status,
      attendedMinutes: attendance.attendedMinutes,
      civicAreas: groupSessions.civicAreas,
      deliveryLanguage: activities.deliveryLanguage,
    })
    .from(attendance)
    .innerJoin(groupSessions, eq(groupSessions.id, attendance.sessionId))
    .innerJoin(activityGroups, eq(activityGroups.id, groupSessions.groupId))
    .innerJoin(activities, eq(activities.id, activityGroups.activityId))
    .innerJoin(enrolments, eq(enrolments.id, attendance.enrolmentId))
    .where(
      and(
        eq(enrolments.participantId, participantId),
        eq(activities.type, 'civic_orientation'),
        ne(groupSessions.status, 'cancelled'),
      ),
    );
}

/** The civic orientation target of the programme of the participant's latest enrolment, or null. */
export async function civicOrientationTarget(db: Executor, participantId: string): Promise<number | null> {
  const [row] = await db
    .select({ target: programmes.civicOrientationTargetHours })
    .from(enrolments)
    .innerJoin(programmes, eq(programmes.id, enrolments.programmeId))
    .where(eq(enrolments.participantId, participantId))
    .orderBy(desc(enrolments.startsOn), desc(enrolments.createdAt))
    .limit(1);
  return row?.target ?? null;
}

/** Every member of every session held before the date, with the session's times and leader (for the demo). */
export async function membersOfSessionsBefore(db: Executor, before: string) {
  return db
    .select({
      sessionId: groupSessions.id,
      enrolmentId: groupMembers.enrolmentId,
      startTime: groupSessions.startTime,
      endTime: groupSessions.endTime,
      leaderId: sql<string>`coalesce(${groupSessions.leaderId}, ${activityGroups.leaderId})`,
    })
    .from(groupSessions)
    .innerJoin(activityGroups, eq(activityGroups.id, groupSessions.groupId))
    .innerJoin(groupMembers, eq(groupMembers.groupId, groupSessions.groupId))
    .where(
      and(
        sql`${groupSessions.sessionDate} < ${before}`,
        ne(groupSessions.status, 'cancelled'),
        memberOn(groupSessions.sessionDate),
      ),
    )
    .orderBy(
      asc(groupSessions.sessionDate),
      asc(groupSessions.startTime),
      asc(groupSessions.id),
      asc(groupMembers.enrolmentId),
    );
}

export async function insertMany(db: Executor, values: readonly NewAttendance[]): Promise<void> {
  // A few hundred rows per statement keeps well under PostgreSQL's limit of 65535 parameters.
  for (let i = 0; i < values.length; i += 500) await db.insert(attendance).values(values.slice(i, i + 500));
}
