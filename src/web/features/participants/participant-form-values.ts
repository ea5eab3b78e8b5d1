import type { LegalGender } from '../../../core/enums.ts';
import type { LanguageCode } from '../../../core/languages.ts';
import type {
  ParticipantDetail,
  ParticipantInput,
  ParticipantUpdate,
} from '../../../core/schemas/participant.schema.ts';
import { customIssue, type Issue } from '../../components/form-errors.ts';

/** The person fields as the form holds them: text as typed, choices as strings ('' for none). */
export type ParticipantFormValues = {
  hasNoIdentityNumber: boolean;
  personalIdentityNumber: string;
  birthDate: string;
  legalGender: string;
  firstName: string;
  lastName: string;
  preferredLanguage: string;
  interpreterNeeded: boolean;
  phone: string;
  email: string;
  streetAddress: string;
  postalCode: string;
  city: string;
  municipalityCode: string;
  educationLevelCode: string;
  protectedIdentity: boolean;
};

/** The participant fields in the order they appear, for linking errors to fields. */
export const participantFieldNames = [
  'personalIdentityNumber',
  'birthDate',
  'legalGender',
  'firstName',
  'lastName',
  'protectedIdentity',
  'preferredLanguage',
  'interpreterNeeded',
  'phone',
  'email',
  'streetAddress',
  'postalCode',
  'city',
  'municipalityCode',
  'educationLevelCode',
] as const;

export const emptyParticipantValues: ParticipantFormValues = {
  hasNoIdentityNumber: false,
  personalIdentityNumber: '',
  birthDate: '',
  legalGender: '',
  firstName: '',
  lastName: '',
  preferredLanguage: '',
  interpreterNeeded: false,
  phone: '',
  email: '',
  streetAddress: '',
  postalCode: '',
  city: '',
  municipalityCode: '',
  educationLevelCode: '',
  protectedIdentity: false,
};

export function participantValuesFromDetail(detail: ParticipantDetail): ParticipantFormValues {
  const reserve = detail.identityType === 'reserve';
  return {
    hasNoIdentityNumber: reserve,
    personalIdentityNumber: reserve ? '' : detail.identityNumber,
    birthDate: detail.birthDate ?? '',
    legalGender: detail.legalGender,
    firstName: detail.firstName,
    lastName: detail.lastName,
    preferredLanguage: detail.preferredLanguage ?? '',
    interpreterNeeded: detail.interpreterNeeded,
    phone: detail.phone ?? '',
    email: detail.email ?? '',
    streetAddress: detail.streetAddress ?? '',
    postalCode: detail.postalCode ?? '',
    city: detail.city ?? '',
    municipalityCode: detail.municipalityCode ?? '',
    educationLevelCode: detail.educationLevelCode ?? '',
    protectedIdentity: detail.protectedIdentity,
  };
}

function orNull(value: string): string | null {
  return value.trim() === '' ? null : value.trim();
}

/** The values as the shared schema's input; the schema decides what is valid. */
export function toParticipantInput(values: ParticipantFormValues): ParticipantInput {
  const withoutNumber = values.hasNoIdentityNumber;
  // The address of a person with protected identity is neither shown nor sent (left out, not cleared).
  const address = !values.protectedIdentity;
  return {
    personalIdentityNumber: withoutNumber ? null : orNull(values.personalIdentityNumber),
    birthDate: withoutNumber ? orNull(values.birthDate) : null,
    legalGender: withoutNumber ? (orNull(values.legalGender) as LegalGender | null) : null,
    firstName: values.firstName,
    lastName: values.lastName,
    preferredLanguage: orNull(values.preferredLanguage) as LanguageCode | null,
    interpreterNeeded: values.interpreterNeeded,
    phone: orNull(values.phone),
    email: orNull(values.email),
    streetAddress: address ? orNull(values.streetAddress) : undefined,
    postalCode: address ? orNull(values.postalCode) : undefined,
    city: address ? orNull(values.city) : undefined,
    municipalityCode: orNull(values.municipalityCode),
    educationLevelCode: orNull(values.educationLevelCode),
    protectedIdentity: values.protectedIdentity,
  };
}

/**
 * Adjusts schema issues to what the form shows: without the "no number" box ticked the number itself is required,
 * and birth date and gender (hidden then) are not asked for.
 */
export function participantFormIssues(
  values: ParticipantFormValues,
  issues: readonly Issue[],
  prefix = '',
  numberIsEditable = true,
): Issue[] {
  if (values.hasNoIdentityNumber) return [...issues];
  const hidden = new Set([`${prefix}birthDate`, `${prefix}legalGender`]);
  const kept = issues.filter((issue) => !hidden.has(issue.path.map(String).join('.')));
  if (numberIsEditable && values.personalIdentityNumber.trim() === '') {
    kept.unshift(customIssue(`${prefix}personalIdentityNumber`, 'required'));
  }
  return kept;
}

/** The edit form's values as an update: the identity number is changed only by replacing a reserve number. */
export function toParticipantUpdate(values: ParticipantFormValues, version: number): ParticipantUpdate {
  const { personalIdentityNumber: _number, ...rest } = toParticipantInput(values);
  return { ...rest, version };
}
