import type { z } from 'zod';
import { isValidIsoDate, todayInSweden } from '../../../core/dates.ts';
import { AppError, fieldError } from '../../../core/errors.ts';
import { isoWeekRange } from '../../../core/schedule.ts';
import type {
  GroupDetail,
  GroupMember,
  GroupSummary,
  groupInput,
  groupListQuery,
  groupUpdateInput,
  memberInput,
  memberLeaveInput,
  ParticipantGroups,
  ProposedActivities,
  ScheduleSlot,
  Session,
  sessionCancelInput,
  sessionUpdateInput,
  WeekSchedule,
  weekQuery,
} from '../../../core/schemas/activity.schema.ts';
import type { Db, Executor } from '../../db/client.ts';
import { logAccess } from '../access-log/access-log.repo.ts';
import * as activities from '../activities/activities.repo.ts';
import { present as presentActivity } from '../activities/activities.service.ts';
import { type Actor, authorize } from '../auth/actor.ts';
import * as enrolments from '../enrolments/enrolments.repo.ts';
import * as participants from '../participants/participants.service.ts';
import { isPlacementGroup } from '../placements/placements.repo.ts';
import { findProgrammes } from '../programmes/programmes.repo.ts';
import { isoWeekLabel, planGroupSessions } from './group-sessions.ts';
import * as repo from './groups.repo.ts';

type Issue = { code: 'custom'; path: (string | number)[]; message: string };

/** Swedish alphabetical order for names shown side by side (Å, Ä, Ö after Z). */
const collator = new Intl.Collator('sv');

// ---------------------------------------------------------------- groups

/**
 * Creates a group with its weekly schedule and generates its sessions at once, skipping holidays and the
 * programme's closure days; the skipped dates come back with the group.
 */
export async function create(db: Db, actor: Actor, input: z.output<typeof groupInput>): Promise<GroupDetail> {
  authorize(actor, 'group.manage');
  return db.transaction(async (tx) => {
    if (!(await repo.findCentre(tx, input.centreId))) throw fieldError(['centreId'], 'not_found');
    if (!actor.centreIds.includes(input.centreId)) throw new AppError('FORBIDDEN');
    const activity = await activities.findActivity(tx, input.activityId);
    const [programme] = activity ? await findProgrammes(tx, [activity.programmeId]) : [];
    const issues: Issue[] = [];
    if (!activity || !programme?.centres.some((c) => c.id === input.centreId))
      issues.push(issue(['activityId'], 'invalid_choice'));
    else if (!activity.active) issues.push(issue(['activityId'], 'inactive'));
    if (!(await repo.isCentreStaff(tx, input.centreId, input.leaderId)))
      issues.push(issue(['leaderId'], 'not_centre_staff'));
    if (programme && input.startsOn < programme.programme.startsOn)
      issues.push(issue(['startsOn'], 'outside_programme_period'));
    if (programme && input.endsOn > programme.programme.endsOn)
      issues.push(issue(['endsOn'], 'outside_programme_period'));
    issues.push(...overlappingSlots(input.schedule));
    if (issues.length > 0 || !activity) throw new AppError('VALIDATION_FAILED', { fields: issues });

    const schedule = [...input.schedule].sort(
      (a, b) => a.weekday - b.weekday || compare(a.startTime, b.startTime),
    );
    const group = await repo.insertGroup(tx, {
      activityId: activity.id,
      centreId: input.centreId,
      name: input.name,
      leaderId: input.leaderId,
      room: input.room,
      startsOn: input.startsOn,
      endsOn: input.endsOn,
      schedule,
      createdBy: actor.userId,
    });
    const closureDays = await activities.listClosureDays(tx, activity.programmeId);
    const planned = planGroupSessions(schedule, input.startsOn, input.endsOn, closureDays);
    await repo.insertSessions(tx, group.id, planned.sessions);
    return presentDetail(tx, actor, group.id);
  });
}

/** Groups at the actor's centres (or the one asked for), by name. */
export async function list(
  db: Db,
  actor: Actor,
  query: z.output<typeof groupListQuery>,
): Promise<{ items: GroupSummary[] }> {
  authorize(actor, 'participant.read');
  if (query.centreId && !actor.centreIds.includes(query.centreId)) throw new AppError('FORBIDDEN');
  const rows = await repo.listGroups(db, actor, {
    centreIds: query.centreId ? [query.centreId] : actor.centreIds,
    activityIds: query.activityId ? [query.activityId] : undefined,
    activeOn: query.activeOn,
  });
  return { items: sortByName(rows).map(presentSummary) };
}

