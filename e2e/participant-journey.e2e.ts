import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { addDays, todayInSweden } from '../src/core/dates.ts';
import { expectAccessible, launchBrowser, logIn } from './browser.ts';

// The participant's whole way through the programme in one journey: enrolled, mapped at the tripartite meeting,
// given an action plan with a short- and a long-term goal, moved into steps 2 and 3 at once, exited to a job,
// followed up, and counted in the programme's goal figure. Each page on the way is checked with axe.

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

/** A new participant without a Swedish number is referred, consents and is enrolled (step 1 starts). */
async function enrolNewParticipant(): Promise<void> {
  await page.goto(`${baseUrl}/remisser/ny`);
  await page.getByRole('heading', { level: 1, name: 'Ny remiss' }).waitFor();
  await page.getByLabel('Personen saknar personnummer och samordningsnummer').check();
  await page.getByLabel('Födelsedatum').fill('1991-03-08');
  await page.getByLabel('Juridiskt kön').selectOption({ label: 'Kvinna' });
  await page.getByLabel('Förnamn').fill('Hawa');
  await page.getByLabel('Efternamn').fill('Vägström');
  await page.getByLabel('Remitterande handläggare').fill('Ida Arbetsförmedlare');
  await page.getByRole('button', { name: 'Spara remiss' }).click();
  await page.waitForURL(/\/deltagare\/[0-9a-f-]{36}/);
  await page.getByRole('heading', { level: 1, name: /Hawa Vägström/ }).waitFor();

  await page.getByRole('tab', { name: 'Samtycke' }).click();
  await page.getByRole('checkbox', { name: /deltagande/i }).check();
  await page.getByRole('button', { name: 'Registrera samtycke' }).click();
  await page
    .getByText(/Samtycke registrerat|Gäller/)
    .first()
    .waitFor();
  await page.getByRole('tab', { name: 'Inskrivning' }).click();
  await page.getByLabel('Målgrupp').selectOption({ label: 'Kort eller ingen utbildning (högst 12 månader)' });
  await page.getByRole('button', { name: 'Skriv in' }).click();
  await page.getByText('Inskrivning och kartläggning').first().waitFor();
}

async function startStep(label: string): Promise<void> {
  await page.getByLabel('Steg', { exact: true }).selectOption({ label });
  await page.getByRole('button', { name: 'Starta steget' }).click();
  await page.getByText('Steget är startat.').waitFor();
  await page.getByRole('button', { name: `Avsluta steget ${label}` }).waitFor();
}

