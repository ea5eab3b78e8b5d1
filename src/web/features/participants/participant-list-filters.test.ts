import { describe, expect, it } from 'vitest';
import { enrolmentFilterFromUrl, participantListHref } from './participant-list-filters.ts';

const programmeId = '7d7c9a35-52b4-4c42-9a4e-8d0f6b1f8a11';

describe('the participant list’s enrolment filter in the address', () => {
  it('goes there and back in Swedish parameter names', () => {
    const filter = {
      programmeId,
      legalGender: 'female' as const,
      exitedFrom: '2026-01-01',
      exitedTo: '2026-06-30',
      followUp: ['work', 'studies', 'own_business'] as const,
    };
    const href = participantListHref({ ...filter, followUp: [...filter.followUp] });
    expect(href).toBe(
      `/deltagare?program=${programmeId}&kon=female&avslutad-fran=2026-01-01&avslutad-till=2026-06-30&uppfoljning=work%2Cstudies%2Cown_business`,
    );
    const back = enrolmentFilterFromUrl(new URL(href, 'http://localhost').searchParams);
    expect(back).toEqual({ ...filter, followUp: [...filter.followUp] });
  });

  it('leaves out what is not valid instead of failing the list', () => {
    const params = new URLSearchParams(
      'program=nope&kon=female&utfall=work_permanent,sleeping&aktiv=2026-02-30',
    );
    expect(enrolmentFilterFromUrl(params)).toEqual({ legalGender: 'female' });
  });
});
