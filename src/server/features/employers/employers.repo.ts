import { type AnyColumn, and, asc, count, desc, eq, inArray, ne, type SQL, sql } from 'drizzle-orm';
import type { EmployerOffer } from '../../../core/enums.ts';
import type { Executor } from '../../db/client.ts';
import {
  employerContacts,
  employerInteractions,
  employers,
  industries,
  municipalities,
  occupationNames,
  occupations,
  openings,
  users,
} from '../../db/schema.ts';

/** A LIKE pattern for text containing `value`, where % and _ typed by the user mean themselves. */
export function containing(value: string): string {
  return `%${escapeLike(value)}%`;
}

/** A LIKE pattern for text starting with `value`. */
export function startingWith(value: string): string {
  return `${escapeLike(value)}%`;
}

function escapeLike(value: string): string {
  return value.replace(/[\\%_]/g, '\\$&');
}

/**
 * Lower case the Swedish way on both engines: PGlite has only the C locale, whose lower() leaves Å, Ä, Ö and
 * other non-ASCII capitals alone, so those are translated explicitly.
 */
export function lowerSv(column: AnyColumn | SQL): SQL {
  return sql`translate(lower(${column}), 'ÅÄÖÆØÉÈÜ', 'åäöæøéèü')`;
}

const openOpenings = sql<number>`(select count(*)::int from ${openings}
  where ${openings.employerId} = ${employers.id} and ${openings.status} = 'open')`;
const lastInteractionOn = sql<string | null>`(select max(${employerInteractions.occurredOn})::text
  from ${employerInteractions} where ${employerInteractions.employerId} = ${employers.id})`;

const summaryColumns = {
  id: employers.id,
  organisationNumber: employers.organisationNumber,
  name: employers.name,
  industryCode: employers.industryCode,
  industryName: industries.name,
  municipalityCode: employers.municipalityCode,
  municipalityName: municipalities.name,
  offers: employers.offers,
  openOpenings,
  lastInteractionOn,
};

export type EmployerFilter = {
  /** The Swedish sort key of a name fragment, or digits of an organisation number. */
  search: { kind: 'number'; value: string } | { kind: 'text'; sortKey: string } | null;
  industryCode: string | undefined;
  municipalityCode: string | undefined;
  offer: EmployerOffer | undefined;
};

/** Employers in Swedish order of their names, a page of them and how many match. */
export async function listEmployers(db: Executor, filter: EmployerFilter, limit: number, offset: number) {
  const conditions: SQL[] = [];
  if (filter.search?.kind === 'number')
    conditions.push(sql`${employers.organisationNumber} like ${containing(filter.search.value)}`);
  else if (filter.search?.kind === 'text')
    conditions.push(sql`${employers.sortName} like ${containing(filter.search.sortKey)}`);
  // An SNI code names its whole branch: 47 finds 47, 471 and 4711.
  if (filter.industryCode)
    conditions.push(sql`${employers.industryCode} like ${startingWith(filter.industryCode)}`);
  if (filter.municipalityCode) conditions.push(eq(employers.municipalityCode, filter.municipalityCode));
  if (filter.offer) conditions.push(sql`${filter.offer} = any(${employers.offers})`);
  const where = and(...conditions);
  const items = await db
    .select(summaryColumns)
    .from(employers)
    .leftJoin(industries, eq(industries.code, employers.industryCode))
    .leftJoin(municipalities, eq(municipalities.code, employers.municipalityCode))
    .where(where)
    .orderBy(asc(employers.sortName), asc(employers.id))
    .limit(limit)
    .offset(offset);
  const [total] = await db.select({ n: count() }).from(employers).where(where);
  return { items: items.map(normaliseSummary), total: total?.n ?? 0 };
}

export type EmployerSummaryRow = Awaited<ReturnType<typeof listEmployers>>['items'][number];

function normaliseSummary<T extends { offers: string[]; openOpenings: number | string }>(row: T) {
  return { ...row, offers: row.offers as EmployerOffer[], openOpenings: Number(row.openOpenings) };
}

export async function findEmployer(db: Executor, id: string) {
  const [row] = await db
    .select({
      ...summaryColumns,
      streetAddress: employers.streetAddress,
      postalCode: employers.postalCode,
      city: employers.city,
      notes: employers.notes,
      version: employers.version,
    })
    .from(employers)
    .leftJoin(industries, eq(industries.code, employers.industryCode))
    .leftJoin(municipalities, eq(municipalities.code, employers.municipalityCode))
    .where(eq(employers.id, id));
  if (!row) return null;
  const contacts = await db
    .select()
    .from(employerContacts)
    .where(eq(employerContacts.employerId, id))
    .orderBy(desc(employerContacts.active), asc(employerContacts.name), asc(employerContacts.id));
  const interactions = await db
    .select({
      interaction: employerInteractions,
      contactName: employerContacts.name,
      userName: users.name,
    })
    .from(employerInteractions)
    .innerJoin(users, eq(users.id, employerInteractions.userId))
    .leftJoin(employerContacts, eq(employerContacts.id, employerInteractions.contactId))
    .where(eq(employerInteractions.employerId, id))
    .orderBy(
      desc(employerInteractions.occurredOn),
      desc(employerInteractions.createdAt),
      desc(employerInteractions.id),
    );
  return { ...normaliseSummary(row), contacts, interactions };
}

