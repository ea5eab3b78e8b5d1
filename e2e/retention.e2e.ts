import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { expectAccessible, launchBrowser, logIn } from './browser.ts';

// The administrator opens retention under the administration menu and does a dry run by keyboard. The demo's
// people are all too recent to expire, so the dry run finds no one and nothing is anonymised: the other journeys
// share these people. The real run is proven by src/server/features/retention/retention.test.ts.

const baseUrl = inject('baseUrl');
let browser: Browser;
let admin: Page;

beforeAll(async () => {
  browser = await launchBrowser();
  admin = await (await browser.newContext()).newPage();
  await logIn(admin, baseUrl, 'admin@haninge.example');
});
afterAll(async () => {
  await browser?.close();
});

describe('retention', () => {
  it('shows the page and its log, and does a dry run that changes nothing', async () => {
    await admin.getByRole('link', { name: 'Gallring', exact: true }).click();
    await admin.getByRole('heading', { level: 1, name: 'Gallring och anonymisering' }).waitFor();
    await admin.getByRole('heading', { level: 2, name: 'Logg' }).waitFor();
    await admin
      .getByRole('table', { name: 'Gallringskörningar' })
      .or(admin.getByText('Ingen körning ännu.'))
      .waitFor();
    await expectAccessible(admin, 'retention');

    const preview = admin.waitForResponse((r) => r.url().endsWith('/api/retention/preview'));
    await admin.getByRole('button', { name: 'Gör en provkörning' }).focus();
    await admin.keyboard.press('Enter');
    const answer = await preview;
    expect(answer.status()).toBe(200);
    const body = (await answer.json()) as { total: number; participantIds: string[] };
    expect(body.total).toBe(0);
    await admin
      .getByRole('status')
      .getByText(/^Ingen deltagare har passerat sitt gallringsdatum per \d{4}-\d{2}-\d{2}\./)
      .waitFor();
    expect(await admin.getByRole('button', { name: /^Anonymisera/ }).count()).toBe(0);
    await expectAccessible(admin, 'retention after a dry run');
  });
});
