import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { todayInSweden } from '../src/core/dates.ts';
import { type Database, openPglite, openPostgres } from '../src/server/db/client.ts';
import { benchLogins, benchPassword, defaultSeed, generate, shape } from './generate.ts';
import { describeTarget, preparePglite, preparePostgres, type Target } from './target.ts';

// npm run bench:data -- --participants 100000 [--database-url URL | --pglite DIR] [--seed N] [--today YYYY-MM-DD]
// [--reset]. Writes the synthetic national data set into an empty database, migrated by the app's migrations.

const usage = `Usage: npm run bench:data -- [--participants N] [--database-url URL | --pglite DIR]
                          [--seed N] [--today YYYY-MM-DD] [--reset]
  --participants  how many participants (default 20000; 100000 and 1000000 are the national sizes)
  --database-url  a PostgreSQL database (created when missing)
  --pglite        an embedded database directory (default bench/data/pglite)
  --seed          the generator's seed (default ${defaultSeed})
  --today         the day the data is dated from (default today in Sweden)
  --reset         drop the database or directory first; without it, it must be empty`;

const { values } = parseArgs({
  options: {
    participants: { type: 'string', default: '20000' },
    'database-url': { type: 'string' },
    pglite: { type: 'string' },
    seed: { type: 'string', default: String(defaultSeed) },
    today: { type: 'string' },
    reset: { type: 'boolean', default: false },
    help: { type: 'boolean', default: false },
  },
});
if (values.help) {
  process.stdout.write(`${usage}\n`);
  process.exit(0);
}
const participants = Number(values.participants);
const seed = Number(values.seed);
const today = values.today ?? todayInSweden();
if (
  !Number.isInteger(participants) ||
  participants < 1 ||
  !Number.isInteger(seed) ||
  !/^\d{4}-\d{2}-\d{2}$/.test(today)
) {
  process.stderr.write(`${usage}\n`);
  process.exit(2);
}
if (values['database-url'] && values.pglite) {
  process.stderr.write('Give --database-url or --pglite, not both.\n');
  process.exit(2);
}
const target: Target = values['database-url']
  ? { kind: 'postgres', url: values['database-url'] }
  : { kind: 'pglite', dir: resolve(values.pglite ?? 'bench/data/pglite') };

const sizes = shape(participants);
process.stdout.write(
  `Generating ${participants} participants (${sizes.centres} centres, ${sizes.programmes} programmes, ` +
    `${sizes.employers} employers), seed ${seed}, dated ${today}, into ${describeTarget(target)}\n`,
);
let database: Database;
if (target.kind === 'postgres') {
  await preparePostgres(target.url, values.reset);
  database = await openPostgres(target.url, 2);
} else {
  preparePglite(target.dir, values.reset);
  database = await openPglite({ dataDir: target.dir });
}
const started = performance.now();
try {
  const summary = await generate(database, {
    participants,
    seed,
    today,
    log: (line) => process.stdout.write(`${line} (${((performance.now() - started) / 1000).toFixed(1)} s)\n`),
  });
  const rows = Object.entries(summary.counts).filter(([, n]) => n > 0);
  const total = rows.reduce((sum, [, n]) => sum + n, 0);
  const width = Math.max(...rows.map(([name]) => name.length));
  for (const [name, n] of rows) process.stdout.write(`  ${name.padEnd(width)}  ${String(n).padStart(10)}\n`);
  process.stdout.write(
    `${total} rows in ${summary.seconds.toFixed(1)} s (${Math.round(total / summary.seconds)} rows/s).\n` +
      `Log in as ${benchLogins.coordinator} or ${benchLogins.programmeManager}, password ${benchPassword}.\n`,
  );
} catch (error) {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
} finally {
  await database.close();
}