/** A group with its sessions and the members the actor may see; reading the members is logged. */
export async function get(db: Db, actor: Actor, id: string): Promise<GroupDetail> {
  authorize(actor, 'participant.read');
  return db.transaction(async (tx) => {
    await loadGroup(tx, actor, id);
    const detail = await presentDetail(tx, actor, id);
    await logAccess(tx, actor, await memberTargets(tx, actor, id), 'read', 'group.view');
    return detail;
  });
}

/** Changes name, leader and room against the version read; the schedule stays. */
export async function update(
  db: Db,
  actor: Actor,
  id: string,
  input: z.output<typeof groupUpdateInput>,
): Promise<GroupDetail> {
  authorize(actor, 'group.manage');
  return db.transaction(async (tx) => {
    const { group } = await loadGroup(tx, actor, id);
    if (!(await repo.isCentreStaff(tx, group.centreId, input.leaderId)))
      throw fieldError(['leaderId'], 'not_centre_staff');
    const saved = await repo.updateGroupVersioned(tx, id, input.version, {
      name: input.name,
      leaderId: input.leaderId,
      room: input.room,
    });
    if (!saved) throw new AppError('VERSION_CONFLICT', { current: await presentDetail(tx, actor, id) });
    return presentDetail(tx, actor, id);
  });
}

/** A group at one of the actor's centres: 404 when there is none, 403 when it is another centre's. */
async function loadGroup(tx: Executor, actor: Actor, id: string) {
  const found = await repo.findGroup(tx, id);
  if (!found) throw new AppError('NOT_FOUND');
  if (!actor.centreIds.includes(found.group.centreId)) throw new AppError('FORBIDDEN');
  return found;
}

async function memberTargets(tx: Executor, actor: Actor, groupId: string) {
  const members = await repo.visibleMembers(tx, actor, [groupId]);
  return [
    ...new Map(
      members.map((m) => [m.participantId, { id: m.participantId, centreId: m.participantCentreId }]),
    ).values(),
  ];
}

async function presentDetail(tx: Executor, actor: Actor, id: string): Promise<GroupDetail> {
  const [summary] = await repo.listGroups(tx, actor, { centreIds: actor.centreIds, ids: [id] });
  if (!summary) throw new AppError('NOT_FOUND');
  const members = await repo.visibleMembers(tx, actor, [id]);
  const sessions = await repo.sessionsOfGroup(tx, actor, id);
  const closureDays = await activities.listClosureDays(tx, summary.programmeId);
  const schedule = summary.schedule as ScheduleSlot[];
  const withSession = await repo.sessionDates(tx, id);
  const { skipped } = planGroupSessions(schedule, summary.startsOn, summary.endsOn, closureDays);
  return {
    ...presentSummary(summary),
    members: members.map(presentMember),
    sessions: sessions.map(presentSession),
    // A closure day added later cancels the session rather than removing it: that date has a session.
    skipped: skipped.filter((s) => !withSession.has(s.date)),
  };
}

function presentSummary(row: repo.GroupSummaryRow): GroupSummary {
  return {
    id: row.id,
    name: row.name,
    activityId: row.activityId,
    activityName: row.activityName,
    activityType: row.activityType,
    programmeId: row.programmeId,
    centreId: row.centreId,
    centreName: row.centreName,
    leaderId: row.leaderId,
    leaderName: row.leaderName,
    room: row.room,
    startsOn: row.startsOn,
    endsOn: row.endsOn,
    schedule: row.schedule as ScheduleSlot[],
    memberCount: row.memberCount,
    sessionCount: row.sessionCount,
    version: row.version,
  };
}

function sortByName<T extends { name: string; id: string }>(rows: T[]): T[] {
  return [...rows].sort((a, b) => collator.compare(a.name, b.name) || compare(a.id, b.id));
}

/** Two slots on the same weekday must not overlap: sessions of a group never run at once. */
export function overlappingSlots(schedule: readonly ScheduleSlot[]): Issue[] {
  const issues: Issue[] = [];
  schedule.forEach((slot, index) => {
    const clash = schedule.some(
      (other, j) =>
        j < index &&
        other.weekday === slot.weekday &&
        other.startTime < slot.endTime &&
        slot.startTime < other.endTime,
    );
    if (clash) issues.push(issue(['schedule', index, 'startTime'], 'overlaps'));
  });
  return issues;
}

// ---------------------------------------------------------------- sessions

/**
 * Moves a session (date, times, room, leader) or records what it covered. The first move keeps the original
 * date in movedFrom; moving it back clears it. A session with attendance keeps its date and times.
 */
