import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { eq, sql } from 'drizzle-orm';
import type { Executor } from './client.ts';
import { educationLevels, industries, municipalities, occupationNames, occupations } from './schema.ts';

// The code lists are copied from official sources into ./reference (see its README) and loaded at start,
// so a new code list version is a new CSV file, never hand-typed rows.

function readCsv(name: string): Record<string, string>[] {
  const text = readFileSync(new URL(`./reference/${name}`, import.meta.url), 'utf8');
  return parse(text, { delimiter: ';', columns: true, bom: true, skip_empty_lines: true });
}

/** What loading left out: occupation names whose SSYK code is not in the code list (counted, not loaded). */
export type ReferenceDataSummary = { occupationNamesSkipped: number };

export async function loadReferenceData(db: Executor): Promise<ReferenceDataSummary> {
  const kommuner = readCsv('kommuner.csv').map((r) => ({
    code: field(r, 'kommunkod'),
    name: field(r, 'kommun'),
    countyCode: field(r, 'lanskod'),
    countyName: field(r, 'lan'),
  }));
  await db
    .insert(municipalities)
    .values(kommuner)
    .onConflictDoUpdate({
      target: municipalities.code,
      set: {
        name: sql`excluded.name`,
        countyCode: sql`excluded.county_code`,
        countyName: sql`excluded.county_name`,
      },
    });

  const sun = readCsv('sun2020-niva.csv').map((r) => ({
    code: field(r, 'kod'),
    name: field(r, 'benamning'),
  }));
  await db
    .insert(educationLevels)
    .values(sun)
    .onConflictDoUpdate({ target: educationLevels.code, set: { name: sql`excluded.name` } });

  const ssyk = [
    ...readCsv('ssyk2012-levels.csv').map((r) => ({
      code: field(r, 'kod'),
      level: Number(field(r, 'niva')),
      name: field(r, 'benamning'),
    })),
    ...readCsv('ssyk2012.csv').map((r) => ({
      code: field(r, 'ssyk'),
      level: 4,
      name: field(r, 'benamning'),
    })),
  ];
  await db
    .insert(occupations)
    .values(ssyk)
    .onConflictDoUpdate({
      target: occupations.code,
      set: { name: sql`excluded.name`, level: sql`excluded.level` },
    });

  const sni = [
    ...readCsv('sni2007-avdelningar.csv').map((r) => ({
      code: field(r, 'avdelning'),
      level: 1,
      name: field(r, 'benamning'),
      sectionCode: null,
    })),
    ...readCsv('sni2007-huvudgrupper.csv').map((r) => ({
      code: field(r, 'huvudgrupp'),
      level: 2,
      name: field(r, 'benamning'),
      sectionCode: field(r, 'avdelning'),
    })),
  ];
  await db
    .insert(industries)
    .values(sni)
    .onConflictDoUpdate({
      target: industries.code,
      set: { name: sql`excluded.name`, level: sql`excluded.level`, sectionCode: sql`excluded.section_code` },
    });

  const unitGroups = await db
    .select({ code: occupations.code })
    .from(occupations)
    .where(eq(occupations.level, 4));
  const names = occupationNameRows(
    readCsv('yrken.csv').map((r) => ({
      conceptId: field(r, 'concept_id'),
      name: field(r, 'yrke'),
      ssyk: field(r, 'ssyk'),
    })),
    new Set(unitGroups.map((g) => g.code)),
  );
  // A few thousand rows: in chunks, to stay well below the drivers' limit on bound parameters.
  for (let start = 0; start < names.rows.length; start += 1000) {
    await db
      .insert(occupationNames)
      .values(names.rows.slice(start, start + 1000))
      .onConflictDoUpdate({
        target: [occupationNames.conceptId, occupationNames.ssykCode],
        set: { name: sql`excluded.name` },
      });
  }
  return { occupationNamesSkipped: names.skipped };
}

/**
 * The occupation names of yrken.csv under SCB's SSYK unit groups. The employment service merges each pair of
 * manager groups xxx1 + xxx2 into one code xxx0 (1210 for 1211 and 1212); such a name goes under each group of
 * the pair that exists. A name under any other code not in the list is skipped and counted.
 */
export function occupationNameRows(
  names: { conceptId: string; name: string; ssyk: string }[],
  unitGroups: ReadonlySet<string>,
): { rows: { conceptId: string; name: string; ssykCode: string }[]; skipped: number } {
  const rows: { conceptId: string; name: string; ssykCode: string }[] = [];
  let skipped = 0;
  for (const n of names) {
    const codes = unitGroups.has(n.ssyk)
      ? [n.ssyk]
      : /^\d{3}0$/.test(n.ssyk)
        ? [`${n.ssyk.slice(0, 3)}1`, `${n.ssyk.slice(0, 3)}2`].filter((c) => unitGroups.has(c))
        : [];
    if (codes.length === 0) skipped += 1;
    for (const ssykCode of codes) rows.push({ conceptId: n.conceptId, name: n.name, ssykCode });
  }
  return { rows, skipped };
}

function field(row: Record<string, string>, name: string): string {
  const value = row[name];
  if (value === undefined) throw new Error(`Reference CSV lacks column ${name}`);
  return value;
}
