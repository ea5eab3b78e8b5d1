import { z } from 'zod';
import { accessReviewOutcomes, roles } from '../enums.ts';
import { monthParam } from './activity.schema.ts';
import { id, optionalText, version } from './common.ts';

/** How many accesses a monthly review samples (all of them when the month has fewer). */
export const accessReviewSampleSize = 20;

export const accessReviewInput = z.object({ month: monthParam });

export const accessReviewSummary = z.object({
  id,
  month: z.string(),
  createdByName: z.string(),
  createdAt: z.string(),
  itemCount: z.number().int(),
  decidedCount: z.number().int(),
  flaggedCount: z.number().int(),
});
export const accessReviewList = z.object({ items: z.array(accessReviewSummary) });

/** A sampled access and the administrator's decision; the participant masked as in the per-user log. */
export const accessReviewItem = z.object({
  id,
  ordinal: z.number().int(),
  outcome: z.enum(accessReviewOutcomes),
  note: z.string().nullable(),
  decidedByName: z.string().nullable(),
  decidedAt: z.string().nullable(),
  version: z.number().int(),
  accessLogId: z.number().int(),
  at: z.string(),
  userId: id,
  userName: z.string(),
  role: z.enum(roles),
  centreName: z.string().nullable(),
  action: z.string(),
  what: z.string(),
  participantId: id.nullable(),
  participantName: z.string().nullable(),
  protectedIdentity: z.boolean(),
  linkable: z.boolean(),
});
export type AccessReviewItem = z.infer<typeof accessReviewItem>;

export const accessReviewDetail = accessReviewSummary.extend({ items: z.array(accessReviewItem) });
export type AccessReviewDetail = z.infer<typeof accessReviewDetail>;

/** A decision. A flag says why: the note is required with it. */
export const accessReviewDecision = z
  .object({
    outcome: z.enum(accessReviewOutcomes, { message: 'invalid_choice' }),
    note: optionalText(2000),
    version,
  })
  .superRefine((value, ctx) => {
    if (value.outcome === 'flagged' && !value.note)
      ctx.addIssue({ code: 'custom', path: ['note'], message: 'required' });
  });
export type AccessReviewDecision = z.input<typeof accessReviewDecision>;