export async function updateSession(
  db: Db,
  actor: Actor,
  id: string,
  input: z.output<typeof sessionUpdateInput>,
): Promise<Session> {
  authorize(actor, 'group.manage');
  return db.transaction(async (tx) => {
    const { session, group, activity } = await loadSession(tx, actor, id);
    if (session.status === 'cancelled') throw new AppError('SESSION_ALREADY_CANCELLED');
    const issues: Issue[] = [];
    if (input.civicAreas.length > 0 && activity.type !== 'civic_orientation')
      issues.push(issue(['civicAreas'], 'civic_orientation_only'));
    if (input.date < group.startsOn || input.date > group.endsOn)
      issues.push(issue(['date'], 'outside_group_period'));
    else if (await repo.slotTaken(tx, group.id, input.date, input.startTime, id))
      issues.push(issue(['date'], 'slot_taken'));
    if (!(await repo.isCentreStaff(tx, group.centreId, input.leaderId)))
      issues.push(issue(['leaderId'], 'not_centre_staff'));
    if (issues.length > 0) throw new AppError('VALIDATION_FAILED', { fields: issues });
    const moved =
      input.date !== session.sessionDate ||
      input.startTime !== session.startTime ||
      input.endTime !== session.endTime;
    if (moved && (await repo.hasAttendance(tx, id))) throw new AppError('SESSION_HAS_ATTENDANCE');
    const original = session.movedFrom ?? session.sessionDate;
    const saved = await onUniqueViolation(fieldError(['date'], 'slot_taken'), () =>
      repo.updateSessionVersioned(tx, id, input.version, {
        sessionDate: input.date,
        startTime: input.startTime,
        endTime: input.endTime,
        movedFrom: input.date === original ? null : original,
        // The group's own leader and room are not copied, so the session follows later changes to the group.
        leaderId: input.leaderId === group.leaderId ? null : input.leaderId,
        room: input.room === group.room ? null : input.room,
        civicAreas: [...new Set(input.civicAreas)].sort((a, b) => a - b),
        guestEmployer: input.guestEmployer,
      }),
    );
    if (!saved) throw new AppError('VERSION_CONFLICT', { current: await presentOneSession(tx, actor, id) });
    return presentOneSession(tx, actor, id);
  });
}

/** Cancels a session with a reason; refused once attendance is recorded for it. */
export async function cancelSession(
  db: Db,
  actor: Actor,
  id: string,
  input: z.output<typeof sessionCancelInput>,
): Promise<Session> {
  authorize(actor, 'group.manage');
  return db.transaction(async (tx) => {
    const { session } = await loadSession(tx, actor, id);
    if (session.status === 'cancelled') throw new AppError('SESSION_ALREADY_CANCELLED');
    if (await repo.hasAttendance(tx, id)) throw new AppError('SESSION_HAS_ATTENDANCE');
    const saved = await repo.updateSessionVersioned(tx, id, input.version, {
      status: 'cancelled',
      cancelReason: input.reason,
    });
    if (!saved) throw new AppError('VERSION_CONFLICT', { current: await presentOneSession(tx, actor, id) });
    return presentOneSession(tx, actor, id);
  });
}

/**
 * A session of a group at one of the actor's centres: 404 when there is none, 403 when it is another centre's.
 * For the attendance feature too.
 */
export async function loadSession(tx: Executor, actor: Actor, id: string) {
  const found = await repo.findSession(tx, id);
  if (!found) throw new AppError('NOT_FOUND');
  if (!actor.centreIds.includes(found.group.centreId)) throw new AppError('FORBIDDEN');
  return found;
}

/** One session as the API shows it, counts as the actor may see them. */
export async function presentOneSession(tx: Executor, actor: Actor, id: string): Promise<Session> {
  const row = await repo.sessionView(tx, actor, id);
  if (!row) throw new AppError('NOT_FOUND');
  return presentSession(row);
}

export function presentSession(row: repo.SessionRow): Session {
  return {
    id: row.id,
    groupId: row.groupId,
    groupName: row.groupName,
    activityId: row.activityId,
    activityName: row.activityName,
    activityType: row.activityType,
    centreId: row.centreId,
    centreName: row.centreName,
    date: row.date,
    week: isoWeekLabel(row.date),
    startTime: row.startTime,
    endTime: row.endTime,
    room: row.room,
    leaderId: row.leaderId,
    leaderName: row.leaderName,
    status: row.status,
    cancelReason: row.cancelReason,
    movedFrom: row.movedFrom,
    civicAreas: row.civicAreas,
    guestEmployer: row.guestEmployer,
    memberCount: row.memberCount,
    recordedCount: row.recordedCount,
    version: row.version,
  };
}

