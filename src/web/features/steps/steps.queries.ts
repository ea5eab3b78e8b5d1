import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Enrolment } from '../../../core/schemas/enrolment.schema.ts';
import type { StepBoard, StepEndInput, StepStartInput } from '../../../core/schemas/step.schema.ts';
import { api } from '../../api/client.ts';
import { enrolmentKeys } from '../enrolments/enrolments.queries.ts';

export const stepBoardKeys = {
  all: ['step-board'] as const,
  centre: (centreId: string) => ['step-board', centreId] as const,
};

export function useStepBoard(centreId: string) {
  return useQuery({
    queryKey: stepBoardKeys.centre(centreId),
    queryFn: () => api.get<StepBoard>(`/centres/${centreId}/step-board`),
  });
}

/** A change to a participant's steps: their enrolments and the boards are out of date. */
function useStepMutation<T>(participantId: string, mutationFn: (input: T) => Promise<Enrolment>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn,
    onSuccess: (enrolment) => {
      queryClient.setQueryData<{ items: Enrolment[] }>(enrolmentKeys.list(participantId), (current) =>
        current ? { items: current.items.map((e) => (e.id === enrolment.id ? enrolment : e)) } : current,
      );
      void queryClient.invalidateQueries({ queryKey: stepBoardKeys.all });
      void queryClient.invalidateQueries({ queryKey: ['caseload'] });
    },
  });
}

export function useStartStep(participantId: string) {
  return useStepMutation(
    participantId,
    ({ enrolmentId, ...input }: StepStartInput & { enrolmentId: string }) =>
      api.post<Enrolment>(`/enrolments/${enrolmentId}/steps`, input),
  );
}

export function useEndStep(participantId: string) {
  return useStepMutation(
    participantId,
    ({ enrolmentStepId, ...input }: StepEndInput & { enrolmentStepId: string }) =>
      api.post<Enrolment>(`/enrolment-steps/${enrolmentStepId}/end`, input),
  );
}

export function useToggleTick(participantId: string) {
  return useStepMutation(
    participantId,
    ({
      enrolmentStepId,
      itemId,
      tickedOn,
    }: {
      enrolmentStepId: string;
      itemId: string;
      tickedOn: string | null;
    }) =>
      tickedOn
        ? api.post<Enrolment>(`/enrolment-steps/${enrolmentStepId}/checklist/${itemId}`, { tickedOn })
        : api.delete<Enrolment>(`/enrolment-steps/${enrolmentStepId}/checklist/${itemId}`),
  );
}
