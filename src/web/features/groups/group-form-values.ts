import type { GroupInput } from '../../../core/schemas/activity.schema.ts';
import { rowKey } from '../programmes/programme-form-values.ts';

// What the new-group form holds: text as typed, and a key per schedule row so React keeps rows apart.

export type SlotValues = { key: string; weekday: string; startTime: string; endTime: string };

export type GroupFormValues = {
  programmeId: string;
  activityId: string;
  centreId: string;
  name: string;
  leaderId: string;
  room: string;
  startsOn: string;
  endsOn: string;
  schedule: SlotValues[];
};

export const groupFieldNames = [
  'activityId',
  'centreId',
  'name',
  'leaderId',
  'room',
  'startsOn',
  'endsOn',
  'schedule',
] as const;

export function emptySlot(): SlotValues {
  return { key: rowKey(), weekday: '', startTime: '', endTime: '' };
}

export function emptyGroupValues(centreId = ''): GroupFormValues {
  return {
    programmeId: '',
    activityId: '',
    centreId,
    name: '',
    leaderId: '',
    room: '',
    startsOn: '',
    endsOn: '',
    schedule: [emptySlot()],
  };
}

// A blank field is left out, so the schema reports it as missing rather than malformed.
const blankAsMissing = (text: string) => (text.trim() === '' ? undefined : text.trim()) as string;

export function toGroupInput(values: GroupFormValues): GroupInput {
  return {
    activityId: blankAsMissing(values.activityId),
    centreId: blankAsMissing(values.centreId),
    name: values.name,
    leaderId: blankAsMissing(values.leaderId),
    room: values.room,
    startsOn: blankAsMissing(values.startsOn),
    endsOn: blankAsMissing(values.endsOn),
    schedule: values.schedule.map((slot) => ({
      weekday: (slot.weekday === '' ? undefined : Number(slot.weekday)) as number,
      startTime: blankAsMissing(slot.startTime),
      endTime: blankAsMissing(slot.endTime),
    })),
  };
}

/** The path of the control an error belongs to: a schedule row's field, the schedule, or a top field. */
export function groupFieldPath(field: string): string | undefined {
  const [top, index, leaf] = field.split('.');
  if (!top || !(groupFieldNames as readonly string[]).includes(top)) return undefined;
  if (top === 'schedule' && index !== undefined && /^\d+$/.test(index)) {
    return leaf ? `schedule.${index}.${leaf}` : `schedule.${index}.weekday`;
  }
  return top;
}