/**
 * One ISO week (Monday–Sunday) of sessions for exactly one of a centre, a group, a leader or a participant.
 * A participant's week is the sessions of the groups they are a member of on each date; reading it is logged.
 */
export async function week(db: Db, actor: Actor, query: z.output<typeof weekQuery>): Promise<WeekSchedule> {
  authorize(actor, 'participant.read');
  const given = (['centreId', 'groupId', 'leaderId', 'participantId'] as const).filter((k) => query[k]);
  if (given.length !== 1) throw fieldError(['scope'], 'exactly_one');
  const range = weekRange(query.week);
  return db.transaction(async (tx) => {
    let scope: repo.WeekScope;
    let participant: { id: string; centreId: string } | undefined;
    if (query.centreId) {
      if (!(await repo.findCentre(tx, query.centreId))) throw new AppError('NOT_FOUND');
      if (!actor.centreIds.includes(query.centreId)) throw new AppError('FORBIDDEN');
      scope = { centreId: query.centreId };
    } else if (query.groupId) {
      await loadGroup(tx, actor, query.groupId);
      scope = { groupId: query.groupId };
    } else if (query.leaderId) {
      if (!(await repo.findUser(tx, query.leaderId))) throw new AppError('NOT_FOUND');
      scope = { leaderId: query.leaderId, centreIds: actor.centreIds };
    } else {
      participant = (await participants.loadVisible(tx, actor, query.participantId ?? '')).participant;
      scope = { participantId: participant.id };
    }
    const rows = await repo.sessionsBetween(tx, actor, range.from, range.to, scope);
    if (participant) await logAccess(tx, actor, [participant], 'read', 'group.week');
    const sessions = [...rows].sort(
      (a, b) =>
        compare(a.date, b.date) ||
        compare(a.startTime, b.startTime) ||
        collator.compare(a.groupName, b.groupName) ||
        compare(a.id, b.id),
    );
    return { week: query.week, from: range.from, to: range.to, sessions: sessions.map(presentSession) };
  });
}

/** Monday and Sunday of an ISO week as '2026-W53'; a week the year does not have is a field error. */
function weekRange(week: string): { from: string; to: string } {
  const [year, weekNumber] = week.split('-W').map(Number);
  try {
    const range = isoWeekRange(year ?? 0, weekNumber ?? 0);
    // Years the calendar cannot hold (0000, or a week ending in year 10000) are no weeks either.
    if (isValidIsoDate(range.from) && isValidIsoDate(range.to) && isoWeekLabel(range.from) === week)
      return range;
  } catch {
    // isoWeekRange refuses week 53 of a year with 52 weeks.
  }
  throw fieldError(['week'], 'invalid_value');
}

// ---------------------------------------------------------------- members

/** Adds an active enrolment at the group's centre to the group from a day within the group's period. */
export async function addMember(
  db: Db,
  actor: Actor,
  groupId: string,
  input: z.output<typeof memberInput>,
): Promise<GroupMember> {
  authorize(actor, 'group.manage');
  return db.transaction(async (tx) => {
    const { group, activity } = await loadGroup(tx, actor, groupId);
    if (await isPlacementGroup(tx, groupId)) throw new AppError('PLACEMENT_GROUP');
    const found = await enrolments.findById(tx, input.enrolmentId);
    if (!found) throw fieldError(['enrolmentId'], 'not_found');
    const enrolment = found.enrolment;
    const { participant } = await participants.loadWritable(tx, actor, enrolment.participantId);
    if (enrolment.exitedOn) throw new AppError('ENROLMENT_ALREADY_EXITED');
    const issues: Issue[] = [];
    if (enrolment.programmeId !== activity.programmeId) issues.push(issue(['enrolmentId'], 'invalid_choice'));
    else if (enrolment.centreId !== group.centreId)
      issues.push(issue(['enrolmentId'], 'not_in_group_centre'));
    if (input.joinedOn < group.startsOn || input.joinedOn > group.endsOn)
      issues.push(issue(['joinedOn'], 'outside_group_period'));
    else if (input.joinedOn < enrolment.startsOn) issues.push(issue(['joinedOn'], 'before_starts_on'));
    if (issues.length > 0) throw new AppError('VALIDATION_FAILED', { fields: issues });
    if (await repo.activeMembership(tx, groupId, enrolment.id)) throw new AppError('GROUP_MEMBER_EXISTS');
    // A concurrent add of the same person trips the unique index of active memberships.
    const row = await onUniqueViolation(new AppError('GROUP_MEMBER_EXISTS'), () =>
      repo.insertMember(tx, {
        groupId,
        enrolmentId: enrolment.id,
        joinedOn: input.joinedOn,
        createdBy: actor.userId,
      }),
    );
    await logAccess(tx, actor, [participant], 'update', 'group.join');
    return loadMember(tx, row.id);
  });
}

