import { and, asc, count, eq, inArray, not, type SQL, sql } from 'drizzle-orm';
import type { EnrolmentFilter } from '../../../core/dashboard.ts';
import type { ParticipantStatus } from '../../../core/enums.ts';
import type { Executor } from '../../db/client.ts';
import {
  centres,
  consents,
  educationLevels,
  enrolmentSteps,
  enrolments,
  followUps,
  municipalities,
  participantIdentityHistory,
  participantStaff,
  participants,
  referrals,
  targetGroups,
  users,
} from '../../db/schema.ts';
import type { Actor } from '../auth/actor.ts';

export type ParticipantRow = typeof participants.$inferSelect;
export type NewParticipant = typeof participants.$inferInsert;

export function assignedTo(userId: string): SQL {
  return sql`exists (select 1 from ${participantStaff} ps
    where ps.participant_id = ${participants.id} and ps.user_id = ${userId})`;
}

/**
 * Who may see a participant: staff of the participant's centre or staff assigned to them; a person with
 * protected identity only by assigned staff.
 */
export function visibleTo(actor: Actor): SQL {
  const assigned = assignedTo(actor.userId);
  const inCentre = actor.centreIds.length > 0 ? inArray(participants.centreId, actor.centreIds) : sql`false`;
  return sql`(((${inCentre}) or ${assigned}) and (not ${participants.protectedIdentity} or ${assigned}))`;
}

/**
 * The ids of the people the actor can reach by the two indexed ways in: the actor's centres and the actor's
 * assignments. It selects nothing `visibleTo` does not already allow; a list adds it beside `visibleTo` so
 * the planner can start from these rows (a coordinator's few hundred) instead of testing every participant.
 */
export function reachableBy(actor: Actor): SQL {
  const assigned = sql`select ps.participant_id from ${participantStaff} ps where ps.user_id = ${actor.userId}`;
  if (actor.centreIds.length === 0) return sql`${participants.id} in (${assigned})`;
  return sql`${participants.id} in (select pc.id from ${participants} pc
    where pc.centre_id in (${valueList(actor.centreIds)}) union all ${assigned})`;
}

/** The participant's status, derived from enrolments and referrals so it can never disagree with them. */
export const participantStatus = sql<ParticipantStatus>`case
  when exists (select 1 from ${enrolments} e where e.participant_id = ${participants.id} and e.exited_on is null)
    then 'enrolled'
  when exists (select 1 from ${referrals} r where r.participant_id = ${participants.id}
    and r.status in ('received', 'meeting_booked')) then 'referred'
  when exists (select 1 from ${enrolments} e where e.participant_id = ${participants.id}) then 'exited'
  else 'closed' end`;

/** Consent to participation was given and then withdrawn, with no newer consent: the record is read-only. */
export const participantReadOnly = sql<boolean>`(exists (select 1 from ${consents} c
    where c.participant_id = ${participants.id} and c.participation and c.withdrawn_on is not null)
  and not exists (select 1 from ${consents} c
    where c.participant_id = ${participants.id} and c.participation and c.withdrawn_on is null))`;

const summaryColumns = {
  id: participants.id,
  identityType: participants.identityType,
  personalIdentityNumber: participants.personalIdentityNumber,
  reserveNumber: participants.reserveNumber,
  firstName: participants.firstName,
  lastName: participants.lastName,
  birthDate: participants.birthDate,
  legalGender: participants.legalGender,
  centreId: participants.centreId,
  centreName: centres.name,
  protectedIdentity: participants.protectedIdentity,
  status: participantStatus,
};
export type ParticipantSummaryRow = Pick<
  ParticipantRow,
  | 'id'
  | 'identityType'
  | 'personalIdentityNumber'
  | 'reserveNumber'
  | 'firstName'
  | 'lastName'
  | 'birthDate'
  | 'legalGender'
  | 'centreId'
  | 'protectedIdentity'
> & { centreName: string; status: ParticipantStatus };

/**
 * The conditions of an enrolment filter on one row of `enrolments` joined with its participant. The dashboard
 * counts such rows with them and the participant list asks for a person with an enrolment that meets them, so a
 * figure and the list behind it agree.
 */
export function enrolmentConditions(filter: EnrolmentFilter): SQL[] {
  return [...personConditions(filter), ...enrolmentOnlyConditions(filter)];
}

function personConditions(filter: EnrolmentFilter): SQL[] {
  const conditions: SQL[] = [];
  if (filter.municipalityCode)
    conditions.push(sql`${participants.municipalityCode} = ${filter.municipalityCode}`);
  if (filter.legalGender) conditions.push(sql`${participants.legalGender} = ${filter.legalGender}`);
  return conditions;
}

