import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { expectAccessible, launchBrowser, logIn } from './browser.ts';

// A coordinator answers a participant's request for a register extract: from the participant page to the
// printable extract with every section, downloads it as JSON, and sees the making of it in its access log.

const baseUrl = inject('baseUrl');
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

async function loggedInPage(): Promise<Page> {
  const page = await (await browser.newContext({ acceptDownloads: true })).newPage();
  await logIn(page, baseUrl, 'samordnare@haninge.example');
  return page;
}

describe('register extract', () => {
  it('opens from the participant page, shows every section, prints and downloads as JSON', async () => {
    const page = await loggedInPage();
    await page.goto(`${baseUrl}/deltagare`);
    await page.getByRole('heading', { level: 1, name: 'Deltagare' }).waitFor();
    await page.getByRole('table').getByRole('link').first().click();
    await page.waitForURL(/\/deltagare\/[0-9a-f-]{36}/);

    await page.getByRole('link', { name: 'Registerutdrag' }).click();
    await page.waitForURL(/\/registerutdrag$/);
    await page.getByRole('heading', { level: 1, name: 'Registerutdrag' }).waitFor();
    for (const heading of [
      'Dina rättigheter',
      'Identitet och kontaktuppgifter',
      'Samtycken och återkallelser',
      'Inskrivningar',
      'Journalanteckningar (med rättelser)',
      'Åtkomstlogg: vem som läst eller ändrat uppgifterna och när',
    ]) {
      await page
        .getByRole('heading', { level: 2, name: new RegExp(`^${heading.replace(/[()]/g, '\\$&')}`) })
        .waitFor();
    }
    await expect(page.getByText(/Integritetsskyddsmyndigheten \(IMY\)/).count()).resolves.toBe(1);
    await expect(page.getByText(/Enkätsvar är anonyma/).count()).resolves.toBe(1);
    await expect(page.getByText('participant.registerExtract').count()).resolves.toBeGreaterThan(0);
    await expect(page.getByRole('button', { name: 'Skriv ut' }).isVisible()).resolves.toBe(true);
    await expect(page.getByText(/spara som PDF/).count()).resolves.toBe(1);
    await expectAccessible(page, 'register extract');

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Ladda ner som JSON' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^registerutdrag-[0-9a-f-]{36}-\d{4}-\d{2}-\d{2}\.json$/);
    await page.close();
  });
});
