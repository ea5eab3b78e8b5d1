import { type EnrolmentFilter, enrolmentFilterKeys, enrolmentFilterParams } from '../../../core/dashboard.ts';
import { enrolmentFilterQuery } from '../../../core/schemas/participant.schema.ts';

// The participant list's address names the dashboard's conditions in Swedish, like its other parameters
// (centrum, status, sida); the API has the English names of `EnrolmentFilter`.
export const enrolmentFilterUrlNames = {
  programmeId: 'program',
  enrolmentCentreId: 'enhet',
  targetGroup: 'malgrupp',
  municipalityCode: 'kommun',
  legalGender: 'kon',
  activeOn: 'aktiv',
  stepId: 'steg',
  enrolledFrom: 'inskriven-fran',
  enrolledTo: 'inskriven-till',
  exitedFrom: 'avslutad-fran',
  exitedTo: 'avslutad-till',
  outcome: 'utfall',
  followUp: 'uppfoljning',
} as const satisfies Record<keyof EnrolmentFilter, string>;

/** The conditions in the address that are valid; an invalid one is left out rather than failing the list. */
export function enrolmentFilterFromUrl(params: URLSearchParams): EnrolmentFilter {
  const filter: EnrolmentFilter = {};
  for (const key of enrolmentFilterKeys) {
    const value = params.get(enrolmentFilterUrlNames[key]);
    if (value === null) continue;
    const parsed = enrolmentFilterQuery.shape[key].safeParse(value);
    if (parsed.success && parsed.data !== undefined) Object.assign(filter, { [key]: parsed.data });
  }
  return filter;
}

/** The conditions as the list's address parameters. */
export function enrolmentFilterUrlParams(filter: EnrolmentFilter): [string, string][] {
  return enrolmentFilterParams(filter).map(([key, value]) => [enrolmentFilterUrlNames[key], value]);
}

/** The address of the participant list showing the people behind a figure. */
export function participantListHref(filter: EnrolmentFilter): string {
  return `/deltagare?${new URLSearchParams(enrolmentFilterUrlParams(filter))}`;
}
