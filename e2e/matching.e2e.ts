import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { expectAccessible, launchBrowser, logIn } from './browser.ts';

// A coordinator opens a demo internship for assistant nurses (SSYK 5321), sees the participants it suits best
// with the reasons and how the score is computed, follows the best match to the participant, and finds the
// openings suggested for them under the tab Platser.

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

const openingTitle = 'Praktik som undersköterska, äldreboende';

describe('matching participants and openings', () => {
  let participantUrl = '';

  it('ranks the participants an opening suits, with the reasons in words', async () => {
    await logIn(page, baseUrl, 'samordnare@haninge.example');
    await page.goto(`${baseUrl}/platser`);
    await page.getByLabel('Sök annons eller plats').fill('äldreboende');
    await page.getByRole('button', { name: 'Sök', exact: true }).click();
    await page.getByRole('link', { name: openingTitle }).first().click();
    await page.getByRole('heading', { level: 1, name: openingTitle }).waitFor();

    const section = page.getByRole('region', { name: 'Matchade deltagare' });
    await section.waitFor();
    const table = section.getByRole('table', { name: 'Deltagare som passar platsen bäst, med skälen' });
    await table.waitFor();
    const rows = table.getByRole('row');
    // A header row and at least one participant.
    expect(await rows.count()).toBeGreaterThan(1);
    const best = rows.nth(1);
    const bestText = (await best.textContent()) ?? '';
    expect(bestText).toMatch(/^1/);
    expect(bestText).toContain('Mål i handlingsplanen: 5321');
    expect(bestText).toContain('+40 p');
    // The opening requires course C: each participant is told apart by words, met or not.
    expect(await table.textContent()).toMatch(/Svenska: (kurs [A-D]|avslutad sfi|nivå okänd)/);

    await section.getByText('Så räknas poängen').click();
    const weights = section.getByRole('table', { name: 'Poäng per skäl' });
    await weights.getByRole('row', { name: /Svenska \(sfi\) når kravet \+15 p −15 p/ }).waitFor();
    await expectAccessible(page, 'opening page with matched participants');

    await best.getByRole('link').first().click();
    await page.getByRole('tab', { name: 'Översikt' }).waitFor();
    participantUrl = page.url();
    expect(participantUrl).toMatch(/\/deltagare\/[0-9a-f-]{36}/);
  });

  it('suggests openings on the participant’s tab Platser, linking to each opening', async () => {
    await page.getByRole('tab', { name: 'Platser' }).click();
    expect(page.url()).toContain('flik=platser');
    const table = page.getByRole('table', { name: 'Öppna platser som passar deltagaren bäst, med skälen' });
    await table.waitFor();
    const row = table.getByRole('row', { name: new RegExp(openingTitle) });
    await row.waitFor();
    expect(await row.textContent()).toContain('Mål i handlingsplanen: 5321');
    await expectAccessible(page, 'participant tab Platser');

    await row.getByRole('link', { name: openingTitle, exact: true }).click();
    await page.getByRole('heading', { level: 1, name: openingTitle }).waitFor();
  });
});
