// Creates the first administrator of a new installation (see README, "Running on PostgreSQL").
// npm run create-admin -- --email it@kommun.se --name "Namn Efternamn" --kommunkod 0136 \
//   --organisation "Haninge kommun" --centre "Etableringscentrum Haninge"
import { parseArgs } from 'node:util';
import { loadReferenceData } from '../src/server/db/reference-data.ts';
import { createFirstAdministrator } from '../src/server/features/users/first-administrator.ts';
import { withDatabase } from './with-database.ts';

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

await withDatabase(async (database) => {
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
});
