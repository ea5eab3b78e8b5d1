import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { addDays, todayInSweden } from '../src/core/dates.ts';
import { organisationNumberCheckDigit } from '../src/core/organisation-number.ts';
import { expectAccessible, launchBrowser, logIn } from './browser.ts';

// From placement to job: a job agent adds an employer, logs a visit, posts an internship, picks a matched
// participant and places them there, starts the placement and records the mid-point review; the coordinator
// later exits the participant to work at that employer, and the employer's page counts the job after the
// placement.

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

const suffix = Date.now().toString(36);
const nine = `559${String((Date.now() + 7) % 1_000_000).padStart(6, '0')}`;
const organisationNumber = `${nine.slice(0, 6)}-${nine.slice(6)}${organisationNumberCheckDigit(nine)}`;
const employerName = `Tyresö Bageri ${suffix} AB`;
const openingTitle = `Praktik i bageriet ${suffix}`;
const today = todayInSweden();

describe('from placement to job', () => {
  let participantName = '';
  let participantUrl = '';
  let employerUrl = '';

  it('lets a job agent place a matched participant in a new internship', async () => {
    await logIn(page, baseUrl, 'jobbagent@tyreso.example');
    await page.goto(`${baseUrl}/arbetsgivare/ny`);
    await page.getByRole('heading', { level: 1, name: 'Ny arbetsgivare' }).waitFor();
    await page.getByLabel('Organisationsnummer').fill(organisationNumber);
    await page.getByLabel('Namn', { exact: true }).fill(employerName);
    await page.getByLabel('Kommun', { exact: true }).selectOption({ label: 'Tyresö' });
    await page.getByRole('checkbox', { name: 'Praktikplatser' }).check();
    await page.getByRole('button', { name: 'Spara arbetsgivaren' }).click();
    await page.getByRole('heading', { level: 1, name: employerName }).waitFor();
    employerUrl = page.url();

    await page.getByRole('button', { name: 'Lägg till kontaktperson' }).click();
    const contactForm = page.getByRole('region', { name: 'Ny kontaktperson' });
    await contactForm.getByLabel('Namn', { exact: true }).fill('Sara Berg');
    await contactForm.getByLabel('Titel').fill('Bagarmästare');
    await contactForm.getByRole('button', { name: 'Spara kontaktpersonen' }).click();
    await page.getByText('Kontaktpersonen är sparad.').waitFor();

    await page.getByRole('button', { name: 'Logga kontakt' }).click();
    const logForm = page.getByRole('region', { name: 'Logga kontakt' });
    await logForm.getByLabel('Typ').selectOption({ label: 'Besök' });
    await logForm.getByLabel('Kontaktperson').selectOption({ label: 'Sara Berg (Bagarmästare)' });
    await logForm.getByLabel('Anteckning').fill('Besök i bageriet. En praktikplats från nästa vecka.');
    await logForm.getByRole('button', { name: 'Spara kontakten' }).click();
    await page.getByText('Kontakten är loggad.').waitFor();

    await page.getByRole('button', { name: 'Ny annons/plats' }).click();
    const openingForm = page.getByRole('region', { name: 'Ny annons/plats' });
    await openingForm.getByLabel('Typ', { exact: true }).selectOption({ label: 'Praktik' });
    await openingForm.getByLabel('Titel').fill(openingTitle);
    await openingForm.getByRole('combobox', { name: 'Yrke (SSYK)' }).focus();
    await page.keyboard.type('bagare', { delay: 20 });
    await page
      .getByRole('option', { name: /^Bagare/ })
      .first()
      .waitFor();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Tab');
    await openingForm.getByLabel('Antal platser').fill('1');
    await openingForm.getByRole('button', { name: 'Spara annonsen/platsen' }).click();
    await page.getByText('Annonsen/platsen är sparad.').waitFor();
    await page.getByRole('link', { name: openingTitle }).click();
    await page.getByRole('heading', { level: 1, name: openingTitle }).waitFor();

    // The best match is placed from the ranked list.
    const matches = page.getByRole('region', { name: 'Matchade deltagare' });
    const best = matches.getByRole('row').nth(1);
    await best.waitFor();
    participantName = (await best.getByRole('link').first().textContent())?.trim() ?? '';
    expect(participantName).not.toBe('');
    await expectAccessible(page, 'opening page with the place links');
    await best.getByRole('link', { name: /^Placera/ }).click();
    await page.getByRole('heading', { level: 1, name: 'Ny praktik' }).waitFor();
    await expectAccessible(page, 'new placement form');

    // Saving with nothing filled in names what is missing, in Swedish.
    await page.getByRole('button', { name: 'Skapa praktiken' }).click();
    const summary = page.locator('.error-summary');
    await summary.waitFor();
    expect(await summary.textContent()).toContain('Handledare');
    expect(await summary.textContent()).toContain('Arbetsuppgifter');
    await expectAccessible(page, 'new placement form with errors');

    await page.getByLabel('Handledare').selectOption({ label: 'Sara Berg, Bagarmästare' });
    await page.getByLabel('Startdatum').fill(today);
    await page.getByLabel('Slutdatum').fill(addDays(today, 42));
    await page.getByLabel('Arbetsuppgifter').fill('Degberedning, bakning och försäljning i butiken.');
    await page.getByRole('button', { name: 'Skapa praktiken' }).click();

    await page.getByRole('heading', { level: 1, name: `Praktik hos ${employerName}` }).waitFor();
    await page.getByText('Praktiken är skapad.').waitFor();
    expect(await page.getByText('Planerad').first().isVisible()).toBe(true);
    await expectAccessible(page, 'placement page');

    await page.getByRole('button', { name: 'Påbörja' }).click();
    const startDialog = page.getByRole('dialog', { name: 'Påbörja praktiken' });
    await startDialog.waitFor();
    await expectAccessible(page, 'start placement dialog');
    expect(await startDialog.getByLabel('Första dagen').inputValue()).toBe(today);
    await startDialog.getByRole('button', { name: 'Påbörja' }).click();
    await page.getByText('Praktiken har påbörjats').waitFor();

    const midpoint = page.getByRole('region', { name: 'Halvtidsuppföljning med handledaren' });
    await midpoint.getByRole('button', { name: 'Registrera' }).click();
    await midpoint.getByLabel('Passar tider').selectOption('5');
    await midpoint.getByLabel('Sammanfattning').fill('Kommer i tid och lär sig snabbt.');
    await expectAccessible(page, 'evaluation form');
    await midpoint.getByRole('button', { name: 'Spara uppföljningen' }).click();
    await page.getByText('Uppföljningen är sparad.').waitFor();
    await midpoint.getByText('5 – fungerar mycket bra').waitFor();

    await page.getByRole('link', { name: participantName }).first().click();
    await page.waitForURL(/\/deltagare\/[0-9a-f-]{36}/);
    await page.getByRole('heading', { level: 2, name: 'Praktik', exact: true }).waitFor();
    participantUrl = page.url().split('?')[0] ?? '';
    await page.getByRole('row', { name: new RegExp(`${employerName}.*Pågår`) }).waitFor();
    await expectAccessible(page, 'participant placements');
  });

  it('lets the coordinator record the job at exit, naming the employer, and the employer count it', async () => {
    const coordinator = await (await browser.newContext()).newPage();
    await logIn(coordinator, baseUrl, 'samordnare@tyreso.example');
    await coordinator.goto(`${participantUrl}?flik=inskrivning`);
    await coordinator
      .getByRole('button', { name: /^Avsluta inskrivningen i/ })
      .first()
      .click({ timeout: 10_000 })
      .catch(async (error) => {
        const shown = await coordinator.locator('main').textContent();
        throw new Error(`no exit at ${participantUrl}: ${shown}`, { cause: error });
      });
    const dialog = coordinator.getByRole('dialog', { name: 'Avsluta inskrivning' });
    await dialog.getByLabel('Utfall').selectOption({ label: 'Arbete, tidsbegränsad anställning' });
    const employer = dialog.getByRole('combobox', { name: 'Arbetsgivare i registret' });
    await employer.fill(suffix);
    await coordinator.getByRole('option', { name: new RegExp(employerName) }).click();
    expect(await dialog.getByLabel('Arbetsgivare eller skola').count()).toBe(0);
    await expectAccessible(coordinator, 'exit form with an employer from the register');
    await dialog.getByRole('button', { name: 'Avsluta inskrivningen' }).click();
    await coordinator.getByText(/Inskrivningen är avslutad/).waitFor();

    await coordinator.goto(employerUrl);
    const outcomes = coordinator.getByRole('region', { name: 'Resultat hos arbetsgivaren' });
    await outcomes.waitFor();
    await outcomes
      .getByText('1 praktik (0 pågår), 1 till arbete varav 1 efter praktik, 1 i uppföljning.')
      .waitFor();
    await outcomes.getByRole('row', { name: new RegExp(`${participantName}.*Avslutad`) }).waitFor();
    await outcomes.getByRole('row', { name: new RegExp(`${participantName}.*${today}.*Ja`) }).waitFor();
    await expectAccessible(coordinator, 'employer outcomes');
    await coordinator.context().close();
  });
});
