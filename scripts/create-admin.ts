// Creates the first administrator of a new installation (see README, "Running on PostgreSQL").
// npm run create-admin -- --email it@kommun.se --name "Namn Efternamn" --kommunkod 0136 \
//   --organisation "Haninge kommun" --centre "Etableringscentrum Haninge"
import { parseArgs } from 'node:util';
import { loadConfig } from '../src/server/config.ts';
import { openPglite, openPostgres } from '../src/server/db/client.ts';
import { loadReferenceData } from '../src/server/db/reference-data.ts';
import { createFirstAdministrator } from '../src/server/features/users/first-administrator.ts';

const { values } = parseArgs({
  options: {
    email: { type: 'string' },
    name: { type: 'string' },
    kommunkod: { type: 'string' },
    organisation: { type: 'string' },
    centre: { type: 'string' },
  },
});
const { email, name, kommunkod, organisation, centre } = values;
if (!email || !name || !kommunkod || !organisation || !centre) {
  process.stderr.write(
    'Usage: npm run create-admin -- --email … --name … --kommunkod … --organisation … --centre …\n',
  );
  process.exit(2);
}

const config = loadConfig();
const database = config.databaseUrl
  ? await openPostgres(config.databaseUrl, 2)
  : await openPglite({ dataDir: config.dataDir });
try {
  await loadReferenceData(database.db);
  const created = await createFirstAdministrator(database.db, {
    email,
    name,
    municipalityCode: kommunkod,
    organisationName: organisation,
    centreName: centre,
    password: process.env.STEGVIS_ADMIN_PASSWORD,
  });
  const shown = process.env.STEGVIS_ADMIN_PASSWORD ? '(from STEGVIS_ADMIN_PASSWORD)' : created.password;
  process.stdout.write(`Administrator ${email} created. Password: ${shown}\n`);
} catch (error) {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
} finally {
  await database.close();
}
