import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { addDays, todayInSweden } from '../src/core/dates.ts';
import { expectAccessible, launchBrowser, logIn } from './browser.ts';

// A coordinator makes a newly enrolled participant's action plan with a short- and a long-term goal, marks it
// reviewed and reads its history. Then the plan is edited in two sessions at once: the second to save sees the
// conflict, keeps what was typed and saves again. Last, the plan is printed to be signed with the participant.

const baseUrl = inject('baseUrl');
const coordinator = 'samordnare@haninge.example';
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

async function loggedInPage(): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await logIn(page, baseUrl, coordinator);
  return page;
}

/**
 * A new participant with a protected identity and no Swedish number is referred, consents and is enrolled: no
 * plan yet. The coordinator who registers her is on her team, so she sees her.
 */
async function enrolNewParticipant(page: Page): Promise<string> {
  await page.goto(`${baseUrl}/remisser/ny`);
  await page.getByRole('heading', { level: 1, name: 'Ny remiss' }).waitFor();
  await page.getByLabel('Personen saknar personnummer och samordningsnummer').check();
  await page.getByLabel('Födelsedatum').fill('1994-05-17');
  await page.getByLabel('Juridiskt kön').selectOption({ label: 'Kvinna' });
  await page.getByLabel('Förnamn').fill('Yordanos');
  await page.getByLabel('Efternamn').fill('Planberg');
  await page.getByLabel('Remitterande handläggare').fill('Ida Arbetsförmedlare');
  await page.getByLabel('Skyddad identitet').check();
  await page.getByRole('button', { name: 'Spara remiss' }).click();
  await page.waitForURL(/\/deltagare\/[0-9a-f-]{36}/);
  await page.getByRole('heading', { level: 1, name: /Yordanos Planberg/ }).waitFor();

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
  return new URL(page.url()).pathname;
}

async function openPlanTab(page: Page): Promise<void> {
  await page.getByRole('tab', { name: 'Handlingsplan' }).click();
  await page.getByRole('heading', { level: 2, name: 'Handlingsplan' }).waitFor();
  await page
    .getByRole('heading', { level: 3, name: /^Handlingsplan för / })
    .first()
    .waitFor();
}

const goal = (page: Page, number: number) => page.getByRole('group', { name: `Mål ${number}`, exact: true });

