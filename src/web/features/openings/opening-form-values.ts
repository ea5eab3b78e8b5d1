import type { OpeningKind, OpeningStatus } from '../../../core/enums.ts';
import type { SfiCourse } from '../../../core/schemas/assessment.schema.ts';
import type { Opening, OpeningInput } from '../../../core/schemas/employer.schema.ts';
import { parseNumber } from '../programmes/programme-form-values.ts';

// What the opening form holds: text as typed, choices as their codes ('' when none is chosen), and the chosen
// occupation with its name, so the combo box can show it.

export type OccupationChoice = { code: string; name: string };

export type OpeningFormValues = {
  kind: string;
  title: string;
  occupation: OccupationChoice | null;
  places: string;
  startsOn: string;
  hoursPerWeek: string;
  requiredSfiCourse: string;
  drivingLicenceRequired: boolean;
  requiredEducationLevelCode: string;
  requirements: string;
  municipalityCode: string;
  status: string;
};

export const openingFieldNames = [
  'kind',
  'title',
  'occupationCode',
  'places',
  'startsOn',
  'hoursPerWeek',
  'requiredSfiCourse',
  'drivingLicenceRequired',
  'requiredEducationLevelCode',
  'requirements',
  'municipalityCode',
  'status',
] as const;

/** A new opening starts open, in the employer's municipality, with one place. */
export function emptyOpeningValues(municipalityCode = ''): OpeningFormValues {
  return {
    kind: '',
    title: '',
    occupation: null,
    places: '1',
    startsOn: '',
    hoursPerWeek: '',
    requiredSfiCourse: '',
    drivingLicenceRequired: false,
    requiredEducationLevelCode: '',
    requirements: '',
    municipalityCode,
    status: 'open',
  };
}

export function openingValues(opening: Opening): OpeningFormValues {
  return {
    kind: opening.kind,
    title: opening.title,
    occupation: { code: opening.occupationCode, name: opening.occupationName },
    places: String(opening.places),
    startsOn: opening.startsOn ?? '',
    hoursPerWeek: opening.hoursPerWeek === null ? '' : String(opening.hoursPerWeek),
    requiredSfiCourse: opening.requiredSfiCourse ?? '',
    drivingLicenceRequired: opening.drivingLicenceRequired,
    requiredEducationLevelCode: opening.requiredEducationLevelCode ?? '',
    requirements: opening.requirements ?? '',
    municipalityCode: opening.municipalityCode ?? '',
    status: opening.status,
  };
}

export function toOpeningInput(values: OpeningFormValues): OpeningInput {
  return {
    // A blank choice is left out, so the schema reports it as missing rather than malformed.
    kind: (values.kind || undefined) as OpeningKind,
    title: values.title,
    occupationCode: values.occupation?.code as string,
    places: parseNumber(values.places) as number,
    startsOn: values.startsOn.trim() || null,
    hoursPerWeek: parseNumber(values.hoursPerWeek) ?? null,
    requiredSfiCourse: (values.requiredSfiCourse || null) as SfiCourse | null,
    drivingLicenceRequired: values.drivingLicenceRequired,
    requiredEducationLevelCode: values.requiredEducationLevelCode || null,
    requirements: values.requirements,
    municipalityCode: values.municipalityCode || null,
    status: (values.status || undefined) as OpeningStatus,
  };
}
