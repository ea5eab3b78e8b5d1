import { describe, expect, it } from 'vitest';
import { diffPlanGoals, type PlanGoalView } from './action-plan-diff.ts';

const a = '00000000-0000-4000-8000-00000000000a';
const b = '00000000-0000-4000-8000-00000000000b';
const staff = '00000000-0000-4000-8000-000000000001';
const bas = { id: '00000000-0000-4000-8000-000000000102', ordinal: 2, name: 'Bas' };
const sprak = { id: '00000000-0000-4000-8000-000000000103', ordinal: 3, name: 'Språk' };
const praktik = { id: '00000000-0000-4000-8000-000000000106', ordinal: 6, name: 'Praktik' };
const sfi = { id: '00000000-0000-4000-8000-000000000201', name: 'SFI kurs C' };
const orientation = { id: '00000000-0000-4000-8000-000000000202', name: 'Samhällsorientering' };
const guidance = { id: '00000000-0000-4000-8000-000000000203', name: 'Studie- och yrkesvägledning' };

const language: PlanGoalView = {
  id: a,
  ordinal: 1,
  term: 'short',
  description: 'Klara SFI kurs C',
  targetOn: '2026-06-30',
  ownerUserId: null,
  ownerName: null,
  status: 'planned',
  occupationCode: null,
  occupationName: null,
  steps: [sprak],
  activities: [sfi],
};
const work: PlanGoalView = {
  id: b,
  ordinal: 2,
  term: 'long',
  description: 'Arbete som undersköterska',
  targetOn: '2027-06-30',
  ownerUserId: staff,
  ownerName: 'Sara Lind',
  status: 'in_progress',
  occupationCode: '5321',
  occupationName: 'Undersköterskor',
  steps: [praktik, bas],
  activities: [],
};

describe('diffPlanGoals', () => {
  it('gives one "goal" change per new goal, from nothing to its description', () => {
    expect(diffPlanGoals([], [language, work])).toEqual([
      { goalId: a, goal: 'Klara SFI kurs C', field: 'goal', from: null, to: 'Klara SFI kurs C' },
      {
        goalId: b,
        goal: 'Arbete som undersköterska',
        field: 'goal',
        from: null,
        to: 'Arbete som undersköterska',
      },
    ]);
  });

  it('gives nothing for goals saved unchanged, whatever order their steps come in', () => {
    const reordered = { ...language, activities: [orientation, sfi] };
    expect(
      diffPlanGoals(
        [{ ...language, activities: [sfi, orientation] }, work],
        [reordered, { ...work, steps: [bas, praktik] }],
      ),
    ).toEqual([]);
  });

  it('names each changed field with readable values, in a fixed order, under the new description', () => {
    const changed: PlanGoalView = {
      ...language,
      term: 'long',
      description: 'Klara SFI kurs D',
      targetOn: '2026-12-31',
      ownerUserId: staff,
      ownerName: 'Sara Lind',
      status: 'achieved',
      occupationCode: '5321',
      occupationName: 'Undersköterskor',
      steps: [praktik, sprak],
      activities: [sfi, guidance, orientation],
    };
    expect(diffPlanGoals([language], [changed])).toEqual(
      [
        ['term', 'short', 'long'],
        ['description', 'Klara SFI kurs C', 'Klara SFI kurs D'],
        ['targetOn', '2026-06-30', '2026-12-31'],
        ['owner', null, 'Sara Lind'],
        ['status', 'planned', 'achieved'],
        ['occupation', null, '5321 Undersköterskor'],
        ['steps', 'Språk', 'Språk, Praktik'],
        // Swedish order by name: 'Samhällsorientering' before 'SFI kurs C'.
        ['activities', 'SFI kurs C', 'Samhällsorientering, SFI kurs C, Studie- och yrkesvägledning'],
      ].map(([field, from, to]) => ({ goalId: a, goal: 'Klara SFI kurs D', field, from, to })),
    );
  });

  it('gives the owner back to the participant as null, and clears occupation, steps and activities to null', () => {
    const cleared = {
      ...work,
      activities: [],
      ownerUserId: null,
      ownerName: null,
      occupationCode: null,
      occupationName: null,
      steps: [],
    };
    const withActivities = { ...work, activities: [guidance, orientation] };
    expect(diffPlanGoals([withActivities], [cleared]).map((c) => [c.field, c.from, c.to])).toEqual([
      ['owner', 'Sara Lind', null],
      ['occupation', '5321 Undersköterskor', null],
      ['steps', 'Bas, Praktik', null],
      ['activities', 'Samhällsorientering, Studie- och yrkesvägledning', null],
    ]);
  });

  it('records a new position as the ordinal, goal by goal in the new order', () => {
    const moved = diffPlanGoals(
      [language, work],
      [
        { ...work, ordinal: 1 },
        { ...language, ordinal: 2 },
      ],
    );
    expect(moved).toEqual([
      { goalId: b, goal: 'Arbete som undersköterska', field: 'ordinal', from: '2', to: '1' },
      { goalId: a, goal: 'Klara SFI kurs C', field: 'ordinal', from: '1', to: '2' },
    ]);
  });

  it('tells a change of owner by id even when two staff share a name', () => {
    const other = { ...work, ownerUserId: '00000000-0000-4000-8000-000000000002' };
    expect(diffPlanGoals([work], [other])).toEqual([
      { goalId: b, goal: work.description, field: 'owner', from: 'Sara Lind', to: 'Sara Lind' },
    ]);
  });
});
