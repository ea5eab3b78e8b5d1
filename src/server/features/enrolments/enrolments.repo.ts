import { and, asc, desc, eq, inArray, isNull, max, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import {
  centres,
  enrolmentSteps,
  enrolments,
  programmeSteps,
  programmes,
  targetGroups,
} from '../../db/schema.ts';
import { checklistsOf } from '../steps/steps.repo.ts';

export async function listForParticipant(db: Executor, participantId: string) {
  const rows = await db
    .select({
      enrolment: enrolments,
      programmeName: programmes.name,
      centreName: centres.name,
      targetGroupName: targetGroups.name,
      targetGroupKind: targetGroups.kind,
    })
    .from(enrolments)
    .innerJoin(programmes, eq(programmes.id, enrolments.programmeId))
    .innerJoin(centres, eq(centres.id, enrolments.centreId))
    .innerJoin(targetGroups, eq(targetGroups.id, enrolments.targetGroupId))
    .where(eq(enrolments.participantId, participantId))
    .orderBy(desc(enrolments.startsOn));
  const ids = rows.map((r) => r.enrolment.id);
  const steps =
    ids.length === 0
      ? []
      : await db
          .select({
            id: enrolmentSteps.id,
            enrolmentId: enrolmentSteps.enrolmentId,
            stepId: enrolmentSteps.stepId,
            ordinal: programmeSteps.ordinal,
            name: programmeSteps.name,
            startedOn: enrolmentSteps.startedOn,
            endedOn: enrolmentSteps.endedOn,
          })
          .from(enrolmentSteps)
          .innerJoin(programmeSteps, eq(programmeSteps.id, enrolmentSteps.stepId))
          .where(inArray(enrolmentSteps.enrolmentId, ids))
          .orderBy(asc(programmeSteps.ordinal), asc(enrolmentSteps.startedOn));
  const checklists = await checklistsOf(db, steps);
  return rows.map((r) => ({
    ...r,
    steps: steps
      .filter((s) => s.enrolmentId === r.enrolment.id)
      .map((s) => ({ ...s, checklist: checklists.get(s.id) ?? [] })),
  }));
}
export type EnrolmentJoinedRow = Awaited<ReturnType<typeof listForParticipant>>[number];

export async function findActive(db: Executor, participantId: string, programmeId: string) {
  const [row] = await db
    .select({ id: enrolments.id })
    .from(enrolments)
    .where(
      and(
        eq(enrolments.participantId, participantId),
        eq(enrolments.programmeId, programmeId),
        isNull(enrolments.exitedOn),
      ),
    );
  return row ?? null;
}

export async function insert(db: Executor, values: typeof enrolments.$inferInsert) {
  const [row] = await db.insert(enrolments).values(values).returning();
  if (!row) throw new Error('insert returned no row');
  return row;
}

export async function startStep(db: Executor, values: typeof enrolmentSteps.$inferInsert) {
  await db.insert(enrolmentSteps).values(values);
}

export async function findById(db: Executor, id: string) {
  const [row] = await db
    .select({ enrolment: enrolments, followUpDays: programmes.followUpDays })
    .from(enrolments)
    .innerJoin(programmes, eq(programmes.id, enrolments.programmeId))
    .where(eq(enrolments.id, id));
  return row ?? null;
}

/** The latest start among the enrolment's open steps: an exit cannot end a step before it began. */
export async function latestOpenStepStart(db: Executor, enrolmentId: string): Promise<string | null> {
  const [row] = await db
    .select({ latest: max(enrolmentSteps.startedOn) })
    .from(enrolmentSteps)
    .where(and(eq(enrolmentSteps.enrolmentId, enrolmentId), isNull(enrolmentSteps.endedOn)));
  return row?.latest ?? null;
}

export async function exitVersioned(
  db: Executor,
  id: string,
  version: number,
  values: Pick<
    typeof enrolments.$inferInsert,
    'exitedOn' | 'exitOutcome' | 'exitEmployerId' | 'exitOrganisation' | 'exitReason' | 'exitedBy'
  >,
) {
  const [row] = await db
    .update(enrolments)
    .set({ ...values, version: sql`${enrolments.version} + 1`, updatedAt: new Date() })
    .where(and(eq(enrolments.id, id), eq(enrolments.version, version), isNull(enrolments.exitedOn)))
    .returning();
  return row ?? null;
}

/** Records the status at the start; an exited enrolment may be corrected too. Null when the version is stale. */
export async function setLabourMarketStatusVersioned(
  db: Executor,
  id: string,
  version: number,
  labourMarketStatus: (typeof enrolments.$inferInsert)['labourMarketStatus'],
) {
  const [row] = await db
    .update(enrolments)
    .set({ labourMarketStatus, version: sql`${enrolments.version} + 1`, updatedAt: new Date() })
    .where(and(eq(enrolments.id, id), eq(enrolments.version, version)))
    .returning({ id: enrolments.id });
  return row ?? null;
}

export async function endOpenSteps(db: Executor, enrolmentId: string, endedOn: string) {
  await db
    .update(enrolmentSteps)
    .set({ endedOn, updatedAt: new Date() })
    .where(and(eq(enrolmentSteps.enrolmentId, enrolmentId), isNull(enrolmentSteps.endedOn)));
}
