import { describe, expect, it } from 'vitest';
import { openingInput } from '../../../core/schemas/employer.schema.ts';
import { emptyOpeningValues, toOpeningInput } from './opening-form-values.ts';

describe('opening form values', () => {
  it('turns a filled form into a valid opening input', () => {
    const values = {
      ...emptyOpeningValues('0138'),
      kind: 'internship',
      title: ' Praktik i hemtjänsten ',
      occupation: { code: '5321', name: 'Undersköterskor' },
      places: '2',
      startsOn: '2026-04-01',
      hoursPerWeek: '30',
      requiredSfiCourse: 'C',
      drivingLicenceRequired: true,
      requiredEducationLevelCode: '3',
    };
    expect(openingInput.parse(toOpeningInput(values))).toEqual({
      kind: 'internship',
      title: 'Praktik i hemtjänsten',
      occupationCode: '5321',
      places: 2,
      startsOn: '2026-04-01',
      hoursPerWeek: 30,
      requiredSfiCourse: 'C',
      drivingLicenceRequired: true,
      requiredEducationLevelCode: '3',
      requirements: null,
      municipalityCode: '0138',
      status: 'open',
    });
  });

  it('names the missing fields of an empty form', () => {
    const result = openingInput.safeParse(toOpeningInput({ ...emptyOpeningValues(), places: '' }));
    expect(result.error?.issues.map((i) => i.path.join('.'))).toEqual([
      'kind',
      'title',
      'occupationCode',
      'places',
    ]);
  });

  it('refuses hours that are not a whole number', () => {
    const values = {
      ...emptyOpeningValues(),
      kind: 'job',
      title: 'Lagerarbetare',
      occupation: { code: '9332', name: 'Lagerarbetare' },
      hoursPerWeek: '37,5',
    };
    const result = openingInput.safeParse(toOpeningInput(values));
    expect(result.error?.issues.map((i) => i.path.join('.'))).toEqual(['hoursPerWeek']);
  });
});
