import { describe, expect, it } from 'vitest';
import { activityInput } from '../../../core/schemas/activity.schema.ts';
import { activityValues, emptyActivityValues, toActivityInput } from './activity-form-values.ts';

const stepId = '0b6f7d2e-3c1a-4f7e-9a51-2d6c8e4b1f00';
const targetGroupId = '1c7a8e3f-4d2b-4a8f-8b62-3e7d9f5c2a11';

describe('activity form values', () => {
  it('turns a filled form into a valid activity input', () => {
    const values = {
      ...emptyActivityValues(),
      name: 'Samhällsorientering på arabiska',
      type: 'civic_orientation',
      stepId,
      plannedHours: '100',
      deliveryLanguage: 'ar',
      mandatoryTargetGroupIds: [targetGroupId],
    };
    expect(activityInput.parse(toActivityInput(values))).toEqual({
      name: 'Samhällsorientering på arabiska',
      type: 'civic_orientation',
      stepId,
      plannedHours: 100,
      deliveryLanguage: 'ar',
      interpreter: false,
      description: null,
      mandatoryTargetGroupIds: [targetGroupId],
      active: true,
    });
  });

  it('reports a blank type and hours as missing and no step as none', () => {
    const result = activityInput.safeParse(toActivityInput({ ...emptyActivityValues(), name: 'Praktik' }));
    expect(result.success).toBe(false);
    const issues = result.error?.issues.map((i) => [i.path.join('.'), i.message]);
    expect(issues).toEqual(
      expect.arrayContaining([
        ['type', 'invalid_choice'],
        ['plannedHours', 'required'],
      ]),
    );
    expect(toActivityInput(emptyActivityValues()).stepId).toBeNull();
  });

  it('fills the form from a saved activity', () => {
    const values = activityValues({
      id: stepId,
      programmeId: stepId,
      name: 'Praktik',
      type: 'internship',
      stepId: null,
      stepName: null,
      plannedHours: 80,
      deliveryLanguage: 'sv',
      interpreter: true,
      description: null,
      mandatoryTargetGroupIds: [],
      active: false,
      version: 3,
    });
    expect(values).toMatchObject({ stepId: '', plannedHours: '80', description: '', active: false });
  });
});
