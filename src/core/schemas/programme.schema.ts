import { z } from 'zod';
import { isValidIsoDate } from '../dates.ts';
import { funderReportCheckModes, organisationKinds, targetGroupKinds } from '../enums.ts';
import { defaultRetentionYears, maxRetentionYears, minRetentionYears } from '../retention.ts';
import { choiceError, id, isoDate, optionalText, requiredText, version } from './common.ts';

export const centre = z.object({ id, name: z.string(), organisationId: id, municipalityCode: z.string() });
export type Centre = z.infer<typeof centre>;

export const organisation = z.object({
  id,
  kind: z.enum(organisationKinds),
  name: z.string(),
  municipalityCode: z.string().nullable(),
});

export const programme = z.object({
  id,
  name: z.string(),
  funderProjectNumber: z.string().nullable(),
  startsOn: z.string(),
  endsOn: z.string(),
  plannedParticipants: z.number().int(),
  goalPercent: z.number(),
  goalDescription: z.string(),
  followUpDays: z.number().int(),
  /** SEK per attended hour for the co-financing report; null when none is set. */
  cofinancingHourlyRate: z.number().nullable(),
  funderReportCheck: z.enum(funderReportCheckModes),
  /** Years a participant's data is kept after the exit before it is anonymised. */
  retentionYears: z.number().int(),
  /** The funder's audit date: nothing of the programme's participants is anonymised before it. */
  holdUntil: z.string().nullable(),
  ownerOrganisation: organisation,
  organisations: z.array(organisation),
  centres: z.array(centre),
  targetGroups: z.array(
    z.object({ id, kind: z.enum(targetGroupKinds), name: z.string(), maxDurationMonths: z.number().int() }),
  ),
  steps: z.array(z.object({ id, ordinal: z.number().int(), name: z.string() })),
  version: z.number().int(),
});
export type Programme = z.infer<typeof programme>;
export const programmeList = z.object({ items: z.array(programme) });

export const referenceItem = z.object({ code: z.string(), name: z.string() });
export const referenceList = z.object({ items: z.array(referenceItem) });

// ---------------------------------------------------------------- organisations and centres

/** A kommunkod: four digits, which must also be in the municipalities code list (checked by the service). */
const municipality = z.string({ message: 'required' }).regex(/^\d{4}$/, { message: 'invalid_format' });

export const centreDetail = centre.extend({ municipalityName: z.string() });
export type CentreDetail = z.infer<typeof centreDetail>;

export const organisationDetail = organisation.extend({
  municipalityName: z.string().nullable(),
  centres: z.array(centreDetail),
});
export type OrganisationDetail = z.infer<typeof organisationDetail>;
export const organisationList = z.object({ items: z.array(organisationDetail) });

/** A municipality (by its kommunkod) or an employment-service office (whose municipality may be given). */
export const organisationInput = z
  .object({
    kind: z.enum(organisationKinds, { error: choiceError }),
    name: requiredText(200),
    municipality: optionalText(4).refine((v) => v === null || /^\d{4}$/.test(v), {
      message: 'invalid_format',
    }),
  })
  .superRefine((value, ctx) => {
    if (value.kind === 'municipality' && !value.municipality)
      ctx.addIssue({ code: 'custom', path: ['municipality'], message: 'required' });
  });
export type OrganisationInput = z.input<typeof organisationInput>;

export const organisationUpdate = z.object({ name: requiredText(200) });
export type OrganisationUpdate = z.input<typeof organisationUpdate>;

/** A centre of the administrator's own organisation. */
export const centreInput = z.object({ name: requiredText(200), municipality });
export type CentreInput = z.input<typeof centreInput>;

export const centreUpdate = z.object({ name: requiredText(200) });
export type CentreUpdate = z.input<typeof centreUpdate>;

// ---------------------------------------------------------------- programme set-up

const wholeNumber = (min: number, max: number) =>
  z
    .number()
    .int({ message: 'whole_number' })
    .min(min, { message: 'too_small' })
    .max(max, { message: 'too_large' });

