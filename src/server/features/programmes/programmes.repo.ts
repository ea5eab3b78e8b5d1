import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { TargetGroupKind } from '../../../core/enums.ts';
import type { Executor } from '../../db/client.ts';
import {
  activities,
  activityMandatoryTargetGroups,
  centres,
  educationLevels,
  enrolmentSteps,
  enrolments,
  municipalities,
  organisations,
  planGoalSteps,
  programmeCentres,
  programmeOrganisations,
  programmeSteps,
  programmes,
  stepChecklistItems,
  targetGroups,
} from '../../db/schema.ts';

/** Programmes run in at least one of the given centres. */
export async function programmeIdsForCentres(db: Executor, centreIds: string[]): Promise<string[]> {
  if (centreIds.length === 0) return [];
  const rows = await db
    .selectDistinct({ id: programmeCentres.programmeId })
    .from(programmeCentres)
    .where(inArray(programmeCentres.centreId, centreIds));
  return rows.map((r) => r.id);
}

export async function findProgrammes(db: Executor, ids: string[]) {
  if (ids.length === 0) return [];
  const rows = await db
    .select()
    .from(programmes)
    .where(inArray(programmes.id, ids))
    .orderBy(asc(programmes.name));
  const orgRows = await db
    .select({ programmeId: programmeOrganisations.programmeId, organisation: organisations })
    .from(programmeOrganisations)
    .innerJoin(organisations, eq(organisations.id, programmeOrganisations.organisationId))
    .where(inArray(programmeOrganisations.programmeId, ids))
    .orderBy(asc(organisations.name));
  const owners = await db
    .select()
    .from(organisations)
    .where(
      inArray(
        organisations.id,
        rows.map((r) => r.ownerOrganisationId),
      ),
    );
  const centreRows = await db
    .select({ programmeId: programmeCentres.programmeId, centre: centres })
    .from(programmeCentres)
    .innerJoin(centres, eq(centres.id, programmeCentres.centreId))
    .where(inArray(programmeCentres.programmeId, ids))
    .orderBy(asc(centres.name));
  const groupRows = await db
    .select()
    .from(targetGroups)
    .where(inArray(targetGroups.programmeId, ids))
    .orderBy(asc(targetGroups.maxDurationMonths));
  const stepRows = await db
    .select()
    .from(programmeSteps)
    .where(inArray(programmeSteps.programmeId, ids))
    .orderBy(asc(programmeSteps.ordinal));
  return rows.map((p) => ({
    programme: p,
    owner: owners.find((o) => o.id === p.ownerOrganisationId),
    organisations: orgRows.filter((o) => o.programmeId === p.id).map((o) => o.organisation),
    centres: centreRows.filter((c) => c.programmeId === p.id).map((c) => c.centre),
    targetGroups: groupRows.filter((g) => g.programmeId === p.id),
    steps: stepRows.filter((s) => s.programmeId === p.id),
  }));
}

export async function findTargetGroup(db: Executor, id: string) {
  const [row] = await db.select().from(targetGroups).where(eq(targetGroups.id, id));
  return row ?? null;
}

export async function targetGroupsOf(db: Executor, programmeId: string) {
  return db.select().from(targetGroups).where(eq(targetGroups.programmeId, programmeId));
}

export async function firstStep(db: Executor, programmeId: string) {
  const [row] = await db
    .select()
    .from(programmeSteps)
    .where(eq(programmeSteps.programmeId, programmeId))
    .orderBy(asc(programmeSteps.ordinal))
    .limit(1);
  return row ?? null;
}

export async function programmeHasCentre(
  db: Executor,
  programmeId: string,
  centreId: string,
): Promise<boolean> {
  const rows = await db
    .select({ centreId: programmeCentres.centreId })
    .from(programmeCentres)
    .where(eq(programmeCentres.programmeId, programmeId));
  return rows.some((r) => r.centreId === centreId);
}

export async function listMunicipalities(db: Executor) {
  return db
    .select({ code: municipalities.code, name: municipalities.name })
    .from(municipalities)
    .orderBy(asc(municipalities.code));
}

export async function listEducationLevels(db: Executor) {
  return db
    .select({ code: educationLevels.code, name: educationLevels.name })
    .from(educationLevels)
    .orderBy(asc(educationLevels.code));
}

// ---------------------------------------------------------------- set-up of programmes

export type NewProgramme = typeof programmes.$inferInsert;

export async function insertProgramme(db: Executor, values: NewProgramme) {
  const [row] = await db.insert(programmes).values(values).returning();
  if (!row) throw new Error('insert returned no row');
  return row;
}

/** Updates only if nobody else saved since `version`; returns null on a lost race. */
export async function updateProgrammeVersioned(
  db: Executor,
  id: string,
  version: number,
  values: Partial<NewProgramme>,
) {
  const [row] = await db
    .update(programmes)
    .set({ ...values, version: sql`${programmes.version} + 1`, updatedAt: new Date() })
    .where(and(eq(programmes.id, id), eq(programmes.version, version)))
    .returning();
  return row ?? null;
}

