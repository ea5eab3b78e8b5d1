import { todayInSweden } from '../core/dates.ts';
import { buildApp } from './app.ts';
import { loadConfig } from './config.ts';
import { type Database, openPglite, openPostgres } from './db/client.ts';
import { type DemoLogin, demoPassword, seedDemoData } from './db/demo-data.ts';
import { loadReferenceData } from './db/reference-data.ts';
import { purgeExpiredSessions } from './features/auth/auth.service.ts';
import { loggerOptions } from './plugins/logging.ts';

const config = loadConfig();
const database: Database = config.databaseUrl
  ? await openPostgres(config.databaseUrl, config.databasePoolSize)
  : await openPglite({ dataDir: config.dataDir });
// After the primary, whose migrations the replica receives by replication.
const replica = config.databaseReplicaUrl
  ? await openPostgres(config.databaseReplicaUrl, config.databasePoolSize, { migrate: false })
  : null;
await loadReferenceData(database.db);
const logins = config.demoData ? await seedDemoData(database.db, todayInSweden()) : [];

const app = await buildApp({ database, replica, config, logger: loggerOptions(config.logLevel) });
await app.listen({ port: config.port, host: config.host });

const policy = { idleMinutes: config.sessionIdleMinutes, absoluteHours: config.sessionAbsoluteHours };
setInterval(() => purgeExpiredSessions(database.db, policy).catch(() => {}), 15 * 60_000).unref();

printWelcome(logins);

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, async () => {
    await app.close();
    await replica?.close();
    await database.close();
    process.exit(0);
  });
}

function printWelcome(demoLogins: DemoLogin[]) {
  const where = database.kind === 'pglite' ? `inbyggd databas i ${config.dataDir}` : 'PostgreSQL';
  const lines = [
    '',
    `  Stegvis körs på http://localhost:${config.port} (${where})`,
    `  API-dokumentation: http://localhost:${config.port}/api/docs`,
  ];
  if (demoLogins.length > 0) {
    lines.push('', `  Demoinloggningar (lösenord för alla: ${demoPassword}):`);
    const width = Math.max(...demoLogins.map((l) => l.email.length));
    for (const l of demoLogins)
      lines.push(`    ${l.email.padEnd(width)}  ${l.role.padEnd(18)}  ${l.centres}`);
  }
  process.stdout.write(`${lines.join('\n')}\n\n`);
}
