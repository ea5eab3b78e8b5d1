import i18next from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { en } from '../../i18n/en.ts';
import { sv } from '../../i18n/sv.ts';
import { fixLinks, monthStatusText } from './funder-report-format.ts';

const i18n = i18next.createInstance();

beforeAll(async () => {
  await i18n.init({
    resources: { sv: { translation: sv }, en: { translation: en } },
    lng: 'sv',
    interpolation: { escapeValue: false },
  });
});

describe('monthStatusText', () => {
  it('says each state of a month in Swedish, with the date of the submission and the month that caused a resend', () => {
    const t = i18n.getFixedT('sv');
    expect(monthStatusText(t, { status: 'not_due' })).toBe('Månaden pågår');
    expect(monthStatusText(t, { status: 'not_submitted', lastSubmission: null })).toBe('Ej inskickad');
    // Submitted late in the evening of 3 February, Swedish time, which is still the 3rd.
    expect(
      monthStatusText(t, {
        status: 'submitted',
        lastSubmission: { submittedAt: '2026-02-03T22:30:00.000Z' },
      }),
    ).toBe('Inskickad 2026-02-03');
    expect(monthStatusText(t, { status: 'changed' })).toBe('Ändrad – skicka in igen');
    expect(monthStatusText(t, { status: 'resubmit', becauseOf: '2026-01' })).toBe(
      'Skicka in igen (p.g.a. ändring i 2026-01)',
    );
  });

  it('says them in English too', () => {
    const t = i18n.getFixedT('en');
    expect(monthStatusText(t, { status: 'not_submitted' })).toBe('Not submitted');
    expect(monthStatusText(t, { status: 'resubmit', becauseOf: '2026-01' })).toBe(
      'Send again (because of a change in 2026-01)',
    );
  });
});

describe('fixLinks', () => {
  it('leads to the tab where each problem is corrected, each tab once, in the order of the problems', () => {
    expect(
      fixLinks('p1', ['no_labour_market_status', 'no_education_level', 'start_outside_programme']),
    ).toEqual([
      { tab: 'inskrivning', href: '/deltagare/p1?flik=inskrivning' },
      { tab: 'oversikt', href: '/deltagare/p1?flik=oversikt' },
    ]);
    expect(fixLinks('p2', ['no_funder_reporting_consent'])).toEqual([
      { tab: 'samtycke', href: '/deltagare/p2?flik=samtycke' },
    ]);
  });
});