export async function leaveGroup(
  db: Db,
  actor: Actor,
  memberId: string,
  input: z.output<typeof memberLeaveInput>,
): Promise<GroupMember> {
  authorize(actor, 'group.manage');
  return db.transaction(async (tx) => {
    const member = await repo.findMember(tx, memberId);
    if (!member) throw new AppError('NOT_FOUND');
    await loadGroup(tx, actor, member.groupId);
    if (await isPlacementGroup(tx, member.groupId)) throw new AppError('PLACEMENT_GROUP');
    const { participant } = await participants.loadWritable(tx, actor, member.participantId);
    if (member.leftOn) throw new AppError('GROUP_MEMBER_ALREADY_LEFT');
    if (input.leftOn < member.joinedOn) throw fieldError(['leftOn'], 'before_starts_on');
    if (!(await repo.leave(tx, memberId, input.leftOn))) throw new AppError('GROUP_MEMBER_ALREADY_LEFT');
    await logAccess(tx, actor, [participant], 'update', 'group.leave');
    return loadMember(tx, memberId);
  });
}

async function loadMember(tx: Executor, id: string): Promise<GroupMember> {
  const row = await repo.findMember(tx, id);
  if (!row) throw new AppError('NOT_FOUND');
  return presentMember(row);
}

function presentMember(row: {
  id: string;
  groupId: string;
  enrolmentId: string;
  participantId: string;
  firstName: string;
  lastName: string;
  protectedIdentity: boolean;
  joinedOn: string;
  leftOn: string | null;
}): GroupMember {
  return {
    id: row.id,
    groupId: row.groupId,
    enrolmentId: row.enrolmentId,
    participantId: row.participantId,
    firstName: row.firstName,
    lastName: row.lastName,
    protectedIdentity: row.protectedIdentity,
    joinedOn: row.joinedOn,
    leftOn: row.leftOn,
  };
}

/** A participant's groups through all their enrolments, current and past; the read is logged. */
export async function participantGroups(
  db: Db,
  actor: Actor,
  participantId: string,
): Promise<ParticipantGroups> {
  return db.transaction(async (tx) => {
    const { participant } = await participants.loadVisible(tx, actor, participantId);
    const rows = await repo.membershipsOf(tx, participantId);
    await logAccess(tx, actor, [participant], 'read', 'group.participant');
    return {
      items: rows.map((r) => ({
        ...presentMember(r),
        groupName: r.groupName,
        activityName: r.activityName,
        activityType: r.activityType,
      })),
    };
  });
}

/**
 * At enrolment: the programme's active activities mandatory for the enrolment's target group, each with the
 * enrolment centre's groups of it still running (ending today or later) and whether the participant is in them.
 */
export async function proposedActivities(
  db: Db,
  actor: Actor,
  enrolmentId: string,
): Promise<ProposedActivities> {
  authorize(actor, 'participant.read');
  return db.transaction(async (tx) => {
    const found = await enrolments.findById(tx, enrolmentId);
    if (!found) throw new AppError('NOT_FOUND');
    const enrolment = found.enrolment;
    const { participant } = await participants.loadVisible(tx, actor, enrolment.participantId);
    const ids = await activities.mandatoryActivityIds(tx, enrolment.programmeId, enrolment.targetGroupId);
    const rows = sortByName(await activities.listActivities(tx, { ids }));
    const groups = sortByName(
      await repo.listGroups(tx, actor, {
        centreIds: [enrolment.centreId],
        activityIds: ids,
        activeOn: todayInSweden(),
      }),
    );
    const member = await repo.groupsWithActiveMember(
      tx,
      enrolmentId,
      groups.map((g) => g.id),
    );
    await logAccess(tx, actor, [participant], 'read', 'group.proposals');
    return {
      items: rows.map((a) => ({
        activity: presentActivity(a),
        groups: groups
          .filter((g) => g.activityId === a.id)
          .map((g) => ({ ...presentSummary(g), isMember: member.has(g.id) })),
      })),
    };
  });
}

// ---------------------------------------------------------------- helpers

/** Runs a write; a unique violation (someone else saved the same first) becomes the given error. */
async function onUniqueViolation<T>(error: AppError, write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (cause) {
    for (let current = cause, depth = 0; current && depth < 5; depth++) {
      if ((current as { code?: string }).code === '23505') throw error;
      current = (current as { cause?: unknown }).cause;
    }
    throw cause;
  }
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function issue(path: (string | number)[], message: string): Issue {
  return { code: 'custom', path, message };
}
