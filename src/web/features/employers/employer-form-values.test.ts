import { describe, expect, it } from 'vitest';
import {
  employerContactInput,
  employerInput,
  employerInteractionInput,
} from '../../../core/schemas/employer.schema.ts';
import {
  contactValues,
  emptyEmployerValues,
  emptyInteractionValues,
  toContactInput,
  toEmployerInput,
  toInteractionInput,
} from './employer-form-values.ts';

const contactId = '3e9c0a5b-6f4d-4c0b-8d84-5a9f1b7e4c33';

describe('employer form values', () => {
  it('turns a filled form into a valid employer input, blanks as null', () => {
    const values = {
      ...emptyEmployerValues(),
      organisationNumber: ' 556036-0793 ',
      name: ' Tyresö Bygg AB ',
      industryCode: '41',
      municipalityCode: '0138',
      offers: ['internships' as const, 'jobs' as const],
    };
    expect(employerInput.parse(toEmployerInput(values))).toEqual({
      organisationNumber: '556036-0793',
      name: 'Tyresö Bygg AB',
      industryCode: '41',
      municipalityCode: '0138',
      streetAddress: null,
      postalCode: null,
      city: null,
      offers: ['internships', 'jobs'],
      notes: null,
    });
  });

  it('names the missing fields of an empty form', () => {
    const result = employerInput.safeParse(toEmployerInput(emptyEmployerValues()));
    expect(result.error?.issues.map((i) => i.path.join('.'))).toEqual(['organisationNumber', 'name']);
  });

  it('turns contact and interaction forms into valid inputs', () => {
    expect(employerContactInput.parse(toContactInput({ ...contactValues(), name: 'Eva Ek' }))).toEqual({
      name: 'Eva Ek',
      title: null,
      phone: null,
      email: null,
      active: true,
    });
    const interaction = {
      ...emptyInteractionValues('2026-03-02'),
      kind: 'visit',
      contactId,
      note: 'Besök på lagret',
      nextStep: 'Skicka praktikavtal',
      nextStepOn: '2026-03-09',
    };
    expect(employerInteractionInput.parse(toInteractionInput(interaction))).toEqual({
      kind: 'visit',
      occurredOn: '2026-03-02',
      contactId,
      note: 'Besök på lagret',
      nextStep: 'Skicka praktikavtal',
      nextStepOn: '2026-03-09',
    });
  });

  it('reports a blank kind and date as missing', () => {
    const values = { ...emptyInteractionValues(''), note: 'x' };
    const result = employerInteractionInput.safeParse(toInteractionInput(values));
    expect(result.error?.issues.map((i) => [i.path.join('.'), i.code])).toEqual([
      ['kind', 'invalid_value'],
      ['occurredOn', 'invalid_type'],
    ]);
  });
});