export async function setProgrammeOrganisations(
  db: Executor,
  programmeId: string,
  organisationIds: string[],
) {
  await db.delete(programmeOrganisations).where(eq(programmeOrganisations.programmeId, programmeId));
  if (organisationIds.length > 0)
    await db
      .insert(programmeOrganisations)
      .values(organisationIds.map((organisationId) => ({ programmeId, organisationId })));
}

export async function setProgrammeCentres(db: Executor, programmeId: string, centreIds: string[]) {
  await db.delete(programmeCentres).where(eq(programmeCentres.programmeId, programmeId));
  if (centreIds.length > 0)
    await db.insert(programmeCentres).values(centreIds.map((centreId) => ({ programmeId, centreId })));
}

/** The organisation of each centre that exists; unknown ids are left out. */
export async function findCentreOrganisations(db: Executor, centreIds: string[]) {
  if (centreIds.length === 0) return [];
  return db
    .select({ id: centres.id, organisationId: centres.organisationId })
    .from(centres)
    .where(inArray(centres.id, centreIds));
}

export async function existingOrganisationIds(db: Executor, ids: string[]): Promise<string[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .select({ id: organisations.id })
    .from(organisations)
    .where(inArray(organisations.id, ids));
  return rows.map((r) => r.id);
}

export async function insertTargetGroups(
  db: Executor,
  programmeId: string,
  groups: { kind: TargetGroupKind; name: string; maxDurationMonths: number }[],
) {
  if (groups.length > 0)
    await db.insert(targetGroups).values(
      groups.map((g) => ({
        programmeId,
        kind: g.kind,
        name: g.name,
        maxDurationMonths: g.maxDurationMonths,
      })),
    );
}

export async function updateTargetGroup(
  db: Executor,
  id: string,
  values: { name: string; maxDurationMonths: number },
) {
  await db.update(targetGroups).set(values).where(eq(targetGroups.id, id));
}

export async function deleteTargetGroups(db: Executor, ids: string[]) {
  if (ids.length === 0) return;
  // Which activities are mandatory for the group is set-up, not history: it goes with the group.
  await db
    .delete(activityMandatoryTargetGroups)
    .where(inArray(activityMandatoryTargetGroups.targetGroupId, ids));
  await db.delete(targetGroups).where(inArray(targetGroups.id, ids));
}

/** Target groups that enrolments point to, which therefore must stay. */
export async function usedTargetGroupIds(db: Executor, ids: string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await db
    .selectDistinct({ id: enrolments.targetGroupId })
    .from(enrolments)
    .where(inArray(enrolments.targetGroupId, ids));
  return new Set(rows.map((r) => r.id));
}

/** Steps that participants have taken or that goals of their action plans name, which therefore must stay. */
export async function usedStepIds(db: Executor, ids: string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const taken = await db
    .selectDistinct({ id: enrolmentSteps.stepId })
    .from(enrolmentSteps)
    .where(inArray(enrolmentSteps.stepId, ids));
  const inPlans = await db
    .selectDistinct({ id: planGoalSteps.stepId })
    .from(planGoalSteps)
    .where(inArray(planGoalSteps.stepId, ids));
  return new Set([...taken, ...inPlans].map((r) => r.id));
}

/**
 * Makes the programme's steps the given list, in order: kept steps (with an id) are renamed and renumbered in
 * place, the others are inserted. Steps left out must already have been deleted.
 */
export async function saveSteps(db: Executor, programmeId: string, steps: { id?: string; name: string }[]) {
  // Ordinals are unique per programme, so kept steps first move out of the way of the final numbers.
  const kept = steps.flatMap((s) => (s.id ? [s.id] : []));
  if (kept.length > 0)
    await db
      .update(programmeSteps)
      .set({ ordinal: sql`${programmeSteps.ordinal} + 1000` })
      .where(inArray(programmeSteps.id, kept));
  for (const [index, step] of steps.entries()) {
    if (step.id)
      await db
        .update(programmeSteps)
        .set({ ordinal: index + 1, name: step.name })
        .where(eq(programmeSteps.id, step.id));
  }
  const added = steps.flatMap((s, index) =>
    s.id ? [] : [{ programmeId, ordinal: index + 1, name: s.name }],
  );
  if (added.length > 0) await db.insert(programmeSteps).values(added);
}

export async function deleteSteps(db: Executor, ids: string[]) {
  if (ids.length === 0) return;
  // A step nobody has taken has no ticks, so its checklist goes with it; activities of the step keep running
  // without one.
  await db.delete(stepChecklistItems).where(inArray(stepChecklistItems.stepId, ids));
  await db.update(activities).set({ stepId: null }).where(inArray(activities.stepId, ids));
  await db.delete(programmeSteps).where(inArray(programmeSteps.id, ids));
}
