import { describe, expect, it } from 'vitest';
import type { FollowUpStatus, LegalGender } from './enums.ts';
import { type GoalFigureFollowUp, goalFigure } from './goal-figure.ts';

function many(n: number, legalGender: LegalGender, status: FollowUpStatus | null): GoalFigureFollowUp[] {
  return Array.from({ length: n }, () => ({ legalGender, status }));
}

describe('goalFigure', () => {
  it('computes a cohort with known answers, split by legal gender', () => {
    // Women: 3 work, 1 studies, 1 own business, 2 seeking work, 1 unreachable, 2 open → 5 of 8.
    // Men: 2 work, 1 other, 1 unreachable, 1 open → 2 of 4. Unknown gender: 1 studies → counted in the total.
    const cohort = [
      ...many(3, 'female', 'work'),
      ...many(1, 'female', 'studies'),
      ...many(1, 'female', 'own_business'),
      ...many(2, 'female', 'seeking_work'),
      ...many(1, 'female', 'unreachable'),
      ...many(2, 'female', null),
      ...many(2, 'male', 'work'),
      ...many(1, 'male', 'other'),
      ...many(1, 'male', 'unreachable'),
      ...many(1, 'male', null),
      ...many(1, 'unknown', 'studies'),
    ];

    const figure = goalFigure(cohort, 55);

    expect(figure).toEqual({
      numerator: 8,
      denominator: 13,
      percent: 61.5,
      pending: 3,
      goalReached: true,
      women: { numerator: 5, denominator: 8, percent: 62.5, pending: 2, goalReached: true },
      men: { numerator: 2, denominator: 4, percent: 50, pending: 1, goalReached: false },
    });
  });

  it('gives no percent and no goal reached for an empty cohort, or one with only open follow-ups', () => {
    const empty = { numerator: 0, denominator: 0, percent: null, pending: 0, goalReached: false };
    expect(goalFigure([], 55)).toEqual({ ...empty, women: empty, men: empty });
    const open = goalFigure(many(4, 'female', null), 55);
    expect(open).toMatchObject({ denominator: 0, percent: null, pending: 4, goalReached: false });
    expect(open.women.pending).toBe(4);
  });

  it('counts people who could not be reached in the denominator: all unreachable is 0 %', () => {
    const figure = goalFigure([...many(3, 'female', 'unreachable'), ...many(2, 'male', 'unreachable')], 55);
    expect(figure).toMatchObject({ numerator: 0, denominator: 5, percent: 0, goalReached: false });
    expect(figure.men).toMatchObject({ numerator: 0, denominator: 2, percent: 0 });
  });

  it('rounds to one decimal, half up', () => {
    // 1/3 = 33.33… → 33.3; 2/3 = 66.66… → 66.7; 1/8 = 12.5; 1/16 = 6.25 → 6.3.
    expect(goalFigure([...many(1, 'male', 'work'), ...many(2, 'male', 'other')], 55).percent).toBe(33.3);
    expect(goalFigure([...many(2, 'male', 'work'), ...many(1, 'male', 'other')], 55).percent).toBe(66.7);
    expect(goalFigure([...many(1, 'male', 'work'), ...many(7, 'male', 'other')], 55).percent).toBe(12.5);
    expect(goalFigure([...many(1, 'male', 'work'), ...many(15, 'male', 'other')], 55).percent).toBe(6.3);
  });

  it('reaches the goal exactly at the goal percent, and not just below it even when it rounds up', () => {
    const atGoal = goalFigure([...many(11, 'female', 'work'), ...many(9, 'female', 'other')], 55);
    expect(atGoal).toMatchObject({ percent: 55, goalReached: true });
    // 1099/2000 = 54.95 % shows as 55.0 (rounded) but does not reach 55 %.
    const below = goalFigure([...many(1099, 'female', 'work'), ...many(901, 'female', 'other')], 55);
    expect(below).toMatchObject({ percent: 55, goalReached: false });
  });
});
