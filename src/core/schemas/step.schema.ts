import { z } from 'zod';
import { id, isoDate, requiredText } from './common.ts';

/** Starts one of the programme's steps; a participant may be in several steps at once. */
export const stepStartInput = z.object({
  // An unchosen step is a missing field, not a malformed id.
  stepId: z.string({ message: 'required' }).min(1, { message: 'required' }).pipe(id),
  startedOn: isoDate,
});
export type StepStartInput = z.input<typeof stepStartInput>;

export const stepEndInput = z.object({ endedOn: isoDate });
export type StepEndInput = z.input<typeof stepEndInput>;

export const checklistTickInput = z.object({ tickedOn: isoDate });
export type ChecklistTickInput = z.input<typeof checklistTickInput>;

export const maxChecklistItems = 50;

/** A step's checklist, in order. Items keep their ids so ticks stay linked; an item without an id is new. */
export const checklistInput = z.object({
  items: z
    .array(z.object({ id: id.optional(), label: requiredText(200) }), { message: 'invalid_value' })
    .max(maxChecklistItems, { message: 'too_many' }),
});
export type ChecklistInput = z.input<typeof checklistInput>;

export const checklistItem = z.object({ id, ordinal: z.number().int(), label: z.string() });
export const checklist = z.object({ stepId: id, items: z.array(checklistItem) });
export type Checklist = z.infer<typeof checklist>;

export const stepParams = z.object({ id, stepId: id });
export const tickParams = z.object({ id, itemId: id });

/** A step of a participant's enrolment with its checklist: each item ticked (when, by whom) or not. */
export const enrolmentStep = z.object({
  id,
  stepId: id,
  ordinal: z.number().int(),
  name: z.string(),
  startedOn: z.string(),
  endedOn: z.string().nullable(),
  checklist: z.array(
    z.object({
      itemId: id,
      label: z.string(),
      tickedOn: z.string().nullable(),
      tickedByName: z.string().nullable(),
    }),
  ),
});
export type EnrolmentStep = z.infer<typeof enrolmentStep>;

/** The centre's board for the weekly team meeting: each step with the participants in it now. */
export const stepBoard = z.object({
  centreId: id,
  centreName: z.string(),
  programmes: z.array(
    z.object({
      programmeId: id,
      programmeName: z.string(),
      steps: z.array(
        z.object({
          stepId: id,
          ordinal: z.number().int(),
          name: z.string(),
          participants: z.array(
            z.object({
              participantId: id,
              enrolmentStepId: id,
              firstName: z.string(),
              lastName: z.string(),
              since: z.string(),
            }),
          ),
        }),
      ),
    }),
  ),
});
export type StepBoard = z.infer<typeof stepBoard>;
