import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestApp, type TestContext } from '../test/test-app.ts';

let t: TestContext;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

it('probes', async () => {
  for (const q of [
    sql`select ${'a\u0000b'}::text`,
    sql`insert into participants (id) values (gen_random_uuid())`,
    sql`update access_log set what = 'x'`,
    sql`delete from access_log`,
  ]) {
    try {
      await t.db.execute(q);
      console.log('ok');
    } catch (e) {
      const err = e as {
        name?: string;
        message: string;
        code?: string;
        cause?: { code?: string; message: string; name?: string };
      };
      console.log(
        err.name,
        err.code,
        err.message.slice(0, 100),
        '| cause',
        err.cause?.name,
        err.cause?.code,
        err.cause?.message,
      );
    }
  }
  expect(1).toBe(1);
});
