import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { todayInSweden } from '../src/core/dates.ts';
import { expectAccessible, launchBrowser, logIn } from './browser.ts';

// Before the weekly team meeting a coordinator moves a participant on: step 3 (language) starts while step 2
// (base) goes on, she ticks off one more item of the base checklist, and the step board shows the participant
// under both steps.

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

const step2 = /^2\. Bas: checklista och handlingsplan/;
const step3 = /^3\. Språkfrämjande/;

async function openBoard() {
  await page.getByRole('link', { name: 'Stegtavla' }).click();
  await page.getByRole('heading', { level: 1, name: 'Stegtavla' }).waitFor();
  await page.getByRole('region', { name: step2 }).waitFor();
}

/** From the board: the first participant in step 2 but not step 3 whose record can still be written to. */
async function openParticipantInStep2Only(): Promise<string> {
  const inStep3 = await page.getByRole('region', { name: step3 }).getByRole('link').allTextContents();
  const candidates = (
    await page.getByRole('region', { name: step2 }).getByRole('link').allTextContents()
  ).filter((name) => !inStep3.includes(name));
  for (const name of candidates) {
    await page.getByRole('region', { name: step2 }).getByRole('link', { name, exact: true }).click();
    await page.waitForURL(/\/deltagare\/[0-9a-f-]{36}/);
    await page.getByRole('tab', { name: 'Inskrivning' }).click();
    await page.getByRole('heading', { level: 2, name: 'Inskrivningar' }).waitFor();
    await page.getByRole('group', { name: /Checklista för steg 2/ }).waitFor();
    if ((await page.getByText('Samtycket är återkallat').count()) === 0) return name;
    await openBoard();
  }
  throw new Error('no writable participant in step 2 only');
}

describe('steps and the step board', () => {
  it('lets a coordinator start a step in parallel, tick the checklist and see it on the board', async () => {
    await logIn(page, baseUrl, 'samordnare@haninge.example');
    await openBoard();
    await expectAccessible(page, 'step board');

    const name = await openParticipantInStep2Only();
    await expectAccessible(page, 'enrolment tab with steps');

    // Starting without a step names the field.
    await page.getByRole('button', { name: 'Starta steget' }).click();
    await page.getByText('Steg måste fyllas i').first().waitFor();
    await page.getByLabel('Steg', { exact: true }).selectOption({ label: '3. Språkfrämjande' });
    await page.getByRole('button', { name: 'Starta steget' }).click();
    await page.getByText('Steget är startat.').waitFor();
    await page.getByRole('button', { name: 'Avsluta steget 3. Språkfrämjande' }).waitFor();
    expect(await page.getByRole('button', { name: /^Avsluta steget 2\. Bas/ }).count()).toBe(1);

    const checklist = page.getByRole('group', { name: /Checklista för steg 2/ });
    const boxes = checklist.getByRole('checkbox');
    let ticked = '';
    for (let i = 0; i < (await boxes.count()); i++) {
      if (!(await boxes.nth(i).isChecked())) {
        ticked = (await checklist.locator('label').nth(i).textContent()) ?? '';
        await boxes.nth(i).check();
        break;
      }
    }
    expect(ticked).not.toBe('');
    await checklist.getByText(`Avbockad ${todayInSweden()} av Sara Samordnare`).first().waitFor();
    expect(await checklist.getByRole('checkbox', { name: ticked }).isChecked()).toBe(true);
    await expectAccessible(page, 'ticked checklist');

    await openBoard();
    await page.getByRole('region', { name: step3 }).getByRole('link', { name, exact: true }).waitFor();
    await page.getByRole('region', { name: step2 }).getByRole('link', { name, exact: true }).waitFor();
    await expectAccessible(page, 'step board after the move');
  });
});
