import { describe, expect, it } from 'vitest';
import {
  type DashboardScope,
  enrolmentFilterParams,
  figureFilter,
  monthCount,
  monthsOf,
  reachesGoal,
  share,
} from './dashboard.ts';

const scope: DashboardScope = {
  programmeId: 'p',
  from: '2025-11-15',
  to: '2026-02-10',
  centreId: 'c',
  municipality: null,
  targetGroup: 'short_educated',
};

describe('monthsOf', () => {
  it('gives each month of the period with its days inside it, leap days included', () => {
    expect(monthsOf({ from: '2023-12-20', to: '2024-03-05' })).toEqual([
      { month: '2023-12', from: '2023-12-20', to: '2023-12-31' },
      { month: '2024-01', from: '2024-01-01', to: '2024-01-31' },
      { month: '2024-02', from: '2024-02-01', to: '2024-02-29' },
      { month: '2024-03', from: '2024-03-01', to: '2024-03-05' },
    ]);
    expect(monthsOf({ from: '2026-04-03', to: '2026-04-03' })).toEqual([
      { month: '2026-04', from: '2026-04-03', to: '2026-04-03' },
    ]);
    expect(monthCount({ from: '2025-01-31', to: '2034-12-01' })).toBe(120);
    expect(monthsOf({ from: '9999-11-15', to: '9999-12-31' }).map((m) => m.month)).toEqual([
      '9999-11',
      '9999-12',
    ]);
    expect(monthsOf({ from: '2026-05-01', to: '2026-04-30' })).toEqual([]);
  });
});

describe('share and reachesGoal', () => {
  it('rounds a half up and compares the goal exactly', () => {
    expect(share(1, 8)).toEqual({ numerator: 1, denominator: 8, percent: 12.5 });
    expect(share(58, 800).percent).toBe(7.3);
    expect(share(0, 0).percent).toBeNull();
    // 54.96 % shows as 55.0 % but does not reach 55 %.
    expect(share(1374, 2500).percent).toBe(55);
    expect(reachesGoal(share(1374, 2500), 55)).toBe(false);
    expect(reachesGoal(share(11, 20), 55)).toBe(true);
    expect(reachesGoal(share(0, 0), 0)).toBe(false);
  });
});

describe('figureFilter', () => {
  it('carries the scope and the figure’s own conditions', () => {
    expect(figureFilter(scope, { kind: 'active', stepId: 's' }, 'female')).toEqual({
      programmeId: 'p',
      enrolmentCentreId: 'c',
      targetGroup: 'short_educated',
      legalGender: 'female',
      activeOn: '2026-02-10',
      stepId: 's',
    });
    expect(figureFilter(scope, { kind: 'exitedToWorkOrStudies' }).outcome).toContain('own_business');
    expect(figureFilter(scope, { kind: 'exitedToWorkOrStudies' }).outcome).not.toContain('moved');
    expect(figureFilter(scope, { kind: 'followUpPending' })).toMatchObject({
      exitedFrom: '2025-11-15',
      exitedTo: '2026-02-10',
      followUp: ['pending'],
    });
  });

  it('keeps a month’s figure inside the period', () => {
    expect(figureFilter(scope, { kind: 'enrolledInMonth', month: '2025-11' })).toMatchObject({
      enrolledFrom: '2025-11-15',
      enrolledTo: '2025-11-30',
    });
    expect(figureFilter(scope, { kind: 'exitedInMonth', month: '2026-02' })).toMatchObject({
      exitedFrom: '2026-02-01',
      exitedTo: '2026-02-10',
    });
  });

  it('becomes the list’s query parameters, lists comma-separated', () => {
    expect(enrolmentFilterParams(figureFilter(scope, { kind: 'followedUpInWorkOrStudies' }, 'male'))).toEqual(
      [
        ['programmeId', 'p'],
        ['enrolmentCentreId', 'c'],
        ['targetGroup', 'short_educated'],
        ['legalGender', 'male'],
        ['exitedFrom', '2025-11-15'],
        ['exitedTo', '2026-02-10'],
        ['followUp', 'work,studies,own_business'],
      ],
    );
  });
});
