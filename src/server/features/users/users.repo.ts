import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { userCentres, users } from '../../db/schema.ts';

export async function listForOrganisation(db: Executor, organisationId: string) {
  const rows = await db
    .select()
    .from(users)
    .where(eq(users.organisationId, organisationId))
    .orderBy(asc(users.name));
  return withCentres(db, rows);
}

export async function findById(db: Executor, id: string) {
  const [row] = await db.select().from(users).where(eq(users.id, id));
  if (!row) return null;
  const [withC] = await withCentres(db, [row]);
  return withC ?? null;
}

async function withCentres(db: Executor, rows: (typeof users.$inferSelect)[]) {
  const ids = rows.map((r) => r.id);
  const links = ids.length ? await db.select().from(userCentres).where(inArray(userCentres.userId, ids)) : [];
  return rows.map((r) => ({
    ...r,
    centreIds: links.filter((l) => l.userId === r.id).map((l) => l.centreId),
  }));
}

export async function emailTaken(db: Executor, email: string): Promise<boolean> {
  const rows = await db
    .select({ id: users.id })
    .from(users)
    .where(sql`lower(${users.email}) = ${email.toLowerCase()}`);
  return rows.length > 0;
}

export async function insert(db: Executor, values: typeof users.$inferInsert, centreIds: string[]) {
  const [row] = await db.insert(users).values(values).returning();
  if (!row) throw new Error('insert returned no row');
  await setCentres(db, row.id, centreIds);
  return row;
}

export async function update(db: Executor, id: string, values: Partial<typeof users.$inferInsert>) {
  await db
    .update(users)
    .set({ ...values, updatedAt: new Date() })
    .where(eq(users.id, id));
}

export async function setCentres(db: Executor, userId: string, centreIds: string[]) {
  await db.delete(userCentres).where(and(eq(userCentres.userId, userId)));
  if (centreIds.length > 0)
    await db.insert(userCentres).values(centreIds.map((centreId) => ({ userId, centreId })));
}
