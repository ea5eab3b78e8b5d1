import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { addDays, todayInSweden } from '../src/core/dates.ts';
import { expectAccessible, launchBrowser, logIn } from './browser.ts';

// A coordinator opens a participant and sees on the overview what needs doing: the warnings, the steps going on,
// the open goals of the action plan and the latest journal entries, each with a way to the tab that has it all.
// A programme manager then changes a step's checklist on the programme page with the keyboard alone.

const baseUrl = inject('baseUrl');
const today = todayInSweden();
const run = Date.now().toString(36);
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

/** The API as the logged-in user: reads, and writes with the session's CSRF token as the web app sends it. */
async function api<T>(page: Page, method: 'GET' | 'POST' | 'PUT', path: string, data?: unknown): Promise<T> {
  const session = await page.request.get(`${baseUrl}/api/auth/session`);
  const { csrfToken } = (await session.json()) as { csrfToken: string };
  const response = await page.request.fetch(`${baseUrl}/api${path}`, {
    method,
    data,
    headers: { 'x-csrf-token': csrfToken, origin: baseUrl },
  });
  if (!response.ok()) throw new Error(`${method} ${path}: ${response.status()} ${await response.text()}`);
  return (await response.json()) as T;
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

const warningLabels: Record<string, string> = {
  planned_end_soon: 'Planerat slut inom 30 dagar',
  planned_end_passed: 'Planerat slut har passerat',
  no_contact: 'Ingen kontakt på 30 dagar',
  plan_not_reviewed: 'Planen inte genomgången på 60 dagar',
  follow_up_due: 'Uppföljning snart',
  follow_up_overdue: 'Uppföljning försenad',
};

type Goal = {
  id: string;
  term: string;
  description: string;
  targetOn: string;
  ownerUserId: string | null;
  status: string;
  occupationCode: string | null;
  steps: { id: string }[];
};
type Plan = { version: number; goals: Goal[] };
type Enrolment = {
  id: string;
  exitedOn: string | null;
  steps: { ordinal: number; name: string; startedOn: string; endedOn: string | null }[];
};

/** An enrolled demo participant the coordinator may write to, with no contact lately (a warning that stays). */
async function chooseParticipant(page: Page): Promise<{ id: string; enrolment: Enrolment }> {
  const list = await api<{ items: { id: string; protectedIdentity: boolean }[] }>(
    page,
    'POST',
    '/participants/search',
    { status: 'enrolled', pageSize: 200 },
  );
  for (const candidate of list.items.filter((p) => !p.protectedIdentity)) {
    const detail = await api<{ readOnly: boolean }>(page, 'GET', `/participants/${candidate.id}`);
    if (detail.readOnly) continue;
    const { warnings } = await api<{ warnings: string[] }>(
      page,
      'GET',
      `/participants/${candidate.id}/warnings`,
    );
    if (!warnings.includes('no_contact')) continue;
    const { items } = await api<{ items: Enrolment[] }>(
      page,
      'GET',
      `/participants/${candidate.id}/enrolments`,
    );
    const enrolment = items.find((e) => e.exitedOn === null && e.steps.some((s) => s.endedOn === null));
    if (enrolment) return { id: candidate.id, enrolment };
  }
  throw new Error('no enrolled participant without recent contact');
}

/** The plan's open goals; when the demo plan has none, two open goals and an achieved one are added. */
async function ensureOpenGoals(
  page: Page,
  enrolmentId: string,
): Promise<{ open: Goal[]; achieved: string[] }> {
  const plan = await api<Plan>(page, 'GET', `/enrolments/${enrolmentId}/plan`);
  const isOpen = (g: Goal) => g.status === 'planned' || g.status === 'in_progress';
  if (plan.goals.some(isOpen)) {
    return {
      open: plan.goals.filter(isOpen),
      achieved: plan.goals.filter((g) => !isOpen(g)).map((g) => g.description),
    };
  }
  const kept = plan.goals.map((g) => ({
    id: g.id,
    term: g.term,
    description: g.description,
    targetOn: g.targetOn,
    ownerUserId: g.ownerUserId,
    status: g.status,
    occupationCode: g.occupationCode,
    stepIds: g.steps.map((s) => s.id),
  }));
  const goal = (description: string, status: string, days: number) => ({
    term: 'short',
    description,
    targetOn: addDays(today, days),
    ownerUserId: null,
    status,
    occupationCode: null,
    stepIds: [],
  });
  const saved = await api<Plan>(page, 'PUT', `/enrolments/${enrolmentId}/plan`, {
    version: plan.version,
    goals: [
      ...kept,
      goal(`Klara sfi kurs C ${run}`, 'in_progress', 60),
      goal(`Praktik inom vården ${run}`, 'planned', 120),
      goal(`Öppna bankkonto ${run}`, 'achieved', 10),
    ],
  });
  return {
    open: saved.goals.filter(isOpen),
    achieved: saved.goals.filter((g) => !isOpen(g)).map((g) => g.description),
  };
}

/** Follows a section's link to its tab: the tab opens, takes focus, and Back returns to the overview. */
async function followLink(page: Page, section: string, linkName: string, tab: string, flik: string) {
  await page.getByRole('region', { name: section }).getByRole('link', { name: linkName }).first().click();
  await page.waitForURL((url) => url.searchParams.get('flik') === flik);
  const selected = page.getByRole('tab', { name: tab, selected: true });
  await selected.waitFor();
  await expect.poll(() => selected.evaluate((el) => el === document.activeElement)).toBe(true);
  await page.goBack();
  await page.getByRole('tab', { name: 'Översikt', selected: true }).waitFor();
  await page.getByRole('region', { name: section }).waitFor();
}

describe('the participant overview', () => {
  it('brings together warnings, current steps, plan goals and the latest journal entries', async () => {
    const page = await newPage();
    await logIn(page, baseUrl, 'samordnare@haninge.example');
    const { id, enrolment } = await chooseParticipant(page);
    const { open, achieved } = await ensureOpenGoals(page, enrolment.id);
    expect(open.length).toBeGreaterThan(0);
    // Notes are not contact, so "no contact" stays; the first of four is one too many for the overview.
    const texts = ['första', 'andra', 'tredje', 'fjärde'].map(
      (n) => `Översiktstest ${run}: ${n} anteckningen`,
    );
    for (const text of texts) {
      await api(page, 'POST', `/participants/${id}/journal`, { entryDate: today, category: 'note', text });
    }
    const { warnings } = await api<{ warnings: string[] }>(page, 'GET', `/participants/${id}/warnings`);
    expect(warnings).toContain('no_contact');

    await page.goto(`${baseUrl}/deltagare/${id}`);
    await page.getByRole('tab', { name: 'Översikt', selected: true }).waitFor();
    const panel = page.getByRole('tabpanel');
    await panel
      .getByRole('region', { name: 'Senaste journalanteckningar' })
      .getByText(texts[3] ?? '')
      .waitFor();

    // The sections come first, in order, as h2 under the page's h1.
    const headings = await panel.getByRole('heading', { level: 2 }).allTextContents();
    expect(headings.slice(0, 5)).toEqual([
      'Varningar',
      'Pågående steg',
      'Mål i handlingsplanen',
      'Senaste journalanteckningar',
      'Personuppgifter',
    ]);

    const warningsRegion = panel.getByRole('region', { name: 'Varningar' });
    for (const warning of warnings)
      await warningsRegion.getByText(warningLabels[warning] ?? warning).waitFor();

    const steps = panel.getByRole('region', { name: 'Pågående steg' });
    for (const step of enrolment.steps.filter((s) => s.endedOn === null)) {
      const row = steps.getByRole('row', { name: new RegExp(`^${step.ordinal}\\. `) });
      await row.waitFor();
      expect(await row.textContent()).toContain(step.startedOn);
    }

    const goals = panel.getByRole('region', { name: 'Mål i handlingsplanen' });
    for (const goal of open) {
      const row = goals.getByRole('row', { name: new RegExp(escapeRegExp(goal.description)) });
      await row.waitFor();
      expect(await row.textContent()).toContain(goal.targetOn);
    }
    for (const description of achieved) expect(await goals.getByText(description).count()).toBe(0);

    const journal = panel.getByRole('region', { name: 'Senaste journalanteckningar' });
    for (const text of texts.slice(1)) await journal.getByText(text).waitFor();
    expect(await journal.getByText(texts[0] ?? '').count()).toBe(0);
    expect(await journal.getByRole('listitem').count()).toBe(3);
    await expectAccessible(page, 'participant overview');

    await followLink(page, 'Varningar', 'Till fliken Journal', 'Journal', 'journal');
    await followLink(page, 'Pågående steg', 'Till fliken Inskrivning', 'Inskrivning', 'inskrivning');
    await followLink(page, 'Mål i handlingsplanen', 'Till fliken Handlingsplan', 'Handlingsplan', 'plan');
    await followLink(page, 'Senaste journalanteckningar', 'Till fliken Journal', 'Journal', 'journal');
  });
});

describe('a step checklist on the programme page', () => {
  const step2 = /^Checklista \((\d+) punkter\) för steg 2\. Bas/;

  async function openProgramme(page: Page) {
    await page.getByRole('link', { name: 'Program', exact: true }).click();
    await page.getByRole('link', { name: 'Etableringscentrum', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Etableringscentrum' }).waitFor();
  }

  /** Whether the focused element is the one the locator finds. */
  async function isFocused(page: Page, name: string | RegExp, role: 'button' | 'textbox' = 'button') {
    return page
      .getByRole(role, { name, exact: typeof name === 'string' })
      .evaluate((el) => el === document.activeElement);
  }

  it('lets a programme manager add, rename, move and remove items by keyboard, and keeps ticked items', async () => {
    const page = await newPage();
    await logIn(page, baseUrl, 'programledare@haninge.example');
    await openProgramme(page);
    const toggle = page.getByRole('button', { name: step2 });
    await toggle.waitFor();
    const before = Number(step2.exec((await toggle.textContent()) ?? '')?.[1]);
    expect(before).toBeGreaterThan(1);

    await toggle.focus();
    await page.keyboard.press('Enter');
    expect(await toggle.getAttribute('aria-expanded')).toBe('true');
    await page.keyboard.press('Tab');
    expect(await isFocused(page, /^Ändra checklistan för steg 2\. Bas/)).toBe(true);
    await page.keyboard.press('Enter');
    const form = page.getByRole('region', { name: /^Ändra checklistan för steg 2\. Bas/ });
    await form.waitFor();
    await expectAccessible(page, 'checklist form');

    // Add an item: focus goes to its field.
    const added = `Hämta ut LMA-kort ${run}`;
    await form.getByRole('button', { name: 'Lägg till punkt' }).focus();
    await page.keyboard.press('Enter');
    const last = `Punkt ${before + 1}`;
    await expect.poll(() => isFocused(page, last, 'textbox')).toBe(true);
    await page.keyboard.type(added);

    // Move it up one place: focus follows the item.
    await page.keyboard.press('Tab');
    expect(await isFocused(page, `Flytta upp Punkt ${before + 1}`)).toBe(true);
    await page.keyboard.press('Enter');
    await expect.poll(() => isFocused(page, `Flytta upp Punkt ${before}`)).toBe(true);
    expect(await form.getByRole('textbox', { name: `Punkt ${before}`, exact: true }).inputValue()).toBe(
      added,
    );

    // Rename it.
    await page.keyboard.press('Shift+Tab');
    expect(await isFocused(page, `Punkt ${before}`, 'textbox')).toBe(true);
    // Tabbing into a field selects its text; End keeps it.
    await page.keyboard.press('End');
    await page.keyboard.type(' hos Migrationsverket');
    const renamed = `${added} hos Migrationsverket`;

    // An empty item is named in the error summary; removing it takes focus back to "Lägg till punkt".
    await form.getByRole('button', { name: 'Lägg till punkt' }).focus();
    await page.keyboard.press('Enter');
    await form.getByRole('button', { name: 'Spara checklistan' }).focus();
    await page.keyboard.press('Enter');
    // The summary takes focus; its link leads to the empty field.
    await form
      .getByRole('link', { name: `Punkt ${before + 2}: Punkt i checklistan måste fyllas i` })
      .waitFor();
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await expect.poll(() => isFocused(page, `Punkt ${before + 2}`, 'textbox')).toBe(true);
    await form.getByRole('button', { name: `Ta bort Punkt ${before + 2}` }).focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => isFocused(page, 'Lägg till punkt')).toBe(true);

    await form.getByRole('button', { name: 'Spara checklistan' }).focus();
    await page.keyboard.press('Enter');
    await page.getByText('Checklistan är sparad.').waitFor();
    await expect.poll(() => isFocused(page, /^Ändra checklistan för steg 2\. Bas/)).toBe(true);
    expect(await toggle.textContent()).toMatch(new RegExp(`^Checklista \\(${before + 1} punkter\\)`));
    // The step's list item holds the checklist's items, now with the new one in its place.
    const items = page.getByRole('listitem').filter({ has: toggle }).getByRole('listitem');
    expect((await items.allTextContents())[before - 1]).toBe(renamed);
    await expectAccessible(page, 'programme page with a saved checklist');

    // The first item is ticked for demo participants: removing it is refused and says why.
    await page.keyboard.press('Enter');
    await form.waitFor();
    await form.getByRole('button', { name: 'Ta bort Punkt 1', exact: true }).focus();
    await page.keyboard.press('Enter');
    await form.getByRole('button', { name: 'Spara checklistan' }).focus();
    await page.keyboard.press('Enter');
    await form
      .getByText('En punkt som redan har bockats av för en deltagare kan inte tas bort.', { exact: false })
      .waitFor();
    await expectAccessible(page, 'checklist form refusing a ticked item');
    await form.getByRole('button', { name: 'Avbryt' }).focus();
    await page.keyboard.press('Enter');
    expect(await toggle.textContent()).toMatch(new RegExp(`^Checklista \\(${before + 1} punkter\\)`));

    // A coordinator reads the checklist but cannot change it.
    const coordinator = await newPage();
    await logIn(coordinator, baseUrl, 'samordnare@haninge.example');
    await openProgramme(coordinator);
    await coordinator.getByRole('button', { name: step2 }).click();
    await coordinator.getByText(renamed).waitFor();
    expect(await coordinator.getByRole('button', { name: /^Ändra checklistan/ }).count()).toBe(0);
    await expectAccessible(coordinator, 'programme page for a coordinator');
  });
});
