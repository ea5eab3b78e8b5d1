import { describe, expect, it } from 'vitest';
import { placementInput } from '../../../core/schemas/placement.schema.ts';
import {
  blankChoicesAsMissing,
  emptyPlacementValues,
  placementFieldPath,
  toPlacementInput,
  workingWeek,
} from './placement-form-values.ts';

const id = (n: number) => `00000000-0000-4000-8000-00000000000${n}`;

describe('toPlacementInput', () => {
  it('turns a filled form into input the schema accepts', () => {
    const input = toPlacementInput(
      emptyPlacementValues({
        enrolmentId: id(1),
        employer: { id: id(2), name: 'Bageriet AB', organisationNumber: '5560000001' },
        supervisorId: id(3),
        activityId: id(4),
        responsibleId: id(5),
        startsOn: '2026-12-07',
        endsOn: '2027-01-29',
        tasks: 'Bakning och disk.',
        goalIds: [id(6)],
      }),
    );
    const parsed = placementInput.parse(input);
    expect(parsed).toMatchObject({ employerId: id(2), openingId: null, goalIds: [id(6)] });
    expect(parsed.schedule).toEqual(
      [1, 2, 3, 4, 5].map((weekday) => ({ weekday, startTime: '08:00', endTime: '16:00' })),
    );
  });

  it('reports blank choices as missing, not malformed', () => {
    const values = emptyPlacementValues();
    const result = placementInput.safeParse(toPlacementInput(values));
    expect(result.success).toBe(false);
    const issues = blankChoicesAsMissing(result.error?.issues ?? [], values);
    const codes = Object.fromEntries(issues.map((i) => [i.path.join('.'), i.message]));
    for (const field of ['enrolmentId', 'employerId', 'supervisorId', 'activityId', 'responsibleId']) {
      expect(codes[field], field).toBe('required');
    }
    expect(codes.tasks).toBe('required');
    expect(codes.startsOn).toBeDefined();
  });

  it('keeps a chosen opening and a schedule row left blank', () => {
    const values = emptyPlacementValues({ openingId: id(7) });
    const input = toPlacementInput({
      ...values,
      schedule: [{ key: 'k', weekday: '', startTime: '', endTime: '' }],
    });
    expect(input.openingId).toBe(id(7));
    expect(input.schedule).toEqual([{ weekday: undefined, startTime: undefined, endTime: undefined }]);
  });
});

describe('placementFieldPath', () => {
  it('names the control of each error', () => {
    expect(placementFieldPath('employerId')).toBe('employerId');
    expect(placementFieldPath('schedule.1')).toBe('schedule.1.weekday');
    expect(placementFieldPath('schedule.1.endTime')).toBe('schedule.1.endTime');
    expect(placementFieldPath('goalIds.0')).toBe('goalIds');
    expect(placementFieldPath('version')).toBeUndefined();
  });

  it('offers a working week to start from', () => {
    expect(workingWeek().map((s) => s.weekday)).toEqual(['1', '2', '3', '4', '5']);
    expect(new Set(workingWeek().map((s) => s.key)).size).toBe(5);
  });
});