describe('the action plan', () => {
  it('is made, reviewed, edited by two at once without losing a word, and printed', async () => {
    const sara = await loggedInPage();
    const path = await enrolNewParticipant(sara);
    await openPlanTab(sara);
    await sara.getByText('Det finns ingen handlingsplan ännu.').first().waitFor();
    await expectAccessible(sara, 'plan tab without a plan');

    await sara.getByRole('button', { name: 'Gör handlingsplan' }).first().click();
    await goal(sara, 1).waitFor();
    await sara.getByText('Sätt status Avbrutet på ett mål som inte längre gäller.').waitFor();
    await expectAccessible(sara, 'plan form');

    // Saving an empty goal names the goal and the field, and focus moves to the summary.
    await sara.getByRole('button', { name: 'Spara planen' }).click();
    await sara.getByRole('link', { name: 'Mål 1: Beskrivning måste fyllas i' }).waitFor();
    expect(await sara.evaluate(() => document.activeElement?.className)).toContain('error-summary');

    const first = goal(sara, 1);
    await first.getByLabel('Tidsperspektiv').selectOption({ label: 'Kortsiktigt' });
    await first.getByLabel('Beskrivning').fill('Ta körkort B');
    await first.getByLabel('Måldatum').fill(addDays(todayInSweden(), 90));
    await first.getByRole('group', { name: 'Steg' }).getByRole('checkbox').first().check();

    await sara.getByRole('button', { name: 'Lägg till mål' }).click();
    const second = goal(sara, 2);
    await second.waitFor();
    await second.getByLabel('Tidsperspektiv').selectOption({ label: 'Långsiktigt' });
    await second.getByLabel('Beskrivning').fill('Arbete som undersköterska');
    await second.getByLabel('Måldatum').fill(addDays(todayInSweden(), 365));
    await second.getByLabel('Ansvarig').selectOption({ label: 'Sara Samordnare (Samordnare)' });
    await second.getByLabel('Status').selectOption({ label: 'Pågår' });
    // The occupation by keyboard: type a name, arrow down to the first suggestion, Enter.
    const occupation = second.getByRole('combobox', { name: 'Yrke (SSYK)' });
    await occupation.focus();
    await sara.keyboard.type('undersköterska', { delay: 20 });
    await sara
      .getByRole('option', { name: /^Undersköterskor/ })
      .first()
      .waitFor();
    await sara.keyboard.press('ArrowDown');
    await sara.keyboard.press('Enter');
    expect(await occupation.inputValue()).toMatch(/^Undersköterskor.*\(532\d\)$/);
    await second.getByRole('group', { name: 'Aktiviteter' }).getByLabel('Jobbförberedande grupp').check();
    await sara.getByRole('button', { name: 'Spara planen' }).click();

    await sara.getByText('Handlingsplanen är sparad.').waitFor();
    const shortTable = sara.getByRole('table', { name: 'Kortsiktiga mål' });
    const longTable = sara.getByRole('table', { name: 'Långsiktiga mål' });
    await shortTable.getByRole('rowheader', { name: 'Ta körkort B' }).waitFor();
    await longTable.getByRole('rowheader', { name: 'Arbete som undersköterska' }).waitFor();
    const longRow = longTable.getByRole('row', { name: /Arbete som undersköterska/ });
    expect(await longRow.textContent()).toContain('Sara Samordnare');
    expect(await longRow.textContent()).toContain('Pågår');
    expect(await longRow.textContent()).toContain('Jobbförberedande grupp');
    expect(await longRow.textContent()).toMatch(/\(SSYK 532\d\)/);
    expect(await shortTable.getByRole('row', { name: /Ta körkort B/ }).textContent()).toContain('Deltagaren');
    await sara.getByText(/Senast genomgången \d{4}-\d{2}-\d{2} av Sara Samordnare/).waitFor();
    await expectAccessible(sara, 'plan tab with a plan');

    await sara.getByRole('button', { name: 'Markera som genomgången' }).click();
    await sara.getByText('Planen är markerad som genomgången.').waitFor();

    await sara.getByRole('button', { name: 'Visa ändringshistorik' }).click();
    const history = sara.getByRole('region', { name: 'Ändringshistorik' });
    await history.getByText('Nytt mål: ”Ta körkort B”').waitFor();
    await history.getByText('Nytt mål: ”Arbete som undersköterska”').waitFor();
    await history.getByRole('heading', { name: /^Genomgången/ }).waitFor();
    await history.getByRole('heading', { name: /^Skapad/ }).waitFor();
    await expectAccessible(sara, 'plan history');

    // Two open the form on the same version; Sara saves first, her colleague's save then meets a conflict.
    const colleague = await loggedInPage();
    await colleague.goto(`${baseUrl}${path}?flik=plan`);
    await colleague.getByRole('heading', { level: 2, name: 'Handlingsplan' }).waitFor();
    await colleague.getByRole('button', { name: 'Ändra plan' }).first().click();
    await goal(colleague, 2).waitFor();
    await sara.getByRole('button', { name: 'Ändra plan' }).first().click();
    await goal(sara, 1).waitFor();

    await goal(sara, 1).getByLabel('Beskrivning').fill('Ta körkort B före sommaren');
    await sara.getByRole('button', { name: 'Spara planen' }).click();
    await sara.getByText('Handlingsplanen är sparad.').waitFor();

    const typed = 'Arbete som undersköterska i Haninge, helst på äldreboende';
    await goal(colleague, 2).getByLabel('Beskrivning').fill(typed);
    await goal(colleague, 2).getByLabel('Status').selectOption({ label: 'Uppnått' });
    await colleague.getByRole('button', { name: 'Spara planen' }).click();
    await colleague.getByText(/Någon annan har sparat planen medan du ändrade/).waitFor();
    await colleague.getByRole('heading', { name: /Senast sparade plan \(version \d+\)/ }).waitFor();
    // Her text is still there, and what she did not touch now holds Sara's saved value.
    expect(await goal(colleague, 2).getByLabel('Beskrivning').inputValue()).toBe(typed);
    expect(await goal(colleague, 1).getByLabel('Beskrivning').inputValue()).toBe(
      'Ta körkort B före sommaren',
    );
    await expectAccessible(colleague, 'plan form after a conflict');

    await colleague.getByRole('button', { name: 'Spara igen' }).click();
    await colleague.getByText('Handlingsplanen är sparad.').waitFor();
    const saved = colleague.getByRole('table', { name: 'Långsiktiga mål' });
    await saved.getByRole('rowheader', { name: typed }).waitFor();
    expect(await saved.getByRole('row', { name: new RegExp(typed) }).textContent()).toContain('Uppnått');
    await colleague
      .getByRole('table', { name: 'Kortsiktiga mål' })
      .getByRole('rowheader', { name: 'Ta körkort B före sommaren' })
      .waitFor();
    await colleague.getByRole('button', { name: 'Visa ändringshistorik' }).click();
    await colleague
      .getByRole('region', { name: 'Ändringshistorik' })
      .getByText(/^Status för ”Arbete som undersköterska.*”: Pågår → Uppnått$/)
      .waitFor();

    // The printable plan: who, which programme, the goals and two signature lines.
    await colleague.getByRole('link', { name: 'Skriv ut' }).first().click();
    await colleague.waitForURL(/\/plan\/[0-9a-f-]{36}\/utskrift$/);
    await colleague.getByRole('heading', { level: 1, name: 'Handlingsplan' }).waitFor();
    await colleague.getByRole('rowheader', { name: typed }).waitFor();
    await colleague.getByText('Deltagarens underskrift').waitFor();
    await colleague.getByText('Handläggarens underskrift').waitFor();
    // A protected identity is marked on paper too.
    await colleague.getByText('Skyddad identitet', { exact: true }).waitFor();
    await colleague.getByText('Hantera utskriften enligt rutinen för skyddade personuppgifter.').waitFor();
    await expectAccessible(colleague, 'print view');
    await colleague.evaluate(() => {
      window.print = () => document.body.setAttribute('data-printed', 'yes');
    });
    await colleague.getByRole('button', { name: 'Skriv ut' }).click();
    expect(await colleague.locator('body').getAttribute('data-printed')).toBe('yes');
    await colleague.emulateMedia({ media: 'print' });
    expect(await colleague.getByRole('navigation', { name: 'Huvudmeny' }).isVisible()).toBe(false);
    expect(await colleague.getByRole('button', { name: 'Skriv ut' }).isVisible()).toBe(false);
  });
});
