import { z } from 'zod';
import { retentionRules } from '../enums.ts';
import { id } from './common.ts';

/** How many people one confirmed run may name (a larger backlog is worked off by the command line or in turns). */
export const maxRetentionRun = 5000;

/** Who has expired, counted by the programme and rule that decided it: ids only, no personal data. */
export const retentionGroup = z.object({
  rule: z.enum(retentionRules),
  programmeId: id.nullable(),
  programmeName: z.string().nullable(),
  count: z.number().int(),
});

export const retentionPreview = z.object({
  asOf: z.string(),
  total: z.number().int(),
  groups: z.array(retentionGroup),
  /** How many a confirmed run anonymises now: all of them, or the first `maxRetentionRun`. */
  batch: z.number().int(),
  /**
   * SHA-256 of the day and of the people in the batch. The run anonymises them only while the fingerprint still
   * holds, so exactly those previewed and no one who expired since; the answer itself names no one, not even by id.
   */
  fingerprint: z.string(),
});
export type RetentionPreview = z.infer<typeof retentionPreview>;

/** A confirmed run: the fingerprint of the preview the administrator saw. */
export const retentionRunInput = z.object({
  fingerprint: z.string().regex(/^[0-9a-f]{64}$/),
});
export type RetentionRunInput = z.input<typeof retentionRunInput>;

export const retentionRunResult = z.object({
  runId: id.nullable(),
  asOf: z.string(),
  anonymised: z.number().int(),
  groups: z.array(retentionGroup),
});
export type RetentionRunResult = z.infer<typeof retentionRunResult>;

export const retentionRun = z.object({
  id,
  asOf: z.string(),
  anonymised: z.number().int(),
  ranAt: z.string(),
  /** Null: the command line (a scheduled job). */
  runByName: z.string().nullable(),
  wholeInstallation: z.boolean(),
});
export const retentionRunList = z.object({ items: z.array(retentionRun) });
export type RetentionRunList = z.infer<typeof retentionRunList>;
