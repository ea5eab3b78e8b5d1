import { describe, expect, it } from 'vitest';
import { type ActionPlan, type PlanGoal, planInput } from '../../../core/schemas/action-plan.schema.ts';
import {
  emptyGoalRow,
  rebaseRows,
  rowsFromPlan,
  toPlanInput,
  unchangedPlanInput,
} from './plan-form-values.ts';

const ids = {
  enrolment: '00000000-0000-4000-8000-000000000001',
  goalA: '00000000-0000-4000-8000-0000000000a1',
  goalB: '00000000-0000-4000-8000-0000000000b1',
  goalC: '00000000-0000-4000-8000-0000000000c1',
  step1: '00000000-0000-4000-8000-000000000051',
  step2: '00000000-0000-4000-8000-000000000052',
  activity1: '00000000-0000-4000-8000-000000000061',
  activity2: '00000000-0000-4000-8000-000000000062',
  activity3: '00000000-0000-4000-8000-000000000063',
  staff: '00000000-0000-4000-8000-0000000000f1',
};

function goal(id: string, ordinal: number, patch: Partial<PlanGoal> = {}): PlanGoal {
  return {
    id,
    ordinal,
    term: 'short',
    description: `Mål ${ordinal}`,
    targetOn: '2026-06-30',
    ownerUserId: null,
    ownerName: null,
    status: 'planned',
    occupationCode: null,
    occupationName: null,
    steps: [],
    activities: [],
    endedOn: null,
    ...patch,
  };
}

function plan(version: number, goals: PlanGoal[]): ActionPlan {
  return {
    enrolmentId: ids.enrolment,
    participantId: ids.enrolment,
    programmeId: ids.enrolment,
    programmeName: 'Etableringscentrum',
    version,
    reviewedOn: null,
    reviewedByName: null,
    closedOn: null,
    goals,
  };
}

