import { and, asc, desc, eq, inArray, isNull } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import {
  centres,
  enrolmentSteps,
  enrolments,
  programmeSteps,
  programmes,
  targetGroups,
} from '../../db/schema.ts';

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
  return rows.map((r) => ({ ...r, steps: steps.filter((s) => s.enrolmentId === r.enrolment.id) }));
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
