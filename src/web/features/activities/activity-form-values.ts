import type { ActivityType } from '../../../core/enums.ts';
import type { LanguageCode } from '../../../core/languages.ts';
import type { Activity, ActivityInput } from '../../../core/schemas/activity.schema.ts';
import { parseNumber } from '../programmes/programme-form-values.ts';

// What the activity form holds: text as typed, choices as their codes ('' when none is chosen).

export type ActivityFormValues = {
  name: string;
  type: string;
  stepId: string;
  plannedHours: string;
  deliveryLanguage: string;
  interpreter: boolean;
  description: string;
  mandatoryTargetGroupIds: string[];
  active: boolean;
};

export const activityFieldNames = [
  'name',
  'type',
  'stepId',
  'plannedHours',
  'deliveryLanguage',
  'interpreter',
  'description',
  'mandatoryTargetGroupIds',
  'active',
] as const;

export function emptyActivityValues(): ActivityFormValues {
  return {
    name: '',
    type: '',
    stepId: '',
    plannedHours: '',
    deliveryLanguage: 'sv',
    interpreter: false,
    description: '',
    mandatoryTargetGroupIds: [],
    active: true,
  };
}

export function activityValues(activity: Activity): ActivityFormValues {
  return {
    name: activity.name,
    type: activity.type,
    stepId: activity.stepId ?? '',
    plannedHours: String(activity.plannedHours),
    deliveryLanguage: activity.deliveryLanguage,
    interpreter: activity.interpreter,
    description: activity.description ?? '',
    mandatoryTargetGroupIds: [...activity.mandatoryTargetGroupIds],
    active: activity.active,
  };
}

export function toActivityInput(values: ActivityFormValues): ActivityInput {
  return {
    name: values.name,
    // A blank choice is left out, so the schema reports it as missing rather than malformed.
    type: (values.type || undefined) as ActivityType,
    stepId: values.stepId || null,
    plannedHours: parseNumber(values.plannedHours) as number,
    deliveryLanguage: (values.deliveryLanguage || undefined) as LanguageCode,
    interpreter: values.interpreter,
    description: values.description,
    mandatoryTargetGroupIds: values.mandatoryTargetGroupIds,
    active: values.active,
  };
}
