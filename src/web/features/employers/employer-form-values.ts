import type { EmployerInteractionKind, EmployerOffer } from '../../../core/enums.ts';
import { formatOrganisationNumber } from '../../../core/organisation-number.ts';
import type {
  Employer,
  EmployerContact,
  EmployerContactInput,
  EmployerInput,
  EmployerInteractionInput,
} from '../../../core/schemas/employer.schema.ts';

// What the employer forms hold: text as typed, choices as their codes ('' when none is chosen).

export type EmployerFormValues = {
  organisationNumber: string;
  name: string;
  industryCode: string;
  municipalityCode: string;
  streetAddress: string;
  postalCode: string;
  city: string;
  offers: EmployerOffer[];
  notes: string;
};

export const employerFieldNames = [
  'organisationNumber',
  'name',
  'industryCode',
  'municipalityCode',
  'streetAddress',
  'postalCode',
  'city',
  'offers',
  'notes',
] as const;

export function emptyEmployerValues(): EmployerFormValues {
  return {
    organisationNumber: '',
    name: '',
    industryCode: '',
    municipalityCode: '',
    streetAddress: '',
    postalCode: '',
    city: '',
    offers: [],
    notes: '',
  };
}

export function employerValues(employer: Employer): EmployerFormValues {
  return {
    organisationNumber: formatOrganisationNumber(employer.organisationNumber),
    name: employer.name,
    industryCode: employer.industryCode ?? '',
    municipalityCode: employer.municipalityCode ?? '',
    streetAddress: employer.streetAddress ?? '',
    postalCode: employer.postalCode ?? '',
    city: employer.city ?? '',
    offers: [...employer.offers],
    notes: employer.notes ?? '',
  };
}

const blankAsNull = (text: string) => (text.trim() === '' ? null : text.trim());

export function toEmployerInput(values: EmployerFormValues): EmployerInput {
  return {
    organisationNumber: values.organisationNumber.trim(),
    name: values.name,
    industryCode: blankAsNull(values.industryCode),
    municipalityCode: blankAsNull(values.municipalityCode),
    streetAddress: values.streetAddress,
    postalCode: values.postalCode,
    city: values.city,
    offers: values.offers,
    notes: values.notes,
  };
}

export type ContactFormValues = {
  name: string;
  title: string;
  phone: string;
  email: string;
  active: boolean;
};

export const contactFieldNames = ['name', 'title', 'phone', 'email', 'active'] as const;

export function contactValues(contact?: EmployerContact): ContactFormValues {
  return {
    name: contact?.name ?? '',
    title: contact?.title ?? '',
    phone: contact?.phone ?? '',
    email: contact?.email ?? '',
    active: contact?.active ?? true,
  };
}

export function toContactInput(values: ContactFormValues): EmployerContactInput {
  return { ...values };
}

export type InteractionFormValues = {
  kind: string;
  occurredOn: string;
  contactId: string;
  note: string;
  nextStep: string;
  nextStepOn: string;
};

export const interactionFieldNames = [
  'kind',
  'occurredOn',
  'contactId',
  'note',
  'nextStep',
  'nextStepOn',
] as const;

export function emptyInteractionValues(today: string): InteractionFormValues {
  return { kind: '', occurredOn: today, contactId: '', note: '', nextStep: '', nextStepOn: '' };
}

export function toInteractionInput(values: InteractionFormValues): EmployerInteractionInput {
  return {
    // A blank choice or date is left out, so the schema reports it as missing rather than malformed.
    kind: (values.kind || undefined) as EmployerInteractionKind,
    occurredOn: (values.occurredOn.trim() || undefined) as string,
    contactId: values.contactId || null,
    note: values.note,
    nextStep: values.nextStep,
    nextStepOn: values.nextStepOn.trim() || null,
  };
}
