import { z } from 'zod';
import { organisationKinds, targetGroupKinds } from '../enums.ts';
import { id } from './common.ts';

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
  ownerOrganisation: organisation,
  organisations: z.array(organisation),
  centres: z.array(centre),
  targetGroups: z.array(
    z.object({ id, kind: z.enum(targetGroupKinds), name: z.string(), maxDurationMonths: z.number().int() }),
  ),
  steps: z.array(z.object({ id, ordinal: z.number().int(), name: z.string() })),
});
export type Programme = z.infer<typeof programme>;
export const programmeList = z.object({ items: z.array(programme) });

export const referenceItem = z.object({ code: z.string(), name: z.string() });
export const referenceList = z.object({ items: z.array(referenceItem) });
