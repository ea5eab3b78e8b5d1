import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { expectAccessible, launchBrowser, logIn } from './browser.ts';

// A coordinator imports the employment service's referral list, twice; an administrator adds a colleague.

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

const csv = [
  'Personnummer;Förnamn;Efternamn;Remissdatum;Handläggare;Kontor;Grund;Anteckning;Telefon;E-post;Språk',
  '199201022390;Hodan;Yusuf;2026-11-02;Ida Arbetsförmedlare;Haninge;etableringsprogrammet;;070-111 22 33;;somaliska',
  '199201010018;Fel;Kontrollsiffra;2026-11-02;Ida Arbetsförmedlare;Haninge;etableringsprogrammet;;;;',
  '199201011732;Rahel;Berhane;2026-11-03;Ida Arbetsförmedlare;Haninge;jobb- och utvecklingsgarantin;;;;tigrinja',
].join('\r\n');

async function importFile(page: Page) {
  await page.getByLabel('Program').selectOption({ label: 'Etableringscentrum' });
  await page.getByLabel('Centrum').selectOption({ label: 'Etableringscentrum Haninge' });
  await page.getByLabel('Fil').setInputFiles({
    name: 'remisser.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(`\uFEFF${csv}`, 'utf8'),
  });
  await page.getByRole('button', { name: 'Importera' }).click();
}

describe('importing referrals', () => {
  it('reports the bad row by line and reason, keeps the good ones, and creates nothing the second time', async () => {
    const page = await newPage();
    await logIn(page, baseUrl, 'samordnare@haninge.example');
    await page.getByRole('link', { name: 'Importera remisser' }).click();
    await page.getByRole('heading', { level: 1, name: 'Importera remisser' }).waitFor();
    await expectAccessible(page, 'import page');

    await importFile(page);
    const badRow = page.getByRole('row', {
      name: /Personnummer eller samordningsnummer har fel kontrollsiffra/,
    });
    await badRow.waitFor();
    expect(await badRow.textContent()).toContain('3');
    await expectAccessible(page, 'import report');

    await importFile(page);
    await page.getByRole('row', { name: /^2\b.*Fanns redan/ }).waitFor();
    expect(await page.getByRole('row', { name: /Skapad/ }).count()).toBe(0);

    await page.getByRole('link', { name: 'Deltagare', exact: true }).click();
    await page.getByLabel('Sök deltagare').fill('Berhane');
    await page.getByRole('button', { name: 'Sök' }).click();
    await page.getByRole('row', { name: /Rahel/ }).waitFor();
  });
});

describe('administering users', () => {
  it('lets an administrator create a colleague who can then log in', async () => {
    const page = await newPage();
    await logIn(page, baseUrl, 'admin@haninge.example');
    await page.getByRole('link', { name: 'Användare' }).click();
    await page.getByRole('heading', { level: 1, name: 'Användare' }).waitFor();
    await expectAccessible(page, 'user administration');

    await page.getByLabel('Namn').fill('Karin Karriärvägledare');
    await page.getByLabel('E-post').fill('karriar@haninge.example');
    await page.getByLabel('Roll').selectOption({ label: 'Yrkesvägledare' });
    await page.getByRole('checkbox', { name: 'Etableringscentrum Haninge' }).check();
    await page.getByLabel('Lösenord').fill('ett riktigt långt lösenord');
    await page.getByRole('button', { name: 'Skapa användare' }).click();
    await page.getByText('Användaren Karin Karriärvägledare är skapad.').waitFor();

    const colleague = await newPage();
    await colleague.goto(`${baseUrl}/login`);
    await colleague.getByLabel('E-post').fill('karriar@haninge.example');
    await colleague.getByLabel('Lösenord').fill('ett riktigt långt lösenord');
    await colleague.getByRole('button', { name: 'Logga in' }).click();
    await colleague.getByRole('heading', { level: 1, name: 'Deltagare' }).waitFor();

    // The colleague replaces the password the administrator chose, under Mitt konto.
    await colleague.getByRole('link', { name: 'Mitt konto' }).click();
    await colleague.getByRole('heading', { level: 1, name: 'Mitt konto' }).waitFor();
    await colleague.getByRole('row', { name: /Den här webbläsaren/ }).waitFor();
    await expectAccessible(colleague, 'my account');
    await colleague.getByLabel('Nuvarande lösenord').fill('ett riktigt långt lösenord');
    await colleague.getByLabel('Nytt lösenord').fill('qwerty123456');
    await colleague.getByRole('button', { name: 'Byt lösenord' }).click();
    await colleague.getByText('Nytt lösenord är för lätt att gissa', { exact: false }).first().waitFor();
    await expectAccessible(colleague, 'my account with an error');
    await colleague.getByLabel('Nytt lösenord').fill('tre gröna äpplen i en skål');
    await colleague.getByRole('button', { name: 'Byt lösenord' }).click();
    await colleague.getByText('Lösenordet är bytt.', { exact: false }).waitFor();

    const again = await newPage();
    await again.goto(`${baseUrl}/login`);
    await again.getByLabel('E-post').fill('karriar@haninge.example');
    await again.getByLabel('Lösenord').fill('tre gröna äpplen i en skål');
    await again.getByRole('button', { name: 'Logga in' }).click();
    await again.getByRole('heading', { level: 1, name: 'Deltagare' }).waitFor();

    // She forgets it: the administrator gives her a new one, which logs her out everywhere.
    await page.getByRole('button', { name: 'Nytt lösenord Karin Karriärvägledare' }).click();
    const dialog = page.getByRole('dialog', { name: 'Nytt lösenord för Karin Karriärvägledare' });
    await dialog.getByLabel('Nytt lösenord').fill('karriar@haninge.example');
    await dialog.getByRole('button', { name: 'Spara lösenordet' }).click();
    await dialog.getByText('Lösenord är för lätt att gissa', { exact: false }).first().waitFor();
    await expectAccessible(page, 'new password dialog with an error');
    await dialog.getByLabel('Nytt lösenord').fill('ett nytt lösenord från it-stödet');
    await dialog.getByRole('button', { name: 'Spara lösenordet' }).click();
    await page.getByText('Karin Karriärvägledare har fått ett nytt lösenord', { exact: false }).waitFor();
    await again.getByRole('link', { name: 'Mitt konto' }).click();
    await again.getByRole('button', { name: 'Logga in' }).waitFor();
  });
});
