import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { expectAccessible, launchBrowser, logIn } from './browser.ts';

// A programme manager sets up a new programme, with its target groups and steps, and later changes it;
// an administrator adds a centre to the organisation and renames it.

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

describe('setting up a programme', () => {
  it('lets a programme manager create a programme with two target groups and three steps, and change it', async () => {
    const page = await newPage();
    await logIn(page, baseUrl, 'programledare@haninge.example');

    await page.getByRole('link', { name: 'Program', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Program' }).waitFor();
    await page.getByRole('link', { name: 'Etableringscentrum' }).waitFor();
    await expectAccessible(page, 'programme list');

    await page.getByRole('link', { name: 'Nytt program' }).click();
    await page.getByRole('heading', { level: 1, name: 'Nytt program' }).waitFor();
    await page.getByRole('checkbox', { name: /Etableringscentrum Tyresö/ }).waitFor();
    await expectAccessible(page, 'new programme form');

    // Saving an empty form names the missing fields.
    await page.getByRole('button', { name: 'Skapa program' }).click();
    await page.getByRole('link', { name: 'Namn måste fyllas i' }).first().waitFor();
    await expectAccessible(page, 'new programme form with errors');

    const facts = page.getByRole('group', { name: 'Programmet', exact: true });
    await facts.getByLabel('Namn').fill('Arbetsmarknadscenter Tyresö');
    await facts.getByLabel('Projektnummer hos finansiären').fill('2021/00042');
    await facts.getByLabel('Startdatum').fill('2026-01-01');
    await facts.getByLabel('Slutdatum').fill('2027-12-31');
    await facts.getByLabel('Planerat antal deltagare').fill('696');
    await facts.getByLabel('Mål i procent').fill('35');
    await facts.getByLabel('Målbeskrivning').fill('35 % till egen försörjning 90 dagar efter avslut');
    // Run in Tyresö, whose municipality takes part with the owner, so other journeys keep their one programme.
    await page.getByRole('checkbox', { name: 'Tyresö kommun', exact: true }).check();
    await page.getByRole('checkbox', { name: /Etableringscentrum Tyresö/ }).check();

    // The funder's reports: the co-financing rate in kronor and öre, and an export check that stops the export.
    const funder = page.getByRole('group', { name: 'Finansiärens rapporter', exact: true });
    await funder.getByLabel('Timpris för medfinansiering (kr/timme)').fill('38,555');
    await funder.getByLabel('Kontroll före export').selectOption({ label: 'Stoppa exporten' });

    const first = page.getByRole('group', { name: 'Målgrupp 1', exact: true });
    await first.getByLabel('Typ').selectOption({ label: 'Kortutbildad' });
    await first.getByLabel('Namn').fill('Kort eller ingen utbildning');
    await first.getByLabel('Längsta tid i månader').fill('12');
    await page.getByRole('button', { name: 'Lägg till målgrupp' }).click();
    const second = page.getByRole('group', { name: 'Målgrupp 2', exact: true });
    await second.getByLabel('Typ').selectOption({ label: 'Gymnasial eller eftergymnasial utbildning' });
    await second.getByLabel('Namn').fill('Gymnasial eller eftergymnasial utbildning');
    await second.getByLabel('Längsta tid i månader').fill('6');

    await page.getByRole('group', { name: 'Steg 1', exact: true }).getByLabel('Namn').fill('Kartläggning');
    await page.getByRole('button', { name: 'Lägg till steg' }).click();
    // The new step's name has focus: the keyboard carries on where the list grew.
    await page.keyboard.type('Praktik');
    await page.getByRole('button', { name: 'Lägg till steg' }).click();
    await page.getByRole('group', { name: 'Steg 3', exact: true }).getByLabel('Namn').fill('Vägledning');
    await page.getByRole('button', { name: 'Flytta upp Steg 3' }).click();
    expect(
      await page.getByRole('group', { name: 'Steg 2', exact: true }).getByLabel('Namn').inputValue(),
    ).toBe('Vägledning');

    await page.getByRole('button', { name: 'Skapa program' }).click();
    await page
      .getByRole('link', { name: 'Timpris för medfinansiering (kr/timme) får ha högst två decimaler' })
      .click();
    // The summary's link takes the keyboard to the field.
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.type('38,5');
    await page.getByRole('button', { name: 'Skapa program' }).click();
    await page.waitForURL(/\/program\/[0-9a-f-]{36}$/);
    await page.getByRole('heading', { level: 1, name: 'Arbetsmarknadscenter Tyresö' }).waitFor();
    await page.getByText('Programmet är skapat.').waitFor();
    const main = page.getByRole('main');
    // Each step is followed by the button that shows its checklist.
    expect(await main.getByRole('listitem').allTextContents()).toEqual([
      expect.stringMatching(/^KartläggningChecklista/),
      expect.stringMatching(/^VägledningChecklista/),
      expect.stringMatching(/^PraktikChecklista/),
    ]);
    expect(await main.getByRole('row', { name: /Kort eller ingen utbildning/ }).textContent()).toContain(
      '12 månader',
    );
    expect(await main.getByRole('row', { name: /Gymnasial eller eftergymnasial/ }).textContent()).toContain(
      '6 månader',
    );
    expect(await main.textContent()).toContain('2026-01-01 – 2027-12-31');
    expect(await main.textContent()).toContain('2021/00042');
    expect(await main.textContent()).toContain('38,50 kr/timme');
    expect(await main.textContent()).toContain('Stoppa exporten');
    await expectAccessible(page, 'programme page');

    await page.getByRole('button', { name: 'Ändra programmet' }).click();
    await page.getByRole('heading', { level: 2, name: 'Ändra programmet' }).waitFor();
    await expectAccessible(page, 'programme edit form');
    const planned = page.getByLabel('Planerat antal deltagare');
    expect(await planned.inputValue()).toBe('696');
    await planned.fill('720');
    const rate = page.getByLabel('Timpris för medfinansiering (kr/timme)');
    expect(await rate.inputValue()).toBe('38,50');
    await rate.fill('50');
    await page.getByLabel('Kontroll före export').selectOption({ label: 'Varna' });
    await page.getByRole('button', { name: 'Spara ändringar' }).click();
    await page.getByText('Ändringarna är sparade.').waitFor();
    expect(await main.textContent()).toContain('720');
    expect(await main.textContent()).toContain('50,00 kr/timme');
    expect(await main.textContent()).toContain('Varna');

    await page.getByRole('link', { name: 'Program', exact: true }).click();
    const row = page.getByRole('row', { name: /Arbetsmarknadscenter Tyresö/ });
    await row.waitFor();
    expect(await row.textContent()).toContain('720');
  });
});

describe('organisations and centres', () => {
  it('lets an administrator add a centre to the organisation and rename it', async () => {
    const page = await newPage();
    await logIn(page, baseUrl, 'admin@haninge.example');

    await page.getByRole('link', { name: 'Organisationer' }).click();
    await page.getByRole('heading', { level: 1, name: 'Organisationer' }).waitFor();
    await page.getByRole('row', { name: /Arbetsförmedlingen Haninge/ }).waitFor();
    await expectAccessible(page, 'organisation administration');

    const centreForm = page.locator('section', {
      has: page.getByRole('heading', { name: 'Lägg till centrum i Haninge kommun' }),
    });
    await centreForm.getByLabel('Namn').fill('Språkcafé Jordbro');
    await centreForm.getByRole('button', { name: 'Lägg till centrum' }).click();
    await page.getByText('Centrumet Språkcafé Jordbro är tillagt.').waitFor();
    await page
      .getByRole('row', { name: /Språkcafé Jordbro/ })
      .first()
      .waitFor();

    await page.getByRole('button', { name: 'Byt namn Språkcafé Jordbro' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Namn').fill('Språkcafé Jordbro centrum');
    await expectAccessible(page, 'rename dialog');
    await dialog.getByRole('button', { name: 'Spara namn' }).click();
    await page.getByText('Namnet är ändrat till Språkcafé Jordbro centrum.').waitFor();
  });
});
