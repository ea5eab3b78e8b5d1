import { and, eq, inArray, type SQL, sql } from 'drizzle-orm';
import { type DashboardFigure, type DashboardScope, figureFilter } from '../../../core/dashboard.ts';
import type { ExitOutcome, LegalGender, TargetGroupKind } from '../../../core/enums.ts';
import type { Executor } from '../../db/client.ts';
import { enrolmentSteps, enrolments, municipalities, participants, targetGroups } from '../../db/schema.ts';
import type { Actor } from '../auth/actor.ts';
import { enrolmentConditions, stepOpen, visibleTo } from '../participants/participants.repo.ts';

// Every figure is an aggregate over the programme's enrolments of people the actor may see (a protected person
// only for their own staff), with the conditions of `figureFilter`: the same the participant list filters by.

/** The conditions of a figure as one SQL condition. */
function figure(scope: DashboardScope, which: DashboardFigure): SQL {
  return and(...enrolmentConditions(figureFilter(scope, which))) ?? sql`true`;
}

function scopeWhere(actor: Actor, scope: DashboardScope, which: DashboardFigure = { kind: 'cohort' }) {
  return and(visibleTo(actor), figure(scope, which));
}

const rows = (n: SQL) => sql<number>`count(*) filter (where ${n})`.mapWith(Number);
const daysToExit = sql`(${enrolments.exitedOn} - ${enrolments.startsOn})`;
// Drivers give double precision as a number or a string; null when no one is counted.
const nullableNumber = (value: unknown): number | null => (value === null ? null : Number(value));
const median = (n: SQL) =>
  sql`percentile_cont(0.5) within group (order by ${daysToExit}) filter (where ${n})`.mapWith(nullableNumber);

/**
 * The single figures by legal gender, with a total row (rollup): enrolled people, active enrolments, exits, to
 * work or studies, followed up, in work or studies then, follow-ups pending, and the medians of days to exit.
 */
export async function summary(db: Executor, actor: Actor, scope: DashboardScope) {
  const f = (which: DashboardFigure) => figure(scope, which);
  return db
    .select({
      legalGender: participants.legalGender,
      isTotal: sql<number>`grouping(${participants.legalGender})`.mapWith(Number),
      // People, not enrolments: someone enrolled twice in the period is one of the planned participants.
      enrolled: sql<number>`count(distinct ${enrolments.participantId})
        filter (where ${f({ kind: 'enrolled' })})`.mapWith(Number),
      active: rows(f({ kind: 'active' })),
      exited: rows(f({ kind: 'exited' })),
      exitedToWorkOrStudies: rows(f({ kind: 'exitedToWorkOrStudies' })),
      followedUp: rows(f({ kind: 'followedUp' })),
      followedUpInWorkOrStudies: rows(f({ kind: 'followedUpInWorkOrStudies' })),
      followUpPending: rows(f({ kind: 'followUpPending' })),
      medianToExit: median(f({ kind: 'exited' })),
      medianToWorkOrStudies: median(f({ kind: 'exitedToWorkOrStudies' })),
    })
    .from(enrolments)
    .innerJoin(participants, eq(participants.id, enrolments.participantId))
    .where(scopeWhere(actor, scope))
    .groupBy(sql`rollup (${participants.legalGender})`);
}
export type SummaryRow = Awaited<ReturnType<typeof summary>>[number];

/** A count of some key by legal gender. */
export type KeyedCount<K> = { key: K; legalGender: LegalGender; n: number };

/** Enrolments active on the period's last day by the steps under way then (a person may be in several). */
export async function activeByStep(
  db: Executor,
  actor: Actor,
  scope: DashboardScope,
): Promise<KeyedCount<string>[]> {
  return db
    .select({
      key: enrolmentSteps.stepId,
      legalGender: participants.legalGender,
      n: sql<number>`count(distinct ${enrolments.id})`.mapWith(Number),
    })
    .from(enrolments)
    .innerJoin(participants, eq(participants.id, enrolments.participantId))
    .innerJoin(enrolmentSteps, and(eq(enrolmentSteps.enrolmentId, enrolments.id), stepOpen(scope.to)))
    .where(scopeWhere(actor, scope, { kind: 'active' }))
    .groupBy(enrolmentSteps.stepId, participants.legalGender);
}