function enrolmentOnlyConditions(filter: EnrolmentFilter): SQL[] {
  const e = enrolments;
  const conditions: SQL[] = [];
  if (filter.programmeId) conditions.push(sql`${e.programmeId} = ${filter.programmeId}`);
  if (filter.enrolmentCentreId) conditions.push(sql`${e.centreId} = ${filter.enrolmentCentreId}`);
  if (filter.targetGroup)
    conditions.push(sql`${e.targetGroupId} in (select ${targetGroups.id} from ${targetGroups}
      where ${targetGroups.kind} = ${filter.targetGroup})`);
  if (filter.activeOn)
    conditions.push(
      sql`${e.startsOn} <= ${filter.activeOn} and (${e.exitedOn} is null or ${e.exitedOn} > ${filter.activeOn})`,
    );
  if (filter.stepId) {
    conditions.push(sql`exists (select 1 from ${enrolmentSteps}
      where ${enrolmentSteps.enrolmentId} = ${e.id} and ${enrolmentSteps.stepId} = ${filter.stepId}
      and ${stepOpen(filter.activeOn)})`);
  }
  if (filter.enrolledFrom) conditions.push(sql`${e.startsOn} >= ${filter.enrolledFrom}`);
  if (filter.enrolledTo) conditions.push(sql`${e.startsOn} <= ${filter.enrolledTo}`);
  if (filter.exitedFrom) conditions.push(sql`${e.exitedOn} >= ${filter.exitedFrom}`);
  if (filter.exitedTo) conditions.push(sql`${e.exitedOn} <= ${filter.exitedTo}`);
  if (filter.outcome) conditions.push(sql`${e.exitOutcome} in (${valueList(filter.outcome)})`);
  if (filter.followUp) {
    const statuses = filter.followUp.filter((v) => v !== 'pending');
    const parts: SQL[] = [];
    if (statuses.length > 0) parts.push(sql`${followUps.status} in (${valueList(statuses)})`);
    if (filter.followUp.includes('pending')) parts.push(sql`${followUps.status} is null`);
    conditions.push(sql`exists (select 1 from ${followUps} where ${followUps.enrolmentId} = ${e.id}
      and (${sql.join(parts, sql` or `)}))`);
  }
  return conditions;
}

/** A row of `enrolment_steps` under way on the day: started, not ended by then; without a day, not ended. */
export function stepOpen(on: string | undefined): SQL {
  const s = enrolmentSteps;
  return on
    ? sql`(${s.startedOn} <= ${on} and (${s.endedOn} is null or ${s.endedOn} > ${on}))`
    : sql`${s.endedOn} is null`;
}

function valueList(values: readonly string[]): SQL {
  return sql.join(
    values.map((v) => sql`${v}`),
    sql`, `,
  );
}

export type ParticipantFilter = {
  search: { kind: 'number'; value: string } | { kind: 'text'; value: string } | null;
  centreId: string | undefined;
  status: ParticipantStatus | undefined;
  /** People with an enrolment that meets all of it (and the person conditions in it). */
  enrolment: EnrolmentFilter;
};

export async function listVisible(
  db: Executor,
  actor: Actor,
  filter: ParticipantFilter,
  limit: number,
  offset: number,
) {
  const conditions: SQL[] = [visibleTo(actor), reachableBy(actor)];
  // The search text holds the names and the identity or reserve number, and has the trigram index.
  if (filter.search) conditions.push(sql`${participants.searchText} like ${containing(filter.search.value)}`);
  if (filter.centreId) conditions.push(eq(participants.centreId, filter.centreId));
  if (filter.status) conditions.push(sql`${participantStatus} = ${filter.status}`);
  conditions.push(...personConditions(filter.enrolment));
  const ofEnrolment = enrolmentOnlyConditions(filter.enrolment);
  if (ofEnrolment.length > 0) {
    conditions.push(sql`exists (select 1 from ${enrolments}
      where ${enrolments.participantId} = ${participants.id} and ${and(...ofEnrolment)})`);
  }
  const where = and(...conditions);
  const items = await db
    .select(summaryColumns)
    .from(participants)
    .innerJoin(centres, eq(centres.id, participants.centreId))
    .where(where)
    .orderBy(asc(participants.sortName), asc(participants.id))
    .limit(limit)
    .offset(offset);
  const [total] = await db.select({ n: count() }).from(participants).where(where);
  return { items: items satisfies ParticipantSummaryRow[], total: total?.n ?? 0 };
}

