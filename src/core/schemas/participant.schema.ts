import { z } from 'zod';
import { followUpFilterValues } from '../dashboard.ts';
import {
  exitOutcomes,
  identityTypes,
  legalGenders,
  participantStatuses,
  targetGroupKinds,
} from '../enums.ts';
import { languageCodes } from '../languages.ts';
import { parseIdentityNumber } from '../personal-identity-number.ts';
import { id, isoDate, optionalText, pageQuery, requiredText, version } from './common.ts';

/**
 * A person as staff enter them. Without a personal identity number the participant gets a reserve identity,
 * and then birth date and gender are entered by hand.
 */
const participantFields = z.object({
  personalIdentityNumber: optionalText(20),
  birthDate: isoDate.nullish(),
  legalGender: z.enum(legalGenders, { message: 'invalid_choice' }).nullish(),
  firstName: requiredText(100),
  lastName: requiredText(100),
  preferredLanguage: z.enum(languageCodes, { message: 'invalid_choice' }).nullish(),
  interpreterNeeded: z.boolean().default(false),
  phone: optionalText(40).refine((v) => v === null || /^[+\d][\d\s-]{4,}$/.test(v), {
    message: 'invalid_format',
  }),
  email: optionalText(200).refine((v) => v === null || z.email().safeParse(v).success, {
    message: 'invalid_email',
  }),
  streetAddress: optionalText(200),
  postalCode: optionalText(10).refine((v) => v === null || /^\d{3}\s?\d{2}$/.test(v), {
    message: 'invalid_format',
  }),
  city: optionalText(100),
  municipalityCode: z
    .string()
    .regex(/^\d{4}$/, { message: 'invalid_format' })
    .nullish(),
  educationLevelCode: z
    .string()
    .regex(/^\d{1,3}$/, { message: 'invalid_format' })
    .nullish(),
  protectedIdentity: z.boolean().default(false),
});

export const participantInput = participantFields.superRefine((value, ctx) => {
  if (value.personalIdentityNumber) {
    const parsed = parseIdentityNumber(value.personalIdentityNumber);
    if (!parsed.ok) ctx.addIssue({ code: 'custom', path: ['personalIdentityNumber'], message: parsed.error });
    return;
  }
  if (!value.birthDate)
    ctx.addIssue({ code: 'custom', path: ['birthDate'], message: 'required_without_pin' });
  if (!value.legalGender) {
    ctx.addIssue({ code: 'custom', path: ['legalGender'], message: 'required_without_pin' });
  }
});
export type ParticipantInput = z.input<typeof participantInput>;

/**
 * Changes to personal details. The identity number is changed only through `identityReplacement`; birth date
 * and gender are kept only for a reserve identity (a real number's are derived from it).
 */
export const participantUpdate = participantFields.omit({ personalIdentityNumber: true }).extend({ version });
export type ParticipantUpdate = z.input<typeof participantUpdate>;

export const identityReplacement = z.object({
  personalIdentityNumber: z.string().superRefine((value, ctx) => {
    const parsed = parseIdentityNumber(value);
    if (!parsed.ok) ctx.addIssue({ code: 'custom', message: parsed.error });
  }),
  version,
});

/** A comma-separated list of values from a closed set, e.g. `work_permanent,studies_university`. */
const commaList = <T extends string>(values: readonly [T, ...T[]]) =>
  z
    .string()
    .refine((v) => v.split(',').every((item) => (values as readonly string[]).includes(item)), {
      message: 'invalid_choice',
    })
    .transform((v) => [...new Set(v.split(','))] as T[]);

/**
 * The people behind a dashboard figure: an enrolment that meets every condition given (see
 * `core/dashboard.ts`), and the person's legal gender and municipality of residence.
 */
export const enrolmentFilterQuery = z.object({
  programmeId: id.optional(),
  enrolmentCentreId: id.optional(),
  targetGroup: z.enum(targetGroupKinds, { message: 'invalid_choice' }).optional(),
  municipalityCode: z
    .string()
    .regex(/^\d{4}$/, { message: 'invalid_format' })
    .optional(),
  legalGender: z.enum(legalGenders, { message: 'invalid_choice' }).optional(),
  activeOn: isoDate.optional(),
  stepId: id.optional(),
  enrolledFrom: isoDate.optional(),
  enrolledTo: isoDate.optional(),
  exitedFrom: isoDate.optional(),
  exitedTo: isoDate.optional(),
  outcome: commaList(exitOutcomes).optional(),
  followUp: commaList(followUpFilterValues).optional(),
});

/**
 * The participant list, searched and filtered: a request body, never a query string, since the search term is a
 * name or an identity number and addresses end up in browser histories and proxy logs.
 */
export const participantSearch = pageQuery.extend({
  q: z.string().trim().max(100).optional(),
  centreId: id.optional(),
  status: z.enum(participantStatuses).optional(),
  ...enrolmentFilterQuery.shape,
});

export const participantSummary = z.object({
  id,
  identityType: z.enum(identityTypes),
  /** Display form: YYYYMMDD-NNNN, or the reserve number. */
  identityNumber: z.string(),
  firstName: z.string(),
  lastName: z.string(),
  birthDate: z.string().nullable(),
  legalGender: z.enum(legalGenders),
  centreId: id,
  centreName: z.string(),
  status: z.enum(participantStatuses),
  protectedIdentity: z.boolean(),
});
export type ParticipantSummary = z.infer<typeof participantSummary>;

export const participantList = z.object({
  items: z.array(participantSummary),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});
export type ParticipantList = z.infer<typeof participantList>;

export const participantDetail = participantSummary.extend({
  preferredLanguage: z.string().nullable(),
  interpreterNeeded: z.boolean(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  /** Never given out for a person with protected identity. */
  streetAddress: z.string().nullable(),
  postalCode: z.string().nullable(),
  city: z.string().nullable(),
  municipalityCode: z.string().nullable(),
  municipalityName: z.string().nullable(),
  educationLevelCode: z.string().nullable(),
  educationLevelName: z.string().nullable(),
  /** Consent to participation was withdrawn: the record is read-only. */
  readOnly: z.boolean(),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
  identityHistory: z.array(
    z.object({ identityType: z.enum(identityTypes), identityNumber: z.string(), replacedAt: z.string() }),
  ),
  assignedStaff: z.array(
    z.object({ userId: id, name: z.string(), role: z.string(), isContact: z.boolean() }),
  ),
});
export type ParticipantDetail = z.infer<typeof participantDetail>;