export async function activeByCentre(
  db: Executor,
  actor: Actor,
  scope: DashboardScope,
): Promise<KeyedCount<string>[]> {
  return db
    .select({
      key: enrolments.centreId,
      legalGender: participants.legalGender,
      n: sql<number>`count(*)`.mapWith(Number),
    })
    .from(enrolments)
    .innerJoin(participants, eq(participants.id, enrolments.participantId))
    .where(scopeWhere(actor, scope, { kind: 'active' }))
    .groupBy(enrolments.centreId, participants.legalGender);
}

export async function activeByTargetGroup(
  db: Executor,
  actor: Actor,
  scope: DashboardScope,
): Promise<KeyedCount<TargetGroupKind>[]> {
  return db
    .select({
      key: targetGroups.kind,
      legalGender: participants.legalGender,
      n: sql<number>`count(*)`.mapWith(Number),
    })
    .from(enrolments)
    .innerJoin(participants, eq(participants.id, enrolments.participantId))
    .innerJoin(targetGroups, eq(targetGroups.id, enrolments.targetGroupId))
    .where(scopeWhere(actor, scope, { kind: 'active' }))
    .groupBy(targetGroups.kind, participants.legalGender);
}

export async function exitsByOutcome(
  db: Executor,
  actor: Actor,
  scope: DashboardScope,
): Promise<KeyedCount<ExitOutcome>[]> {
  const result = await db
    .select({
      key: enrolments.exitOutcome,
      legalGender: participants.legalGender,
      n: sql<number>`count(*)`.mapWith(Number),
    })
    .from(enrolments)
    .innerJoin(participants, eq(participants.id, enrolments.participantId))
    .where(scopeWhere(actor, scope, { kind: 'exited' }))
    .groupBy(enrolments.exitOutcome, participants.legalGender);
  // An exit always has its outcome (a CHECK constraint ties them together).
  return result.flatMap((r) => (r.key ? [{ ...r, key: r.key }] : []));
}

/** People enrolled in each month of the period (YYYY-MM). */
export async function enrolledByMonth(
  db: Executor,
  actor: Actor,
  scope: DashboardScope,
): Promise<KeyedCount<string>[]> {
  const month = sql<string>`to_char(${enrolments.startsOn}, 'YYYY-MM')`;
  return db
    .select({
      key: month,
      legalGender: participants.legalGender,
      n: sql<number>`count(distinct ${enrolments.participantId})`.mapWith(Number),
    })
    .from(enrolments)
    .innerJoin(participants, eq(participants.id, enrolments.participantId))
    .where(scopeWhere(actor, scope, { kind: 'enrolled' }))
    .groupBy(month, participants.legalGender);
}

/** Exits in each month of the period (YYYY-MM). */
export async function exitedByMonth(
  db: Executor,
  actor: Actor,
  scope: DashboardScope,
): Promise<KeyedCount<string>[]> {
  const month = sql<string>`to_char(${enrolments.exitedOn}, 'YYYY-MM')`;
  return db
    .select({
      key: month,
      legalGender: participants.legalGender,
      n: sql<number>`count(*)`.mapWith(Number),
    })
    .from(enrolments)
    .innerJoin(participants, eq(participants.id, enrolments.participantId))
    .where(scopeWhere(actor, scope, { kind: 'exited' }))
    .groupBy(month, participants.legalGender);
}

export async function municipalityNames(db: Executor, codes: readonly string[]) {
  if (codes.length === 0) return [];
  return db
    .select({ code: municipalities.code, name: municipalities.name })
    .from(municipalities)
    .where(inArray(municipalities.code, [...codes]));
}
