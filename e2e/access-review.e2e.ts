import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { expectAccessible, launchBrowser, logIn } from './browser.ts';

// A coordinator opens a participant, so this month's log has accesses. The administrator opens the coordinator's
// access page from the user administration, then starts this month's review of the access log, confirms one
// sampled access and flags another with a note, by keyboard, and sees the progress.

const baseUrl = inject('baseUrl');
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

async function newPage(): Promise<Page> {
  return (await browser.newContext()).newPage();
}

describe('the access log and its monthly review', () => {
  let admin: Page;

  it('shows an administrator what a user accessed', async () => {
    const coordinator = await newPage();
    await logIn(coordinator, baseUrl, 'samordnare@haninge.example');
    await coordinator.getByRole('link', { name: 'Deltagare', exact: true }).click();
    const firstPerson = coordinator.getByRole('rowheader').first().getByRole('link');
    const read = coordinator.waitForResponse((r) => /\/api\/participants\/[0-9a-f-]{36}$/.test(r.url()));
    await firstPerson.click();
    expect((await read).status()).toBe(200);
    await coordinator.context().close();

    admin = await newPage();
    await logIn(admin, baseUrl, 'admin@haninge.example');
    await admin.getByRole('link', { name: 'Användare', exact: true }).click();
    const row = admin.getByRole('row').filter({ hasText: 'samordnare@haninge.example' });
    await row.getByRole('link', { name: /^Åtkomst/ }).click();
    await admin.getByRole('heading', { level: 1, name: /^Åtkomst: / }).waitFor();
    await admin.getByRole('cell', { name: 'Deltagarens sida' }).first().waitFor();
    await expect
      .poll(() => admin.getByRole('link', { name: 'Ladda ner CSV' }).getAttribute('href'))
      .toContain('format=csv');
    await expectAccessible(admin, 'user access page');
  });

  it("starts this month's review, confirms one access and flags another with a note", async () => {
    await admin.getByRole('link', { name: 'Granskning', exact: true }).click();
    await admin.getByRole('heading', { level: 1, name: 'Granskning av åtkomst' }).waitFor();
    await expectAccessible(admin, 'access reviews');
    const month = new Date().toLocaleDateString('sv-SE', { timeZone: 'Europe/Stockholm' }).slice(0, 7);
    await admin.getByRole('button', { name: `Granska ${month}` }).click();
    await admin.getByRole('heading', { level: 1, name: `Granskning av åtkomst ${month}` }).waitFor();
    await admin.getByText(/^0 av \d+ granskade/).waitFor();
    await expectAccessible(admin, 'access review');

    const items = admin
      .getByRole('listitem')
      .filter({ has: admin.getByRole('button', { name: 'Bekräfta' }) });
    await items.first().getByRole('button', { name: 'Bekräfta' }).focus();
    await admin.keyboard.press('Enter');
    await admin.getByText(/^1 av \d+ granskade/).waitFor();

    const next = items.nth(1);
    await next.getByRole('button', { name: 'Flagga' }).focus();
    await admin.keyboard.press('Enter');
    // A flag without a note is refused, naming the field.
    await admin.getByRole('button', { name: 'Spara flaggning' }).click();
    await admin.getByLabel(/^Anteckning/).waitFor();
    await admin.getByLabel(/^Anteckning/).fill('Ingen uppgift hos deltagaren den dagen');
    await admin.getByRole('button', { name: 'Spara flaggning' }).press('Enter');
    await admin.getByText(/^2 av \d+ granskade · 1 flaggad/).waitFor();
    await admin.getByText('Ingen uppgift hos deltagaren den dagen', { exact: false }).waitFor();
    await expectAccessible(admin, 'access review with decisions');

    await admin.getByRole('link', { name: 'Alla granskningar' }).click();
    await admin.getByRole('link', { name: month }).waitFor();
  });
});
