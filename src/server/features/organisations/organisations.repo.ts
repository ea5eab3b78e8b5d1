import { and, eq, inArray } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { centres, municipalities, organisations, userCentres } from '../../db/schema.ts';

/** Organisations with their municipality's name; all of them, or those with the given ids. */
export async function findOrganisations(db: Executor, ids?: string[]) {
  if (ids?.length === 0) return [];
  const rows = await db
    .select({ organisation: organisations, municipalityName: municipalities.name })
    .from(organisations)
    .leftJoin(municipalities, eq(municipalities.code, organisations.municipalityCode))
    .where(ids ? inArray(organisations.id, ids) : undefined);
  const centreRows = await findCentres(
    db,
    rows.map((r) => r.organisation.id),
  );
  return rows.map((r) => ({
    ...r.organisation,
    municipalityName: r.municipalityName,
    centres: centreRows.filter((c) => c.organisationId === r.organisation.id),
  }));
}

async function findCentres(db: Executor, organisationIds: string[]) {
  if (organisationIds.length === 0) return [];
  const rows = await db
    .select({ centre: centres, municipalityName: municipalities.name })
    .from(centres)
    .innerJoin(municipalities, eq(municipalities.code, centres.municipalityCode))
    .where(inArray(centres.organisationId, organisationIds));
  return rows.map((r) => ({ ...r.centre, municipalityName: r.municipalityName }));
}

export async function findCentre(db: Executor, id: string) {
  const [row] = await db
    .select({ centre: centres, municipalityName: municipalities.name })
    .from(centres)
    .innerJoin(municipalities, eq(municipalities.code, centres.municipalityCode))
    .where(eq(centres.id, id));
  return row ? { ...row.centre, municipalityName: row.municipalityName } : null;
}

export async function municipalityExists(db: Executor, code: string): Promise<boolean> {
  const rows = await db
    .select({ code: municipalities.code })
    .from(municipalities)
    .where(eq(municipalities.code, code));
  return rows.length > 0;
}

/** Whether the municipality is already an organisation here (an office in it does not count). */
export async function municipalityHasOrganisation(db: Executor, code: string): Promise<boolean> {
  const rows = await db
    .select({ id: organisations.id })
    .from(organisations)
    .where(and(eq(organisations.kind, 'municipality'), eq(organisations.municipalityCode, code)));
  return rows.length > 0;
}

export async function insertOrganisation(db: Executor, values: typeof organisations.$inferInsert) {
  const [row] = await db.insert(organisations).values(values).returning();
  if (!row) throw new Error('insert returned no row');
  return row;
}

export async function renameOrganisation(db: Executor, id: string, name: string) {
  await db.update(organisations).set({ name, updatedAt: new Date() }).where(eq(organisations.id, id));
}

export async function insertCentre(db: Executor, values: typeof centres.$inferInsert) {
  const [row] = await db.insert(centres).values(values).returning();
  if (!row) throw new Error('insert returned no row');
  return row;
}

export async function renameCentre(db: Executor, id: string, name: string) {
  await db.update(centres).set({ name, updatedAt: new Date() }).where(eq(centres.id, id));
}

export async function addUserToCentre(db: Executor, userId: string, centreId: string) {
  await db.insert(userCentres).values({ userId, centreId }).onConflictDoNothing();
}
