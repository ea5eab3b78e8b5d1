import type { FollowUpStatus, LegalGender } from './enums.ts';

/** One follow-up as the goal figure sees it: the person's legal gender and the recorded status, if any. */
export type GoalFigureFollowUp = { legalGender: LegalGender; status: FollowUpStatus | null };

export type GoalFigurePart = {
  /** Recorded follow-ups in work, studies or own business. */
  numerator: number;
  /** All recorded follow-ups, unreachable ones included. */
  denominator: number;
  /** numerator / denominator in per cent with one decimal; null when nothing is recorded. */
  percent: number | null;
  /** Follow-ups not yet recorded: not counted, but shown so the figure is read with them in mind. */
  pending: number;
  goalReached: boolean;
};

export type GoalFigure = GoalFigurePart & { women: GoalFigurePart; men: GoalFigurePart };

/**
 * The statuses at follow-up that count as in work or studies. Own business is work. Seeking work, other and
 * unreachable count against the goal: a person not reached is not known to be in work or studies.
 */
export const workOrStudiesFollowUpStatuses = [
  'work',
  'studies',
  'own_business',
] as const satisfies readonly FollowUpStatus[];
const inWorkOrStudies: ReadonlySet<FollowUpStatus> = new Set(workOrStudiesFollowUpStatuses);

/** The programme's goal figure: the share in work or studies when followed up some days after exit. */
export function goalFigure(followUps: readonly GoalFigureFollowUp[], goalPercent: number): GoalFigure {
  return {
    ...part(followUps, goalPercent),
    women: part(
      followUps.filter((f) => f.legalGender === 'female'),
      goalPercent,
    ),
    men: part(
      followUps.filter((f) => f.legalGender === 'male'),
      goalPercent,
    ),
  };
}

function part(followUps: readonly GoalFigureFollowUp[], goalPercent: number): GoalFigurePart {
  let numerator = 0;
  let denominator = 0;
  let pending = 0;
  for (const { status } of followUps) {
    if (status === null) pending += 1;
    else {
      denominator += 1;
      if (inWorkOrStudies.has(status)) numerator += 1;
    }
  }
  // Integers first, so 1/8 is 12.5 and not 12.499999….
  const percent = denominator === 0 ? null : Math.round((numerator * 1000) / denominator) / 10;
  // Compared exactly, not on the rounded figure: 54.96 % does not reach a 55 % goal.
  const goalReached = denominator > 0 && numerator * 100 >= goalPercent * denominator;
  return { numerator, denominator, percent, pending, goalReached };
}
