import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { expectAccessible, launchBrowser, logIn } from './browser.ts';

// A programme manager builds a survey with a scale, a yes/no and a free-text question in Swedish and English,
// reorders a question by keyboard, opens the survey, makes a link for the civic-orientation group and sees its
// QR code. A participant's phone (a fresh browser, no login) opens the link, switches to English, is told what
// is missing, answers by keyboard and gets the thank-you page; the manager then sees the answer in the results.

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
const title = `Kursenkät ${suffix}`;
const englishTitle = `Course survey ${suffix}`;

describe('satisfaction surveys', () => {
  let surveyUrl = '';
  let answerUrl = '';

  it('lets a programme manager build a survey in Swedish and English', async () => {
    await logIn(page, baseUrl, 'programledare@haninge.example');
    await page.getByRole('link', { name: 'Enkäter', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Enkäter' }).waitFor();
    // Other journeys may have added programmes, or not yet (the order of the files varies): the choice shows with
    // two or more, and the demo survey is Etableringscentrum's.
    const programmeChoice = page.getByLabel('Program', { exact: true });
    const demoSurvey = page.getByRole('link', { name: 'Vad tycker du om samhällsorienteringen?' });
    await demoSurvey.or(programmeChoice).first().waitFor();
    if ((await programmeChoice.count()) > 0)
      await programmeChoice.selectOption({ label: 'Etableringscentrum' });
    await page.getByRole('link', { name: 'Vad tycker du om samhällsorienteringen?' }).waitFor();
    await expectAccessible(page, 'survey list');

    await page.getByRole('link', { name: 'Ny enkät' }).click();
    await page.getByRole('heading', { level: 1, name: 'Ny enkät' }).waitFor();
    await expectAccessible(page, 'new survey form');

    await page.getByLabel('Lägg till språk').selectOption('en');
    await page.getByRole('button', { name: 'Lägg till språket' }).click();
    await page.getByLabel('Titel på svenska').fill(title);
    await page.getByLabel('Titel på engelska').fill(englishTitle);

    const question = (n: number) => page.getByRole('group', { name: `Fråga ${n}`, exact: true });
    await question(1).getByLabel('Frågan på svenska').fill('Hur nöjd är du med kursen?');
    await question(1).getByLabel('Frågan på engelska').fill('How satisfied are you with the course?');
    await page.getByRole('button', { name: 'Lägg till fråga' }).click();
    await question(2).getByLabel('Typ av fråga').selectOption('free_text');
    await question(2).getByLabel('Frågan på svenska').fill('Vad kan bli bättre?');
    await question(2).getByLabel('Frågan på engelska').fill('What could be better?');
    await page.getByRole('button', { name: 'Lägg till fråga' }).click();
    await question(3).getByLabel('Typ av fråga').selectOption('yes_no');
    await question(3).getByRole('checkbox', { name: 'Måste besvaras' }).check();
    await question(3).getByLabel('Frågan på svenska').fill('Vet du mer om jobb nu?');

    // Saving without the English text of question 3 names the question and the language.
    await page.getByRole('button', { name: 'Skapa enkäten' }).click();
    await page.getByRole('link', { name: 'Fråga 3, text på engelska måste fyllas i' }).waitFor();
    await expectAccessible(page, 'survey form with errors');
    await question(3).getByLabel('Frågan på engelska').fill('Do you know more about jobs now?');

    // The yes/no question moves up by keyboard, above the free text.
    await page.getByRole('button', { name: 'Flytta upp fråga 3' }).focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => question(2).getByLabel('Typ av fråga').inputValue()).toBe('yes_no');
    await expect.poll(() => question(3).getByLabel('Typ av fråga').inputValue()).toBe('free_text');

    await page.getByRole('button', { name: 'Skapa enkäten' }).click();
    await page.getByRole('heading', { level: 1, name: title }).waitFor();
    surveyUrl = page.url();
    await page.getByRole('button', { name: 'Öppna enkäten' }).click();
    await page.getByText('Enkäten är öppen för svar.').waitFor();
    await expectAccessible(page, 'survey page');
  });

  it('makes a link for a group with a QR code and a printable view', async () => {
    const group = page.getByLabel('Grupp', { exact: true });
    await group.waitFor();
    const value = await group.evaluate(
      (select: HTMLSelectElement) =>
        [...select.options].find((o) => o.text.includes('Samhällsorientering'))?.value ?? '',
    );
    expect(value).not.toBe('');
    await group.selectOption(value);
    await page.getByRole('button', { name: 'Skapa länk' }).click();
    await page.getByText('Länken är skapad.').waitFor();

    const qr = page.getByRole('img', { name: new RegExp(`^QR-kod för enkäten ${title}`) });
    await qr.waitFor();
    await expect
      .poll(() => qr.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0))
      .toBe(true);
    const address = page.locator('a[href^="/enkat/"]');
    answerUrl = `${baseUrl}${await address.getAttribute('href')}`;
    await expectAccessible(page, 'survey page with a link');

    await page.getByRole('link', { name: 'Skriv ut QR-koden' }).click();
    await page.getByRole('heading', { level: 1, name: title }).waitFor();
    await page.getByText(englishTitle).waitFor();
    await expectAccessible(page, 'printable QR code');
  });

  it('lets a participant answer anonymously in English, by keyboard, without logging in', async () => {
    const context: BrowserContext = await browser.newContext();
    const phone = await context.newPage();
    await phone.goto(answerUrl);
    await phone.getByRole('heading', { level: 1, name: title }).waitFor();
    // No staff frame: no navigation, no login.
    expect(await phone.getByRole('navigation').count()).toBe(0);
    await expectAccessible(phone, 'answering page');

    await phone.getByRole('button', { name: 'English' }).click();
    await phone.getByRole('heading', { level: 1, name: englishTitle }).waitFor();
    expect(await phone.locator('form').getAttribute('lang')).toBe('en');

    await phone.getByRole('button', { name: 'Send the answers' }).click();
    await phone.getByRole('heading', { name: 'Some questions have no answer' }).waitFor();
    await expectAccessible(phone, 'answering page with errors');

    await phone.getByRole('radio', { name: '5 – Very satisfied' }).focus();
    await phone.keyboard.press('Space');
    await phone.getByRole('radio', { name: 'Yes' }).focus();
    await phone.keyboard.press('Space');
    await phone.getByLabel('What could be better?').focus();
    await phone.keyboard.type('More time for questions.');
    await phone.getByRole('button', { name: 'Send the answers' }).focus();
    await phone.keyboard.press('Enter');
    await phone.getByRole('heading', { level: 1, name: 'Thank you for your answers!' }).waitFor();
    await expectAccessible(phone, 'thank-you page');
    expect(await context.cookies()).toEqual([]);
    await context.close();
  });

  it('shows the manager the answer in the results', async () => {
    await page.goto(surveyUrl);
    await page.getByRole('link', { name: 'Visa resultat' }).click();
    await page.getByRole('heading', { level: 1, name: `Resultat: ${title}` }).waitFor();
    await page.getByText('100,0 % mycket nöjda (1 av 1)').waitFor();
    await page.getByText('100,0 % svarade ja (1 av 1)').waitFor();
    await page.getByText('More time for questions.').waitFor();
    await expectAccessible(page, 'survey results');
  });
});
