import { type SfiCourse, sfiCourses } from './schemas/assessment.schema.ts';

// Matching participants and openings (issue 5). The rules live here as data: the matching repository builds its
// SQL score from these weights, so the order of a list and the reasons shown beside it can never disagree.

/**
 * The reasons, in the order they are shown. Each one, and its `detail`:
 * - occupation_goal: an open goal (planned, in progress) of an open action plan of an active enrolment aims at
 *   the opening's occupation (SSYK 2012 unit group). Detail: the code.
 * - occupation_goal_group: no goal has the code, but one is in the same SSYK minor group (its first three
 *   digits). Detail: the goal's code.
 * - earlier_occupation: the latest mapping's work experience has the opening's code. Detail: the most years.
 * - swedish_level: the opening requires an SFI course, and the latest mapping's course reaches it in the order
 *   A < B < C < D < completed; unmet when lower or unknown. Detail: the participant's course, if known.
 * - driving_licence: the opening requires a driving licence and the latest mapping records licence B; unmet
 *   otherwise. Detail: the licence recorded, if any.
 * - education_level: the opening requires an education level and the participant's SUN 2020 level (the
 *   participant's own, else the latest mapping's) reaches it by its first digit; unmet when lower or unknown.
 *   Detail: the participant's SUN code, if known.
 * - local: the opening is in the municipality of a centre the participant is enrolled at, or of their home.
 *   Detail: 'centre' or 'home'.
 * - available: an active enrolment (only those are matched; placements will narrow this later). Detail: the
 *   planned end date.
 */
export const matchReasonCodes = [
  'occupation_goal',
  'occupation_goal_group',
  'earlier_occupation',
  'swedish_level',
  'driving_licence',
  'education_level',
  'local',
  'available',
] as const;
export type MatchReasonCode = (typeof matchReasonCodes)[number];

export type MatchWeight = { readonly met: number; readonly unmet: number };

/**
 * Points per reason: `met` when it holds; `unmet` when the opening requires something the participant does
 * not have, a negative reason that lowers the rank but never excludes. A reason neither met nor unmet (no
 * requirement, nothing in common) is not shown and counts 0. The score is the sum.
 */
export const matchWeights = {
  occupation_goal: { met: 40, unmet: 0 },
  occupation_goal_group: { met: 20, unmet: 0 },
  earlier_occupation: { met: 25, unmet: 0 },
  swedish_level: { met: 15, unmet: -15 },
  driving_licence: { met: 10, unmet: -10 },
  education_level: { met: 10, unmet: -10 },
  local: { met: 10, unmet: 0 },
  available: { met: 5, unmet: 0 },
} as const satisfies Record<MatchReasonCode, MatchWeight>;

/** The SFI courses from lowest to highest: a course meets a requirement at or below it. */
export const sfiCourseOrder: readonly SfiCourse[] = sfiCourses;

/** The licence that meets an opening's driving licence requirement. */
export const requiredDrivingLicence = 'B';

/** Where a reason stands for one participant and one opening; null: not applicable, not shown. */
export type MatchReasonState = 'met' | 'unmet' | null;

export type MatchReason = { code: MatchReasonCode; met: boolean; detail?: string };

/** The reasons to show, in display order, from each reason's state and detail. */
export function matchReasons(
  states: Record<MatchReasonCode, { state: MatchReasonState; detail: string | null }>,
): MatchReason[] {
  const reasons: MatchReason[] = [];
  for (const code of matchReasonCodes) {
    const { state, detail } = states[code];
    if (state === null) continue;
    reasons.push(detail === null ? { code, met: state === 'met' } : { code, met: state === 'met', detail });
  }
  return reasons;
}

/** The points a reason gives. */
export function reasonPoints(reason: Pick<MatchReason, 'code' | 'met'>): number {
  const weight: MatchWeight = matchWeights[reason.code];
  return reason.met ? weight.met : weight.unmet;
}

/** The score of a match: the sum of its reasons' points. */
export function matchScore(reasons: readonly Pick<MatchReason, 'code' | 'met'>[]): number {
  return reasons.reduce((sum, reason) => sum + reasonPoints(reason), 0);
}
