import { describe, expect, it } from 'vitest';
import { groupInput } from '../../../core/schemas/activity.schema.ts';
import { emptyGroupValues, groupFieldPath, toGroupInput } from './group-form-values.ts';

const activityId = '0b6f7d2e-3c1a-4f7e-9a51-2d6c8e4b1f00';
const centreId = '1c7a8e3f-4d2b-4a8f-8b62-3e7d9f5c2a11';
const leaderId = '2d8b9f4a-5e3c-4b9a-9c73-4f8e0a6d3b22';

describe('group form values', () => {
  it('turns a filled form into a valid group input', () => {
    const values = {
      ...emptyGroupValues(centreId),
      programmeId: 'any',
      activityId,
      name: ' SFI-förberedande A ',
      leaderId,
      room: '',
      startsOn: '2026-12-01',
      endsOn: '2027-01-31',
      schedule: [
        { key: 'a', weekday: '1', startTime: '09:00', endTime: '12:00' },
        { key: 'b', weekday: '4', startTime: '13:00', endTime: '15:30' },
      ],
    };
    const parsed = groupInput.parse(toGroupInput(values));
    expect(parsed).toEqual({
      activityId,
      centreId,
      name: 'SFI-förberedande A',
      leaderId,
      room: null,
      startsOn: '2026-12-01',
      endsOn: '2027-01-31',
      schedule: [
        { weekday: 1, startTime: '09:00', endTime: '12:00' },
        { weekday: 4, startTime: '13:00', endTime: '15:30' },
      ],
    });
  });

  it('leaves blank choices out, so the schema names them as missing', () => {
    const result = groupInput.safeParse(toGroupInput(emptyGroupValues()));
    expect(result.success).toBe(false);
    const paths = result.error?.issues.map((i) => i.path.join('.')) ?? [];
    expect(paths).toEqual(
      expect.arrayContaining([
        'activityId',
        'centreId',
        'name',
        'leaderId',
        'startsOn',
        'schedule.0.weekday',
      ]),
    );
  });

  it('finds the control of an error', () => {
    expect(groupFieldPath('schedule.1.endTime')).toBe('schedule.1.endTime');
    expect(groupFieldPath('schedule.1')).toBe('schedule.1.weekday');
    expect(groupFieldPath('schedule')).toBe('schedule');
    expect(groupFieldPath('version')).toBeUndefined();
  });
});
