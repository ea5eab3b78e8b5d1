import { and, asc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import {
  centres,
  checklistTicks,
  enrolmentSteps,
  enrolments,
  participants,
  programmeCentres,
  programmeSteps,
  programmes,
  stepChecklistItems,
  users,
} from '../../db/schema.ts';
import type { Actor } from '../auth/actor.ts';
import { visibleTo } from '../participants/participants.repo.ts';

export type ChecklistEntry = {
  itemId: string;
  label: string;
  tickedOn: string | null;
  tickedByName: string | null;
};

/** The checklist of each given enrolment step: its step's items, each with its tick for that enrolment step. */
export async function checklistsOf(
  db: Executor,
  steps: readonly { id: string; stepId: string }[],
): Promise<Map<string, ChecklistEntry[]>> {
  const result = new Map<string, ChecklistEntry[]>();
  if (steps.length === 0) return result;
  const items = await itemsOf(db, [...new Set(steps.map((s) => s.stepId))]);
  const ticks =
    items.length === 0
      ? []
      : await db
          .select({
            enrolmentStepId: checklistTicks.enrolmentStepId,
            itemId: checklistTicks.itemId,
            tickedOn: checklistTicks.tickedOn,
            tickedByName: users.name,
          })
          .from(checklistTicks)
          .innerJoin(users, eq(users.id, checklistTicks.tickedBy))
          .where(
            inArray(
              checklistTicks.enrolmentStepId,
              steps.map((s) => s.id),
            ),
          );
  for (const step of steps) {
    result.set(
      step.id,
      items
        .filter((i) => i.stepId === step.stepId)
        .map((i) => {
          const tick = ticks.find((t) => t.enrolmentStepId === step.id && t.itemId === i.id);
          return {
            itemId: i.id,
            label: i.label,
            tickedOn: tick?.tickedOn ?? null,
            tickedByName: tick?.tickedByName ?? null,
          };
        }),
    );
  }
  return result;
}

export async function itemsOf(db: Executor, stepIds: string[]) {
  if (stepIds.length === 0) return [];
  return db
    .select()
    .from(stepChecklistItems)
    .where(inArray(stepChecklistItems.stepId, stepIds))
    .orderBy(asc(stepChecklistItems.stepId), asc(stepChecklistItems.ordinal));
}

export async function findStep(db: Executor, id: string) {
  const [row] = await db.select().from(programmeSteps).where(eq(programmeSteps.id, id));
  return row ?? null;
}

/**
 * Makes the step's checklist the given list, in order: kept items are relabelled and renumbered in place, the
 * others inserted; items left out are deleted unless someone ticked them (those give back their ids).
 */
export async function saveChecklist(db: Executor, stepId: string, items: { id?: string; label: string }[]) {
  const current = await itemsOf(db, [stepId]);
  const kept = new Set(items.flatMap((i) => (i.id ? [i.id] : [])));
  const removed = current.filter((i) => !kept.has(i.id)).map((i) => i.id);
  if (removed.length > 0) {
    const ticked = await db
      .selectDistinct({ id: checklistTicks.itemId })
      .from(checklistTicks)
      .where(inArray(checklistTicks.itemId, removed));
    if (ticked.length > 0) return { inUse: ticked.map((t) => t.id) };
    await db.delete(stepChecklistItems).where(inArray(stepChecklistItems.id, removed));
  }
  // Ordinals are unique per step, so kept items first move out of the way of the final numbers.
  if (kept.size > 0)
    await db
      .update(stepChecklistItems)
      .set({ ordinal: sql`${stepChecklistItems.ordinal} + 1000` })
      .where(inArray(stepChecklistItems.id, [...kept]));
  for (const [index, item] of items.entries()) {
    if (item.id)
      await db
        .update(stepChecklistItems)
        .set({ ordinal: index + 1, label: item.label, updatedAt: new Date() })
        .where(eq(stepChecklistItems.id, item.id));
  }
  const added = items.flatMap((item, index) =>
    item.id ? [] : [{ stepId, ordinal: index + 1, label: item.label }],
  );
  if (added.length > 0) await db.insert(stepChecklistItems).values(added);
  return { inUse: [] };
}

export async function findEnrolmentStep(db: Executor, id: string) {
  const [row] = await db
    .select({ step: enrolmentSteps, enrolment: enrolments })
    .from(enrolmentSteps)
    .innerJoin(enrolments, eq(enrolments.id, enrolmentSteps.enrolmentId))
    .where(eq(enrolmentSteps.id, id));
  return row ?? null;
}

export async function findOpen(db: Executor, enrolmentId: string, stepId: string) {
  const [row] = await db
    .select({ id: enrolmentSteps.id })
    .from(enrolmentSteps)
    .where(
      and(
        eq(enrolmentSteps.enrolmentId, enrolmentId),
        eq(enrolmentSteps.stepId, stepId),
        isNull(enrolmentSteps.endedOn),
      ),
    );
  return row ?? null;
}

export async function insertStep(db: Executor, values: typeof enrolmentSteps.$inferInsert) {
  const [row] = await db.insert(enrolmentSteps).values(values).returning();
  if (!row) throw new Error('insert returned no row');
  return row;
}

/** Ends the step unless it has already ended; null when it had. */
export async function endStep(db: Executor, id: string, endedOn: string) {
  const [row] = await db
    .update(enrolmentSteps)
    .set({ endedOn, updatedAt: new Date() })
    .where(and(eq(enrolmentSteps.id, id), isNull(enrolmentSteps.endedOn)))
    .returning();
  return row ?? null;
}

export async function tick(db: Executor, values: typeof checklistTicks.$inferInsert) {
  await db
    .insert(checklistTicks)
    .values(values)
    .onConflictDoUpdate({
      target: [checklistTicks.enrolmentStepId, checklistTicks.itemId],
      set: { tickedOn: values.tickedOn, tickedBy: values.tickedBy },
    });
}

export async function untick(db: Executor, enrolmentStepId: string, itemId: string) {
  await db
    .delete(checklistTicks)
    .where(and(eq(checklistTicks.enrolmentStepId, enrolmentStepId), eq(checklistTicks.itemId, itemId)));
}

export async function findCentre(db: Executor, id: string) {
  const [row] = await db.select().from(centres).where(eq(centres.id, id));
  return row ?? null;
}

/** The programmes run in the centre with their steps, in order. */
export async function centreSteps(db: Executor, centreId: string) {
  return db
    .select({
      programmeId: programmes.id,
      programmeName: programmes.name,
      stepId: programmeSteps.id,
      ordinal: programmeSteps.ordinal,
      name: programmeSteps.name,
    })
    .from(programmeCentres)
    .innerJoin(programmes, eq(programmes.id, programmeCentres.programmeId))
    .innerJoin(programmeSteps, eq(programmeSteps.programmeId, programmes.id))
    .where(eq(programmeCentres.centreId, centreId))
    .orderBy(asc(programmes.name), asc(programmes.id), asc(programmeSteps.ordinal));
}

/** Who is in a step now: open steps of active enrolments in the centre, of people the actor may see. */
export async function openStepsInCentre(db: Executor, actor: Actor, centreId: string) {
  return db
    .select({
      enrolmentStepId: enrolmentSteps.id,
      stepId: enrolmentSteps.stepId,
      since: enrolmentSteps.startedOn,
      participantId: participants.id,
      centreId: participants.centreId,
      firstName: participants.firstName,
      lastName: participants.lastName,
    })
    .from(enrolmentSteps)
    .innerJoin(enrolments, eq(enrolments.id, enrolmentSteps.enrolmentId))
    .innerJoin(participants, eq(participants.id, enrolments.participantId))
    .where(
      and(
        eq(enrolments.centreId, centreId),
        isNull(enrolments.exitedOn),
        isNull(enrolmentSteps.endedOn),
        visibleTo(actor),
      ),
    )
    .orderBy(asc(participants.sortName), asc(participants.id));
}
