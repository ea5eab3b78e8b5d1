import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { expectAccessible, launchBrowser, logIn } from './browser.ts';

// A coordinator's morning: "My participants" shows who needs attention; she calls one of them, writes it in
// the journal, corrects a mistake in the entry (the original stays, marked corrected) and brings a social
// consultant onto the participant's team.

const baseUrl = inject('baseUrl');
let browser: Browser;
let page: Page;

beforeAll(async () => {
  browser = await launchBrowser();
  page = await (await browser.newContext()).newPage();
});
afterAll(async () => {
  await browser?.close();
});

const noContact = 'Ingen kontakt på 30 dagar';

/** Opens the first participant without recent contact whose record can still be written to. */
async function openParticipantWithoutContact(): Promise<string> {
  const rows = page.getByRole('row').filter({ hasText: noContact });
  const count = await rows.count();
  for (let i = 0; i < count; i++) {
    await rows.nth(i).getByRole('link').first().click();
    await page.waitForURL(/\/deltagare\/[0-9a-f-]{36}/);
    await page.getByRole('tab', { name: 'Journal' }).waitFor();
    if ((await page.getByText('Samtycket är återkallat').count()) === 0) {
      return (await page.getByRole('heading', { level: 1 }).textContent()) ?? '';
    }
    await page.goBack();
    await page.getByRole('heading', { level: 1, name: 'Mina deltagare' }).waitFor();
  }
  throw new Error('no writable participant without contact');
}

describe('journal, team and my participants', () => {
  it('lets a coordinator follow up her caseload, write and correct the journal and grow the team', async () => {
    await logIn(page, baseUrl, 'samordnare@haninge.example');
    await page.getByRole('link', { name: 'Mina deltagare' }).click();
    await page.getByRole('heading', { level: 1, name: 'Mina deltagare' }).waitFor();
    await page.getByText(noContact).first().waitFor();
    await expectAccessible(page, 'my participants');

    const name = await openParticipantWithoutContact();

    await page.getByRole('tab', { name: 'Journal' }).click();
    await page.getByRole('heading', { level: 2, name: 'Ny journalanteckning' }).waitFor();
    await expectAccessible(page, 'journal tab');

    // Saving without text names the field.
    await page.getByRole('button', { name: 'Spara anteckning' }).click();
    await page.getByText('Text måste fyllas i').first().waitFor();

    const original = 'Ringde om praktikplats i Handen, deltagaren var intresserad.';
    await page.getByLabel('Kategori').selectOption({ label: 'Möte' });
    await page.getByLabel('Text', { exact: true }).fill(original);
    await page.getByRole('button', { name: 'Spara anteckning' }).click();
    await page.getByText('Anteckningen är sparad.').waitFor();
    const originalRow = page.getByRole('row', { name: /praktikplats i Handen/ });
    await originalRow.waitFor();

    await originalRow.getByRole('button', { name: /Rätta/ }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('heading', { name: 'Rätta anteckning' }).waitFor();
    await expectAccessible(page, 'correction dialog');
    // A correction needs a reason.
    await dialog.getByRole('button', { name: 'Spara rättelse' }).click();
    await dialog.getByText('Orsak måste fyllas i').first().waitFor();
    await dialog.getByLabel('Kategori').selectOption({ label: 'Telefonsamtal' });
    await dialog
      .getByLabel('Text', { exact: true })
      .fill('Ringde om praktikplats i Handen och Jordbro, deltagaren var intresserad.');
    await dialog.getByLabel('Orsak').fill('Fel kategori och en plats saknades');
    await dialog.getByRole('button', { name: 'Spara rättelse' }).click();
    await page.getByText('Rättelsen är sparad.', { exact: false }).waitFor();

    // Wait for the reloaded list: the correction's row exists only once it has arrived.
    const correction = page.getByRole('row', { name: /Handen och Jordbro/ });
    await correction.waitFor();
    const corrected = page.getByRole('row', { name: /praktikplats i Handen, deltagaren/ });
    expect(await corrected.textContent()).toContain('Rättad');
    expect(await correction.textContent()).toContain(
      'Orsak till rättelse: Fel kategori och en plats saknades',
    );
    await expectAccessible(page, 'journal tab after correction');

    await page.getByRole('tab', { name: 'Team' }).click();
    await page.getByRole('heading', { level: 2, name: 'Lägg till i teamet' }).waitFor();
    await expectAccessible(page, 'team tab');
    await page.getByLabel('Medarbetare').selectOption({ label: 'Sami Socialkonsulent (Socialkonsulent)' });
    await page.getByRole('button', { name: 'Lägg till', exact: true }).click();
    await page.getByText('Sami Socialkonsulent är tillagd i teamet.').waitFor();
    await page.getByRole('row', { name: /Sami Socialkonsulent/ }).waitFor();

    // The phone call counts as contact: the warning is gone from "My participants".
    await page.getByRole('link', { name: 'Mina deltagare' }).click();
    await page.getByRole('heading', { level: 1, name: 'Mina deltagare' }).waitFor();
    const row = page.getByRole('row', { name: new RegExp(name.trim()) });
    await row.waitFor();
    // The list shows what it had while it is read again.
    await expect.poll(() => row.textContent()).not.toContain(noContact);
  });
});
