import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { expectAccessible, launchBrowser, logIn } from './browser.ts';

// A social consultant records the in-depth mapping after the tripartite meeting, health notes included; the
// language teacher then opens the same participant's mapping and sees everything but the sensitive part.

const baseUrl = inject('baseUrl');
const healthNote = 'Ryggbesvär, behöver anpassad praktik.';
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

/** The first participant in the list whose record can be written to and who has no protected identity. */
async function openWritableParticipant(page: Page): Promise<string> {
  const rows = page
    .getByRole('table')
    .getByRole('row')
    .filter({ has: page.getByRole('link') });
  await rows.first().waitFor();
  const count = await rows.count();
  for (let i = 0; i < count; i++) {
    // The list marks a protected person beside the name, as the user sees it.
    if ((await rows.nth(i).getByText('Skyddad identitet', { exact: true }).count()) > 0) continue;
    await rows.nth(i).getByRole('link').first().click();
    await page.waitForURL(/\/deltagare\/[0-9a-f-]{36}/);
    await page.getByRole('tab', { name: 'Kartläggning' }).waitFor();
    if ((await page.getByText('Samtycket är återkallat').count()) === 0) return new URL(page.url()).pathname;
    await page.goBack();
    await rows.first().waitFor();
  }
  throw new Error('no writable participant');
}

describe('the in-depth mapping', () => {
  it('keeps health notes from a language teacher while showing her the rest', async () => {
    const consultant = await newPage();
    await logIn(consultant, baseUrl, 'socialkonsulent@haninge.example');
    await consultant.getByRole('heading', { level: 1, name: 'Deltagare' }).waitFor();
    const path = await openWritableParticipant(consultant);

    await consultant.getByRole('tab', { name: 'Kartläggning' }).click();
    await consultant.getByRole('heading', { level: 2, name: 'Kartläggning' }).waitFor();
    await expectAccessible(consultant, 'mapping tab');
    await consultant.getByRole('button', { name: /Gör kartläggning|Gör en ny version/ }).click();
    await consultant.getByRole('group', { name: 'Trepartsmöte' }).waitFor();
    await expectAccessible(consultant, 'mapping form');

    // Saving with an attendee without a name names the field and keeps what was typed.
    await consultant.getByLabel('Hälsa').fill(healthNote);
    await consultant.getByRole('button', { name: 'Spara kartläggning' }).click();
    await consultant.getByRole('link', { name: 'Namn måste fyllas i' }).waitFor();

    await consultant.getByLabel('Namn', { exact: true }).fill('Deltagaren själv');
    await consultant.getByLabel('Sfi-kurs').selectOption('C');
    await consultant.getByLabel('Egna mål').fill('Arbeta inom vården');
    await consultant
      .getByLabel('Sammanfattning')
      .fill('Trepartsmöte med socialtjänsten och Arbetsförmedlingen.');
    await consultant.getByRole('button', { name: 'Spara kartläggning' }).click();
    await consultant.getByText('Kartläggningen är sparad.').waitFor();
    await consultant.getByRole('heading', { name: /Aktuell kartläggning, version \d+/ }).waitFor();
    await consultant.getByRole('heading', { name: 'Känsliga uppgifter' }).waitFor();
    expect(await consultant.getByText(healthNote).count()).toBe(1);
    await expectAccessible(consultant, 'mapping tab with a mapping');

    const teacher = await newPage();
    await logIn(teacher, baseUrl, 'sprakpedagog@haninge.example');
    await teacher.goto(`${baseUrl}${path}?flik=kartlaggning`);
    await teacher.getByRole('heading', { name: /Aktuell kartläggning, version \d+/ }).waitFor();
    await teacher.getByText('Arbeta inom vården').waitFor();
    expect(await teacher.getByRole('heading', { name: 'Känsliga uppgifter' }).count()).toBe(0);
    expect(await teacher.getByText(healthNote).count()).toBe(0);
    expect(await teacher.getByRole('button', { name: /Gör en ny version/ }).count()).toBe(0);
    await expectAccessible(teacher, 'mapping tab for a language teacher');
  });
});
