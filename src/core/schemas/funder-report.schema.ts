import { z } from 'zod';
import { funderReportCheckModes, labourMarketStatuses, legalGenders } from '../enums.ts';
import { id, isoDate } from './common.ts';
import { genderCounts } from './dashboard.schema.ts';

// The funder's reports (ESF): the monthly participant file for Statistics Sweden, the common indicators,
// co-financing from attendance, and the check before export. Rules live in core/funder-report.ts.

/** YYYY-MM */
export const yearMonth = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, { message: 'invalid_format' });

export const exportFormats = ['json', 'csv', 'xlsx'] as const;
const format = z.enum(exportFormats, { message: 'invalid_choice' }).default('json');

/** The ESF's age bands, at the start of the enrolment. */
export const ageBands = ['under_25', 'from_25_to_54', 'over_54', 'unknown'] as const;
export type AgeBand = (typeof ageBands)[number];
/** Education by ISCED 2011 bands, from the participant's SUN 2020 level. */
export const educationBands = ['isced_0_2', 'isced_3_4', 'isced_5_8', 'unknown'] as const;
export type EducationBand = (typeof educationBands)[number];

/** What the check before export found wrong with one participant's data. */
export const dataProblemCodes = [
  'no_personal_identity_number',
  'no_birth_date',
  'unknown_legal_gender',
  'no_education_level',
  'no_labour_market_status',
  'no_funder_reporting_consent',
  'start_outside_programme',
  'exit_outside_programme',
] as const;
export type DataProblemCode = (typeof dataProblemCodes)[number];

export const dataProblem = z.object({
  /** Null for a protected person: the reports name them by the masked number only, and only assigned staff fix. */
  participantId: id.nullable(),
  enrolmentId: id,
  /** The name as the actor may see it: a protected person is shown by the masked number only. */
  name: z.string(),
  problems: z.array(z.enum(dataProblemCodes)),
});

/** The check before an export: the participants in it whose data is missing or inconsistent. */
export const dataCheck = z.object({
  mode: z.enum(funderReportCheckModes),
  /** True when the programme refuses export while problems remain. */
  blocked: z.boolean(),
  participants: z.array(dataProblem),
});

// ---------------------------------------------------------------- the monthly participant file

export const monthlyFileQuery = z.object({ format });
export const monthlyFileParams = z.object({ id, month: yearMonth });

export const monthlyFileRow = z.object({
  enrolmentId: id,
  /** Null for a protected person, who is in the file by the masked number only. */
  participantId: id.nullable(),
  /** 12 digits, or for protected identity the masked form YYYYMMDDTF29 (women) / YYYYMMDDTF19 (men). */
  identityNumber: z.string().nullable(),
  masked: z.boolean(),
  legalGender: z.enum(legalGenders),
  startsOn: z.string(),
  /** Only when the enrolment ended on or before the month's last day. */
  endsOn: z.string().nullable(),
  ageBand: z.enum(ageBands),
  education: z.enum(educationBands),
  labourMarketStatus: z.enum(labourMarketStatuses).nullable(),
});

/** A month's state towards Statistics Sweden. */
export const monthStatuses = ['not_due', 'not_submitted', 'submitted', 'changed', 'resubmit'] as const;
export type MonthStatus = (typeof monthStatuses)[number];

export const monthlyFile = z.object({
  programme: z.object({ id, name: z.string(), funderProjectNumber: z.string().nullable() }),
  month: z.string(),
  /** Who started and who ended in the month, in date order. */
  rows: z.array(monthlyFileRow),
  /** SHA-256 of the rows; send it back when marking the month as submitted. */
  fingerprint: z.string(),
  status: z.enum(monthStatuses),
  check: dataCheck,
});

/** Every month of the programme so far, with its state and the last submission. */
export const monthlyFileOverview = z.object({
  programme: z.object({ id, name: z.string(), funderProjectNumber: z.string().nullable() }),
  months: z.array(
    z.object({
      month: z.string(),
      status: z.enum(monthStatuses),
      started: z.number().int(),
      ended: z.number().int(),
      lastSubmission: z
        .object({ submittedAt: z.string(), submittedBy: z.string(), rowCount: z.number().int() })
        .nullable(),
      /** For `resubmit`: the earliest earlier month whose correction causes it. */
      becauseOf: z.string().nullable(),
    }),
  ),
});

export const monthlyFileSubmission = z.object({ fingerprint: z.string().regex(/^[0-9a-f]{64}$/) });

// ---------------------------------------------------------------- the common indicators

export const periodQuery = z
  .object({ from: isoDate.optional(), to: isoDate.optional(), format })
  .superRefine((value, ctx) => {
    if (value.from && value.to && value.to < value.from)
      ctx.addIssue({ code: 'custom', path: ['to'], message: 'end_before_start' });
  });

export const indicatorCell = z.object({
  legalGender: z.enum(legalGenders),
  ageBand: z.enum(ageBands),
  education: z.enum(educationBands),
  labourMarketStatus: z.enum([...labourMarketStatuses, 'unknown']),
  count: z.number().int(),
});

export const commonIndicators = z.object({
  from: z.string(),
  to: z.string(),
  /** Participants who started in the period. */
  total: genderCounts,
  byAgeBand: z.array(z.object({ key: z.enum(ageBands), counts: genderCounts })),
  byEducation: z.array(z.object({ key: z.enum(educationBands), counts: genderCounts })),
  byLabourMarketStatus: z.array(
    z.object({ key: z.enum([...labourMarketStatuses, 'unknown']), counts: genderCounts }),
  ),
  /** The full cross-table, only combinations that occur. */
  cells: z.array(indicatorCell),
  check: dataCheck,
});

// ---------------------------------------------------------------- co-financing

export const cofinancing = z.object({
  from: z.string(),
  to: z.string(),
  /** SEK per attended hour; null when the programme has none set (amounts are then null). */
  hourlyRate: z.number().nullable(),
  months: z.array(
    z.object({
      month: z.string(),
      /** Attended hours, two decimals, by legal gender. */
      hours: z.object({ female: z.number(), male: z.number(), unknown: z.number(), total: z.number() }),
      amount: z.number().nullable(),
    }),
  ),
  total: z.object({
    hours: z.object({ female: z.number(), male: z.number(), unknown: z.number(), total: z.number() }),
    amount: z.number().nullable(),
  }),
});

export type MonthlyFile = z.infer<typeof monthlyFile>;
export type MonthlyFileOverview = z.infer<typeof monthlyFileOverview>;
export type CommonIndicators = z.infer<typeof commonIndicators>;
export type Cofinancing = z.infer<typeof cofinancing>;
export type DataCheck = z.infer<typeof dataCheck>;
