import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { expectAccessible, launchBrowser, logIn } from './browser.ts';

// A participant leaves the programme for a job; 90 days later the coordinator follows up: one contact
// attempt, then the result "Arbete", which is what the programme's goal figure counts.

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

/** The "Alla" row of the goal figure on the Etableringscentrum programme page. */
async function goalFigureCounts(): Promise<{ numerator: number; denominator: number }> {
  await page.getByRole('link', { name: 'Program', exact: true }).click();
  await page.getByRole('link', { name: 'Etableringscentrum', exact: true }).click();
  const row = page.getByRole('row', { name: /^Alla/ });
  await row.waitFor();
  const cells = await row.getByRole('cell').allTextContents();
  return { numerator: Number(cells[0]), denominator: Number(cells[1]) };
}

describe('exit and follow-up', () => {
  it('lets a coordinator exit a participant to work, see the follow-up and record it', async () => {
    await page.goto(`${baseUrl}/login`);
    await logIn(page, baseUrl, 'samordnare@haninge.example');
    await page.waitForURL(/\/deltagare$/);
    const before = await goalFigureCounts();

    // An enrolled demo participant of the coordinator's centre.
    await page.goto(`${baseUrl}/deltagare?status=enrolled`);
    const firstRow = page.getByRole('row').nth(1);
    await firstRow.waitFor();
    const name = (await firstRow.getByRole('link').first().textContent())?.trim() ?? '';
    await firstRow.getByRole('link').first().click();
    await page.waitForURL(/\/deltagare\/[0-9a-f-]{36}/);
    const participantUrl = page.url().split('?')[0] ?? '';

    await page.getByRole('tab', { name: 'Inskrivning' }).click();
    await page
      .getByRole('button', { name: /^Avsluta inskrivningen i/ })
      .first()
      .click();
    const dialog = page.getByRole('dialog', { name: 'Avsluta inskrivning' });
    await dialog.waitFor();
    await expectAccessible(page, 'exit form');

    // Work needs the employer: saving without it names the field.
    await dialog.getByLabel('Utfall').selectOption({ label: 'Arbete, tillsvidareanställning' });
    await dialog.getByRole('button', { name: 'Avsluta inskrivningen' }).click();
    await dialog.getByText('Arbetsgivare eller skola måste fyllas i').first().waitFor();
    await dialog.getByLabel('Arbetsgivare eller skola').fill('Haninge Bygg AB');
    await dialog.getByLabel('Orsak').fill('Fick fast anställning');
    await dialog.getByRole('button', { name: 'Avsluta inskrivningen' }).click();

    const notice = page.getByText(/Inskrivningen är avslutad\. Uppföljningen ska göras senast/);
    await notice.waitFor();
    await page
      .getByRole('heading', { name: /Uppföljning efter avslut/ })
      .first()
      .waitFor();
    await expectAccessible(page, 'enrolment tab after exit');

    await page.getByRole('link', { name: 'Uppföljning', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Uppföljning' }).waitFor();
    await page
      .getByRole('row', { name: new RegExp(name) })
      .first()
      .waitFor();
    await expectAccessible(page, 'follow-up worklist');

    await page
      .getByRole('row', { name: new RegExp(name) })
      .first()
      .getByRole('link', { name })
      .click();
    await page.waitForURL((url) => url.toString().startsWith(participantUrl));
    const panel = page.getByRole('region', { name: /Uppföljning efter avslut/ }).first();
    await panel.waitFor();

    await panel.getByLabel('Anteckning').fill('Inget svar, lämnade meddelande');
    await panel.getByRole('button', { name: 'Spara kontaktförsök' }).click();
    await panel.getByText('Kontaktförsöket är sparat.').waitFor();
    await panel.getByRole('cell', { name: 'Inte nådd' }).waitFor();

    await panel.getByLabel('Resultat', { exact: true }).selectOption({ label: 'Arbete' });
    await panel.getByRole('button', { name: 'Spara resultat' }).click();
    await panel.getByText('Resultatet är sparat.').waitFor();
    await panel.getByText(/Registrerat .* av/).waitFor();
    await expectAccessible(page, 'follow-up recorded');
    expect(await panel.textContent()).toContain('Haninge Bygg AB');

    // The programme's goal figure now counts one more followed-up participant, in work.
    const after = await goalFigureCounts();
    expect(after).toEqual({ numerator: before.numerator + 1, denominator: before.denominator + 1 });
    await expectAccessible(page, 'programme page with goal figure');
  });
});
