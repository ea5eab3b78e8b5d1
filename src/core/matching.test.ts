import { describe, expect, it } from 'vitest';
import {
  type MatchReasonCode,
  type MatchReasonState,
  matchReasonCodes,
  matchReasons,
  matchScore,
  matchWeights,
  reasonPoints,
  sfiCourseOrder,
} from './matching.ts';

function states(given: Partial<Record<MatchReasonCode, { state: MatchReasonState; detail: string | null }>>) {
  return Object.fromEntries(
    matchReasonCodes.map((code) => [code, given[code] ?? { state: null, detail: null }]),
  ) as Record<MatchReasonCode, { state: MatchReasonState; detail: string | null }>;
}

describe('matchWeights', () => {
  it('makes an occupation goal the strongest reason, above its minor group and earlier work', () => {
    const strongest = Math.max(...matchReasonCodes.map((c) => matchWeights[c].met));
    expect(matchWeights.occupation_goal.met).toBe(strongest);
    expect(matchWeights.occupation_goal_group.met).toBeLessThan(matchWeights.occupation_goal.met);
    expect(matchWeights.earlier_occupation.met).toBeLessThan(matchWeights.occupation_goal.met);
  });

  it('counts an unmet requirement against, and nothing else', () => {
    for (const code of matchReasonCodes) {
      expect(matchWeights[code].met, code).toBeGreaterThan(0);
      expect(matchWeights[code].unmet, code).toBeLessThanOrEqual(0);
    }
    const requirements = matchReasonCodes.filter((c) => matchWeights[c].unmet < 0);
    expect(requirements).toEqual(['swedish_level', 'driving_licence', 'education_level']);
  });
});

describe('sfiCourseOrder', () => {
  it('runs A < B < C < D < completed', () => {
    expect(sfiCourseOrder).toEqual(['A', 'B', 'C', 'D', 'completed']);
  });
});

describe('matchReasons', () => {
  it('lists the applicable reasons in display order, with their details', () => {
    const reasons = matchReasons(
      states({
        available: { state: 'met', detail: '2027-11-15' },
        driving_licence: { state: 'unmet', detail: null },
        occupation_goal: { state: 'met', detail: '5321' },
        local: { state: null, detail: null },
      }),
    );
    expect(reasons).toEqual([
      { code: 'occupation_goal', met: true, detail: '5321' },
      { code: 'driving_licence', met: false },
      { code: 'available', met: true, detail: '2027-11-15' },
    ]);
  });
});

describe('matchScore', () => {
  it('sums the points of each reason by whether it is met', () => {
    const reasons = [
      { code: 'occupation_goal', met: true },
      { code: 'swedish_level', met: false },
      { code: 'driving_licence', met: true },
      { code: 'available', met: true },
    ] as const;
    expect(reasons.map(reasonPoints)).toEqual([40, -15, 10, 5]);
    expect(matchScore(reasons)).toBe(40);
    expect(matchScore([])).toBe(0);
  });
});
