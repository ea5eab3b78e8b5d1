import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { TestProject } from 'vitest/node';
import { todayInSweden } from '../src/core/dates.ts';
import { buildApp } from '../src/server/app.ts';
import { loadConfig } from '../src/server/config.ts';
import { openPglite } from '../src/server/db/client.ts';
import { seedDemoData } from '../src/server/db/demo-data.ts';
import { loadReferenceData } from '../src/server/db/reference-data.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
  }
}

/** Starts Stegvis on a free port with a fresh in-memory database holding the demo data. */
export default async function setup(project: TestProject) {
  const config = { ...loadConfig({}), webDir: resolve('dist/web'), loginRateLimit: 1000 };
  if (!existsSync(`${config.webDir}/index.html`)) throw new Error('Build the web app first: npm run build');
  const database = await openPglite();
  await loadReferenceData(database.db);
  await seedDemoData(database.db, todayInSweden());
  const app = await buildApp({ database, config });
  const address = await app.listen({ port: 0, host: '127.0.0.1' });
  project.provide('baseUrl', address);
  return async () => {
    await app.close();
    await database.close();
  };
}
