import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { addDays, todayInSweden } from '../src/core/dates.ts';
import { organisationNumberCheckDigit } from '../src/core/organisation-number.ts';
import { expectAccessible, launchBrowser, logIn } from './browser.ts';

// A job agent registers an employer (first with a wrong check digit), is refused a duplicate with a link to the
// one already registered, adds a contact person, logs a visit with a next step, posts an internship with the
// occupation chosen by keyboard in the combo box, and finds the internship among all openings.

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
// A legal entity's number: third digit 2 or more; six more digits from the clock keep runs apart.
const nine = `556${String(Date.now() % 1_000_000).padStart(6, '0')}`;
const checkDigit = organisationNumberCheckDigit(nine);
const organisationNumber = `${nine.slice(0, 6)}-${nine.slice(6)}${checkDigit}`;
const wrongNumber = `${nine.slice(0, 6)}-${nine.slice(6)}${(checkDigit + 1) % 10}`;
const employerName = `Tyresö Omsorg ${suffix} AB`;
const openingTitle = `Praktik i hemtjänsten ${suffix}`;
const today = todayInSweden();
const nextWeek = addDays(today, 7);

async function isFocused(locator: Locator): Promise<boolean> {
  return locator.evaluate((element) => element === document.activeElement);
}

describe('employers and openings', () => {
  let employerUrl = '';

  it('lets a job agent register an employer, refusing a wrong check digit and a duplicate', async () => {
    await logIn(page, baseUrl, 'jobbagent@tyreso.example');
    await page.getByRole('link', { name: 'Arbetsgivare', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Arbetsgivare' }).waitFor();
    await page
      .getByRole('status')
      .filter({ hasText: /arbetsgivare$/ })
      .waitFor();
    await expectAccessible(page, 'employer list');

    await page.getByRole('link', { name: 'Ny arbetsgivare' }).click();
    await page.getByRole('heading', { level: 1, name: 'Ny arbetsgivare' }).waitFor();
    await expectAccessible(page, 'new employer form');

    await page.getByLabel('Organisationsnummer').fill(wrongNumber);
    await page.getByLabel('Namn', { exact: true }).fill(employerName);
    await page.getByLabel('Bransch (SNI)').selectOption('87');
    await page.getByLabel('Kommun', { exact: true }).selectOption({ label: 'Tyresö' });
    await page.getByRole('checkbox', { name: 'Praktikplatser' }).check();
    await page.getByRole('checkbox', { name: 'Jobb', exact: true }).check();
    await page.getByLabel('Gatuadress').fill('Bollmoravägen 1');
    await page.getByRole('button', { name: 'Spara arbetsgivaren' }).click();

    const summary = page.locator('.error-summary');
    await summary.waitFor();
    expect(await isFocused(summary)).toBe(true);
    const checksum = summary.getByRole('link', { name: 'Organisationsnummer har fel kontrollsiffra' });
    await checksum.waitFor();
    await expectAccessible(page, 'new employer form with a wrong check digit');
    // The summary leads to the field, which names the same error.
    await checksum.click();
    const numberField = page.getByLabel('Organisationsnummer');
    expect(await isFocused(numberField)).toBe(true);
    expect(await numberField.getAttribute('aria-invalid')).toBe('true');

    await numberField.fill(organisationNumber);
    await page.getByRole('button', { name: 'Spara arbetsgivaren' }).click();
    await page.getByText('Arbetsgivaren är sparad.').waitFor();
    await page.getByRole('heading', { level: 1, name: employerName }).waitFor();
    employerUrl = page.url();
    expect(employerUrl).toMatch(/\/arbetsgivare\/[0-9a-f-]{36}$/);
    await expectAccessible(page, 'employer page');

    // The same number again, without the hyphen, is refused with a way to the employer already registered.
    await page.goto(`${baseUrl}/arbetsgivare/ny`);
    await page.getByRole('heading', { level: 1, name: 'Ny arbetsgivare' }).waitFor();
    await page.getByLabel('Organisationsnummer').fill(organisationNumber.replace('-', ''));
    await page.getByLabel('Namn', { exact: true }).fill(`${employerName} (dubblett)`);
    await page.getByRole('button', { name: 'Spara arbetsgivaren' }).click();
    await summary.waitFor();
    await summary
      .getByText('Det finns redan en arbetsgivare registrerad med detta organisationsnummer')
      .waitFor();
    await expectAccessible(page, 'new employer form with a duplicate');
    await summary.getByRole('link', { name: 'Öppna arbetsgivaren som redan är registrerad' }).click();
    await page.getByRole('heading', { level: 1, name: employerName }).waitFor();
    expect(page.url()).toBe(employerUrl);

    // The list finds it by organisation number and shows it as NNNNNN-NNNN.
    await page.getByRole('link', { name: 'Arbetsgivare', exact: true }).click();
    await page.getByLabel('Sök arbetsgivare').fill(organisationNumber.replace('-', ''));
    await page.getByRole('button', { name: 'Sök', exact: true }).click();
    const row = page.getByRole('row', { name: new RegExp(employerName) });
    await row.waitFor();
    const text = await row.textContent();
    expect(text).toContain(organisationNumber);
    expect(text).toContain('Tyresö');
    expect(text).toContain('Praktikplatser, Jobb');
  });

  it('lets the job agent add a contact person, log a visit with a next step, and edit the employer', async () => {
    await page.goto(employerUrl);
    await page.getByRole('heading', { level: 1, name: employerName }).waitFor();

    await page.getByRole('button', { name: 'Lägg till kontaktperson' }).click();
    const contactForm = page.getByRole('region', { name: 'Ny kontaktperson' });
    await contactForm.waitFor();
    await contactForm.getByLabel('Namn', { exact: true }).fill('Eva Ek');
    await contactForm.getByLabel('Titel').fill('Enhetschef');
    await contactForm.getByLabel('Telefon').fill('08-123 456');
    await expectAccessible(page, 'contact person form');
    await contactForm.getByRole('button', { name: 'Spara kontaktpersonen' }).click();
    await page.getByText('Kontaktpersonen är sparad.').waitFor();
    await page.getByRole('row', { name: /Eva Ek Enhetschef/ }).waitFor();

    await page.getByRole('button', { name: 'Logga kontakt' }).click();
    const logForm = page.getByRole('region', { name: 'Logga kontakt' });
    await logForm.waitFor();
    await logForm.getByRole('button', { name: 'Spara kontakten' }).click();
    await logForm.locator('.error-summary').waitFor();
    await expectAccessible(page, 'interaction form with errors');
    await logForm.getByLabel('Typ').selectOption({ label: 'Besök' });
    expect(await logForm.getByLabel('Datum för kontakten').inputValue()).toBe(today);
    await logForm.getByLabel('Kontaktperson').selectOption({ label: 'Eva Ek (Enhetschef)' });
    await logForm
      .getByLabel('Anteckning')
      .fill('Besök på enheten. Två praktikplatser i hemtjänsten från nästa månad.');
    await logForm.getByLabel('Nästa steg', { exact: true }).fill('Skicka praktikavtal till Eva');
    await logForm.getByLabel('Datum för nästa steg').fill(nextWeek);
    await logForm.getByRole('button', { name: 'Spara kontakten' }).click();
    await page.getByText('Kontakten är loggad.').waitFor();
    const entry = page.getByRole('listitem').filter({ hasText: 'Skicka praktikavtal' });
    await entry.getByRole('heading', { name: `${today} Besök med Eva Ek` }).waitFor();
    expect(await entry.textContent()).toContain(`Skicka praktikavtal till Eva (senast ${nextWeek})`);
    await expectAccessible(page, 'employer page with a logged visit');

    await page.getByRole('button', { name: 'Ändra uppgifter' }).click();
    const editForm = page.getByRole('region', { name: 'Ändra uppgifter om arbetsgivaren' });
    await editForm.waitFor();
    await expectAccessible(page, 'employer edit form');
    await editForm.getByRole('checkbox', { name: 'Medverkar i samhällsorientering' }).check();
    await editForm.getByRole('button', { name: 'Spara ändringarna' }).click();
    await page.getByText('Ändringarna är sparade.').waitFor();
    await page.getByText('Praktikplatser, Jobb, Medverkar i samhällsorientering').waitFor();

    // Eva leaves: she is marked inactive, not removed, and stays in the log.
    await page.getByRole('button', { name: 'Ändra Eva Ek' }).click();
    const evaForm = page.getByRole('region', { name: 'Ändra kontaktperson: Eva Ek' });
    await evaForm.getByRole('checkbox', { name: 'Aktiv kontaktperson' }).uncheck();
    await evaForm.getByRole('button', { name: 'Spara kontaktpersonen' }).click();
    await page.getByText('Kontaktpersonen är sparad.').waitFor();
    await page.getByRole('row', { name: /Eva Ek.*Inaktiv/ }).waitFor();
    await entry.getByRole('heading', { name: `${today} Besök med Eva Ek` }).waitFor();
  });

  it('lets the job agent post an internship, choosing the occupation by keyboard, and find it among all openings', async () => {
    await page.goto(employerUrl);
    await page.getByRole('heading', { level: 1, name: employerName }).waitFor();
    await page.getByRole('button', { name: 'Ny annons/plats' }).click();
    const openingForm = page.getByRole('region', { name: 'Ny annons/plats' });
    await openingForm.waitFor();
    await expectAccessible(page, 'new opening form');

    await openingForm.getByLabel('Typ', { exact: true }).selectOption({ label: 'Praktik' });
    await openingForm.getByLabel('Titel').fill(openingTitle);

    // The occupation by keyboard: type a name, arrow down to the first suggestion, Enter.
    const occupation = openingForm.getByRole('combobox', { name: 'Yrke (SSYK)' });
    await occupation.focus();
    await page.keyboard.type('undersköterska', { delay: 20 });
    // While the server searches, the list says so; then the suggestions come.
    await page
      .getByRole('option', { name: /^Undersköterskor/ })
      .first()
      .waitFor();
    expect(await page.getByRole('option').first().textContent()).toMatch(/^Undersköterskor.*\(532\d\)$/);
    expect(await occupation.getAttribute('aria-expanded')).toBe('true');
    await page.keyboard.press('ArrowDown');
    expect(await occupation.getAttribute('aria-activedescendant')).toBeTruthy();
    await page.keyboard.press('Enter');
    expect(await occupation.inputValue()).toMatch(/^Undersköterskor.*\(532\d\)$/);
    const chosen = await occupation.inputValue();
    // Leaving the field keeps the choice.
    await page.keyboard.press('Tab');
    expect(await occupation.inputValue()).toBe(chosen);
    // Not while the list is open: React Aria then hides the rest of the page from assistive technology.
    await expectAccessible(page, 'new opening form with an occupation chosen');

    await openingForm.getByLabel('Antal platser').fill('2');
    await openingForm.getByLabel('Timmar per vecka').fill('30');
    await openingForm.getByLabel('Startdatum').fill(addDays(today, 30));
    await openingForm.getByLabel('Krav på svenska (sfi-kurs)').selectOption({ label: 'Kurs C' });
    await openingForm.getByRole('checkbox', { name: 'Körkort (B) krävs' }).check();
    await openingForm.getByRole('button', { name: 'Spara annonsen/platsen' }).click();
    await page.getByText('Annonsen/platsen är sparad.').waitFor();
    const employerRow = page.getByRole('row', { name: new RegExp(openingTitle) });
    await employerRow.waitFor();
    expect(await employerRow.textContent()).toContain('Öppen');

    await page.goto(`${baseUrl}/platser`);
    await page.getByRole('heading', { level: 1, name: 'Praktik och jobb' }).waitFor();
    await page.getByLabel('Typ', { exact: true }).selectOption({ label: 'Praktik' });
    await page.getByLabel('Sök annons eller plats').fill(suffix);
    await page.getByRole('button', { name: 'Sök', exact: true }).click();
    const row = page.getByRole('row', { name: new RegExp(openingTitle) });
    await row.waitFor();
    expect(await row.textContent()).toContain('Praktik');
    expect(await row.textContent()).toContain(chosen.replace(/ \(\d{4}\)$/, ''));
    await expectAccessible(page, 'openings list');
    await row.getByRole('link', { name: employerName }).waitFor();

    await row.getByRole('link', { name: openingTitle }).click();
    await page.getByRole('heading', { level: 1, name: openingTitle }).waitFor();
    await page.getByText('Kurs C').waitFor();
    await expectAccessible(page, 'opening page');

    await page.getByRole('button', { name: 'Ändra', exact: true }).click();
    const editForm = page.getByRole('region', { name: 'Ändra annonsen/platsen' });
    await editForm.waitFor();
    expect(await editForm.getByRole('combobox', { name: 'Yrke (SSYK)' }).inputValue()).toBe(chosen);
    await expectAccessible(page, 'opening edit form');
    await editForm.getByLabel('Status').selectOption({ label: 'Tillsatt' });

    // A colleague saves the opening first; this save then meets a conflict and keeps what was typed.
    const colleague = await (await browser.newContext()).newPage();
    await logIn(colleague, baseUrl, 'samordnare@tyreso.example');
    await colleague.goto(page.url());
    await colleague.getByRole('heading', { level: 1, name: openingTitle }).waitFor();
    await colleague.getByRole('button', { name: 'Ändra', exact: true }).click();
    await colleague.getByLabel('Antal platser').fill('3');
    await colleague.getByRole('button', { name: 'Spara annonsen/platsen' }).click();
    await colleague.getByText('Ändringarna är sparade.').waitFor();
    await colleague.context().close();

    await editForm.getByRole('button', { name: 'Spara annonsen/platsen' }).click();
    await editForm.getByText('Någon annan har ändrat uppgifterna').waitFor();
    await editForm.getByText('Den senast sparade versionen har status Öppen och 3 platser.').waitFor();
    expect(await editForm.getByLabel('Status').inputValue()).toBe('filled');
    await expectAccessible(page, 'opening edit form with a conflict');
    await editForm.getByRole('button', { name: 'Spara igen' }).click();
    await page.getByText('Ändringarna är sparade.').waitFor();
    await page.getByRole('link', { name: employerName }).first().click();
    await page.getByRole('heading', { level: 1, name: employerName }).waitFor();
    await page.getByRole('row', { name: new RegExp(`${openingTitle}.*Tillsatt`) }).waitFor();
  });
});
