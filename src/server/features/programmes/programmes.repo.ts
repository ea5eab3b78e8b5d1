import { asc, eq, inArray } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import {
  centres,
  educationLevels,
  municipalities,
  organisations,
  programmeCentres,
  programmeOrganisations,
  programmeSteps,
  programmes,
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
