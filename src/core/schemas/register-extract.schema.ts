import { z } from 'zod';

/** The sections of a register extract, in the order they are shown; each is what one table holds about the person. */
export const registerExtractSectionKeys = [
  'identity',
  'identityHistory',
  'assignedStaff',
  'referrals',
  'consents',
  'enrolments',
  'enrolmentSteps',
  'checklistTicks',
  'followUps',
  'followUpAttempts',
  'assessments',
  'actionPlans',
  'planGoals',
  'planGoalSteps',
  'planGoalActivities',
  'planChanges',
  'journalEntries',
  'groupMemberships',
  'attendance',
  'placements',
  'placementGoals',
  'placementEvaluations',
  'retention',
  'accessLog',
] as const;
export type RegisterExtractSectionKey = (typeof registerExtractSectionKeys)[number];

/**
 * Every stored column of every row is the point of an extract, so a section's rows are open records (JSON as
 * the database renders it) rather than a listed presenter; the section keys are fixed.
 */
export const registerExtractSection = z.object({
  key: z.enum(registerExtractSectionKeys),
  title: z.string(),
  rows: z.array(z.record(z.string(), z.unknown())),
});

export const registerExtract = z.object({
  participantId: z.uuid(),
  name: z.string(),
  protectedIdentity: z.boolean(),
  generatedAt: z.string(),
  generatedBy: z.object({ userId: z.uuid(), name: z.string(), role: z.string() }),
  /** The data subject's rights, in Swedish. */
  rights: z.string(),
  /** What the extract says about data that is not in it, in Swedish. */
  notes: z.array(z.string()),
  sections: z.array(registerExtractSection),
});
export type RegisterExtract = z.infer<typeof registerExtract>;