/** A LIKE pattern for text containing `value`, where % and _ typed by the user mean themselves. */
function containing(value: string): string {
  return `%${value.replace(/[\\%_]/g, '\\$&')}%`;
}

export async function findById(db: Executor, id: string) {
  const [row] = await db
    .select({
      participant: participants,
      centreName: centres.name,
      municipalityName: municipalities.name,
      educationLevelName: educationLevels.name,
      status: participantStatus,
      readOnly: participantReadOnly,
    })
    .from(participants)
    .innerJoin(centres, eq(centres.id, participants.centreId))
    .leftJoin(municipalities, eq(municipalities.code, participants.municipalityCode))
    .leftJoin(educationLevels, eq(educationLevels.code, participants.educationLevelCode))
    .where(eq(participants.id, id));
  return row ?? null;
}
export type ParticipantDetailRow = NonNullable<Awaited<ReturnType<typeof findById>>>;

export async function isAssigned(db: Executor, participantId: string, userId: string): Promise<boolean> {
  const [row] = await db
    .select({ n: count() })
    .from(participantStaff)
    .where(and(eq(participantStaff.participantId, participantId), eq(participantStaff.userId, userId)));
  return (row?.n ?? 0) > 0;
}

export async function findIdByIdentityNumber(db: Executor, normalised: string): Promise<string | null> {
  const [row] = await db
    .select({ id: participants.id })
    .from(participants)
    .where(eq(participants.personalIdentityNumber, normalised));
  return row?.id ?? null;
}

/** The person with protected identity who has this number, when the actor may not see them. */
export async function findHiddenProtected(
  db: Executor,
  actor: Actor,
  normalised: string,
): Promise<{ id: string; centreId: string } | null> {
  const [row] = await db
    .select({ id: participants.id, centreId: participants.centreId })
    .from(participants)
    .where(
      and(
        eq(participants.personalIdentityNumber, normalised),
        eq(participants.protectedIdentity, true),
        not(visibleTo(actor)),
      ),
    );
  return row ?? null;
}

/** The fields whose code is not in its code list (municipality, SUN education level); null passes. */
export async function unknownCodes(
  db: Executor,
  codes: { municipalityCode: string | null; educationLevelCode: string | null },
): Promise<('municipalityCode' | 'educationLevelCode')[]> {
  const unknown: ('municipalityCode' | 'educationLevelCode')[] = [];
  if (codes.municipalityCode) {
    const [row] = await db
      .select({ code: municipalities.code })
      .from(municipalities)
      .where(eq(municipalities.code, codes.municipalityCode));
    if (!row) unknown.push('municipalityCode');
  }
  if (codes.educationLevelCode) {
    const [row] = await db
      .select({ code: educationLevels.code })
      .from(educationLevels)
      .where(eq(educationLevels.code, codes.educationLevelCode));
    if (!row) unknown.push('educationLevelCode');
  }
  return unknown;
}

export async function insert(db: Executor, values: NewParticipant): Promise<ParticipantRow> {
  const [row] = await db.insert(participants).values(values).returning();
  if (!row) throw new Error('insert returned no row');
  return row;
}

/** Updates only if nobody else saved since `version`; returns null on a lost race. */
export async function updateVersioned(
  db: Executor,
  id: string,
  version: number,
  values: Partial<NewParticipant>,
): Promise<ParticipantRow | null> {
  const [row] = await db
    .update(participants)
    .set({ ...values, version: sql`${participants.version} + 1`, updatedAt: new Date() })
    .where(and(eq(participants.id, id), eq(participants.version, version)))
    .returning();
  return row ?? null;
}

export async function insertIdentityHistory(
  db: Executor,
  entry: typeof participantIdentityHistory.$inferInsert,
): Promise<void> {
  await db.insert(participantIdentityHistory).values(entry);
}

export async function identityHistory(db: Executor, participantId: string) {
  return db
    .select({
      identityType: participantIdentityHistory.identityType,
      identityNumber: participantIdentityHistory.identityNumber,
      replacedAt: participantIdentityHistory.replacedAt,
    })
    .from(participantIdentityHistory)
    .where(eq(participantIdentityHistory.participantId, participantId))
    .orderBy(asc(participantIdentityHistory.replacedAt));
}

export async function assignedStaff(db: Executor, participantId: string) {
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
    .orderBy(asc(users.name));
}

export async function assign(db: Executor, participantId: string, userId: string, isContact: boolean) {
  await db.insert(participantStaff).values({ participantId, userId, isContact }).onConflictDoNothing();
}
