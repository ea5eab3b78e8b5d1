import { z } from 'zod';
import { employerInteractionKinds, employerOffers, openingKinds, openingStatuses } from '../enums.ts';
import { sfiCourses } from './assessment.schema.ts';
import { id, isoDate, optionalText, pageQuery, requiredText, version } from './common.ts';

// Employers, their contact people and interaction log, and the openings (internships and jobs) they offer.
// Employers are shared by the whole installation; an organisation number identifies one (issue 5).

const optionalCode = (pattern: RegExp) =>
  z
    .string()
    .regex(pattern, { message: 'invalid_format' })
    .nullish()
    .transform((v) => v ?? null);

export const employerInput = z.object({
  /** 10 digits with or without a hyphen (NNNNNN-NNNN); validated with its Luhn check digit by the service. */
  organisationNumber: requiredText(20),
  name: requiredText(200),
  /** SNI 2007 code (the most detailed level the employer is known by). */
  industryCode: optionalCode(/^\d{2,5}$/),
  /** Kommunkod, four digits. */
  municipalityCode: optionalCode(/^\d{4}$/),
  streetAddress: optionalText(200),
  postalCode: optionalText(10),
  city: optionalText(100),
  offers: z
    .array(z.enum(employerOffers, { message: 'invalid_choice' }))
    .max(4)
    .default([]),
  notes: optionalText(4000),
});
export type EmployerInput = z.input<typeof employerInput>;
export const employerUpdateInput = employerInput.extend({ version });
export type EmployerUpdateInput = z.input<typeof employerUpdateInput>;

export const employerContactInput = z.object({
  name: requiredText(200),
  title: optionalText(200),
  phone: optionalText(40),
  email: optionalText(200),
  active: z.boolean().default(true),
});
export type EmployerContactInput = z.input<typeof employerContactInput>;

export const employerInteractionInput = z.object({
  kind: z.enum(employerInteractionKinds, { message: 'invalid_choice' }),
  occurredOn: isoDate,
  contactId: id.nullish().transform((v) => v ?? null),
  note: requiredText(4000),
  nextStep: optionalText(1000),
  nextStepOn: isoDate.nullish().transform((v) => v ?? null),
});
export type EmployerInteractionInput = z.input<typeof employerInteractionInput>;

