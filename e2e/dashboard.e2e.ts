import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { expectAccessible, launchBrowser, logIn } from './browser.ts';

// The programme manager looks at where Etableringscentrum stands, narrows it to one centre, and follows the
// women's exits to the list of the participants behind the number.

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

describe('the programme dashboard', () => {
  it('lets a programme manager filter to one centre and women and follow a figure to its participants', async () => {
    await logIn(page, baseUrl, 'programledare@haninge.example');
    await page.getByRole('link', { name: 'Programöversikt' }).click();
    await page.getByRole('heading', { level: 1, name: 'Programöversikt' }).waitFor();
    // Other journeys may have set up programmes of their own: this one is about the demo's.
    await page.getByLabel('Program', { exact: true }).selectOption({ label: 'Etableringscentrum' });
    await page.waitForURL(/program=[0-9a-f-]{36}/);
    const keyFigures = page.getByRole('table', { name: /^Nyckeltal/ });
    await keyFigures.waitFor();
    await page.getByText(/av 800 planerade deltagare/).waitFor();
    // Each chart has its text alternative; the tables hold the same numbers.
    await page.getByRole('img', { name: /^Inskrivna .* per steg/ }).waitFor();
    await page.getByRole('img', { name: /^Inskrivna och avslutade per månad/ }).waitFor();
    await expectAccessible(page, 'programme dashboard');

    // A period the wrong way round names the field and keeps the figures as they were.
    await page.getByLabel('Till och med').fill('2020-01-01');
    await page.getByRole('button', { name: 'Visa siffrorna' }).click();
    await page.getByText('Till och med måste vara efter starten').first().waitFor();
    await page.getByRole('button', { name: 'Rensa urvalet' }).click();

    await page.getByLabel('Centrum', { exact: true }).selectOption({ label: 'Etableringscentrum Tyresö' });
    await page.getByRole('button', { name: 'Visa siffrorna' }).click();
    await page.waitForURL(/centrum=[0-9a-f-]{36}/);
    const byCentre = page.getByRole('table', { name: /per centrum$/ });
    // The figures of all centres stay on screen until the new ones have come: then only Tyresö is left.
    await expect.poll(() => byCentre.getByRole('row').count()).toBe(2);
    await byCentre.getByRole('row', { name: /^Etableringscentrum Tyresö/ }).waitFor();
    await expectAccessible(page, 'programme dashboard for one centre');

    // The women who left the programme at Tyresö in the period: the number, then the people behind it.
    const exited = keyFigures.getByRole('row', { name: /^Avslutade under perioden/ });
    const women = exited.getByRole('link', { name: /Kvinnor$/ });
    const count = Number(((await women.textContent()) ?? '').match(/^\d+/)?.[0]);
    expect(count).toBeGreaterThan(0);
    await women.click();
    await page.waitForURL(/\/deltagare\?.*kon=female/);
    await page.getByRole('heading', { name: 'Urval från programöversikten' }).waitFor();
    await page.getByText(`${count} deltagare hittades`).waitFor();
    const rows = page
      .getByRole('table')
      .getByRole('row')
      .filter({ has: page.getByRole('link') });
    expect(await rows.count()).toBe(Math.min(count, 25));
    for (const text of await rows.allTextContents()) expect(text).toContain('Etableringscentrum Tyresö');
    const summary = page.getByRole('region', { name: 'Urval från programöversikten' });
    expect(await summary.textContent()).toContain('Kvinna');
    expect(await summary.textContent()).toContain('Etableringscentrum Tyresö');
    await expectAccessible(page, 'participants behind a dashboard figure');

    // Back to everyone.
    await summary.getByRole('link', { name: 'Visa alla deltagare' }).click();
    await page.waitForURL(/\/deltagare$/);
    await page.getByRole('heading', { name: 'Urval från programöversikten' }).waitFor({ state: 'detached' });
  });
});