describe('action plan form values', () => {
  it('turns rows into a plan input the schema accepts: participant as owner, no occupation as null', () => {
    const row = { ...emptyGoalRow('long'), description: 'Ta körkort B', targetOn: ' 2026-09-01 ' };
    const input = toPlanInput([row], 0);
    expect(input).toEqual({
      version: 0,
      goals: [
        {
          term: 'long',
          description: 'Ta körkort B',
          targetOn: '2026-09-01',
          ownerUserId: null,
          status: 'planned',
          occupationCode: null,
          stepIds: [],
          activityIds: [],
        },
      ],
    });
    expect(planInput.safeParse(input).success).toBe(true);
  });

  it('names the goal and field of what is wrong, as the server does', () => {
    const parsed = planInput.safeParse(
      toPlanInput(
        [
          {
            ...emptyGoalRow(),
            description: 'Ok',
            targetOn: '2026-01-01',
            occupation: { code: '53', name: 'Servicearbete' },
          },
        ],
        1,
      ),
    );
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues.map((i) => i.path.join('.'))).toEqual(['goals.0.occupationCode']);
  });

  it('saves a plan unchanged with its ids, owners, occupation, steps in order and activities', () => {
    const current = plan(3, [
      goal(ids.goalB, 2, {
        ownerUserId: ids.staff,
        ownerName: 'Sara',
        occupationCode: '5321',
        activities: [{ id: ids.activity1, name: 'SFI' }],
      }),
      goal(ids.goalA, 1, {
        steps: [
          { id: ids.step2, ordinal: 2, name: 'Två' },
          { id: ids.step1, ordinal: 1, name: 'Ett' },
        ],
      }),
    ]);
    const input = unchangedPlanInput(current);
    expect(input.version).toBe(3);
    expect(input.goals.map((g) => g.id)).toEqual([ids.goalA, ids.goalB]);
    expect(input.goals[0]?.stepIds).toEqual([ids.step1, ids.step2]);
    expect(input.goals[1]).toMatchObject({
      ownerUserId: ids.staff,
      occupationCode: '5321',
      activityIds: [ids.activity1],
    });
  });

  it('after a conflict keeps what the user changed, takes what the other saved, and adds their goals', () => {
    const base = plan(1, [goal(ids.goalA, 1), goal(ids.goalB, 2)]);
    const rows = rowsFromPlan(base);
    const [a, b] = rows;
    if (!a || !b) throw new Error('two rows');
    const mine = [
      { ...a, description: 'Mitt nya mål' },
      b,
      { ...emptyGoalRow('long'), description: 'Ett nytt mål', targetOn: '2027-01-01' },
    ];
    const current = plan(2, [
      goal(ids.goalA, 1, { description: 'Deras mål', status: 'in_progress' }),
      goal(ids.goalB, 2, { targetOn: '2026-12-31' }),
      goal(ids.goalC, 3, { description: 'Deras tillagda mål' }),
    ]);

    const rebased = rebaseRows(mine, base, current);
    expect(rebased.map((r) => r.description)).toEqual([
      'Mitt nya mål',
      'Mål 2',
      'Ett nytt mål',
      'Deras tillagda mål',
    ]);
    expect(rebased[0]?.status).toBe('in_progress');
    expect(rebased[1]?.targetOn).toBe('2026-12-31');
    expect(rebased.map((r) => r.id)).toEqual([ids.goalA, ids.goalB, null, ids.goalC]);
    // Saving again sends every saved goal, so none is dropped by mistake.
    expect(toPlanInput(rebased, current.version).goals.filter((g) => g.id)).toHaveLength(3);
  });

  it('after a conflict merges activities like any field: the user’s choice if changed, else the saved one', () => {
    const sfi = { id: ids.activity1, name: 'SFI' };
    const orientation = { id: ids.activity2, name: 'Samhällsorientering' };
    const guidance = { id: ids.activity3, name: 'Vägledning' };
    const base = plan(1, [
      goal(ids.goalA, 1, { activities: [sfi] }),
      goal(ids.goalB, 2, { activities: [sfi, orientation] }),
    ]);
    const [a, b] = rowsFromPlan(base);
    if (!a || !b) throw new Error('two rows');
    // The user adds an activity to A and only reorders B's; the other empties A and adds one to B.
    const mine = [
      { ...a, activityIds: [ids.activity1, ids.activity2] },
      { ...b, activityIds: [ids.activity2, ids.activity1] },
    ];
    const current = plan(2, [
      goal(ids.goalA, 1, { activities: [] }),
      goal(ids.goalB, 2, { activities: [guidance, orientation, sfi] }),
    ]);

    const rebased = rebaseRows(mine, base, current);
    expect(rebased.map((r) => [...r.activityIds].sort())).toEqual([
      [ids.activity1, ids.activity2],
      [ids.activity1, ids.activity2, ids.activity3],
    ]);
    expect(toPlanInput(rebased, 2).goals.map((g) => g.activityIds)).toEqual(
      rebased.map((r) => r.activityIds),
    );
  });

  it('after a conflict merges the occupation by its code, with its name for the combo box', () => {
    const nurse = { occupationCode: '5321', occupationName: 'Undersköterskor' };
    const base = plan(1, [goal(ids.goalA, 1, nurse), goal(ids.goalB, 2, nurse)]);
    const [a, b] = rowsFromPlan(base);
    if (!a || !b) throw new Error('two rows');
    expect(a.occupation).toEqual({ code: '5321', name: 'Undersköterskor' });
    // The user changes A's occupation and leaves B's; the other changes both.
    const mine = [{ ...a, occupation: { code: '5120', name: 'Kockar och kallskänkor' } }, b];
    const driver = { occupationCode: '8332', occupationName: 'Lastbilsförare m.fl.' };
    const current = plan(2, [goal(ids.goalA, 1, driver), goal(ids.goalB, 2, driver)]);

    const rebased = rebaseRows(mine, base, current);
    expect(rebased.map((r) => r.occupation)).toEqual([
      { code: '5120', name: 'Kockar och kallskänkor' },
      { code: '8332', name: 'Lastbilsförare m.fl.' },
    ]);
    expect(toPlanInput(rebased, 2).goals.map((g) => g.occupationCode)).toEqual(['5120', '8332']);
  });
});
