import { z } from 'zod';
import { referralBases, referralStatuses } from '../enums.ts';
import { id, isoDate, optionalText, pageQuery, requiredText, version } from './common.ts';
import { participantInput } from './participant.schema.ts';

/** A referral either names a participant already registered or brings a new person. */
export const referralInput = z
  .object({
    participantId: id.nullish(),
    participant: participantInput.nullish(),
    programmeId: id,
    centreId: id,
    referringOfficer: requiredText(200),
    referringOffice: optionalText(200),
    referredOn: isoDate,
    basis: z.enum(referralBases, { message: 'invalid_choice' }),
    note: optionalText(4000),
  })
  .superRefine((value, ctx) => {
    if (!value.participantId && !value.participant) {
      ctx.addIssue({ code: 'custom', path: ['participant'], message: 'required' });
    }
  });
export type ReferralInput = z.input<typeof referralInput>;

export const referralListQuery = pageQuery.extend({
  status: z.enum(referralStatuses).optional(),
  open: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional(),
  centreId: id.optional(),
  participantId: id.optional(),
});

export const referralMeetingInput = z.object({
  // Outside four-digit years (in UTC) a time has the right shape but does not survive the database and back.
  meetingAt: z.iso.datetime({ offset: true }).refine(
    (v) => {
      const year = new Date(v).getUTCFullYear();
      return year >= 1000 && year <= 9999;
    },
    { message: 'invalid_value' },
  ),
  version,
});
export const referralCloseInput = z.object({
  status: z.enum(['declined', 'withdrawn']),
  reason: requiredText(1000),
  version,
});

export const referral = z.object({
  id,
  participantId: id,
  participantName: z.string(),
  identityNumber: z.string(),
  programmeId: id,
  programmeName: z.string(),
  centreId: id,
  centreName: z.string(),
  referringOfficer: z.string(),
  referringOffice: z.string().nullable(),
  referredOn: z.string(),
  basis: z.enum(referralBases),
  note: z.string().nullable(),
  status: z.enum(referralStatuses),
  meetingAt: z.string().nullable(),
  closedReason: z.string().nullable(),
  version: z.number().int(),
  createdAt: z.string(),
});
export type Referral = z.infer<typeof referral>;

export const referralList = z.object({
  items: z.array(referral),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});

export const referralImportInput = z.object({
  programmeId: id,
  centreId: id,
  csv: z.string().min(1, { message: 'required' }).max(5_000_000, { message: 'too_long' }),
});

export const referralImportReport = z.object({
  total: z.number().int(),
  created: z.number().int(),
  skipped: z.number().int(),
  failed: z.number().int(),
  rows: z.array(
    z.object({
      line: z.number().int(),
      outcome: z.enum(['created', 'skipped', 'failed']),
      referralId: id.nullable(),
      errors: z.array(z.object({ field: z.string(), code: z.string(), message: z.string() })),
    }),
  ),
});
export type ReferralImportReport = z.infer<typeof referralImportReport>;
