// Takes the README's screenshots: the app on a fresh in-memory database with the demo data, in Debian's Chromium.
// Run with `npm run screenshots` after `npm run build`.
import { resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { todayInSweden } from '../src/core/dates.ts';
import { buildApp } from '../src/server/app.ts';
import { loadConfig } from '../src/server/config.ts';
import { openPglite } from '../src/server/db/client.ts';
import { demoPassword, seedDemoData } from '../src/server/db/demo-data.ts';
import { loadReferenceData } from '../src/server/db/reference-data.ts';

const database = await openPglite();
await loadReferenceData(database.db);
await seedDemoData(database.db, todayInSweden());
const app = await buildApp({ database, config: { ...loadConfig({}), webDir: resolve('dist/web') } });
const baseUrl = await app.listen({ port: 0, host: '127.0.0.1' });
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: [
    '--headless',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ],
});
try {
  const page = await (await browser.newContext({ viewport: { width: 1280, height: 800 } })).newPage();
  await page.goto(`${baseUrl}/login`);
  await page.getByLabel('E-post').fill('samordnare@haninge.example');
  await page.getByLabel('Lösenord').fill(demoPassword);
  await page.getByRole('button', { name: 'Logga in' }).click();
  await page.getByRole('heading', { level: 1, name: 'Deltagare' }).waitFor();
  await page.getByRole('table').waitFor();
  await page.screenshot({ path: 'docs/participants.png' });
  await page.getByRole('link', { name: 'Remisser', exact: true }).click();
  await page.getByRole('table').waitFor();
  await page.screenshot({ path: 'docs/referrals.png' });
  await page.getByRole('link', { name: 'Deltagare', exact: true }).click();
  await page.getByRole('table').getByRole('link').nth(2).click();
  await page.getByRole('tab', { name: 'Inskrivning' }).click();
  await page.waitForTimeout(500);
  await page.screenshot({ path: 'docs/participant.png' });
} finally {
  await browser.close();
  await app.close();
  await database.close();
}
