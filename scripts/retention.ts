// The retention job for cron: anonymises every participant of the installation whose data has expired under
// their programmes' rules (src/core/retention.ts) and writes the retention log. See README, "Retention".
// npm run retention -- [--dry-run] [--today YYYY-MM-DD]
import { parseArgs } from 'node:util';
import { isValidIsoDate, todayInSweden } from '../src/core/dates.ts';
import { runRetention } from '../src/server/features/retention/retention.service.ts';
import { withDatabase } from './with-database.ts';

const { values } = parseArgs({
  options: {
    'dry-run': { type: 'boolean', default: false },
    // For a rehearsal on a copy: what a later day's run would do. Never later than today for a real run.
    today: { type: 'string' },
  },
});
const today = values.today ?? todayInSweden();
const dryRun = values['dry-run'] ?? false;
if (!isValidIsoDate(today) || (!dryRun && today > todayInSweden())) {
  process.stderr.write(
    'Usage: npm run retention -- [--dry-run] [--today YYYY-MM-DD, not after today unless --dry-run]\n',
  );
  process.exit(2);
}

await withDatabase(async (database) => {
  const outcome = await runRetention(database.db, { today, dryRun });
  const lines = outcome.groups.map(
    (g) =>
      `  ${String(g.count).padStart(6)}  ${g.rule.padEnd(15)} ${g.programmeName ?? '(ingen inskrivning)'}`,
  );
  process.stdout.write(
    `${dryRun ? 'Dry run: would anonymise' : 'Anonymised'} ${outcome.expired.length} participant(s) as of ${today}` +
      `${outcome.runId ? ` (retention run ${outcome.runId})` : ''}\n${lines.join('\n')}${lines.length ? '\n' : ''}`,
  );
});
