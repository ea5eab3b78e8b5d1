import i18next from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { en } from '../../i18n/en.ts';
import { sv } from '../../i18n/sv.ts';
import { reasonPointsText, reasonText } from './match-reason-text.ts';

const i18n = i18next.createInstance();

beforeAll(async () => {
  await i18n.init({
    resources: { sv: { translation: sv }, en: { translation: en } },
    lng: 'sv',
    interpolation: { escapeValue: false },
  });
});

describe('reasonText', () => {
  it('names the goal, the group and the years of an earlier occupation', () => {
    const t = i18n.getFixedT('sv');
    expect(reasonText(t, { code: 'occupation_goal', met: true, detail: '5321' })).toBe(
      'Mål i handlingsplanen: 5321',
    );
    expect(reasonText(t, { code: 'occupation_goal_group', met: true, detail: '5322' })).toBe(
      'Mål i samma yrkesgrupp: 5322',
    );
    expect(reasonText(t, { code: 'earlier_occupation', met: true, detail: '3' })).toBe(
      'Tidigare yrke (3 år)',
    );
    expect(reasonText(t, { code: 'earlier_occupation', met: true, detail: '1.5' })).toBe(
      'Tidigare yrke (1,5 år)',
    );
  });

  it('says in words whether Swedish reaches the requirement', () => {
    const t = i18n.getFixedT('sv');
    const requirements = { requiredSfiCourse: 'C' as const };
    expect(reasonText(t, { code: 'swedish_level', met: true, detail: 'D' }, requirements)).toBe(
      'Svenska: kurs D (krav C) ✓',
    );
    expect(reasonText(t, { code: 'swedish_level', met: false, detail: 'B' }, requirements)).toBe(
      'Svenska: kurs B, kräver C',
    );
    expect(reasonText(t, { code: 'swedish_level', met: false }, requirements)).toBe(
      'Svenska: nivå okänd, kräver C',
    );
    expect(reasonText(t, { code: 'swedish_level', met: true, detail: 'completed' })).toBe(
      'Svenska: avslutad sfi ✓',
    );
  });

  it('phrases licence, education, place and enrolment', () => {
    const t = i18n.getFixedT('sv');
    expect(reasonText(t, { code: 'driving_licence', met: false, detail: 'learner' })).toBe(
      'Körkort: Övningskör, kräver B',
    );
    expect(reasonText(t, { code: 'driving_licence', met: false })).toBe('Körkort: uppgift saknas, kräver B');
    expect(
      reasonText(
        t,
        { code: 'education_level', met: false, detail: '2' },
        { requiredEducationLevelCode: '3' },
      ),
    ).toBe('Utbildning: nivå 2, kräver 3');
    expect(reasonText(t, { code: 'local', met: true, detail: 'home' })).toBe('I hemkommunen');
    expect(reasonText(t, { code: 'available', met: true, detail: '2027-06-30' })).toBe(
      'Inskriven, planerat slut 2027-06-30',
    );
  });

  it('speaks English too', () => {
    const t = i18n.getFixedT('en');
    expect(
      reasonText(t, { code: 'swedish_level', met: false, detail: 'B' }, { requiredSfiCourse: 'C' }),
    ).toBe('Swedish: course B, requires C');
  });
});

describe('reasonPointsText', () => {
  it('signs the weight of a met and an unmet reason', () => {
    expect(reasonPointsText({ code: 'occupation_goal', met: true })).toBe('+40');
    expect(reasonPointsText({ code: 'swedish_level', met: false })).toBe('\u221215');
    expect(reasonPointsText({ code: 'local', met: false })).toBe('0');
  });
});
