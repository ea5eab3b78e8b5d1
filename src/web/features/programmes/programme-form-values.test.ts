import { describe, expect, it } from 'vitest';
import { programmeInput, programmeUpdate } from '../../../core/schemas/programme.schema.ts';
import {
  emptyProgrammeValues,
  formatAmount,
  moveRow,
  parseNumber,
  programmeValues,
  toProgrammeInput,
  toProgrammeUpdate,
} from './programme-form-values.ts';

const centreId = '7b0b7d54-3b8f-4f5f-9f2a-1d3c0e6b9a11';
const ownerId = '1c6f3f0e-8a52-4c3e-9a57-2f1a0b7c9d21';
const partnerId = '2d7a4b1f-9b63-4d4f-8b68-3a2b1c8d0e32';

describe('programme form values', () => {
  it('turns what was typed into the request, with a decimal comma and the default follow-up', () => {
    const values = {
      ...emptyProgrammeValues([centreId]),
      name: 'Etableringscentrum',
      startsOn: '2025-01-01',
      endsOn: '2028-06-30',
      plannedParticipants: ' 800 ',
      goalPercent: '55,5',
      goalDescription: 'I arbete eller studier',
    };
    values.targetGroups = [
      { key: 'a', kind: 'short_educated', name: 'Kortutbildade', maxDurationMonths: '12' },
    ];
    values.steps = [{ key: 'b', name: 'Inskrivning' }];

    const parsed = programmeInput.safeParse(toProgrammeInput(values));

    expect(parsed.success).toBe(true);
    expect(parsed.data).toMatchObject({
      plannedParticipants: 800,
      goalPercent: 55.5,
      followUpDays: 90,
      funderProjectNumber: null,
      cofinancingHourlyRate: null,
      funderReportCheck: 'warn',
      retentionYears: 5,
      holdUntil: null,
      targetGroups: [{ kind: 'short_educated', maxDurationMonths: 12 }],
      steps: [{ name: 'Inskrivning' }],
    });
  });

  it('reports blank numbers, dates and choices as missing and text in a number as not valid', () => {
    const values = { ...emptyProgrammeValues([centreId]), plannedParticipants: 'många', goalPercent: '' };
    const parsed = programmeInput.safeParse(toProgrammeInput(values));
    expect(parsed.success).toBe(false);
    const byPath = new Map(parsed.error?.issues.map((i) => [i.path.join('.'), i]));
    expect(byPath.get('plannedParticipants')?.code).toBe('invalid_type');
    expect(byPath.get('goalPercent')?.message).toMatch(/received undefined/);
    expect(byPath.get('targetGroups.0.kind')?.message).toBe('required');
    expect(byPath.get('startsOn')?.message).toMatch(/received undefined/);
    expect(parseNumber('1 000')).toBe(1000);
    expect(parseNumber('1e3')).toBeNaN();
  });

  it('fills the form from a programme and saves it back unchanged, ids and all', () => {
    const programme = {
      id: '3e8b5c2a-0c74-4e5a-9c79-4b3c2d9e1f43',
      name: 'Etableringscentrum',
      funderProjectNumber: '2017/00162',
      startsOn: '2025-01-01',
      endsOn: '2028-06-30',
      plannedParticipants: 800,
      goalPercent: 55.25,
      goalDescription: 'I arbete eller studier',
      followUpDays: 90,
      cofinancingHourlyRate: 38.5,
      funderReportCheck: 'refuse',
      retentionYears: 10,
      holdUntil: '2031-12-31',
      ownerOrganisation: {
        id: ownerId,
        kind: 'municipality',
        name: 'Haninge kommun',
        municipalityCode: '0136',
      },
      organisations: [
        { id: ownerId, kind: 'municipality', name: 'Haninge kommun', municipalityCode: '0136' },
        { id: partnerId, kind: 'employment_service', name: 'Arbetsförmedlingen', municipalityCode: null },
      ],
      centres: [{ id: centreId, name: 'Centrum', organisationId: ownerId, municipalityCode: '0136' }],
      targetGroups: [
        {
          id: '4f9c6d3b-1d85-4f6b-8d8a-5c4d3e0f2a54',
          kind: 'short_educated',
          name: 'Kort',
          maxDurationMonths: 12,
        },
      ],
      steps: [{ id: '5a0d7e4c-2e96-4a7c-9e9b-6d5e4f1a3b65', ordinal: 1, name: 'Inskrivning' }],
      version: 3,
    } as const;

    const values = programmeValues({
      ...programme,
      organisations: [...programme.organisations],
      centres: [...programme.centres],
      targetGroups: [...programme.targetGroups],
      steps: [...programme.steps],
    });
    expect(values.goalPercent).toBe('55,25');
    expect(values.cofinancingHourlyRate).toBe('38,50');
    expect(values.funderReportCheck).toBe('refuse');
    expect(values.retentionYears).toBe('10');
    expect(values.holdUntil).toBe('2031-12-31');
    expect(values.organisationIds).toEqual([partnerId]);

    const parsed = programmeUpdate.parse(toProgrammeUpdate(values, programme.version));
    expect(parsed).toMatchObject({
      goalPercent: 55.25,
      cofinancingHourlyRate: 38.5,
      funderReportCheck: 'refuse',
      retentionYears: 10,
      holdUntil: '2031-12-31',
      organisationIds: [partnerId],
      targetGroups: [{ id: programme.targetGroups[0].id, name: 'Kort' }],
      steps: [{ id: programme.steps[0].id, name: 'Inskrivning' }],
      version: 3,
    });
  });

  it('reads the co-financing rate in kronor and öre as typed, empty as none, and names a bad one', () => {
    const filled = (cofinancingHourlyRate: string) => {
      const values = {
        ...emptyProgrammeValues([centreId]),
        name: 'Etableringscentrum',
        startsOn: '2025-01-01',
        endsOn: '2028-06-30',
        plannedParticipants: '800',
        goalPercent: '55',
        goalDescription: 'I arbete eller studier',
        cofinancingHourlyRate,
      };
      values.targetGroups = [
        { key: 'a', kind: 'short_educated', name: 'Kortutbildade', maxDurationMonths: '12' },
      ];
      values.steps = [{ key: 'b', name: 'Inskrivning' }];
      return programmeInput.safeParse(toProgrammeInput(values));
    };
    const issueOf = (rate: string) =>
      filled(rate).error?.issues.find((i) => i.path[0] === 'cofinancingHourlyRate');

    expect(filled('38,50').data?.cofinancingHourlyRate).toBe(38.5);
    expect(filled(' 1 250 ').data?.cofinancingHourlyRate).toBe(1250);
    expect(filled('').data?.cofinancingHourlyRate).toBeNull();
    expect(filled('  ').data?.cofinancingHourlyRate).toBeNull();
    expect(issueOf('12,345')?.message).toBe('too_many_decimals');
    expect(issueOf('-5')?.message).toBe('too_small');
    expect(issueOf('femtio')?.code).toBe('invalid_type');
    expect(formatAmount(50)).toBe('50,00');
    expect(formatAmount(0.05)).toBe('0,05');
  });

  it('moves a row up and down within the list', () => {
    expect(moveRow(['a', 'b', 'c'], 2, -1)).toEqual(['a', 'c', 'b']);
    expect(moveRow(['a', 'b', 'c'], 0, 1)).toEqual(['b', 'a', 'c']);
    expect(moveRow(['a', 'b', 'c'], 0, -1)).toEqual(['a', 'b', 'c']);
  });
});
