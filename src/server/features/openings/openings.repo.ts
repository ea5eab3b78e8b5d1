import { and, asc, count, eq, type SQL, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { educationLevels, employers, municipalities, occupations, openings } from '../../db/schema.ts';
import { containing, lowerSv, startingWith } from '../employers/employers.repo.ts';

const columns = {
  opening: openings,
  employerName: employers.name,
  occupationName: occupations.name,
  requiredEducationLevelName: educationLevels.name,
  municipalityName: municipalities.name,
};

export type OpeningFilter = {
  employerId: string | undefined;
  kind: (typeof openings.$inferSelect)['kind'] | undefined;
  status: (typeof openings.$inferSelect)['status'] | undefined;
  occupationCode: string | undefined;
  municipalityCode: string | undefined;
  q: string | undefined;
};

function joined(db: Executor) {
  return db
    .select(columns)
    .from(openings)
    .innerJoin(employers, eq(employers.id, openings.employerId))
    .innerJoin(occupations, eq(occupations.code, openings.occupationCode))
    .leftJoin(educationLevels, eq(educationLevels.code, openings.requiredEducationLevelCode))
    .leftJoin(municipalities, eq(municipalities.code, openings.municipalityCode));
}

/** Openings, open ones first, then by employer (Swedish order) and title; a page and how many match. */
export async function listOpenings(db: Executor, filter: OpeningFilter, limit: number, offset: number) {
  const conditions: SQL[] = [];
  if (filter.employerId) conditions.push(eq(openings.employerId, filter.employerId));
  if (filter.kind) conditions.push(eq(openings.kind, filter.kind));
  if (filter.status) conditions.push(eq(openings.status, filter.status));
  // A shorter SSYK code names its whole group: 53 finds 5311 and 5321.
  if (filter.occupationCode)
    conditions.push(sql`${openings.occupationCode} like ${startingWith(filter.occupationCode)}`);
  if (filter.municipalityCode) conditions.push(eq(openings.municipalityCode, filter.municipalityCode));
  if (filter.q) {
    const pattern = containing(filter.q.toLocaleLowerCase('sv'));
    conditions.push(
      sql`(${lowerSv(openings.title)} like ${pattern} or ${lowerSv(occupations.name)} like ${pattern}
        or ${lowerSv(employers.name)} like ${pattern})`,
    );
  }
  const where = and(...conditions);
  const items = await joined(db)
    .where(where)
    .orderBy(
      sql`case ${openings.status} when 'open' then 0 when 'filled' then 1 else 2 end`,
      asc(employers.sortName),
      asc(openings.title),
      asc(openings.id),
    )
    .limit(limit)
    .offset(offset);
  const [total] = await db
    .select({ n: count() })
    .from(openings)
    .innerJoin(employers, eq(employers.id, openings.employerId))
    .innerJoin(occupations, eq(occupations.code, openings.occupationCode))
    .where(where);
  return { items, total: total?.n ?? 0 };
}

export type OpeningRow = Awaited<ReturnType<typeof listOpenings>>['items'][number];

export async function findOpening(db: Executor, id: string): Promise<OpeningRow | null> {
  const [row] = await joined(db).where(eq(openings.id, id));
  return row ?? null;
}

/** Which of the codes are missing from their code lists (occupations: SSYK unit groups only). */
export async function unknownCodes(
  db: Executor,
  codes: {
    occupationCode: string;
    requiredEducationLevelCode: string | null;
    municipalityCode: string | null;
  },
) {
  const unknown: ('occupationCode' | 'requiredEducationLevelCode' | 'municipalityCode')[] = [];
  const occupation = await db
    .select({ code: occupations.code })
    .from(occupations)
    .where(and(eq(occupations.code, codes.occupationCode), eq(occupations.level, 4)));
  if (occupation.length === 0) unknown.push('occupationCode');
  if (codes.requiredEducationLevelCode) {
    const rows = await db
      .select({ code: educationLevels.code })
      .from(educationLevels)
      .where(eq(educationLevels.code, codes.requiredEducationLevelCode));
    if (rows.length === 0) unknown.push('requiredEducationLevelCode');
  }
  if (codes.municipalityCode) {
    const rows = await db
      .select({ code: municipalities.code })
      .from(municipalities)
      .where(eq(municipalities.code, codes.municipalityCode));
    if (rows.length === 0) unknown.push('municipalityCode');
  }
  return unknown;
}

export async function insertOpening(db: Executor, values: typeof openings.$inferInsert) {
  const [row] = await db.insert(openings).values(values).returning({ id: openings.id });
  if (!row) throw new Error('insert returned no row');
  return row;
}

/** Saves the opening if it is still at the version read; null when someone else saved first. */
export async function updateOpeningVersioned(
  db: Executor,
  id: string,
  version: number,
  values: Partial<typeof openings.$inferInsert>,
) {
  const [row] = await db
    .update(openings)
    .set({ ...values, version: sql`${openings.version} + 1`, updatedAt: new Date() })
    .where(and(eq(openings.id, id), eq(openings.version, version)))
    .returning({ id: openings.id });
  return row ?? null;
}