export const employerContact = z.object({
  id,
  name: z.string(),
  title: z.string().nullable(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  active: z.boolean(),
});
export type EmployerContact = z.infer<typeof employerContact>;

export const employerInteraction = z.object({
  id,
  kind: z.enum(employerInteractionKinds),
  occurredOn: z.string(),
  contactId: id.nullable(),
  contactName: z.string().nullable(),
  note: z.string(),
  nextStep: z.string().nullable(),
  nextStepOn: z.string().nullable(),
  userName: z.string(),
  createdAt: z.string(),
});
export type EmployerInteraction = z.infer<typeof employerInteraction>;

export const employerSummary = z.object({
  id,
  /** 10 digits, shown as NNNNNN-NNNN. */
  organisationNumber: z.string(),
  name: z.string(),
  industryCode: z.string().nullable(),
  industryName: z.string().nullable(),
  municipalityCode: z.string().nullable(),
  municipalityName: z.string().nullable(),
  offers: z.array(z.enum(employerOffers)),
  openOpenings: z.number().int(),
  lastInteractionOn: z.string().nullable(),
});
export type EmployerSummary = z.infer<typeof employerSummary>;

export const employer = employerSummary.extend({
  streetAddress: z.string().nullable(),
  postalCode: z.string().nullable(),
  city: z.string().nullable(),
  notes: z.string().nullable(),
  contacts: z.array(employerContact),
  /** Newest first. */
  interactions: z.array(employerInteraction),
  version: z.number().int(),
});
export type Employer = z.infer<typeof employer>;

export const employerListQuery = pageQuery.extend({
  /** Name or organisation number. */
  q: z.string().trim().max(100).optional(),
  industryCode: z.string().max(5).optional(),
  municipalityCode: z.string().max(4).optional(),
  offers: z.enum(employerOffers, { message: 'invalid_choice' }).optional(),
});
export const employerList = z.object({
  items: z.array(employerSummary),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});
export type EmployerList = z.infer<typeof employerList>;

// ---------------------------------------------------------------- openings

export const openingInput = z.object({
  kind: z.enum(openingKinds, { message: 'invalid_choice' }),
  title: requiredText(200),
  /** SSYK 2012 unit group, four digits. */
  occupationCode: z.string({ message: 'required' }).regex(/^\d{4}$/, { message: 'invalid_format' }),
  places: z
    .number({ message: 'required' })
    .int({ message: 'whole_number' })
    .min(1, { message: 'too_small' })
    .max(1000, { message: 'too_large' }),
  startsOn: isoDate.nullish().transform((v) => v ?? null),
  hoursPerWeek: z
    .number()
    .int({ message: 'whole_number' })
    .min(1, { message: 'too_small' })
    .max(60, { message: 'too_large' })
    .nullish()
    .transform((v) => v ?? null),
  requiredSfiCourse: z
    .enum(sfiCourses, { message: 'invalid_choice' })
    .nullish()
    .transform((v) => v ?? null),
  drivingLicenceRequired: z.boolean().default(false),
  /** Lowest SUN 2020 education level required. */
  requiredEducationLevelCode: optionalCode(/^\d{1,3}$/),
  requirements: optionalText(4000),
  municipalityCode: optionalCode(/^\d{4}$/),
  status: z.enum(openingStatuses, { message: 'invalid_choice' }).default('open'),
});
export type OpeningInput = z.input<typeof openingInput>;
export const openingUpdateInput = openingInput.extend({ version });
export type OpeningUpdateInput = z.input<typeof openingUpdateInput>;

export const opening = z.object({
  id,
  employerId: id,
  employerName: z.string(),
  kind: z.enum(openingKinds),
  title: z.string(),
  occupationCode: z.string(),
  occupationName: z.string(),
  places: z.number().int(),
  startsOn: z.string().nullable(),
  hoursPerWeek: z.number().int().nullable(),
  requiredSfiCourse: z.enum(sfiCourses).nullable(),
  drivingLicenceRequired: z.boolean(),
  requiredEducationLevelCode: z.string().nullable(),
  requiredEducationLevelName: z.string().nullable(),
  requirements: z.string().nullable(),
  municipalityCode: z.string().nullable(),
  municipalityName: z.string().nullable(),
  status: z.enum(openingStatuses),
  version: z.number().int(),
});
export type Opening = z.infer<typeof opening>;

export const openingListQuery = pageQuery.extend({
  employerId: id.optional(),
  kind: z.enum(openingKinds, { message: 'invalid_choice' }).optional(),
  status: z.enum(openingStatuses, { message: 'invalid_choice' }).optional(),
  occupationCode: z.string().max(4).optional(),
  municipalityCode: z.string().max(4).optional(),
  /** Title, occupation name or employer name. */
  q: z.string().trim().max(100).optional(),
});
export const openingList = z.object({
  items: z.array(opening),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});
export type OpeningList = z.infer<typeof openingList>;

/** Occupation search for forms: SSYK 2012 unit groups by code or name (and the occupation names of yrken.csv). */
export const occupationQuery = z.object({ q: z.string().trim().min(1).max(100) });
export const occupationList = z.object({
  items: z.array(z.object({ code: z.string(), name: z.string() })),
});
export type OccupationList = z.infer<typeof occupationList>;

/** SNI 2007 for forms: sections (level 1, a letter) and their two-digit divisions (level 2, with the section). */
export const industryList = z.object({
  items: z.array(
    z.object({
      code: z.string(),
      name: z.string(),
      level: z.number().int(),
      sectionCode: z.string().nullable(),
    }),
  ),
});
export type IndustryList = z.infer<typeof industryList>;
