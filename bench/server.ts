import { parseArgs } from 'node:util';
import Fastify from 'fastify';
import { buildApp } from '../src/server/app.ts';
import { loadConfig } from '../src/server/config.ts';
import { type Database, openPglite, openPostgres } from '../src/server/db/client.ts';
import { loadReferenceData } from '../src/server/db/reference-data.ts';
import { registerFloor } from './floor.ts';

// The server under load: the real app as main.ts builds it, and beside it, on its own port but on the same
// database (PGlite allows one process), the floor routes. Started by bench/run.ts; prints its ports as JSON.

const { values } = parseArgs({ options: { pglite: { type: 'string' }, 'database-url': { type: 'string' } } });
const config = {
  ...loadConfig({ ...process.env, LOG_LEVEL: 'warn' }),
  // One login per run, but never refused for being many.
  loginRateLimit: 1_000_000,
};
const database: Database = values['database-url']
  ? await openPostgres(values['database-url'], config.databasePoolSize)
  : await openPglite({ dataDir: values.pglite ?? 'bench/data/pglite' });
await loadReferenceData(database.db);

const app = await buildApp({ database, config });
await app.listen({ port: 0, host: '127.0.0.1' });
const floor = Fastify({ logger: false });
registerFloor(floor, database);
await floor.listen({ port: 0, host: '127.0.0.1' });

const portOf = (address: ReturnType<typeof app.server.address>) =>
  typeof address === 'object' && address ? address.port : 0;
process.stdout.write(
  `${JSON.stringify({ app: portOf(app.server.address()), floor: portOf(floor.server.address()) })}\n`,
);

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, async () => {
    await app.close();
    await floor.close();
    await database.close();
    process.exit(0);
  });
}
