import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestContext } from '../test/test-app.ts';
import { queryRows } from './client.ts';
import { loadReferenceData, occupationNameRows } from './reference-data.ts';

let t: TestContext;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe('occupation names', () => {
  it('puts a name under a merged manager code under both of SCB’s groups, and counts unknown codes', () => {
    const groups = new Set(['1211', '1212', '5321', '1491']);
    expect(
      occupationNameRows(
        [
          { conceptId: 'a', name: 'Ekonomichef', ssyk: '1210' },
          { conceptId: 'b', name: 'Undersköterska', ssyk: '5321' },
          { conceptId: 'c', name: 'Chef, övrig', ssyk: '1490' },
          { conceptId: 'd', name: 'Okänt', ssyk: '9998' },
          { conceptId: 'e', name: 'Okänd chef', ssyk: '1990' },
        ],
        groups,
      ),
    ).toEqual({
      rows: [
        { conceptId: 'a', name: 'Ekonomichef', ssykCode: '1211' },
        { conceptId: 'a', name: 'Ekonomichef', ssykCode: '1212' },
        { conceptId: 'b', name: 'Undersköterska', ssykCode: '5321' },
        { conceptId: 'c', name: 'Chef, övrig', ssykCode: '1491' },
      ],
      skipped: 2,
    });
  });

  it('loads every name of yrken.csv, again without duplicates', async () => {
    const count = async () =>
      (
        await queryRows<{ names: number; concepts: number }>(
          t.db,
          sql`select count(*)::int as names, count(distinct concept_id)::int as concepts from occupation_names`,
        )
      )[0];
    const before = await count();
    // 2412 names, 158 of them under a merged manager code and so under two groups.
    expect(before).toEqual({ names: 2412 + 158, concepts: 2412 });
    expect(await loadReferenceData(t.db)).toEqual({ occupationNamesSkipped: 0 });
    expect(await count()).toEqual(before);
    const managers = await queryRows<{ ssyk_code: string }>(
      t.db,
      sql`select ssyk_code from occupation_names where name = 'Ekonomichef' order by ssyk_code`,
    );
    expect(managers).toEqual([{ ssyk_code: '1211' }, { ssyk_code: '1212' }]);
  });
});