describe("the participant's way", () => {
  it('goes from mapping and plan through steps 2 and 3 to a job, the follow-up and the goal figure', async () => {
    await logIn(page, baseUrl, 'samordnare@haninge.example');
    await page.waitForURL(/\/deltagare$/);
    const before = await goalFigureCounts();

    await enrolNewParticipant();

    // The tripartite mapping meeting.
    await page.getByRole('tab', { name: 'Kartläggning' }).click();
    await page.getByRole('button', { name: 'Gör kartläggning' }).click();
    await page.getByRole('group', { name: 'Trepartsmöte' }).waitFor();
    await page.getByLabel('Namn', { exact: true }).fill('Hawa Vägström');
    await page.getByLabel('Sfi-kurs').selectOption('B');
    await page.getByLabel('Egna mål').fill('Arbeta som barnskötare');
    await page.getByLabel('Sammanfattning').fill('Trepartsmöte med förskolan och Arbetsförmedlingen.');
    await page.getByRole('button', { name: 'Spara kartläggning' }).click();
    await page.getByText('Kartläggningen är sparad.').waitFor();
    await page.getByRole('heading', { name: 'Aktuell kartläggning, version 1' }).waitFor();
    await expectAccessible(page, 'mapping saved');

    // The action plan: a short-term goal served by step 3 and a long-term goal towards the job.
    await page.getByRole('tab', { name: 'Handlingsplan' }).click();
    await page.getByRole('button', { name: 'Gör handlingsplan' }).first().click();
    const first = page.getByRole('group', { name: 'Mål 1', exact: true });
    await first.getByLabel('Tidsperspektiv').selectOption({ label: 'Kortsiktigt' });
    await first.getByLabel('Beskrivning').fill('Klara sfi kurs B');
    await first.getByLabel('Måldatum').fill(addDays(todayInSweden(), 120));
    await first.getByRole('group', { name: 'Steg' }).getByRole('checkbox', { name: /^3\./ }).check();
    await page.getByRole('button', { name: 'Lägg till mål' }).click();
    const second = page.getByRole('group', { name: 'Mål 2', exact: true });
    await second.getByLabel('Tidsperspektiv').selectOption({ label: 'Långsiktigt' });
    await second.getByLabel('Beskrivning').fill('Anställning som barnskötare');
    await second.getByLabel('Måldatum').fill(addDays(todayInSweden(), 300));
    await second.getByLabel('Status').selectOption({ label: 'Pågår' });
    await page.getByRole('button', { name: 'Spara planen' }).click();
    await page.getByText('Handlingsplanen är sparad.').waitFor();
    await page
      .getByRole('table', { name: 'Kortsiktiga mål' })
      .getByRole('rowheader', { name: 'Klara sfi kurs B' })
      .waitFor();
    await page
      .getByRole('table', { name: 'Långsiktiga mål' })
      .getByRole('rowheader', { name: 'Anställning som barnskötare' })
      .waitFor();
    await expectAccessible(page, 'plan with two goals');

    // Steps 2 and 3 run in parallel.
    await page.getByRole('tab', { name: 'Inskrivning' }).click();
    await page.getByRole('heading', { level: 2, name: 'Inskrivningar' }).waitFor();
    await startStep('2. Bas: checklista och handlingsplan');
    await startStep('3. Språkfrämjande');
    expect(await page.getByRole('button', { name: /^Avsluta steget 2\. Bas/ }).count()).toBe(1);
    await expectAccessible(page, 'steps 2 and 3 open');

    // The overview brings steps and goals together.
    await page.getByRole('tab', { name: 'Översikt' }).click();
    await page.getByText('Anställning som barnskötare').first().waitFor();
    await page.getByText('3. Språkfrämjande').first().waitFor();
    await expectAccessible(page, 'overview');

    // Exit to work ends the steps and the plan's open goals.
    await page.getByRole('tab', { name: 'Inskrivning' }).click();
    await page
      .getByRole('button', { name: /^Avsluta inskrivningen i/ })
      .first()
      .click();
    const dialog = page.getByRole('dialog', { name: 'Avsluta inskrivning' });
    await dialog.getByLabel('Utfall').selectOption({ label: 'Arbete, tidsbegränsad anställning' });
    await dialog.getByLabel('Arbetsgivare eller skola').fill('Förskolan Solrosen');
    await dialog.getByRole('button', { name: 'Avsluta inskrivningen' }).click();
    await page.getByText(/Inskrivningen är avslutad\. Uppföljningen ska göras senast/).waitFor();
    // The list reloads after the exit: no step is left to end.
    await page
      .getByRole('button', { name: /^Avsluta steget/ })
      .first()
      .waitFor({ state: 'detached' });

    await page.getByRole('tab', { name: 'Handlingsplan' }).click();
    await page.getByText(/Planen avslutades \d{4}-\d{2}-\d{2} när deltagaren skrevs ut/).waitFor();
    expect(await page.getByRole('button', { name: 'Ändra plan' }).count()).toBe(0);
    await expectAccessible(page, 'closed plan');

    // The follow-up: she is in work.
    await page.getByRole('tab', { name: 'Inskrivning' }).click();
    const panel = page.getByRole('region', { name: /Uppföljning efter avslut/ }).first();
    await panel.getByLabel('Resultat', { exact: true }).selectOption({ label: 'Arbete' });
    await panel.getByRole('button', { name: 'Spara resultat' }).click();
    await panel.getByText('Resultatet är sparat.').waitFor();
    await expectAccessible(page, 'follow-up recorded');

    const after = await goalFigureCounts();
    expect(after).toEqual({ numerator: before.numerator + 1, denominator: before.denominator + 1 });
    await expectAccessible(page, 'goal figure');
  });
});
