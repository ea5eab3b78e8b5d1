import type { PlacementInput } from '../../../core/schemas/placement.schema.ts';
import { customIssue, type Issue } from '../../components/form-errors.ts';
import type { EmployerChoice } from '../employers/employer-combobox.tsx';
import { emptySlot, type SlotValues } from '../groups/group-form-values.ts';

// What the new-placement form holds: text as typed, choices as ids ('' for none), schedule rows with keys.

export type PlacementFormValues = {
  enrolmentId: string;
  employer: EmployerChoice | null;
  openingId: string;
  supervisorId: string;
  activityId: string;
  responsibleId: string;
  startsOn: string;
  endsOn: string;
  schedule: SlotValues[];
  tasks: string;
  goalIds: string[];
};

export const placementFieldNames = [
  'enrolmentId',
  'employerId',
  'openingId',
  'supervisorId',
  'activityId',
  'responsibleId',
  'startsOn',
  'endsOn',
  'schedule',
  'tasks',
  'goalIds',
] as const;

/** A working week of the usual hours, Monday to Friday, to be changed where the placement differs. */
export function workingWeek(): SlotValues[] {
  return [1, 2, 3, 4, 5].map((weekday) => ({
    ...emptySlot(),
    weekday: String(weekday),
    startTime: '08:00',
    endTime: '16:00',
  }));
}

export function emptyPlacementValues(start: Partial<PlacementFormValues> = {}): PlacementFormValues {
  return {
    enrolmentId: '',
    employer: null,
    openingId: '',
    supervisorId: '',
    activityId: '',
    responsibleId: '',
    startsOn: '',
    endsOn: '',
    schedule: workingWeek(),
    tasks: '',
    goalIds: [],
    ...start,
  };
}

// A blank field is left out, so the schema reports it as missing rather than malformed.
const blankAsMissing = (text: string) => (text.trim() === '' ? undefined : text.trim()) as string;

export function toPlacementInput(values: PlacementFormValues): PlacementInput {
  return {
    enrolmentId: blankAsMissing(values.enrolmentId),
    employerId: values.employer?.id as string,
    openingId: values.openingId === '' ? null : values.openingId,
    supervisorId: blankAsMissing(values.supervisorId),
    activityId: blankAsMissing(values.activityId),
    responsibleId: blankAsMissing(values.responsibleId),
    startsOn: blankAsMissing(values.startsOn),
    endsOn: blankAsMissing(values.endsOn),
    schedule: values.schedule.map((slot) => ({
      weekday: (slot.weekday === '' ? undefined : Number(slot.weekday)) as number,
      startTime: blankAsMissing(slot.startTime),
      endTime: blankAsMissing(slot.endTime),
    })),
    tasks: values.tasks,
    goalIds: values.goalIds,
  };
}

/** The path of the control an error belongs to: a schedule row's field, the schedule, or a top field. */
export function placementFieldPath(field: string): string | undefined {
  const [top, index, leaf] = field.split('.');
  if (!top || !(placementFieldNames as readonly string[]).includes(top)) return undefined;
  if (top === 'schedule' && index !== undefined && /^\d+$/.test(index)) {
    return leaf ? `schedule.${index}.${leaf}` : `schedule.${index}.weekday`;
  }
  return top;
}

const choiceFields = ['enrolmentId', 'employerId', 'supervisorId', 'activityId', 'responsibleId'] as const;

/** The schema finds an id left blank malformed; for a choice not made, it is simply missing. */
export function blankChoicesAsMissing(issues: readonly Issue[], values: PlacementFormValues): Issue[] {
  const blank = (field: (typeof choiceFields)[number]) =>
    field === 'employerId' ? values.employer === null : values[field] === '';
  return issues.map((issue) => {
    const [field] = issue.path;
    return issue.path.length === 1 &&
      (choiceFields as readonly unknown[]).includes(field) &&
      blank(field as (typeof choiceFields)[number])
      ? customIssue(String(field), 'required')
      : issue;
  });
}
