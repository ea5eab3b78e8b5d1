import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { sql } from 'drizzle-orm';
import type { Executor } from './client.ts';
import { educationLevels, industries, municipalities, occupations } from './schema.ts';

// The code lists are copied from official sources into ./reference (see its README) and loaded at start,
// so a new code list version is a new CSV file, never hand-typed rows.

function readCsv(name: string): Record<string, string>[] {
  const text = readFileSync(new URL(`./reference/${name}`, import.meta.url), 'utf8');
  return parse(text, { delimiter: ';', columns: true, bom: true, skip_empty_lines: true });
}

export async function loadReferenceData(db: Executor): Promise<void> {
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
}

function field(row: Record<string, string>, name: string): string {
  const value = row[name];
  if (value === undefined) throw new Error(`Reference CSV lacks column ${name}`);
  return value;
}