export const maxSteps = 20;

/** The largest amount the column (numeric(10, 2)) holds. */
const maxHourlyRate = 99_999_999.99;

/** Kronor per hour: not negative, at most two decimals (öre), as the column keeps them. */
const hourlyRate = z
  .number()
  .min(0, { message: 'too_small' })
  .max(maxHourlyRate, { message: 'too_large' })
  .refine((value) => Number(value.toFixed(2)) === value, { message: 'too_many_decimals' });

/** A target group; `id` names an existing one, which is then updated in place. */
export const targetGroupInput = z.object({
  id: id.optional(),
  kind: z.enum(targetGroupKinds, { error: choiceError }),
  name: requiredText(200),
  maxDurationMonths: wholeNumber(1, 120),
});
export type TargetGroupInput = z.input<typeof targetGroupInput>;

/** A step of the step model; its place in the list is its ordinal. `id` names an existing one. */
export const stepInput = z.object({ id: id.optional(), name: requiredText(200) });
export type StepInput = z.input<typeof stepInput>;

const programmeFields = {
  name: requiredText(200),
  funderProjectNumber: optionalText(50),
  startsOn: isoDate,
  endsOn: isoDate,
  plannedParticipants: wholeNumber(0, 1_000_000),
  goalPercent: z.number().min(0, { message: 'too_small' }).max(100, { message: 'too_large' }),
  goalDescription: requiredText(2000),
  followUpDays: wholeNumber(1, 365).default(90),
  /** For the co-financing report: SEK per attended hour; null (or left out) when the programme reports none. */
  cofinancingHourlyRate: hourlyRate.nullable().default(null),
  /** Whether missing participant data only warns before a funder's export, or stops it. */
  funderReportCheck: z.enum(funderReportCheckModes, { error: choiceError }).default('warn'),
  /** Retention (core/retention.ts): years after an exit before the participant's data is anonymised. */
  retentionYears: wholeNumber(minRetentionYears, maxRetentionYears).default(defaultRetentionYears),
  /** The funder's audit date, until which nothing is anonymised; null (or left out) when there is none. */
  holdUntil: isoDate.nullable().default(null),
  /** Participating organisations besides the owner, which always takes part. */
  organisationIds: z.array(id).max(100, { message: 'too_many' }).default([]),
  centreIds: z.array(id).min(1, { message: 'required' }).max(100, { message: 'too_many' }),
  targetGroups: z
    .array(targetGroupInput)
    .min(1, { message: 'required' })
    .max(targetGroupKinds.length, { message: 'too_many' }),
  steps: z.array(stepInput).min(1, { message: 'required' }).max(maxSteps, { message: 'too_many' }),
};

type ProgrammeRuleInput = {
  startsOn: string;
  endsOn: string;
  targetGroups: { kind: string }[];
};

function programmeRules(value: ProgrammeRuleInput, ctx: z.RefinementCtx) {
  // Valid ISO dates compare as text.
  if (isValidIsoDate(value.startsOn) && isValidIsoDate(value.endsOn) && value.endsOn < value.startsOn)
    ctx.addIssue({ code: 'custom', path: ['endsOn'], message: 'before_starts_on' });
  value.targetGroups.forEach((group, index) => {
    if (value.targetGroups.findIndex((g) => g.kind === group.kind) < index)
      ctx.addIssue({ code: 'custom', path: ['targetGroups', index, 'kind'], message: 'duplicate_kind' });
  });
}

/** A new programme; its owner is the organisation of whoever creates it. */
export const programmeInput = z.object(programmeFields).superRefine(programmeRules);
export type ProgrammeInput = z.input<typeof programmeInput>;

/** A programme's new state, saved against the `version` it was read at. */
export const programmeUpdate = z.object({ ...programmeFields, version }).superRefine(programmeRules);
export type ProgrammeUpdate = z.input<typeof programmeUpdate>;
