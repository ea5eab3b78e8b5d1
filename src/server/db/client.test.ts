import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { openPglite, queryRows } from './client.ts';

describe('the embedded database', () => {
  it('keeps its data on disk across restarts', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'stegvis-data-'));
    try {
      const first = await openPglite({ dataDir });
      await first.db.execute(sql`insert into municipalities values ('9999', 'Testkommun', '99', 'Testlän')`);
      await first.close();
      const second = await openPglite({ dataDir });
      const rows = await queryRows<{ name: string }>(
        second.db,
        sql`select name from municipalities where code = '9999'`,
      );
      expect(rows).toEqual([{ name: 'Testkommun' }]);
      await second.close();
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