export type EmployerRow = NonNullable<Awaited<ReturnType<typeof findEmployer>>>;

export async function employerExists(db: Executor, id: string): Promise<boolean> {
  const rows = await db.select({ id: employers.id }).from(employers).where(eq(employers.id, id));
  return rows.length > 0;
}

/** The employer registered under the organisation number, other than `exceptId`. */
export async function findIdByOrganisationNumber(
  db: Executor,
  organisationNumber: string,
  exceptId?: string,
) {
  const [row] = await db
    .select({ id: employers.id })
    .from(employers)
    .where(
      and(
        eq(employers.organisationNumber, organisationNumber),
        exceptId ? ne(employers.id, exceptId) : undefined,
      ),
    );
  return row?.id ?? null;
}

/** Which of the codes are missing from their code lists. */
export async function unknownCodes(
  db: Executor,
  codes: { industryCode: string | null; municipalityCode: string | null },
) {
  const unknown: ('industryCode' | 'municipalityCode')[] = [];
  if (codes.industryCode) {
    const rows = await db
      .select({ code: industries.code })
      .from(industries)
      .where(eq(industries.code, codes.industryCode));
    if (rows.length === 0) unknown.push('industryCode');
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

export async function insertEmployer(db: Executor, values: typeof employers.$inferInsert) {
  const [row] = await db.insert(employers).values(values).returning({ id: employers.id });
  if (!row) throw new Error('insert returned no row');
  return row;
}

/** Saves the employer if it is still at the version read; null when someone else saved first. */
export async function updateEmployerVersioned(
  db: Executor,
  id: string,
  version: number,
  values: Partial<typeof employers.$inferInsert>,
) {
  const [row] = await db
    .update(employers)
    .set({ ...values, version: sql`${employers.version} + 1`, updatedAt: new Date() })
    .where(and(eq(employers.id, id), eq(employers.version, version)))
    .returning({ id: employers.id });
  return row ?? null;
}

export async function findContact(db: Executor, id: string) {
  const [row] = await db.select().from(employerContacts).where(eq(employerContacts.id, id));
  return row ?? null;
}

export async function insertContact(db: Executor, values: typeof employerContacts.$inferInsert) {
  await db.insert(employerContacts).values(values);
}

export async function updateContact(
  db: Executor,
  id: string,
  values: Partial<typeof employerContacts.$inferInsert>,
) {
  await db
    .update(employerContacts)
    .set({ ...values, updatedAt: new Date() })
    .where(eq(employerContacts.id, id));
}

export async function insertInteraction(db: Executor, values: typeof employerInteractions.$inferInsert) {
  await db.insert(employerInteractions).values(values);
}

// ---------------------------------------------------------------- occupation search

/**
 * SSYK unit groups matching `q`, best first: the exact code, a code starting with it, a group name or an
 * occupation name starting with it, then names containing it; by code within a rank.
 */
export async function listIndustries(db: Executor) {
  return db
    .select({
      code: industries.code,
      name: industries.name,
      level: industries.level,
      sectionCode: industries.sectionCode,
    })
    .from(industries)
    .orderBy(asc(industries.level), asc(industries.code));
}

export async function searchOccupations(db: Executor, q: string, limit: number) {
  const lower = q.toLocaleLowerCase('sv');
  const prefix = startingWith(lower);
  const anywhere = containing(lower);
  const nameRank = (column: AnyColumn) =>
    sql`case when ${lowerSv(column)} like ${prefix} then 2 when ${lowerSv(column)} like ${anywhere} then 3 else 9 end`;
  const rank = sql<number>`least(
    case when ${occupations.code} = ${q} then 0 when ${occupations.code} like ${startingWith(q)} then 1 else 9 end,
    ${nameRank(occupations.name)},
    coalesce((select min(${nameRank(occupationNames.name)}) from ${occupationNames}
      where ${occupationNames.ssykCode} = ${occupations.code}), 9)
  )`;
  return db
    .select({ code: occupations.code, name: occupations.name })
    .from(occupations)
    .where(and(eq(occupations.level, 4), sql`${rank} < 9`))
    .orderBy(rank, asc(occupations.code))
    .limit(limit);
}

/** Which of the codes are SSYK unit groups (level 4). */
export async function existingUnitGroups(db: Executor, codes: string[]) {
  if (codes.length === 0) return new Set<string>();
  const rows = await db
    .select({ code: occupations.code })
    .from(occupations)
    .where(and(eq(occupations.level, 4), inArray(occupations.code, codes)));
  return new Set(rows.map((r) => r.code));
}
