import { loadConfig } from '../src/server/config.ts';
import { type Database, openPglite, openPostgres } from '../src/server/db/client.ts';

/**
 * A command's way to the database the app is configured for (DATABASE_URL, else the embedded one in
 * STEGVIS_DATA_DIR): opens it, does the work, says a failure in one line with exit code 1, and closes it.
 */
export async function withDatabase(work: (database: Database) => Promise<void>): Promise<void> {
  const config = loadConfig();
  const database = config.databaseUrl
    ? await openPostgres(config.databaseUrl, 2)
    : await openPglite({ dataDir: config.dataDir });
  try {
    await work(database);
  } catch (error) {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  } finally {
    await database.close();
  }
}
