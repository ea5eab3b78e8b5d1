import { z } from 'zod';
import { openingKinds } from '../enums.ts';
import { matchReasonCodes } from '../matching.ts';
import { id } from './common.ts';

// Matching participants and openings (issue 5): ranked lists with the reasons behind each rank (core/matching.ts).

export const matchQuery = z.object({
  limit: z.coerce.number().int().min(1).max(100).default(20),
});

/** A reason to phrase in the UI from its code; `detail` is the value it rests on (see core/matching.ts). */
export const matchReason = z.object({
  code: z.enum(matchReasonCodes),
  met: z.boolean(),
  detail: z.string().optional(),
});
export type MatchReasonBody = z.infer<typeof matchReason>;

/** The participants an opening suits best, among those the actor may see; best first, then by name. */
export const openingMatches = z.object({
  openingId: id,
  items: z.array(
    z.object({
      participantId: id,
      firstName: z.string(),
      lastName: z.string(),
      centreName: z.string(),
      score: z.number().int(),
      reasons: z.array(matchReason),
    }),
  ),
});
export type OpeningMatches = z.infer<typeof openingMatches>;

/** The open openings that suit a participant best; best first, then by employer and title. */
export const participantMatches = z.object({
  participantId: id,
  items: z.array(
    z.object({
      openingId: id,
      title: z.string(),
      employerId: id,
      employerName: z.string(),
      kind: z.enum(openingKinds),
      occupationName: z.string(),
      municipalityName: z.string().nullable(),
      score: z.number().int(),
      reasons: z.array(matchReason),
    }),
  ),
});
export type ParticipantMatches = z.infer<typeof participantMatches>;
